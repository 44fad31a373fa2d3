// Builds the web app when dist/web is missing or older than its sources: the server serves it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './server.ts';

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.endsWith('.test.ts')) continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

export default function setup(): void {
  const built = join(REPO_ROOT, 'dist/web/index.html');
  const sources = ['src/web', 'src/domain', 'vite.config.ts'].map((p) => join(REPO_ROOT, p));
  const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map(newest));
  if (!stale) return;
  console.log('[e2e] building the web app (dist/web is missing or stale)…');
  const res = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: REPO_ROOT,
    // vitest sets NODE_ENV=test, which would bundle React's development build
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error(`vite build failed with status ${res.status}`);
}
