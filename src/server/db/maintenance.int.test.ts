import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../platform/tx';
import { freshDatabase, testEngine } from '../test/database';
import type { Database } from './engine';
import { maintainDatabase } from './maintenance';

let db: { database: Database; drop(): Promise<void> };
const log = { info: () => {}, warn: () => {} } as never;
const allVisible = async (d: Database) =>
  (
    await rows<{ n: number }>(
      d.db.execute(sql`select relallvisible::int as n from pg_class where relname = 'maintenance_probe'`),
    )
  )[0]?.n ?? 0;

beforeAll(async () => {
  db = await freshDatabase();
  await db.database.db.execute(sql`create table maintenance_probe (id int primary key, v text)`);
  await db.database.db.execute(
    sql`insert into maintenance_probe select g, repeat('x', 200) from generate_series(1, 5000) g`,
  );
  await db.database.db.execute(sql`delete from maintenance_probe where id % 2 = 0`);
});
afterAll(() => db.drop());

describe('database maintenance', () => {
  it.runIf(testEngine() === 'pglite')(
    'vacuums the embedded database (no autovacuum there): pages become all-visible, statistics fresh',
    async () => {
      expect(await allVisible(db.database)).toBe(0);
      expect(await maintainDatabase({ database: db.database, log })).toBe(true);
      expect(await allVisible(db.database)).toBeGreaterThan(0);
      const [stats] = await rows<{ reltuples: number }>(
        db.database.db.execute(
          sql`select reltuples::int as reltuples from pg_class where relname = 'maintenance_probe'`,
        ),
      );
      expect(stats?.reltuples).toBe(2500);
    },
  );

  it.runIf(testEngine() === 'postgres')('leaves a PostgreSQL server to its own autovacuum', async () => {
    expect(await maintainDatabase({ database: db.database, log })).toBe(false);
  });
});
