import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../domain/audit/schemas';
import type { Centre, Organisation, User } from '../../../domain/directory/schemas';
import { auditBuffer } from '../../platform/audit';
import { asSystem } from '../../platform/http';
import { csvRows } from '../../test/exports';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { type Client, PASSWORD, type TestApp, testApp } from '../../test/harness';
import { expectProblem, ok, q, sorted } from './directory.policy.support';

// The directory's lists and the audit log: the total is counted through the reader's own scope
// and filters, and every sort column pages through every row exactly once, ties included.

type Counted<T> = { items: T[]; nextCursor: string | null; total: number; totalCapped: boolean };
type Row = { id: string };

let t: TestApp;
let orgs: Organisation[];
let centres: Centre[];

const created = async <T>(c: Client, url: string, body: unknown) => ok<T>(await c.post(url, body), 201);

beforeAll(async () => {
  t = await testApp();
  // ties on every sort column: same capacity, type, kind and display name; missing locations,
  // acronyms and (below) audit actors
  orgs = [];
  for (const [acronym, kind] of [
    ['ZED', 'partner_ngo'],
    [undefined, 'partner_ngo'],
    ['ABC', 'donor'],
    [undefined, 'donor'],
    ['ABC2', 'partner_ngo'],
  ] as const)
    orgs.push(await created(t.admin, '/api/v1/organisations', buildOrganisation({ acronym, kind })));
  centres = [];
  for (const [capacity, type, location] of [
    [50, 'detention', 'Tripoli'],
    [80, 'transit', undefined],
    [50, 'detention', undefined],
    [80, 'reception', 'Zuwara'],
    [50, 'transit', 'Tripoli'],
  ] as const)
    centres.push(await created(t.admin, '/api/v1/centres', buildCentre({ capacity, type, location })));
  for (const [i, org] of orgs.slice(0, 4).entries())
    await created(t.admin, '/api/v1/users', {
      username: `lister${i}`,
      displayName: i < 3 ? 'Same Name' : `Lister ${i}`,
      organisationId: org.id,
      password: PASSWORD,
      roles: [{ role: 'caseworker', centreIds: [] }],
    });
  await asSystem(t.ctx, t.missionId, async (w) => {
    const events = auditBuffer(w.tx, t.missionId);
    for (const n of [1, 2])
      await events.add(null, { action: 'create', entityType: 'list-test', detail: { n } }, w.now);
    await events.flush();
  });
});
afterAll(() => t.close());

/** Every row of a list, `limit` at a time; each page's total must agree. */
async function pages<T extends Row>(c: Client, url: string, limit = 200) {
  const rows: T[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  for (let i = 0; i < 200; i++) {
    const sep = url.includes('?') ? '&' : '?';
    const p: Counted<T> = ok(
      await c.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${q(cursor)}` : ''}`),
    );
    rows.push(...p.items);
    totals.add(p.total);
    expect(p.totalCapped).toBe(false);
    cursor = p.nextCursor;
    if (!cursor) break;
  }
  expect(cursor, `${url}: more pages than expected`).toBeNull();
  expect([...totals], `${url}: one total on every page`).toEqual([rows.length]);
  return rows;
}

/**
 * Sorting by `column` both ways, a few rows a page: every row once, rows of one value together
 * (the column decides the order), and descending exactly the reverse of ascending (ties are broken
 * by id both ways, so no page boundary loses or repeats a tied row).
 */
async function expectSortPages<T extends Row>(
  c: Client,
  list: string,
  column: string,
  value: (r: T) => unknown,
  limit = 2,
) {
  const everyone = await pages<T>(c, list);
  const sep = list.includes('?') ? '&' : '?';
  const asc = await pages<T>(c, `${list}${sep}sort=${column}&order=asc`, limit);
  const ids = asc.map((r) => r.id);
  expect(new Set(ids).size, `${list} by ${column}: a row twice`).toBe(ids.length);
  expect(sorted(ids), `${list} by ${column}: rows missing`).toEqual(sorted(everyone.map((r) => r.id)));
  const desc = await pages<T>(c, `${list}${sep}sort=${column}&order=desc`, limit);
  expect(desc.map((r) => r.id)).toEqual([...ids].reverse());
  const runs: string[] = [];
  for (const v of asc.map((r) => String(value(r) ?? ''))) if (runs.at(-1) !== v) runs.push(v);
  expect(new Set(runs).size, `${list} by ${column}: one value in two places`).toBe(runs.length);
  expect(runs.length, `${list} by ${column}: the data has no ties`).toBeLessThan(asc.length);
  return asc;
}

describe('list totals', () => {
  it("count what the reader may see: all of the mission's centres for its admin, a centre admin's own", async () => {
    const all = await pages<Centre>(t.admin, '/api/v1/centres');
    expect(all.length).toBeGreaterThanOrEqual(centres.length);
    const [a, b, c] = centres as [Centre, Centre, Centre];
    const centreAdmin = await t.signIn({ role: 'admin', centreIds: [a.id, b.id], username: 'centre-admin' });
    const own: Counted<Centre> = ok(await centreAdmin.get('/api/v1/centres?limit=1'));
    expect(own.total).toBe(2);
    expect(own.items).toHaveLength(1);
    expect(sorted((await pages<Centre>(centreAdmin, '/api/v1/centres')).map((x) => x.id))).toEqual(
      sorted([a.id, b.id]),
    );
    // the filters narrow the total as they narrow the rows
    expect(ok<Counted<Centre>>(await centreAdmin.get('/api/v1/centres?type=transit')).total).toBe(1);
    const byType = await pages<Centre>(t.admin, '/api/v1/centres?type=detention');
    expect(byType.every((x) => x.type === 'detention')).toBe(true);

    // a caseworker of another organisation, at another centre
    const theirs = await t.signIn({
      role: 'caseworker',
      centreIds: [c.id],
      organisationId: orgs[0]!.id,
      username: 'other-org-cw',
    });
    expect(ok<Counted<Centre>>(await theirs.get('/api/v1/centres')).total).toBe(1);
    // organisations are the mission's for every role: the same total as the admin's
    const orgTotal = ok<Counted<Organisation>>(await t.admin.get('/api/v1/organisations?limit=1')).total;
    expect(ok<Counted<Organisation>>(await theirs.get('/api/v1/organisations?limit=1')).total).toBe(orgTotal);
    expect(orgTotal).toBe((await pages<Organisation>(t.admin, '/api/v1/organisations')).length);
  });

  it('users and audit events count through the filters, and another mission counts its own', async () => {
    const users = await pages<User>(t.admin, '/api/v1/users');
    expect(ok<Counted<User>>(await t.admin.get('/api/v1/users?limit=1')).total).toBe(users.length);
    expect(ok<Counted<User>>(await t.admin.get(`/api/v1/users?organisationId=${orgs[1]!.id}`)).total).toBe(1);
    const listTests = await pages<AuditEvent>(t.admin, '/api/v1/audit?entityType=list-test');
    expect(listTests).toHaveLength(2);
    await pages<AuditEvent>(t.admin, '/api/v1/audit?action=create', 25); // totals agree page by page

    const other = await t.createMission('LST');
    const stranger = await t.signIn({ role: 'admin', missionId: other.missionId, username: 'lst-admin' });
    const count = async (url: string) => ok<Counted<Row>>(await stranger.get(url)).total;
    expect(await count('/api/v1/users')).toBe(1);
    expect(await count('/api/v1/organisations')).toBe(1);
    expect(await count('/api/v1/centres')).toBe(0);
    const theirEvents = await pages<AuditEvent>(stranger, '/api/v1/audit');
    expect(theirEvents.length).toBeGreaterThan(0);
    // nothing of the first mission's (its admin's sign-in, its list-test events)
    const ours = (e: AuditEvent) => e.actorUsername === t.admin.username || e.entityType === 'list-test';
    expect(theirEvents.filter(ours)).toEqual([]);
  });
});

describe('sorting', () => {
  it('centres sort by name, type, location and capacity, every row once, either way', async () => {
    const list = '/api/v1/centres?active=true';
    await expectSortPages<Centre>(t.admin, list, 'type', (c) => c.type);
    await expectSortPages<Centre>(t.admin, list, 'location', (c) => c.location);
    const byCapacity = await expectSortPages<Centre>(t.admin, list, 'capacity', (c) => c.capacity);
    const capacities = byCapacity.map((c) => c.capacity);
    expect(capacities).toEqual([...capacities].sort((x, y) => x - y));
    const byName = (await pages<Centre>(t.admin, `${list}&sort=name`, 2)).map((c) => c.id);
    // without `sort`, the order is the one it always was: by name
    expect((await pages<Centre>(t.admin, list, 3)).map((c) => c.id)).toEqual(byName);
  });

  it('organisations sort by name, acronym (missing ones together) and kind', async () => {
    const list = '/api/v1/organisations';
    await expectSortPages<Organisation>(t.admin, list, 'acronym', (o) => o.acronym);
    await expectSortPages<Organisation>(t.admin, list, 'kind', (o) => o.kind);
    const byName = (await pages<Organisation>(t.admin, `${list}?sort=name&order=desc`, 2)).map((o) => o.id);
    expect((await pages<Organisation>(t.admin, list, 2)).map((o) => o.id)).toEqual([...byName].reverse());
  });

  it('users sort by username, display name and organisation', async () => {
    const list = '/api/v1/users';
    await expectSortPages<User>(t.admin, list, 'displayName', (u) => u.displayName);
    await expectSortPages<User>(t.admin, list, 'organisation', (u) => u.organisationId);
    const byUsername = (await pages<User>(t.admin, `${list}?sort=username`, 2)).map((u) => u.username);
    expect((await pages<User>(t.admin, list, 2)).map((u) => u.username)).toEqual(byUsername);
  });

  it('the audit log sorts by time, actor (system events together), action and entity type', async () => {
    const list = '/api/v1/audit';
    await expectSortPages<AuditEvent>(t.admin, list, 'actor', (e) => e.actorUsername, 7);
    await expectSortPages<AuditEvent>(t.admin, list, 'action', (e) => e.action, 7);
    await expectSortPages<AuditEvent>(t.admin, list, 'entityType', (e) => e.entityType, 7);
    const oldest = (await pages<AuditEvent>(t.admin, `${list}?sort=at&order=asc`, 7)).map((e) => e.seq);
    expect(oldest).toEqual([...oldest].sort((x, y) => x - y));
    // newest first without `sort` or `order`, as before
    expect((await pages<AuditEvent>(t.admin, list, 7)).map((e) => e.seq)).toEqual([...oldest].reverse());
  });

  it("an export keeps the list's order", async () => {
    const list = '/api/v1/centres?sort=capacity&order=desc';
    const names = (await pages<Centre>(t.admin, list, 2)).map((c) => c.name);
    const res = await t.admin.get('/api/v1/centres/export?format=csv&lang=en&sort=capacity&order=desc');
    expect(res.statusCode, res.body).toBe(200);
    expect(
      csvRows(res)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(names);
  });

  it('a sort or order the list does not have is a 400 naming the field', async () => {
    for (const [url, field] of [
      ['/api/v1/centres?sort=occupancy', 'sort'],
      ['/api/v1/centres?sort=id', 'sort'],
      ['/api/v1/organisations?sort=country', 'sort'],
      ['/api/v1/users?sort=password_hash', 'sort'],
      ['/api/v1/audit?sort=seq%3Bdrop', 'sort'],
      ['/api/v1/users?sort=username&order=up', 'order'],
      ['/api/v1/audit?order=DESC', 'order'],
      // the audit log's cursor is the shared keyset's now; an old sequence number is refused
      ['/api/v1/audit?cursor=123', 'cursor'],
    ] as const) {
      const p = expectProblem(await t.admin.get(url), 400);
      const errors = p.errors ?? [];
      expect(
        errors.map((e) => e.path),
        url,
      ).toEqual([field]);
      expect(errors[0]?.message.length, url).toBeGreaterThan(0);
    }
  });
});
