// What the benches share: percentiles, the figure and ratio formats, a throw-away PostgreSQL
// database, and one child process per engine (so each engine's peak RSS is its own).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
export const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms   p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms`;
/** endpoint ÷ bare query, at p50 and p95 */
export const ratio = (xs: number[], base: number[]) =>
  `p50 ×${(pct(xs, 50) / Math.max(0.001, pct(base, 50))).toFixed(1)}  p95 ×${(pct(xs, 95) / Math.max(0.001, pct(base, 95))).toFixed(1)}`;
export const verdict = (xs: number[], target: number) => (pct(xs, 95) <= target ? 'meets' : 'MISSES');

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

export function options(args: string[]) {
  return (name: string, d: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? (args[i + 1] as string) : d;
  };
}

/** A fresh database next to the one in `url` (or the kept `sanad_bench_<keep>`), dropped afterwards unless kept. */
export async function withFreshPg(url: string, keep: string, fn: (url: string) => Promise<void>) {
  const name = keep
    ? `sanad_bench_${keep}`
    : `sanad_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = async <T extends pg.QueryResultRow>(q: string, params: unknown[] = []) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c.query<T>(q, params).finally(() => c.end());
  };
  const exists = (await admin('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin(`CREATE DATABASE ${name}`);
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  try {
    await fn(fresh.toString());
  } finally {
    if (!keep) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** Runs `file` again with `--child`, the engine's database URL in BENCH_DATABASE_URL ('' = PGlite). */
export const runChild = (file: string, args: string[], databaseUrl: string) =>
  new Promise<void>((resolve, reject) => {
    const p = fork(file, [...args, '--child'], {
      env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    p.once('exit', (code) => (code ? reject(new Error(`benchmark run exited with ${code}`)) : resolve()));
  });
