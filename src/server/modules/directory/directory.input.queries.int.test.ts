import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../domain/access/roles';
import { AUDIT_ACTIONS, AUDIT_SORTS } from '../../../domain/audit/schemas';
import {
  CENTRE_SORTS,
  CENTRE_TYPES,
  ORGANISATION_KINDS,
  ORGANISATION_SORTS,
  type Organisation,
  USER_SORTS,
} from '../../../domain/directory/schemas';
import { type Client, type TestApp, testApp } from '../../test/harness';
import {
  BAD_UUIDS,
  CONTROL,
  expectValidation,
  HOSTILE_TEXT,
  HTML,
  ok,
  type Page,
  RUNS,
  SQL,
  seed,
} from './directory.input.support';

// Hostile query strings on every directory list: a 400 problem+json naming the bad parameters,
// and search text matched literally, never run.

let t: TestApp;
let admin: Client;
let baseOrg: Organisation;

beforeAll(async () => {
  t = await testApp();
  admin = t.admin;
  ({ baseOrg } = await seed(admin)); // the centre and user too, so no list is empty
});
afterAll(() => t.close());

// ---------------------------------------------------------------- list queries

type QueryParam = { valid: fc.Arbitrary<string>; invalid: fc.Arbitrary<string> };
type QState =
  | { kind: 'omit' }
  | { kind: 'valid'; value: string }
  | { kind: 'invalid'; value: string }
  | { kind: 'dup'; value: [string, string] };
type HostileQuery = { query: string; offending: string[]; unknown: string[]; badCursor: boolean };

/** Search text that is valid whatever the rules on control characters: none in it. */
const SEARCH_TEXT = [...HOSTILE_TEXT, '%', '_', '\\', "'", '--', '%%', '\\%', '\\_', '[a-z]*', '.*'];
const listParams = {
  limit: {
    valid: fc.integer({ min: 1, max: 200 }).map(String),
    invalid: fc.constantFrom(
      '0',
      '-1',
      '201',
      'abc',
      '1.5',
      '1e400',
      '',
      "' OR 1=1 --",
      '99999999999999999999',
      'NaN',
    ),
  },
  q: {
    valid: fc.constantFrom(...SEARCH_TEXT),
    invalid: fc.constantFrom(
      'x'.repeat(201),
      'م'.repeat(201),
      `${SQL[0]}${'x'.repeat(200)}`,
      'x'.repeat(10_000),
    ),
  },
  active: {
    valid: fc.constantFrom('true', 'false'),
    invalid: fc.constantFrom('yes', '1', 'TRUE', '', 'null', ...SQL),
  },
} satisfies Record<string, QueryParam>;
const enumParam = (values: readonly string[]): QueryParam => ({
  valid: fc.constantFrom(...values),
  invalid: fc.constantFrom('bogus', '', 'ADMIN', ...SQL, ...HTML),
});
const UNKNOWN_PARAMS = [
  'foo',
  'missionId',
  'isAdmin',
  "1' OR '1'='1",
  '<script>',
  'sortBy',
  'offset',
  'constructor',
];

function hostileQueries(params: Record<string, QueryParam>): fc.Arbitrary<HostileQuery> {
  const states: Record<string, fc.Arbitrary<QState>> = {};
  for (const [k, p] of Object.entries(params)) {
    states[k] = fc.oneof(
      { arbitrary: p.valid.map((value): QState => ({ kind: 'valid', value })), weight: 2 },
      { arbitrary: p.invalid.map((value): QState => ({ kind: 'invalid', value })), weight: 1 },
      { arbitrary: fc.tuple(p.valid, p.valid).map((value): QState => ({ kind: 'dup', value })), weight: 1 },
      { arbitrary: fc.constant<QState>({ kind: 'omit' }), weight: 2 },
    );
  }
  return fc
    .record({
      states: fc.record(states),
      cursor: fc.oneof(
        fc.constant<{ kind: 'omit' }>({ kind: 'omit' }),
        fc.string({ minLength: 1, maxLength: 40 }).map((value) => ({ kind: 'garbage' as const, value })),
        fc.constant({ kind: 'long' as const, value: 'A'.repeat(501) }),
      ),
      extras: fc.uniqueArray(fc.tuple(fc.constantFrom(...UNKNOWN_PARAMS), fc.constantFrom('1', '', ...SQL)), {
        maxLength: 2,
        selector: ([k]) => k,
      }),
    })
    .map(({ states: chosen, cursor, extras }) => {
      const sp = new URLSearchParams();
      const offending: string[] = [];
      for (const [k, s] of Object.entries(chosen)) {
        if (s.kind === 'omit') continue;
        if (s.kind === 'dup') {
          sp.append(k, s.value[0]);
          sp.append(k, s.value[1]);
          offending.push(k);
          continue;
        }
        sp.append(k, s.value);
        if (s.kind === 'invalid') offending.push(k);
      }
      if (cursor.kind !== 'omit') sp.append('cursor', cursor.value);
      if (cursor.kind === 'long') offending.push('cursor');
      for (const [k, v] of extras) sp.append(k, v);
      return {
        query: sp.toString(),
        offending,
        unknown: extras.map(([k]) => k),
        badCursor: cursor.kind === 'garbage',
      };
    })
    .filter((h) => h.offending.length + h.unknown.length > 0 || h.badCursor);
}

/** A list's sort parameters: one of its columns, either way (anything else, or twice, is a 400). */
const sortParams = (columns: readonly string[]) => ({
  sort: enumParam(columns),
  order: enumParam(['asc', 'desc']),
});
const lists: [string, Record<string, QueryParam>][] = [
  [
    '/api/v1/organisations',
    { ...listParams, kind: enumParam(ORGANISATION_KINDS), ...sortParams(ORGANISATION_SORTS) },
  ],
  ['/api/v1/centres', { ...listParams, type: enumParam(CENTRE_TYPES), ...sortParams(CENTRE_SORTS) }],
  [
    '/api/v1/users',
    {
      ...listParams,
      role: enumParam(ROLES),
      organisationId: { valid: fc.constant('ORG'), invalid: fc.constantFrom(...BAD_UUIDS) },
      ...sortParams(USER_SORTS),
    },
  ],
];
const { active: _active, ...auditParams } = listParams;

describe('hostile list queries (property-based)', () => {
  it('GET /api/v1/audit: a bad query is a 400 problem+json naming the bad parameters', async () => {
    const params = { ...auditParams, action: enumParam(AUDIT_ACTIONS), ...sortParams(AUDIT_SORTS) };
    await fc.assert(
      fc.asyncProperty(hostileQueries(params), async (h) => {
        const res = await admin.get(`/api/v1/audit?${h.query}`);
        if (h.offending.length + h.unknown.length > 0) expectValidation(res, h.offending, h.unknown);
        else expectValidation(res, ['cursor'], []);
      }),
      { numRuns: RUNS },
    );
  });

  for (const [url, params] of lists) {
    it(`GET ${url}: a bad query is a 400 problem+json naming the bad parameters`, async () => {
      await fc.assert(
        fc.asyncProperty(hostileQueries(params), async (h) => {
          const res = await admin.get(`${url}?${h.query.replace(/ORG/g, baseOrg.id)}`);
          if (h.offending.length + h.unknown.length > 0) expectValidation(res, h.offending, h.unknown);
          else expectValidation(res, ['cursor'], []);
        }),
        { numRuns: RUNS },
      );
    });

    it(`GET ${url}: hostile search text is matched literally, never run`, async () => {
      const fields =
        url === '/api/v1/users'
          ? (r: Record<string, unknown>) => [r.username, r.displayName]
          : url === '/api/v1/centres'
            ? (r: Record<string, unknown>) => [r.name, r.nameAr, r.location]
            : (r: Record<string, unknown>) => [r.name, r.nameAr, r.acronym];
      const everything = ok<Page<Record<string, unknown>>>(await admin.get(`${url}?limit=200`)).items;
      expect(everything.length).toBeGreaterThan(0);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom(...SEARCH_TEXT),
            fc.string({ maxLength: 30 }).filter((s) => !CONTROL.test(s)),
          ),
          async (q) => {
            const res = await admin.get(`${url}?limit=200&q=${encodeURIComponent(q)}`);
            const found = ok<Page<Record<string, unknown>>>(res).items;
            const needle = q.toLowerCase();
            const matches = (r: Record<string, unknown>) =>
              fields(r).some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
            // every hit really contains the text (no wildcard or injection widened the search)…
            expect(found.filter((r) => !matches(r)).map((r) => r.id)).toEqual([]);
            // …and every record containing it exactly is found
            const exact = everything.filter((r) =>
              fields(r).some((v) => typeof v === 'string' && v.includes(q)),
            );
            expect(found.map((r) => r.id)).toEqual(expect.arrayContaining(exact.map((r) => r.id)));
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});
