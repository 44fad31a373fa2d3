import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cliSandbox } from './test/cli';
import { testEngine } from './test/database';

// The real `sanad` command in child processes, on the engine under test.
const DEMO_PASSWORD = 'demo password 123';
const ADMIN_PASSWORD = 'admin password 123';

const cli = cliSandbox('sanad-cli-', {
  HOST: '127.0.0.1',
  SANAD_ADMIN_PASSWORD: ADMIN_PASSWORD,
  SANAD_DEMO_PASSWORD: DEMO_PASSWORD,
  SANAD_SECRET_KEY: 'cli test key',
});
const runCli = (args: string[]) => cli.run(args);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Server {
  proc: ChildProcess;
  port: number;
  output: () => string;
  stop(): Promise<number | null>;
}

async function startServer(): Promise<Server> {
  const port = await freePort();
  const proc = spawn(process.execPath, [BIN, 'start'], { env: cli.env({ PORT: String(port) }) });
  let out = '';
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  // a first start migrates a new database: on a busy two-core machine that can take a minute
  const deadline = Date.now() + 150_000;
  for (let ready = false; !ready; ) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${out}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server not listening after 150 s: ${out}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      ready = res.ok;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    proc,
    port,
    output: () => out,
    stop: async () => {
      proc.kill('SIGTERM');
      return exited;
    },
  };
}

async function signIn(port: number, username: string, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'sanad' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(204);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

async function organisationCount(port: number, cookie: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/organisations?limit=200`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

describe('the sanad command', () => {
  it('loads the demo on a brand-new database, idempotently', async () => {
    const first = await runCli(['demo']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Demo mission loaded: 13 organisations, 4 centres, 11 demo users/);
    const again = await runCli(['demo']);
    expect(again.code).toBe(0);
  }, 400_000); // the whole demo mission, twice, on a busy two-core machine

  it('starts, serves, refuses a second process on the same data directory, stops cleanly and keeps its data', async () => {
    const server = await startServer();
    expect(server.output()).toMatch(/Sanad listening on http:\/\/127\.0\.0\.1:/);
    const health = (await (await fetch(`http://127.0.0.1:${server.port}/api/health`)).json()) as {
      database: string;
    };
    expect(health.database).toBe(testEngine());
    const cookie = await signIn(server.port, 'demo-manager', DEMO_PASSWORD);
    // the directory demo's 13, the demo hospital, and the embassies and reintegration partners of returns
    const organisations = await organisationCount(server.port, cookie);
    expect(organisations).toBeGreaterThan(14);
    await signIn(server.port, 'admin', ADMIN_PASSWORD);

    if (testEngine() === 'pglite') {
      expect(existsSync(join(cli.dataDir(), 'pg'))).toBe(true);
      const second = await runCli(['start']);
      expect(second.code).not.toBe(0);
      expect(second.stderr).toMatch(/in use by another Sanad process/);
      const demoWhileRunning = await runCli(['demo']);
      expect(demoWhileRunning.code).toBe(1);
    }

    expect(await server.stop()).toBe(0);
    expect(existsSync(join(cli.dataDir(), 'sanad.lock'))).toBe(false);

    const restarted = await startServer();
    const again = await signIn(restarted.port, 'demo-manager', DEMO_PASSWORD);
    expect(await organisationCount(restarted.port, again)).toBe(organisations);
    await signIn(restarted.port, 'admin', ADMIN_PASSWORD);
    expect(await restarted.stop()).toBe(0);
  }, 400_000); // two starts, each may migrate or wait on a busy machine

  it('adds a user scoped to a centre by name, and rejects bad arguments with a one-line reason', async () => {
    const ok = await runCli([
      'user',
      'add',
      '--username',
      'cli-caseworker',
      '--password',
      'long enough pw',
      '--role',
      'caseworker',
      '--centre',
      'Al-Waha Reception Centre',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Added user cli-caseworker \(caseworker at Al-Waha Reception Centre\)/);
    // an operator typed this password for someone else: it is replaced at first sign-in, while the
    // bootstrap administrator (SANAD_ADMIN_PASSWORD) and the demo users are not forced
    const forced = await cli.query<{ username: string; password_change_required: boolean }>(
      `select username, password_change_required from users
       where username in ('cli-caseworker', 'admin', 'demo-manager') order by username`,
    );
    expect(forced).toEqual([
      { username: 'admin', password_change_required: false },
      { username: 'cli-caseworker', password_change_required: true },
      { username: 'demo-manager', password_change_required: false },
    ]);
    const bad = await runCli([
      'user',
      'add',
      '--username',
      'x1',
      '--password',
      'long enough pw',
      '--role',
      'wizard',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^sanad: Unknown role "wizard"/);
    const noCentre = await runCli([
      'user',
      'add',
      '--username',
      'x2',
      '--password',
      'long enough pw',
      '--role',
      'nurse',
      '--centre',
      'Nowhere',
    ]);
    expect(noCentre.code).toBe(1);
    expect(noCentre.stderr).toMatch(/No centre named "Nowhere"/);
    expect((await runCli(['frobnicate'])).code).toBe(1);
  });

  it('audit verify passes on an intact trail and names the row changed with SQL', async () => {
    const intact = await runCli(['audit', 'verify']);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/Audit trail intact: \d+ events checked/);

    const tamper = `alter table audit_events disable trigger audit_events_append_only;
      update audit_events set entity_type = 'forged' where seq = 5;
      alter table audit_events enable trigger audit_events_append_only;`;
    await cli.exec(tamper);
    const broken = await runCli(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/audit event seq 5 .*contents do not match/);
  });
});
