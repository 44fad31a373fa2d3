#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs bench/<name>.ts, which prints its figures.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

const [name, ...rest] = process.argv.slice(2);
const file = new URL(`../bench/${name ?? ''}.ts`, import.meta.url);
if (!name || !existsSync(file)) {
  console.error('Usage: npm run bench -- <http> [options]');
  process.exit(1);
}
register();
process.argv = [process.argv[0], file.pathname, ...rest];
await import(file.href);
