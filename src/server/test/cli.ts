// The real `sanad` command in child processes, on a data directory (and, on PostgreSQL, a database)
// of its own for the test file; SQL straight on that database while no server holds it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll } from 'vitest';
import { freshDatabase, testEngine } from './database';

export const BIN = join(import.meta.dirname, '../../../bin/sanad.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliSandbox {
  dataDir(): string;
  /** the command's environment: the sandbox's data, the file's settings, then `extra` */
  env(extra?: Record<string, string>): NodeJS.ProcessEnv;
  run(args: string[]): Promise<CliRun>;
  /** rows of one statement */
  query<T>(text: string): Promise<T[]>;
  /** several statements, no rows */
  exec(text: string): Promise<void>;
}

/** Registers the file's beforeAll/afterAll: a new data directory, and a database on PostgreSQL. */
export function cliSandbox(prefix: string, settings: Record<string, string>): CliSandbox {
  let dataDir = '';
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), prefix));
    if (testEngine() === 'postgres') {
      const fresh = await freshDatabase();
      await fresh.database.close();
      databaseUrl = fresh.url;
      dropDatabase = fresh.drop;
    }
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase?.().catch(() => {});
  });

  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl ?? '',
    ...settings,
    ...extra,
  });

  type Db = { query(text: string): Promise<unknown[]>; exec(text: string): Promise<void> };
  const onDatabase = async <R>(fn: (db: Db) => Promise<R>): Promise<R> => {
    if (testEngine() === 'pglite') {
      const db = await PGlite.create(join(dataDir, 'pg'));
      try {
        return await fn({
          query: async (text) => (await db.query(text)).rows,
          exec: async (text) => void (await db.exec(text)),
        });
      } finally {
        await db.close();
      }
    }
    const pg = await import('pg');
    const c = new pg.default.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      return await fn({
        query: async (text) => (await c.query(text)).rows,
        exec: async (text) => void (await c.query(text)),
      });
    } finally {
      await c.end();
    }
  };

  return {
    dataDir: () => dataDir,
    env,
    run: (args) =>
      new Promise((resolve) => {
        const p = spawn(process.execPath, [BIN, ...args], { env: env() });
        let stdout = '';
        let stderr = '';
        p.stdout.on('data', (d) => (stdout += d));
        p.stderr.on('data', (d) => (stderr += d));
        p.on('close', (code) => resolve({ code, stdout, stderr }));
      }),
    query: <T>(text: string) => onDatabase(async (db) => (await db.query(text)) as T[]),
    exec: (text) => onDatabase((db) => db.exec(text)),
  };
}
