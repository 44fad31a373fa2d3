import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, it } from 'vitest';
import { type TestApp, testApp } from '../../test/harness';
import { organisations } from '../../db/schema/index';
import { eq } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(() => t.close());

const code = (e: unknown) => { let x: any = e; for (let i = 0; i < 3 && x; i++) { if (x.code) return `${x.code} ${x.message}`; x = x.cause; } return String(e); };
it('probe', async () => {
  try { await t.database.db.execute(sql`select 1 where 'a' ilike ${'%\u0000%'}`); console.log('nul ok'); } catch (e) { console.log('nul', code(e)); }
  try { await t.database.db.select().from(organisations).where(eq(organisations.version, 2147483648)); console.log('ver ok'); } catch (e) { console.log('ver', code(e)); }
});
