import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RISK_LEVELS } from '../../../domain/protection/flags';
import {
  CASE_SORTS,
  type CaseSort,
  REFERRAL_SORTS,
  type ReferralSort,
  SCREENING_SORTS,
  type ScreeningSort,
  TASK_SORTS,
  type TaskSort,
} from '../../../domain/protection/records';
import { BASE, patch } from '../../../domain/protection/screening.fixtures';
import { csvRows, exportEvents } from '../../test/exports';
import {
  buildCentre,
  buildConsent,
  buildOrganisation,
  buildPerson,
  buildReferral,
  buildTask,
  createRecipient,
} from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Issue 10 item 4 for protection: the referrals, cases, tasks and screenings lists give their total
// (counted through the reader's own scope) and sort by their columns, paging by keyset through
// every row exactly once, ties included. Values are plain ASCII, so that JavaScript's order is the
// database's under any collation.

type Row = { id: string } & Record<string, unknown>;
type Page = { items: Row[]; nextCursor: string | null; total: number; totalCapped: boolean };
type Order = 'asc' | 'desc';

let t: TestApp;
let cwA: Client;
let cwB: Client;
let po: Client;
const family = new Map<string, string>();
/** what each reader should count, per list */
const expected = { a: { referrals: 0, cases: 0, tasks: 0, screenings: 0 }, b: { referrals: 0, tasks: 0 } };

const FEAR = patch(BASE, { ip_fear_of_return: 'yes', ip_fear_reasons: ['political_opinion'] });
const TRAFFICKED = patch(BASE, { tr_forced_labour: 'yes', tr_documents_taken: 'yes', tr_confinement: 'yes' });

beforeAll(async () => {
  t = await testApp();
  const centreA = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  const centreB = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  const orgA = json<{ id: string }>(
    await t.admin.post('/api/v1/organisations', buildOrganisation({ name: 'Alpha Aid' })),
  ).id;
  const orgB = json<{ id: string }>(
    await t.admin.post('/api/v1/organisations', buildOrganisation({ name: 'Beta Aid' })),
  ).id;
  const alpha = await createRecipient(t.admin, { name: 'Alpha Recipient', kind: 'un_agency' });
  const beta = await createRecipient(t.admin, { name: 'Beta Recipient' });
  cwA = await t.signIn({
    role: 'caseworker',
    centreIds: [centreA],
    organisationId: orgA,
    username: 'alphaworker',
    displayName: 'Alpha Worker',
  });
  cwB = await t.signIn({
    role: 'caseworker',
    centreIds: [centreB],
    organisationId: orgB,
    username: 'betaworker',
    displayName: 'Beta Worker',
  });
  po = await t.signIn({
    role: 'protection_officer',
    username: 'missionofficer',
    displayName: 'Mission Officer',
  });

  const ok = (res: { statusCode: number; body: string }, status = 201) => {
    expect(res.statusCode, res.body).toBe(status);
    return JSON.parse(res.body) as { id: string; version: number };
  };
  // [given, family, centre, screened on, answers, referral services, task due dates]
  const PEOPLE = [
    ['Halima', 'Abakar', 'A', '2026-10-01', FEAR, ['legal', 'shelter'], ['2026-11-05', '2026-11-05']],
    ['Yonas', 'Tesfay', 'A', '2026-10-01', BASE, ['shelter'], ['2026-11-03']],
    ['Awa', 'Diallo', 'A', '2026-10-05', TRAFFICKED, ['legal'], ['2026-11-05']],
    ['Samir', 'Benali', 'A', '2026-10-05', BASE, [], ['2026-11-09']],
    ['Mariam', 'Camara', 'B', '2026-10-02', FEAR, ['legal'], ['2026-11-04']],
    ['Idris', 'Mahamat', 'B', '2026-10-07', BASE, ['shelter'], []],
  ] as const;
  let n = 0;
  for (const [givenName, familyName, where, screenedOn, answers, services, dues] of PEOPLE) {
    t.advance(60_000); // some rows recorded at different times, some at the same
    const c = where === 'A' ? cwA : cwB;
    const personId = ok(
      await c.post(
        '/api/v1/persons',
        buildPerson(where === 'A' ? centreA : centreB, { givenName, familyName }),
      ),
    ).id;
    family.set(personId, familyName);
    ok(await c.post('/api/v1/screenings', { personId, screenedOn, answers }));
    for (const org of [alpha, beta]) ok(await c.post('/api/v1/consents', buildConsent(personId, org)));
    for (const service of services) {
      const r = ok(
        await c.post('/api/v1/referrals', buildReferral(personId, n++ % 2 ? beta : alpha, { service })),
      );
      // one sent referral: the rest have no sending time (sorted first, ascending)
      if (givenName === 'Awa')
        ok(await c.post(`/api/v1/referrals/${r.id}/transitions`, { to: 'sent', version: 1 }), 200);
    }
    for (const [i, dueOn] of dues.entries()) {
      const task = ok(
        await c.post(
          '/api/v1/tasks',
          buildTask(c.userId, { personId, dueOn, title: `Call ${givenName} ${i}` }),
        ),
      );
      if (givenName === 'Yonas')
        ok(await c.patch(`/api/v1/tasks/${task.id}`, { version: task.version, status: 'done' }), 200);
    }
    const side = where === 'A' ? expected.a : expected.b;
    side.referrals += services.length;
    side.tasks += dues.length;
    if (where === 'A') {
      expected.a.cases++;
      expected.a.screenings++;
    }
  }
  // a second screening of Halima (ties on the person, and her latest risk changes), a case on hold
  const halima = [...family].find(([, f]) => f === 'Abakar')![0];
  ok(await cwA.post('/api/v1/screenings', { personId: halima, screenedOn: '2026-10-05', answers: BASE }));
  expected.a.screenings++;
  const [c] = json<Page>(await cwA.get(`/api/v1/cases?personId=${halima}`)).items;
  ok(await cwA.patch(`/api/v1/cases/${c!.id}`, { version: c!.version, status: 'on_hold' }), 200);
});
afterAll(() => t.close());

const get = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<Page>(res);
};

/** Every page of a list, two rows at a time; each page's total is the same. */
async function all(c: Client, list: string, query: string) {
  const rows: Row[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  do {
    const p: Page = await get(
      c,
      `/api/v1/${list}?limit=2&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    rows.push(...p.items);
    totals.add(p.total);
    expect(p.totalCapped).toBe(false);
    cursor = p.nextCursor;
  } while (cursor);
  expect([...totals]).toHaveLength(1);
  return { rows, total: [...totals][0]! };
}

const rank = (level: unknown) => (level ? RISK_LEVELS.indexOf(level as never) + 1 : 0);
const str = (v: unknown) => String(v ?? '');

/** Each sortable column as the rows show it: the order the server must give. */
const VALUES = {
  referrals: {
    createdAt: (r) => str(r.createdAt),
    person: (r) => family.get(str(r.personId))!,
    recipient: (r) => str(r.recipientName),
    service: (r) => str(r.service),
    status: (r) => str(r.status),
    sentAt: (r) => str(r.sentAt),
  } satisfies Record<ReferralSort, (r: Row) => string | number>,
  cases: {
    person: (r) => family.get(str(r.personId))!,
    status: (r) => str(r.status),
    assignee: (r) => str(r.assignedName),
    organisation: (r) => str(r.organisationName),
    openedOn: (r) => str(r.openedOn),
    risk: (r) => rank(r.riskLevel),
  } satisfies Record<CaseSort, (r: Row) => string | number>,
  tasks: {
    title: (r) => str(r.title),
    dueOn: (r) => str(r.dueOn),
    assignee: (r) => str(r.assigneeUsername),
    status: (r) => str(r.status),
  } satisfies Record<TaskSort, (r: Row) => string | number>,
  screenings: {
    screenedOn: (r) => str(r.screenedOn),
    person: (r) => family.get(str(r.personId))!,
    riskLevel: (r) => rank(r.riskLevel),
  } satisfies Record<ScreeningSort, (r: Row) => string | number>,
} as const;

/** The rows in the order (value, id), both one way. */
const sorted = (rows: Row[], value: (r: Row) => string | number, order: Order) => {
  const sign = order === 'asc' ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => sign * (cmp(value(a), value(b)) || cmp(a.id, b.id))).map((r) => r.id);
};

const CASES = [
  ['referrals', REFERRAL_SORTS, ''],
  ['cases', CASE_SORTS, ''],
  ['tasks', TASK_SORTS, 'mine=false'],
  ['screenings', SCREENING_SORTS, ''],
] as const;

describe('protection lists', () => {
  it('count what the reader may see: each centre its own total, the mission officer all', async () => {
    const one = async (c: Client, list: string, q = '') =>
      (await get(c, `/api/v1/${list}?limit=1&${q}`)).total;
    expect(await one(cwA, 'referrals')).toBe(expected.a.referrals);
    expect(await one(cwB, 'referrals')).toBe(expected.b.referrals);
    expect(await one(po, 'referrals')).toBe(expected.a.referrals + expected.b.referrals);
    expect(await one(cwA, 'cases')).toBe(expected.a.cases);
    expect(await one(cwB, 'cases')).toBe(2);
    expect(await one(cwA, 'screenings')).toBe(expected.a.screenings);
    expect(await one(cwB, 'screenings')).toBe(2);
    expect(await one(cwA, 'tasks')).toBe(expected.a.tasks);
    expect(await one(cwB, 'tasks')).toBe(expected.b.tasks);
    expect(await one(po, 'tasks', 'mine=false')).toBe(expected.a.tasks + expected.b.tasks);
    // and through the list's filters
    expect(await one(cwA, 'referrals', 'status=sent')).toBe(1);
    expect(await one(cwA, 'tasks', 'status=open')).toBe(expected.a.tasks - 1);
    expect(await one(cwA, 'screenings', 'riskLevel=low')).toBe(3);
  });

  it.each(
    CASES.flatMap(([list, sorts, q]) =>
      sorts.flatMap((sort) => (['asc', 'desc'] as const).map((order) => [list, sort, order, q] as const)),
    ),
  )('%s sorts by %s %s, every row once across pages', async (list, sort, order, q) => {
    const { rows, total } = await all(po, list, `sort=${sort}&order=${order}&${q}`);
    expect(rows.length).toBe(total);
    expect(new Set(rows.map((r) => r.id)).size).toBe(total);
    const value = (VALUES[list] as Record<string, (r: Row) => string | number>)[sort]!;
    expect(rows.map((r) => r.id)).toEqual(sorted(rows, value, order));
  });

  it('keep their default order without a sort', async () => {
    const referrals = (await all(po, 'referrals', '')).rows;
    expect(referrals.map((r) => r.id)).toEqual(sorted(referrals, VALUES.referrals.createdAt, 'desc'));
    const cases = (await all(po, 'cases', '')).rows;
    expect(cases.map((r) => r.id)).toEqual(sorted(cases, VALUES.cases.openedOn, 'desc'));
    const tasks = (await all(po, 'tasks', 'mine=false')).rows;
    const openFirst = (r: Row) => `${str(r.status)} ${str(r.dueOn)}`;
    expect(tasks.map((r) => r.id)).toEqual(sorted(tasks, openFirst, 'asc'));
    const screenings = (await all(po, 'screenings', '')).rows;
    expect(screenings.map((r) => r.screenedOn)).toEqual(
      screenings
        .map((r) => r.screenedOn)
        .sort()
        .reverse(),
    );
  });

  it.each(['referrals', 'cases', 'tasks', 'screenings'])(
    '%s refuse an unknown sort with a field error',
    async (list) => {
      for (const [q, path] of [
        ['sort=nationality', 'sort'],
        ['sort=status&order=sideways', 'order'],
      ]) {
        const res = await po.get(`/api/v1/${list}?${q}`);
        expect(res.statusCode, q).toBe(400);
        expect(json<{ errors: { path: string }[] }>(res).errors.map((e) => e.path)).toContain(path);
      }
    },
  );
});

describe('the screenings export', () => {
  it('holds the reader’s screenings in the list’s order and filter, audited', async () => {
    const rows = csvRows(await cwB.get('/api/v1/screenings/export?format=csv&lang=en&sort=person'));
    expect(rows[0]).toEqual([
      'Screened on',
      'Registration number',
      'Person',
      'Risk level',
      'Flags',
      'Screened by',
    ]);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['Mariam Camara', 'Idris Mahamat']);
    expect((await exportEvents(t, cwB.username))[0]).toMatchObject({
      entityType: 'screening',
      detail: { format: 'csv', filter: { sort: 'person', order: 'asc' }, rows: 2 },
    });
  });

  it('refuses a reversed date range as the list does', async () => {
    const res = await cwA.get('/api/v1/screenings/export?format=csv&from=2026-10-05&to=2026-10-01');
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(res).errors.map((e) => e.path)).toEqual(['to']);
  });

  it('is refused to a role that may not list screenings', async () => {
    const stock = await t.signIn({ role: 'stock_officer' });
    expect((await stock.get('/api/v1/screenings/export?format=csv')).statusCode).toBe(403);
  });
});
