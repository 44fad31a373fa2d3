#!/usr/bin/env node
// `npm run dev`: the API (sanad start on :3000) and Vite's dev server with hot reload on :5173.
import { spawn } from 'node:child_process';

const procs = [
  spawn(process.execPath, ['bin/sanad.js', 'start'], { stdio: 'inherit' }),
  spawn(process.execPath, ['node_modules/vite/bin/vite.js'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const p of procs) p.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const p of procs)
  p.on('exit', (code) => {
    if (code) {
      stop();
      process.exitCode = code;
    }
  });
