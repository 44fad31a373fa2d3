#!/usr/bin/env node
// `npm start` on a fresh clone: build the web app once, and again only when its sources changed.
// Imported by bin/sanad.js (`sanad start --build-web`), so `npm start` is one node process that
// npm's SIGINT/SIGTERM reaches; still runnable alone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const newest = (dir) => {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
};

/**
 * Builds dist/web when missing or older than its sources (unless SANAD_WEB_DIR points elsewhere);
 * returns false if the build failed.
 */
export function ensureWebBuild(root = ROOT) {
  // the server then serves that directory: the operator provides the web app, nothing to build here
  if (process.env.SANAD_WEB_DIR) return true;
  const out = join(root, 'dist/web/index.html');
  const sources = Math.max(
    newest(join(root, 'src/web')),
    newest(join(root, 'src/domain')),
    statSync(join(root, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(out) && statSync(out).mtimeMs >= sources) return true;
  console.log('Building the web app (first start, or its sources changed)…');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  return r.status === 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(ensureWebBuild() ? 0 : 1);
}
