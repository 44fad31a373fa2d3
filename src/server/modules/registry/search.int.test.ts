import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCentre, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Issue 9 §2 through the API: name parts keep their order, so a person is listed before the
// father, son and brother who carry the same names at other positions.
let t: TestApp;
let cw: Client;
const idOf = new Map<string, string>();

// registered relatives first: on equal scores the search lists lower registration numbers first,
// so the person, registered last, would come last if the ranking tied them
const PEOPLE: [label: string, given: string, family: string, original: string, born: string][] = [
  ['father', 'Abdelrahman', 'Ali Hassan', 'عبد الرحمن علي حسن', '1968-01-01'],
  ['son', 'Ali', 'Mohamed Abdelrahman', 'علي محمد عبد الرحمن', '2018-01-01'],
  ['namesake son', 'Abdelrahman', 'Mohamed Abdelrahman', 'عبد الرحمن محمد عبد الرحمن', '2016-01-01'],
  ['other', 'Abdelrahman', 'Mohamed Ali', 'عبد الرحمن محمد علي', '1990-01-01'],
  ['brother', 'Ahmed', 'Abdelrahman Ali', 'أحمد عبد الرحمن علي', '1993-01-01'],
  ['person', 'Mohamed', 'Abdelrahman Ali', 'محمد عبد الرحمن علي', '1995-01-01'],
];

beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  cw = await t.signIn({ role: 'caseworker' });
  for (const [label, givenName, familyName, fullNameOriginal, birthDate] of PEOPLE) {
    const res = await cw.post(
      '/api/v1/persons',
      buildPerson(centre, { givenName, familyName, fullNameOriginal, birthDate, nationality: 'SDN' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    idOf.set(label, json<{ id: string }>(res).id);
  }
});
afterAll(() => t.close());

const found = async (q: string) => {
  const res = await cw.get(`/api/v1/persons?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  const labels = new Map([...idOf].map(([label, id]) => [id, label]));
  return json<{ items: { id: string }[] }>(res).items.map((p) => labels.get(p.id));
};

describe('search keeps the order of name parts', () => {
  it.each([
    'Mohamed Abdelrahman',
    'Muhammad Abd al-Rahman',
    'Mohammed Abdelrahman Ali',
    'محمد عبد الرحمن',
    'محمد عبدالرحمن علي',
  ])('%s finds the person before the father, sons and brother', async (q) => {
    const labels = await found(q);
    expect(labels[0]).toBe('person');
    expect(labels).not.toContain(undefined);
  });

  it('finds the person among the first three when given and family names are swapped', async () => {
    expect((await found('Abdelrahman Ali Mohamed')).slice(0, 3)).toContain('person');
  });
});

describe('the duplicate check keeps the order of name parts', () => {
  it.each([
    [{ givenName: 'Mohammed', familyName: 'Abdelrahman' }],
    [
      {
        givenName: 'Muhammad',
        familyName: 'Abd al-Rahman Ali',
        birthDate: '1995-07-01',
        birthDateEstimated: true,
      },
    ],
    [{ fullNameOriginal: 'محمد عبد الرحمن' }],
  ])('%j: the person first', async (typed) => {
    const res = await cw.post('/api/v1/persons/duplicates', { sex: 'male', nationality: 'SDN', ...typed });
    expect(res.statusCode, res.body).toBe(200);
    const items = json<{ items: { person: { id: string }; score: number }[] }>(res).items;
    expect(items[0]?.person.id).toBe(idOf.get('person'));
    expect(items[0]!.score).toBeGreaterThan(items[1]?.score ?? 0);
  });
});
