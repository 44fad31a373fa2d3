#!/usr/bin/env node
// The `sanad` command. TypeScript runs through tsx's loader, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/server/main.ts');
await run(process.argv.slice(2));
