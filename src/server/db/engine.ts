import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './lock';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Drizzle = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the database itself or a transaction. */
export type Queryable = Drizzle | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Drizzle;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** false for tests that open many throw-away databases in one process */
  lock?: boolean;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // a dropped connection must not crash the server; the next query reconnects
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Drizzle;
    await db.execute(sql`select 1`);
    return { kind: 'postgres', db, close: () => pool.end() };
  }
  const dataDir = resolve(opts.dataDir ?? './data');
  mkdirSync(dataDir, { recursive: true });
  let lock: DataDirLock | undefined;
  if (opts.lock !== false) lock = await lockDataDir(dataDir);
  try {
    const client = await PGlite.create(join(dataDir, 'pg'), { extensions: { pg_trgm, btree_gist } });
    const db = drizzlePglite({ client, schema }) as unknown as Drizzle;
    return {
      kind: 'pglite',
      db,
      close: async () => {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** In-memory PGlite for tests that need no files. */
export async function openMemoryDatabase(): Promise<Database> {
  const client = await PGlite.create({ extensions: { pg_trgm, btree_gist } });
  const db = drizzlePglite({ client, schema }) as unknown as Drizzle;
  return { kind: 'pglite', db, close: () => client.close() };
}

export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  // biome-ignore lint/suspicious/noExplicitAny: the two drivers' migrators take their own db types
  const db = database.db as any;
  if (database.kind === 'postgres') await migratePg(db, config);
  else await migratePglite(db, config);
}
