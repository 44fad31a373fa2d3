import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inMission, rows } from '../platform/tx';
import { buildCentre, buildOrganisation } from '../test/factories';
import { json, type TestApp, testApp } from '../test/harness';

let t: TestApp;
let other: { missionId: string };
beforeAll(async () => {
  t = await testApp();
  await t.admin.post('/api/v1/centres', buildCentre({ name: 'Home centre' }));
  await t.admin.post('/api/v1/organisations', buildOrganisation({ name: 'Home partner' }));
  other = await t.createMission('OTH');
  const otherAdmin = await t.signIn({ username: 'other-admin', role: 'admin', missionId: other.missionId });
  expect((await otherAdmin.post('/api/v1/centres', buildCentre({ name: 'Other centre' }))).statusCode).toBe(
    201,
  );
});
afterAll(() => t.close());

/** Every table that carries a mission. */
async function tenantTables(): Promise<string[]> {
  const found = await rows<{ table_name: string }>(
    t.database.db.execute(sql`
      select c.table_name from information_schema.columns c
      join information_schema.tables tb on tb.table_name = c.table_name and tb.table_schema = c.table_schema
      where c.table_schema = 'public' and c.column_name = 'mission_id' and tb.table_type = 'BASE TABLE'
      order by 1`),
  );
  return found.map((r) => r.table_name);
}

describe('mission isolation in the database', () => {
  it('enables row-level security with a policy on every tenant table (and on missions)', async () => {
    const tables = [...(await tenantTables()), 'missions'];
    expect(tables.length).toBeGreaterThanOrEqual(10);
    const secured = await rows<{ relname: string; relrowsecurity: boolean; policies: number }>(
      t.database.db.execute(sql`
        select c.relname, c.relrowsecurity,
               (select count(*)::int from pg_policies p where p.tablename = c.relname) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`),
    );
    for (const table of tables) {
      const s = secured.find((r) => r.relname === table);
      expect(s?.relrowsecurity, `${table} has row-level security`).toBe(true);
      expect(s?.policies, `${table} has a policy`).toBeGreaterThan(0);
    }
  });

  it('a raw query under the app role with another mission set sees none of this mission’s rows', async () => {
    for (const table of await tenantTables()) {
      const [mine] = await rows<{ n: number }>(
        inMission(t.database, t.missionId, (tx) =>
          tx.execute(
            sql`select count(*)::int as n from ${sql.identifier(table)} where mission_id = ${t.missionId}`,
          ),
        ),
      );
      const [leaked] = await rows<{ n: number }>(
        inMission(t.database, other.missionId, (tx) =>
          tx.execute(
            sql`select count(*)::int as n from ${sql.identifier(table)} where mission_id = ${t.missionId}`,
          ),
        ),
      );
      expect(leaked?.n, `${table} leaks across missions`).toBe(0);
      if (['organisations', 'centres', 'users', 'audit_events'].includes(table))
        expect(mine?.n).toBeGreaterThan(0);
    }
  });

  it('the app role runs as a non-superuser and cannot write rows into another mission', async () => {
    const [who] = await rows<{ current_user: string; is_super: string }>(
      inMission(t.database, other.missionId, (tx) =>
        tx.execute(sql`select current_user, current_setting('is_superuser') as is_super`),
      ),
    );
    expect(who?.current_user).toBe('sanad_app');
    expect(who?.is_super).toBe('off');
    await expect(
      inMission(t.database, other.missionId, (tx) =>
        tx.execute(
          sql`insert into organisations (mission_id, id, name, kind) values (${t.missionId}, gen_random_uuid(), 'Smuggled', 'other')`,
        ),
      ),
    ).rejects.toThrow();
  });

  it('without a mission set the app role sees nothing at all', async () => {
    const [n] = await rows<{ n: number }>(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`set local role sanad_app`);
        return tx.execute(sql`select count(*)::int as n from organisations`);
      }),
    );
    expect(n?.n).toBe(0);
  });

  it('the app role cannot rewrite or delete the audit trail', async () => {
    await expect(
      inMission(t.database, t.missionId, (tx) => tx.execute(sql`update audit_events set action = 'x'`)),
    ).rejects.toThrow();
    await expect(
      inMission(t.database, t.missionId, (tx) => tx.execute(sql`delete from audit_events`)),
    ).rejects.toThrow();
  });

  it('the API never shows another mission’s centre', async () => {
    const names = json<{ items: { name: string }[] }>(
      await t.admin.get('/api/v1/centres?limit=200'),
    ).items.map((c) => c.name);
    expect(names).toContain('Home centre');
    expect(names).not.toContain('Other centre');
  });
});
