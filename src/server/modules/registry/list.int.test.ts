import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_SORTS, type PersonSort } from '../../../domain/registry/schemas';
import { buildCentre, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Issue 10 item 4: the person list counts and sorts; search finds part of a number and ranks a
// whole name part above shared letters.
type P = {
  id: string;
  registrationNumber: string;
  givenName: string;
  familyName: string;
  nationality: string;
  birthDate?: string;
  createdAt: string;
};
type Page = { items: P[]; nextCursor: string | null; total: number; totalCapped: boolean };

let t: TestApp;
let cw: Client;
const people: P[] = [];

const PEOPLE: [given: string, family: string, nationality: string, birthDate?: string][] = [
  ['Halima', 'Abakar', 'TCD', '1990-05-01'],
  ['Abu', 'Touré', 'MLI', '1985-02-11'],
  ['Ifeoma', 'Nwosu', 'NGA'],
  ['Yonas', 'Tesfay', 'ERI', '2001-12-30'],
  ['Awa', 'Diallo', 'GIN', '1979-07-07'],
  ['Samir', 'Benali', 'DZA'],
  ['Mariam', 'Camara', 'GIN', '1995-01-15'],
];

beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  cw = await t.signIn({ role: 'caseworker' });
  for (const [givenName, familyName, nationality, birthDate] of PEOPLE) {
    t.advance(60_000); // distinct registration times
    const res = await cw.post(
      '/api/v1/persons',
      buildPerson(centre, { givenName, familyName, nationality, birthDate, birthDateEstimated: false }),
    );
    expect(res.statusCode, res.body).toBe(201);
    people.push(json<P>(res));
  }
});
afterAll(() => t.close());

const page = async (url: string) => {
  const res = await cw.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<Page>(res);
};

/** Every page of a sorted list, two at a time. */
async function all(sort: PersonSort, order: 'asc' | 'desc') {
  const out: P[] = [];
  let cursor: string | null = null;
  do {
    const p: Page = await page(
      `/api/v1/persons?limit=2&sort=${sort}&order=${order}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(p.total).toBe(PEOPLE.length);
    out.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor);
  return out.map((p) => p.id);
}

const VALUE: Record<PersonSort, (p: P) => string> = {
  name: (p) => p.familyName,
  registrationNumber: (p) => p.registrationNumber,
  nationality: (p) => p.nationality,
  birthDate: (p) => p.birthDate ?? '0001-01-01', // unknown first, ascending
  registeredAt: (p) => p.createdAt,
};
const expected = (sort: PersonSort, order: 'asc' | 'desc') => {
  const sign = order === 'asc' ? 1 : -1;
  const v = VALUE[sort];
  return [...people]
    .sort((a, b) => sign * (v(a) < v(b) ? -1 : v(a) > v(b) ? 1 : a.id < b.id ? -1 : 1))
    .map((p) => p.id);
};

describe('the person list', () => {
  it('gives its total, exact under the cap, and under filters', async () => {
    expect(await page('/api/v1/persons?limit=2')).toMatchObject({ total: PEOPLE.length, totalCapped: false });
    expect((await page('/api/v1/persons?limit=2&nationality=GIN')).total).toBe(2);
  });

  it.each(PERSON_SORTS.flatMap((s) => [[s, 'asc'] as const, [s, 'desc'] as const]))(
    'sorts by %s %s across keyset pages',
    async (sort, order) => {
      expect(await all(sort, order)).toEqual(expected(sort, order));
    },
  );

  it('refuses an unknown sort column with a field error', async () => {
    const res = await cw.get('/api/v1/persons?sort=phone');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('sort');
  });
});

describe('search', () => {
  it.each(['seq', 'padded', 'year'] as const)(
    'finds a registration number from part of it (%s)',
    async (kind) => {
      const target = people[3]!;
      const [, year, seq] = target.registrationNumber.split('-') as [string, string, string];
      const q = kind === 'seq' ? String(Number(seq)) : kind === 'padded' ? seq : `${year}-${Number(seq)}`;
      const found = await page(`/api/v1/persons?q=${encodeURIComponent(q)}`);
      expect(found.items.map((p) => p.id)).toEqual([target.id]);
      expect(found.total).toBe(1);
    },
  );

  it('ranks a whole name part above shared letters: "Abakar" puts Halima Abakar above Abu Touré', async () => {
    const ids = (await page('/api/v1/persons?q=Abakar')).items.map((p) => p.id);
    const halima = ids.indexOf(people[0]!.id);
    const abu = ids.indexOf(people[1]!.id);
    expect(halima).toBe(0);
    if (abu >= 0) expect(abu).toBeGreaterThan(halima);
  });
});
