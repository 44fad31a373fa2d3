#!/usr/bin/env node
// The `sanad` command. TypeScript runs through tsx's loader, so no build step is needed.
import { register } from 'tsx/esm/api';

const args = process.argv.slice(2);
// `start --build-web` (npm start): build the web app if missing or stale, then serve, in this one
// process, so a signal sent to `npm start` reaches the server and it frees the data directory
if (args[0] === 'start' && args.includes('--build-web')) {
  const { ensureWebBuild } = await import('../scripts/ensure-web-build.js');
  if (!ensureWebBuild()) process.exit(1);
}
register();
const { run } = await import('../src/server/main.ts');
await run(args.filter((a) => a !== '--build-web'));
