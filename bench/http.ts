// HTTP overhead of Sanad's stack: authenticated GET /api/v1/me against a bare Fastify route
// returning a body of the same size, in the same process set-up. Also the start time of
// `sanad start` on an existing data directory and its RSS. Prints figures; asserts nothing.
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : d;
};
const duration = Number(opt('duration', '10'));
const connections = Number(opt('connections', '10'));
const pgUrl = opt('pg', process.env.DATABASE_URL ?? '');

type Ports = { app: number; bare: number; cookie: string; bytes: number; engine: string };

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, headers, duration, connections });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

async function httpRun(env: NodeJS.ProcessEnv) {
  const child = fork(new URL('./serve.ts', import.meta.url).pathname, [], {
    env,
    execArgv: ['--import', 'tsx'],
  });
  const ports = await new Promise<Ports>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ports));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  await load(`http://127.0.0.1:${ports.app}/api/v1/me`, { cookie: ports.cookie }); // warm-up is part of the first run below
  const me = await load(`http://127.0.0.1:${ports.app}/api/v1/me`, { cookie: ports.cookie });
  const bare = await load(`http://127.0.0.1:${ports.bare}/bare`);
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  const row = (name: string, x: typeof me) =>
    `  ${name.padEnd(28)} ${x.rps.toFixed(0).padStart(8)} req/s   p50 ${String(x.p50).padStart(4)} ms   p99 ${String(x.p99).padStart(4)} ms${x.non2xx ? `   non-2xx ${x.non2xx}` : ''}`;
  console.log(
    `\nEngine: ${ports.engine} (body ${ports.bytes} bytes, ${connections} connections, ${duration} s each)`,
  );
  console.log(row('GET /api/v1/me (signed in)', me));
  console.log(row('bare Fastify, same body', bare));
  console.log(`  ratio me/bare: ${(me.rps / bare.rps).toFixed(2)} (target ≥ 0.5)`);
}

async function startTime(env: NodeJS.ProcessEnv) {
  const bin = new URL('../bin/sanad.js', import.meta.url).pathname;
  const once = () =>
    new Promise<{ ms: number; rssMb: number }>((resolve, reject) => {
      const t0 = performance.now();
      const p = spawn(process.execPath, [bin, 'start'], { env: { ...env, PORT: '0' } });
      let out = '';
      p.stdout.on('data', (d) => {
        out += d;
        if (/listening/.test(out)) {
          const ms = performance.now() - t0;
          setTimeout(() => {
            const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'));
            p.kill('SIGTERM');
            p.once('exit', () => resolve({ ms, rssMb: Number(rss?.[1] ?? 0) / 1024 }));
          }, 500);
        }
      });
      p.once('exit', (code) => (code ? reject(new Error(out)) : undefined));
    });
  await once(); // creates and migrates the data directory
  const runs = [await once(), await once(), await once()];
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[1] ?? 0;
  console.log(
    `  sanad start on an existing data directory: ${ms.toFixed(0)} ms (median of 3, target ≤ 2000 ms)`,
  );
  console.log(`  server RSS after start: ${runs.at(-1)?.rssMb.toFixed(0)} MB`);
}

const dir = mkdtempSync(join(tmpdir(), 'sanad-bench-'));
const base = {
  ...process.env,
  LOG_LEVEL: 'silent',
  SANAD_ADMIN_PASSWORD: 'bench admin pw',
  // the bench measures the server, not the API's rate limit
  SANAD_RATE_LIMIT_PER_SESSION: '0',
  SANAD_RATE_LIMIT_PER_ADDRESS: '0',
  DATABASE_URL: '',
};
try {
  await httpRun({ ...base, DATA_DIR: join(dir, 'http') });
  await startTime({ ...base, DATA_DIR: join(dir, 'start') });
  if (pgUrl) {
    const pg = { ...base, DATABASE_URL: pgUrl, SANAD_SECRET_KEY: 'bench key' };
    await httpRun(pg);
    await startTime(pg);
  } else {
    console.log('\n(PostgreSQL: pass --pg postgres://… or set DATABASE_URL to measure it too)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
