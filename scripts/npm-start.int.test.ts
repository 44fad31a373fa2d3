import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `npm start` must be one process that npm's signal reaches: SIGTERM to npm stops the server and
// frees the data directory (it used to be `a && b` under sh, and the server outlived npm).

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sanad-npm-start-'));
const webDir = join(dir, 'web'); // a web app already built elsewhere: no vite build in this test
mkdirSync(webDir);
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Sanad</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = (dataDir: string) => ({
  ...process.env,
  DATA_DIR: dataDir,
  PORT: '0',
  HOST: '127.0.0.1',
  SANAD_WEB_DIR: webDir,
  SANAD_ADMIN_PASSWORD: 'npm start password 1',
  SANAD_SECRET_KEY: 'npm start test key',
  LOG_LEVEL: 'warn',
  DATABASE_URL: '',
});

/** Every process under `pid` (npm → sh → node, however the shell runs the script). */
function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of table)
      if (parent === p) {
        out.push(child);
        walk(child);
      }
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function listening(proc: ChildProcess, output: () => string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const m = /Sanad listening on (http:\/\/\S+)/.exec(output());
    if (m) return m[1]!;
    if (proc.exitCode !== null) throw new Error(`npm start exited: ${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`npm start did not listen: ${output()}`);
}

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'stops the server and frees the data directory on %s to npm',
    async (signal) => {
      const dataDir = join(dir, signal);
      const npm = spawn('npm', ['start', '--silent'], { cwd: ROOT, env: env(dataDir) });
      let out = '';
      npm.stdout.on('data', (d) => (out += d));
      npm.stderr.on('data', (d) => (out += d));
      const exited = new Promise<void>((r) => npm.on('exit', () => r()));
      const url = await listening(npm, () => out);
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      const tree = descendants(npm.pid!);
      expect(tree.length).toBeGreaterThan(0);

      npm.kill(signal);
      await exited;
      for (let i = 0; i < 100 && tree.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
      expect(tree.filter(alive), out).toEqual([]);
      expect(existsSync(join(dataDir, 'sanad.lock'))).toBe(false);
      // the data directory is free: another process opens it
      const again = spawn(process.execPath, [join(ROOT, 'bin/sanad.js'), 'migrate'], {
        cwd: ROOT,
        env: env(dataDir),
      });
      let err = '';
      again.stderr.on('data', (d) => (err += d));
      const code = await new Promise<number | null>((r) => again.on('exit', r));
      expect(code, err).toBe(0);
    },
  );
});
