#!/usr/bin/env node
// `npm start` on a fresh clone: build the web app once, and again only when its sources changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const out = 'dist/web/index.html';
const newest = (dir) => {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
};
const sources = Math.max(newest('src/web'), newest('src/domain'), statSync('vite.config.ts').mtimeMs);
if (existsSync(out) && statSync(out).mtimeMs >= sources) process.exit(0);
console.log('Building the web app (first start, or its sources changed)…');
const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
