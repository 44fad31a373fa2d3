import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPassword } from './platform/auth/passwords';
import { BIN, cliSandbox } from './test/cli';
import { testEngine } from './test/database';

// `sanad user reset-password` / `reset-2fa`: the lone administrator's way back in, in child processes.
const cli = cliSandbox('sanad-cli-recovery-', {
  SANAD_SECRET_KEY: 'cli recovery test key',
  SANAD_ADMIN_PASSWORD: 'first admin password 1',
});
const runCli = cli.run;
const query = cli.query;

type Account = {
  id: string;
  password_hash: string;
  password_change_required: boolean;
  locked_until: Date | null;
  totp_enabled: boolean;
  totp_secret: string | null;
  totp_recovery_codes: string[];
};
const account = async () =>
  (await query<Account>(`select * from users where username = 'lone-admin'`))[0] as Account;

describe('sanad user reset-password / reset-2fa', () => {
  it('gives a locked-out administrator a new password to change at sign-in and removes the second factor, audited', async () => {
    const added = await runCli([
      'user',
      'add',
      '--username',
      'lone-admin',
      '--password',
      'long enough pw',
      '--role',
      'admin',
    ]);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    // enrolled, with recovery codes, and locked out
    await query(`update users set totp_enabled = true, totp_secret = 'sealed', totp_last_step = 5,
      totp_recovery_codes = '["h1","h2"]'::jsonb, failed_attempts = 3,
      locked_until = now() + interval '1 hour', password_change_required = false
      where username = 'lone-admin'`);

    const reset = await runCli(['user', 'reset-password', 'Lone-Admin']);
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    const password = /New password for "lone-admin": (\S+)/.exec(reset.stdout)?.[1];
    expect(password).toBeTruthy();
    let row = await account();
    expect(await verifyPassword(row.password_hash, password as string)).toBe(true);
    expect(await verifyPassword(row.password_hash, 'long enough pw')).toBe(false);
    expect(row.password_change_required).toBe(true);
    expect(row.locked_until).toBeNull();
    expect(row.totp_enabled).toBe(true); // a password reset leaves the second factor alone

    const totp = await runCli(['user', 'reset-2fa', 'lone-admin']);
    expect(totp.code).toBe(0);
    expect(totp.stdout).toMatch(/Two-factor authentication removed for "lone-admin"/);
    row = await account();
    expect(row).toMatchObject({ totp_enabled: false, totp_secret: null, totp_recovery_codes: [] });

    const events = await query<{ action: string; actor_username: string; detail: { via: string } }>(
      `select action, actor_username, detail from audit_events
       where entity_id = '${row.id}' and action in ('password_reset', 'totp_reset') order by seq`,
    );
    expect(events).toEqual([
      { action: 'password_reset', actor_username: 'system', detail: { via: 'cli', username: 'lone-admin' } },
      { action: 'totp_reset', actor_username: 'system', detail: { via: 'cli', username: 'lone-admin' } },
    ]);
  }, 300_000); // three commands, the first migrates a new database

  it('names an unknown account or a missing username in one line and exits 1', async () => {
    const unknown = await runCli(['user', 'reset-password', 'nobody']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe('sanad: No user named "nobody"');
    const missing = await runCli(['user', 'reset-2fa']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^sanad: user reset-2fa needs exactly one username/);
  }, 120_000);
});

describe('sanad start on a new installation', () => {
  // a fresh data directory of its own (the embedded engine; a PostgreSQL run has the one database)
  it.skipIf(testEngine() === 'postgres')(
    'prints the generated admin password in a plain box on stdout, outside any JSON log line',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sanad-first-start-'));
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DATA_DIR: dir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
      };
      delete env.SANAD_ADMIN_PASSWORD;
      delete env.DATABASE_URL;
      const p = spawn(process.execPath, [BIN, 'start'], { env });
      let stdout = '';
      p.stdout.on('data', (d) => (stdout += d));
      try {
        const deadline = Date.now() + 150_000;
        while (!/\+-+\+\n(?:.*\n)*?\+-+\+/.test(stdout) || !/listening on (\S+)/.test(stdout)) {
          if (p.exitCode !== null || Date.now() > deadline) throw new Error(`no password box: ${stdout}`);
          await new Promise((r) => setTimeout(r, 100));
        }
        const password = /\|\s+password: (\S+)\s+\|/.exec(stdout)?.[1] as string;
        expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
        expect(stdout).toMatch(/\|\s+username: admin\s+\|/);
        expect(stdout).toContain('LOG_LEVEL=warn');
        for (const line of stdout.split('\n').filter((l) => l.startsWith('{')))
          expect(line).not.toContain(password);
        const url = /listening on (\S+)/.exec(stdout)?.[1] as string;
        const res = await fetch(`${url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-requested-with': 'sanad' },
          body: JSON.stringify({ username: 'admin', password }),
        });
        expect(res.status).toBe(204);
      } finally {
        p.kill('SIGTERM');
        if (p.exitCode === null) await once(p, 'exit');
        rmSync(dir, { recursive: true, force: true });
      }
    },
    200_000,
  );
});
