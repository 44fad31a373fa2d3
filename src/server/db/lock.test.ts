import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_NAME, lockDataDir } from './lock';

const dirs: string[] = [];
const children: ChildProcess[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sanad-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Another process that takes the lock through the same module and says when it holds it. */
function holdInChild(dir: string): Promise<ChildProcess> {
  const lockModule = resolve(import.meta.dirname, 'lock.ts');
  const script = `const { lockDataDir } = await import(${JSON.stringify(lockModule)});
    await lockDataDir(${JSON.stringify(dir)}); process.stdout.write('held\\n'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((ok, fail) => {
    child.stdout?.on('data', (b: Buffer) => b.toString().includes('held') && ok(child));
    child.once('exit', (code) => fail(new Error(`lock holder exited with ${code}`)));
  });
}

describe('data directory lock', () => {
  it('is not blocked by a leftover lock file naming a live pid (ours)', async () => {
    const dir = freshDir();
    writeFileSync(join(dir, LOCK_NAME), String(process.pid));
    const lock = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    lock.release();
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
    (await lockDataDir(dir)).release();
  });

  it('refuses while another live process holds it, and is free again once that process is killed', async () => {
    const dir = freshDir();
    const child = await holdInChild(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(/in use by another Sanad process/);
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGKILL');
    await exited;
    const lock = await lockDataDir(dir); // the dead holder's socket is left behind, and taken over
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);
});
