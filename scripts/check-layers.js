#!/usr/bin/env node
// CI gate for the layering rules (see scripts/layers.ts).
import { register } from 'tsx/esm/api';

register();
const { checkTree } = await import('./layers.ts');
const violations = checkTree(process.cwd());
for (const v of violations) console.error(`${v.file}: imports "${v.specifier}": ${v.why}`);
if (violations.length) process.exit(1);
console.log('Layers: web → domain ← server, nothing else.');
