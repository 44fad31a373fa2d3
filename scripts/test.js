#!/usr/bin/env node
// `npm test`: unit and integration tests (PGlite by default), then the browser journeys.
// With SANAD_TEST_REPORT_DIR set, each run also writes a JSON report there (CI sums them).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const dir = process.env.SANAD_TEST_REPORT_DIR;
const vitest = 'node_modules/vitest/vitest.mjs';
const runs = [
  { name: 'unit-integration', args: ['run'] },
  { name: 'e2e', args: ['run', '--config', 'vitest.e2e.config.ts'] },
];
let failed = false;
for (const r of runs) {
  const report = dir
    ? ['--reporter=default', '--reporter=json', `--outputFile.json=${join(dir, `${r.name}.json`)}`]
    : [];
  console.log(`\n── ${r.name} ──`);
  const res = spawnSync(process.execPath, [vitest, ...r.args, ...report], { stdio: 'inherit' });
  if (res.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
