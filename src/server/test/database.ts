import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, migrate, openDatabase, openMemoryDatabase } from '../db/engine';

/**
 * The engine the integration suite runs on: PGlite by default, a PostgreSQL server when
 * SANAD_TEST_ENGINE=postgres (TEST_DATABASE_URL points at a database on that server; each
 * test file gets a fresh database of its own next to it).
 */
export const testEngine = (): 'pglite' | 'postgres' =>
  process.env.SANAD_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('SANAD_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  return url;
}

export async function freshDatabase(): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  if (testEngine() === 'pglite') {
    const database = await openMemoryDatabase();
    await migrate(database);
    return { database, drop: () => database.close() };
  }
  const base = new URL(serverUrl());
  const name = `sanad_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  await migrate(database);
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
