import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../domain/access/roles';
import type { AuditEvent } from '../../../domain/audit/schemas';
import type { Problem } from '../../../domain/common/schemas';
import {
  CENTRE_TYPES,
  type Centre,
  ORGANISATION_KINDS,
  type Organisation,
  type User,
} from '../../../domain/directory/schemas';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { type Client, json, PASSWORD, type TestApp, testApp } from '../../test/harness';

// Hostile input on every directory endpoint: whatever comes in, the answer is a 4xx
// problem+json naming the offending fields, never a 5xx, and nothing is written.

const RUNS = 40;
const MIB = 1024 * 1024;

type Page<T> = { items: T[]; nextCursor: string | null };

let t: TestApp;
let admin: Client;
let baseOrg: Organisation;
let baseCentre: Centre;
let baseUser: User;

beforeAll(async () => {
  t = await testApp();
  admin = t.admin;
  baseOrg = ok<Organisation>(await admin.post('/api/v1/organisations', buildOrganisation()), 201);
  baseCentre = ok<Centre>(
    await admin.post('/api/v1/centres', buildCentre({ authorityOrganisationId: baseOrg.id })),
    201,
  );
  baseUser = ok<User>(
    await admin.post('/api/v1/users', {
      username: 'fuzz-target',
      displayName: 'Fuzz Target',
      organisationId: baseOrg.id,
      password: PASSWORD,
      roles: [{ role: 'caseworker', centreIds: [baseCentre.id] }],
    }),
    201,
  );
});
afterAll(() => t.close());

// ---------------------------------------------------------------- helpers

function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return json<T>(res);
}

function expectProblem(res: LightMyRequestResponse, status?: number): Problem {
  expect(res.statusCode, res.body.slice(0, 500)).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body.slice(0, 500)).toBeLessThan(500);
  if (status !== undefined) expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = json<Problem>(res);
  expect(body.status).toBe(res.statusCode);
  expect(typeof body.title).toBe('string');
  expect(body.title.length).toBeGreaterThan(0);
  expect(/\bat .+\.(ts|js):\d+/.test(res.body)).toBe(false); // never a stack trace
  return body;
}

const names = (path: string, field: string) => path === field || path.startsWith(`${field}.`);

/** A 400 whose `errors` name exactly the offending fields: each of them, and nothing else. */
function expectValidation(
  res: LightMyRequestResponse,
  offending: readonly string[],
  unknown: readonly string[],
) {
  const p = expectProblem(res, 400);
  expect(Array.isArray(p.errors), res.body.slice(0, 500)).toBe(true);
  const errors = p.errors ?? [];
  for (const e of errors) {
    expect(typeof e.path).toBe('string');
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
  const paths = errors.map((e) => e.path);
  const stray = paths.filter((path) => !offending.some((f) => names(path, f)) && !unknown.includes(path));
  expect(stray, `errors name fields that were fine: ${res.body.slice(0, 500)}`).toEqual([]);
  for (const f of offending) {
    expect(
      paths.some((path) => names(path, f)),
      `no error names ${f}: ${res.body.slice(0, 500)}`,
    ).toBe(true);
  }
  for (const k of unknown) expect(paths).toContain(k);
}

async function count(path: string): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page: Page<unknown> = ok<Page<unknown>>(
      await admin.get(`${path}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
    );
    n += page.items.length;
    cursor = page.nextCursor;
    if (!cursor) return n;
  }
  throw new Error('too many pages');
}

/** The newest audit sequence number: any write would move it. */
const auditHead = async () =>
  ok<Page<AuditEvent>>(await admin.get('/api/v1/audit?limit=1')).items[0]?.seq ?? 0;

/** Everything a write could change. */
async function snapshot() {
  return {
    organisations: await count('/api/v1/organisations'),
    centres: await count('/api/v1/centres'),
    users: await count('/api/v1/users'),
    org: ok(await admin.get(`/api/v1/organisations/${baseOrg.id}`)),
    centre: ok(await admin.get(`/api/v1/centres/${baseCentre.id}`)),
    user: ok(await admin.get(`/api/v1/users/${baseUser.id}`)),
    mission: ok(await admin.get('/api/v1/mission')),
    audit: await auditHead(),
  };
}

const send = (method: 'POST' | 'PATCH', url: string, body: unknown) =>
  admin.request({
    method,
    url,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

// ---------------------------------------------------------------- hostile values

const SQL = ["'; DROP TABLE users; --", "' OR 1=1 --", '1; SELECT pg_sleep(5); --', '" OR ""="', "admin'--"];
const HTML = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
];
const OTHER = [
  'Ñandú & Co',
  'منظمة الإغاثة الدولية',
  '😀 emoji org',
  '100% _legit_ \\ org',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell probe, meant literally
  '${jndi:ldap://x/a}',
  '../../etc/passwd',
];
const HOSTILE_TEXT = [...SQL, ...HTML, ...OTHER];
const ONE_MB = 'x'.repeat(1_000_000);
const ONE_MB_ARABIC = 'م'.repeat(500_000); // two bytes each
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARS = [0, 1, 7, 8, 9, 10, 13, 27, 31, 127].map((c) => String.fromCharCode(c));
const BAD_UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  "1' OR '1'='1",
  '',
  '{00000000-0000-7000-8000-000000000000}',
  '0190a1b2c3d4e5f60718293a4b5c6d7e8f90',
  '../users',
  '<script>alert(1)</script>',
];
const UNKNOWN_KEYS = [
  'isAdmin',
  'missionId',
  'id',
  'createdBy',
  'passwordHash',
  'totpSecret',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  'constructor',
  'toString',
  'hasOwnProperty',
  '$where',
];

/** A string with a control character inside (at the ends, whitespace would be trimmed away). */
const withControl = fc
  .tuple(fc.constantFrom(...CONTROL_CHARS), fc.constantFrom('', ' ', ...SQL, ...HTML))
  .map(([c, s]) => `a${c}${s}b`);

/** Any JSON value that is not a string. */
const notString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(2 ** 53, -(2 ** 63), 1e308),
  fc.array(fc.constantFrom('a', 1, null, ...SQL), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('a', '$ne', '$gt', 'nested'), fc.constantFrom('x', 1, null, ...SQL), {
    maxKeys: 3,
  }),
  fc.constant({ nested: { deep: [1, { x: ['y', null] }] } }),
);
/** Any JSON value that is not a number. */
const notNumber = fc.oneof(
  fc.constantFrom('1', '200', '', '1e3', ...SQL, ...HTML),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({ value: 1 }),
);
/** Any JSON value that is not a boolean. */
const notBoolean = fc.oneof(fc.constantFrom('true', 'false', 0, 1, '', null, [], {}, ...SQL));

const validText = (max: number) =>
  fc.oneof(
    fc.constantFrom(...HOSTILE_TEXT.filter((s) => s.length <= max)),
    fc
      .string({ minLength: 1, maxLength: max })
      .filter((s) => s.trim().length > 0 && s.length <= max && !CONTROL.test(s)),
  );
const invalidText = (max: number) =>
  fc.oneof(
    notString,
    fc.constantFrom('', '   ', '\t\n', 'x'.repeat(max + 1), ONE_MB, ONE_MB_ARABIC),
    withControl,
  );
const invalidEnum = fc.oneof(
  fc.constantFrom('', 'bogus', 'ADMIN', 'Partner_NGO', ...SQL, ...HTML),
  notString,
);
const validIso3 = fc.constantFrom('LBY', 'NGA', 'SDN', 'ERI');
const invalidIso3 = fc.oneof(
  fc.constantFrom('ly', 'LB', 'LBYA', 'lby', 'Lby', '123', '', ' LBY', 'L B', 'ليب', ...SQL),
  notString,
);
const invalidUuid = fc.oneof(fc.constantFrom(...BAD_UUIDS), notString);
const invalidCapacity = fc.oneof(
  fc.integer({ max: -1 }),
  fc.integer({ min: 100_001 }),
  fc.constantFrom(-1, -100, 1.5, 0.1, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2),
  notNumber,
);
const invalidCoordinate = (limit: number) =>
  fc.oneof(
    fc.double({ min: limit + 0.001, max: 1e308, noNaN: true }),
    fc.double({ min: -1e308, max: -limit - 0.001, noNaN: true }),
    notNumber,
  );
const validCoordinate = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });

// ---------------------------------------------------------------- bodies

type FieldSpec = { required?: boolean; valid: fc.Arbitrary<unknown>; invalid: fc.Arbitrary<unknown> };
type Spec = Record<string, FieldSpec>;

/** In an update, null clears an optional field: valid there rather than an error. */
const clearable = (f: FieldSpec): FieldSpec => ({
  ...f,
  valid: fc.oneof(f.valid, fc.constant(null)),
  invalid: f.invalid.filter((v) => v !== null),
});
const clearing = (spec: Spec, fields: string[]): Spec =>
  Object.fromEntries(Object.entries(spec).map(([k, f]) => [k, fields.includes(k) ? clearable(f) : f]));
type FieldState = { kind: 'valid'; value: unknown } | { kind: 'invalid'; value: unknown } | { kind: 'omit' };
type Hostile = { body: Record<string, unknown>; offending: string[]; unknown: string[] };

/**
 * Bodies mixing valid fields, invalid ones, missing ones and unknown extra ones, always with at
 * least one thing wrong. `offending` and `unknown` are the fields the errors must name.
 */
function hostileBodies(spec: Spec, fixed: Record<string, unknown> = {}): fc.Arbitrary<Hostile> {
  const states: Record<string, fc.Arbitrary<FieldState>> = {};
  for (const [k, f] of Object.entries(spec)) {
    states[k] = fc.oneof(
      { arbitrary: f.valid.map((value): FieldState => ({ kind: 'valid', value })), weight: 3 },
      { arbitrary: f.invalid.map((value): FieldState => ({ kind: 'invalid', value })), weight: 1 },
      { arbitrary: fc.constant<FieldState>({ kind: 'omit' }), weight: 1 },
    );
  }
  const extraKeys = UNKNOWN_KEYS.filter((k) => !(k in spec) && !(k in fixed));
  return fc
    .record({
      states: fc.record(states),
      extras: fc.uniqueArray(
        fc.tuple(fc.constantFrom(...extraKeys), fc.oneof(notString, fc.constantFrom(...SQL))),
        {
          maxLength: 2,
          selector: ([k]) => k,
        },
      ),
    })
    .map(({ states: chosen, extras }) => {
      const body: Record<string, unknown> = { ...fixed };
      const offending: string[] = [];
      for (const [k, s] of Object.entries(chosen)) {
        if (s.kind === 'omit') {
          if (spec[k]?.required) offending.push(k);
          continue;
        }
        body[k] = s.value;
        if (s.kind === 'invalid') offending.push(k);
      }
      for (const [k, v] of extras) body[k] = v;
      return { body, offending, unknown: extras.map(([k]) => k) };
    })
    .filter((h) => h.offending.length + h.unknown.length > 0);
}

const organisationSpec = (required: boolean): Spec => ({
  name: { required, valid: validText(200), invalid: invalidText(200) },
  nameAr: { valid: validText(200), invalid: invalidText(200) },
  acronym: { valid: validText(20), invalid: invalidText(20) },
  kind: { required, valid: fc.constantFrom(...ORGANISATION_KINDS), invalid: invalidEnum },
  countryCode: { valid: validIso3, invalid: invalidIso3 },
});

const centreSpec = (required: boolean): Spec => ({
  name: { required, valid: validText(200), invalid: invalidText(200) },
  nameAr: { valid: validText(200), invalid: invalidText(200) },
  type: { required, valid: fc.constantFrom(...CENTRE_TYPES), invalid: invalidEnum },
  location: { valid: validText(200), invalid: invalidText(200) },
  latitude: { valid: validCoordinate(90), invalid: invalidCoordinate(90) },
  longitude: { valid: validCoordinate(180), invalid: invalidCoordinate(180) },
  capacity: { required, valid: fc.integer({ min: 0, max: 100_000 }), invalid: invalidCapacity },
  authorityOrganisationId: { valid: fc.constant('ORG'), invalid: invalidUuid },
});

const invalidUsername = fc.oneof(
  fc.constantFrom(
    '',
    'ab',
    '-abc',
    '.abc',
    'a b c',
    'abc!',
    'ümlaut',
    'x'.repeat(65),
    'abc\u0000def',
    ONE_MB,
    ...SQL,
    ...HTML,
  ),
  notString,
);
const invalidEmail = fc.oneof(
  fc.constantFrom(
    'not-an-email',
    '@example.org',
    'a@',
    'a@b',
    `${'x'.repeat(250)}@example.org`,
    '<script>alert(1)</script>@x.org',
    ...SQL,
  ),
  notString,
);
const invalidLocale = fc.oneof(fc.constantFrom('de', 'EN', 'en-GB', '', 'ar_LY', ...SQL), notString);
const invalidPassword = fc.oneof(fc.constantFrom('', 'short', 'x'.repeat(201), ONE_MB), notString);
const validRoles = fc.constantFrom<unknown>(
  [{ role: 'viewer', centreIds: [] }],
  [{ role: 'viewer' }],
  [{ role: 'caseworker', centreIds: ['CENTRE'] }],
);
const invalidRoles = fc.oneof(
  fc.constantFrom<unknown>(
    [],
    [{ role: 'superuser', centreIds: [] }],
    [{ role: "admin' --" }],
    [{ role: 'admin', centreIds: ['not-a-uuid'] }],
    [{ role: 'admin', centreIds: [], isRoot: true }],
    [{ role: 'admin', centreIds: 'all' }],
    Array.from({ length: 21 }, () => ({ role: 'viewer', centreIds: [] })),
    [
      {
        role: 'viewer',
        centreIds: Array.from({ length: 101 }, () => '0190a1b2-0000-7000-8000-000000000000'),
      },
    ],
    'admin',
    { role: 'admin' },
    [null],
    [['admin']],
  ),
  notString,
);
const literalTrue = {
  valid: fc.constant(true),
  invalid: fc.constantFrom<unknown>(false, 'true', 1, null, [], {}),
};

const userCreateSpec: Spec = {
  username: {
    required: true,
    valid: fc.constantFrom('fuzz.user', 'fuzz_user-1', 'abc'),
    invalid: invalidUsername,
  },
  displayName: { required: true, valid: validText(200), invalid: invalidText(200) },
  email: { valid: fc.constantFrom('someone@example.org', 'o.brien@example.org'), invalid: invalidEmail },
  organisationId: { required: true, valid: fc.constant('ORG'), invalid: invalidUuid },
  locale: { valid: fc.constantFrom('en', 'ar', 'fr'), invalid: invalidLocale },
  password: { required: true, valid: fc.constant(PASSWORD), invalid: invalidPassword },
  roles: { required: true, valid: validRoles, invalid: invalidRoles },
};
const userUpdateSpec: Spec = {
  displayName: { valid: validText(200), invalid: invalidText(200) },
  email: { valid: fc.constantFrom('someone@example.org'), invalid: invalidEmail },
  organisationId: { valid: fc.constant('ORG'), invalid: invalidUuid },
  locale: { valid: fc.constantFrom('en', 'ar', 'fr'), invalid: invalidLocale },
  roles: { valid: validRoles, invalid: invalidRoles },
  active: { valid: fc.boolean(), invalid: notBoolean },
  password: { valid: fc.constant('a new long password'), invalid: invalidPassword },
  unlock: literalTrue,
  resetTotp: literalTrue,
};
const missionSpec: Spec = {
  name: { valid: validText(200), invalid: invalidText(200) },
  countryCode: { valid: validIso3, invalid: invalidIso3 },
};

/** Placeholders for ids that exist only once the app is up. */
function resolve(value: unknown): unknown {
  if (value === 'ORG') return baseOrg.id;
  if (value === 'CENTRE') return baseCentre.id;
  if (Array.isArray(value)) return value.map(resolve);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, resolve(v)]),
    );
  }
  return value;
}

async function expectRejected(res: LightMyRequestResponse, payload: string, h: Hostile) {
  if (Buffer.byteLength(payload) > MIB) {
    expectProblem(res, 413);
  } else {
    expectValidation(res, h.offending, h.unknown);
  }
}

// ---------------------------------------------------------------- properties

describe('hostile bodies (property-based)', () => {
  const creates: [string, Spec][] = [
    ['/api/v1/organisations', organisationSpec(true)],
    ['/api/v1/centres', centreSpec(true)],
    ['/api/v1/users', userCreateSpec],
  ];
  for (const [url, spec] of creates) {
    it(`POST ${url}: 4xx problem+json naming the bad fields, and nothing created`, async () => {
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(hostileBodies(spec), async (h) => {
          const body = resolve(h.body);
          const payload = JSON.stringify(body);
          const res = await send('POST', url, body);
          await expectRejected(res, payload, h);
        }),
        { numRuns: RUNS },
      );
      expect(await snapshot()).toEqual(before);
    });
  }

  const active: FieldSpec = { valid: fc.boolean(), invalid: notBoolean };
  const updates: [string, () => string, Spec][] = [
    [
      'organisations',
      () => `/api/v1/organisations/${baseOrg.id}`,
      { ...clearing(organisationSpec(false), ['nameAr', 'acronym', 'countryCode']), active },
    ],
    [
      'centres',
      () => `/api/v1/centres/${baseCentre.id}`,
      {
        ...clearing(centreSpec(false), [
          'nameAr',
          'location',
          'latitude',
          'longitude',
          'authorityOrganisationId',
        ]),
        active,
      },
    ],
    ['users', () => `/api/v1/users/${baseUser.id}`, clearing(userUpdateSpec, ['email'])],
    ['mission', () => '/api/v1/mission', clearing(missionSpec, ['countryCode'])],
  ];
  for (const [name, url, spec] of updates) {
    it(`PATCH ${name} with a valid version: 4xx problem+json naming the bad fields, and nothing changed`, async () => {
      const before = await snapshot();
      const current = json<{ version: number }>(await admin.get(url()));
      expect(current.version).toBeGreaterThanOrEqual(1);
      await fc.assert(
        fc.asyncProperty(hostileBodies(spec, { version: current.version }), async (h) => {
          const body = resolve(h.body);
          const payload = JSON.stringify(body);
          const res = await send('PATCH', url(), body);
          await expectRejected(res, payload, h);
          expect(json<{ version: number }>(await admin.get(url())).version).toBe(current.version);
        }),
        { numRuns: RUNS },
      );
      expect(await snapshot()).toEqual(before);
    });
  }
});

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
  'sort',
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

const lists: [string, Record<string, QueryParam>][] = [
  ['/api/v1/organisations', { ...listParams, kind: enumParam(ORGANISATION_KINDS) }],
  ['/api/v1/centres', { ...listParams, type: enumParam(CENTRE_TYPES) }],
  [
    '/api/v1/users',
    {
      ...listParams,
      role: enumParam(ROLES),
      organisationId: { valid: fc.constant('ORG'), invalid: fc.constantFrom(...BAD_UUIDS) },
    },
  ],
];

describe('hostile list queries (property-based)', () => {
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

// ---------------------------------------------------------------- explicit cases

/** Every write; `url` is a function because the records exist only once the app is up. */
const WRITES: { method: 'POST' | 'PATCH'; label: string; url: () => string; field: string }[] = [
  { method: 'POST', label: '/organisations', url: () => '/api/v1/organisations', field: 'name' },
  { method: 'POST', label: '/centres', url: () => '/api/v1/centres', field: 'name' },
  { method: 'POST', label: '/users', url: () => '/api/v1/users', field: 'displayName' },
  {
    method: 'PATCH',
    label: '/organisations/:id',
    url: () => `/api/v1/organisations/${baseOrg.id}`,
    field: 'name',
  },
  { method: 'PATCH', label: '/centres/:id', url: () => `/api/v1/centres/${baseCentre.id}`, field: 'name' },
  { method: 'PATCH', label: '/users/:id', url: () => `/api/v1/users/${baseUser.id}`, field: 'displayName' },
  { method: 'PATCH', label: '/mission', url: () => '/api/v1/mission', field: 'name' },
];

describe('malformed requests', () => {
  it('malformed JSON is a 400 problem+json on every write, and nothing is written', async () => {
    const before = await snapshot();
    for (const w of WRITES) {
      for (const payload of [
        '{"name": ',
        '{name: "x"}',
        "{'name': 'x'}",
        '{"name": "x",}',
        '[1, 2',
        'undefined',
        '\u0000',
      ]) {
        const res = await admin.request({
          method: w.method,
          url: w.url(),
          payload,
          headers: { 'content-type': 'application/json' },
        });
        expect(expectProblem(res, 400).code).toBe('FST_ERR_CTP_INVALID_JSON_BODY');
      }
      const empty = await admin.request({
        method: w.method,
        url: w.url(),
        payload: '',
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(empty, 400);
      // prototype pollution is refused outright
      const proto = await admin.request({
        method: w.method,
        url: w.url(),
        payload: '{"__proto__": {"isAdmin": true}, "name": "Proto", "kind": "other", "version": 1}',
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(proto, 400);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a body over 1 MiB is a 413 problem+json on every write', async () => {
    const before = await snapshot();
    for (const w of WRITES) {
      const res = await send(w.method, w.url(), { name: 'x'.repeat(MIB + 10), kind: 'other', version: 1 });
      expect(expectProblem(res, 413).code).toBe('FST_ERR_CTP_BODY_TOO_LARGE');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('just under 1 MiB is parsed and refused field by field (400), not as too large', async () => {
    const res = await send('POST', '/api/v1/organisations', { name: 'x'.repeat(MIB - 100), kind: 'other' });
    expectValidation(res, ['name'], []);
  });

  it('a wrong content type is a 415 problem+json, and nothing is written', async () => {
    const before = await snapshot();
    for (const w of WRITES) {
      for (const [type, payload] of [
        ['application/xml', '<organisation><name>x</name></organisation>'],
        ['application/x-www-form-urlencoded', 'name=x&kind=other&version=1'],
        [
          'multipart/form-data; boundary=xyz',
          '--xyz\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--xyz--',
        ],
        ['image/png', '\u0089PNG'],
      ] as const) {
        const res = await admin.request({
          method: w.method,
          url: w.url(),
          payload,
          headers: { 'content-type': type },
        });
        expect(expectProblem(res, 415).code).toBe('FST_ERR_CTP_INVALID_MEDIA_TYPE');
      }
      // Fastify reads text/plain as a string: the body is then not the object the schema wants
      const text = await admin.request({
        method: w.method,
        url: w.url(),
        payload: JSON.stringify({ name: 'Plain text', kind: 'other', version: 1 }),
        headers: { 'content-type': 'text/plain' },
      });
      expectProblem(text);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an id that is not a uuid is a 400 naming `id`, on reads and writes', async () => {
    for (const path of ['organisations', 'centres', 'users']) {
      for (const bad of ['not-a-uuid', "1' OR '1'='1", '..%2F..%2Fetc', '%3Cscript%3E', '1e400']) {
        expectValidation(await admin.get(`/api/v1/${path}/${bad}`), ['id'], []);
        expectValidation(
          await send('PATCH', `/api/v1/${path}/${bad}`, { version: 1, name: 'x' }),
          ['id'],
          [],
        );
      }
      // a well-formed id that names nothing is a 404
      expectProblem(await admin.get(`/api/v1/${path}/0190a1b2-0000-7000-8000-000000000000`), 404);
    }
  });

  it('an Idempotency-Key of the wrong size is a 422 naming the header, and nothing is created', async () => {
    const before = await snapshot();
    for (const key of ['', 'short', 'seven77', 'x'.repeat(201)]) {
      const res = await admin.post('/api/v1/organisations', buildOrganisation(), { 'idempotency-key': key });
      const p = expectProblem(res, 422);
      expect(p.errors?.map((e) => e.path)).toEqual(['Idempotency-Key']);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('unique names clash with a 409 naming the field, never a 500', async () => {
    const before = await snapshot();
    const dupOrg = await send('POST', '/api/v1/organisations', {
      name: baseOrg.name.toUpperCase(),
      kind: 'other',
    });
    expect(expectProblem(dupOrg, 409).errors?.map((e) => e.path)).toEqual(['name']);
    const dupCentre = await send('POST', '/api/v1/centres', {
      ...buildCentre(),
      name: ` ${baseCentre.name} `,
    });
    expect(expectProblem(dupCentre, 409).errors?.map((e) => e.path)).toEqual(['name']);
    const dupUser = await send('POST', '/api/v1/users', {
      username: 'FUZZ-TARGET',
      displayName: 'Clash',
      organisationId: baseOrg.id,
      password: PASSWORD,
      roles: [{ role: 'viewer' }],
    });
    expect(expectProblem(dupUser, 409).errors?.map((e) => e.path)).toEqual(['username']);
    expect(await snapshot()).toEqual(before);
  });
});

describe('hostile text that is valid data', () => {
  it('HTML and script are stored and returned verbatim as JSON data', async () => {
    const script = '<script>alert(1)</script>';
    const img = '<img src=x onerror=alert(1)>';
    const orgRes = await send('POST', '/api/v1/organisations', {
      name: script,
      acronym: '<b>&amp;</b>',
      kind: 'other',
    });
    const org = ok<Organisation>(orgRes, 201);
    expect(org.name).toBe(script);
    expect(org.acronym).toBe('<b>&amp;</b>');
    expect(orgRes.body).toContain(JSON.stringify(script)); // raw, not entity-encoded
    expect(orgRes.headers['x-content-type-options']).toBe('nosniff');

    const centre = ok<Centre>(
      await send('POST', '/api/v1/centres', { ...buildCentre(), location: img, nameAr: script }),
      201,
    );
    expect(centre.location).toBe(img);
    const user = ok<User>(
      await send('POST', '/api/v1/users', {
        username: 'html-user',
        displayName: `${script}${img}`,
        organisationId: org.id,
        password: PASSWORD,
        roles: [{ role: 'viewer' }],
      }),
      201,
    );
    expect(user.displayName).toBe(`${script}${img}`);

    // read back unchanged, by id and by search
    expect(ok<Organisation>(await admin.get(`/api/v1/organisations/${org.id}`)).name).toBe(script);
    expect(ok<Centre>(await admin.get(`/api/v1/centres/${centre.id}`)).location).toBe(img);
    expect(ok<User>(await admin.get(`/api/v1/users/${user.id}`)).displayName).toBe(`${script}${img}`);
    const found = ok<Page<Organisation>>(
      await admin.get(`/api/v1/organisations?q=${encodeURIComponent(script)}`),
    ).items;
    expect(found.map((o) => o.id)).toEqual([org.id]);

    // and it survives an update
    const patched = ok<Organisation>(
      await send('PATCH', `/api/v1/organisations/${org.id}`, { version: org.version, nameAr: img }),
    );
    expect(patched.nameAr).toBe(img);
    expect(patched.name).toBe(script);
  });

  it('SQL-looking names are stored verbatim and run nothing: the users table is still there', async () => {
    const names = [
      "Robert'); DROP TABLE users; --",
      "' OR 1=1 --",
      "x'; UPDATE users SET active = false; --",
    ];
    const usersBefore = ok<Page<User>>(await admin.get('/api/v1/users?limit=200')).items;
    expect(usersBefore.length).toBeGreaterThan(1);
    const made: Organisation[] = [];
    for (const name of names) {
      const org = ok<Organisation>(await send('POST', '/api/v1/organisations', { name, kind: 'other' }), 201);
      expect(org.name).toBe(name);
      made.push(org);
    }
    const c = ok<Centre>(
      await send('POST', '/api/v1/centres', { ...buildCentre(), name: "Centre'; DELETE FROM centres; --" }),
      201,
    );
    expect(c.name).toBe("Centre'; DELETE FROM centres; --");

    for (const org of made) {
      expect(ok<Organisation>(await admin.get(`/api/v1/organisations/${org.id}`)).name).toBe(org.name);
      // searching for the text finds that record only, not everything
      const hits = ok<Page<Organisation>>(
        await admin.get(`/api/v1/organisations?q=${encodeURIComponent(org.name)}`),
      ).items;
      expect(hits.map((o) => o.id)).toEqual([org.id]);
    }
    // the users table still exists, with the same users, all still active
    const usersAfter = ok<Page<User>>(await admin.get('/api/v1/users?limit=200')).items;
    expect(usersAfter.map((u) => [u.id, u.active, u.version])).toEqual(
      usersBefore.map((u) => [u.id, u.active, u.version]),
    );
    expect(ok<Page<Centre>>(await admin.get('/api/v1/centres?limit=200')).items.map((x) => x.id)).toContain(
      baseCentre.id,
    );
    expect((await t.login('fuzz-target', PASSWORD)).statusCode).toBe(204);
  });

  it('a forged cursor holding SQL is refused or ignored, never run', async () => {
    const before = await snapshot();
    const forged = Buffer.from(JSON.stringify(["' OR 1=1 --", "'; DROP TABLE users; --"])).toString(
      'base64url',
    );
    expectProblem(await admin.get(`/api/v1/organisations?cursor=${forged}`), 400);
    const forged2 = Buffer.from(JSON.stringify(["' OR 1=1 --", baseOrg.id])).toString('base64url');
    const page = ok<Page<Organisation>>(await admin.get(`/api/v1/organisations?cursor=${forged2}`));
    // keyset: only names sorting after the forged text
    for (const o of page.items) expect(o.name > "' OR 1=1 --" || o.name === "' OR 1=1 --").toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});

// ---------------------------------------------------------------- bugs found

describe('out-of-range numbers and unstorable characters', () => {
  // Found at ddefa38: `version` had no upper bound while the column is a PostgreSQL `integer`,
  // so 2^31 reached the database, which raised 22003, and the answer was a 500.
  for (const w of WRITES.filter((x) => x.method === 'PATCH')) {
    it(`PATCH ${w.label} with version 2^31 or 2^53-1 is a 4xx, not a 500, and changes nothing`, async () => {
      const before = await snapshot();
      for (const version of [2 ** 31, 2 ** 53 - 1]) {
        const res = await send('PATCH', w.url(), { version, [w.field]: 'Overflow' });
        expectProblem(res);
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  // Found at ddefa38: `q`, `cursor` and audit's `actor`/`entityType` could hold U+0000, which
  // PostgreSQL text cannot store (22021), and the answer was a 500.
  const nulCursor = Buffer.from(JSON.stringify(['a\u0000', '0190a1b2-0000-7000-8000-000000000000'])).toString(
    'base64url',
  );
  for (const [url, param] of [
    ['/api/v1/organisations?q=%00', 'q'],
    ['/api/v1/centres?q=a%00b', 'q'],
    ['/api/v1/users?q=%00', 'q'],
    [`/api/v1/organisations?cursor=${nulCursor}`, 'cursor'],
    [`/api/v1/centres?cursor=${nulCursor}`, 'cursor'],
    [`/api/v1/users?cursor=${nulCursor}`, 'cursor'],
    ['/api/v1/audit?actor=%00', 'actor'],
    ['/api/v1/audit?entityType=%00', 'entityType'],
  ] as const) {
    it(`GET ${url.slice(0, 40)} (U+0000) is a 4xx naming ${param} or an answer, never a 500`, async () => {
      const res = await admin.get(url);
      expect(res.statusCode, res.body).toBeLessThan(500);
      if (res.statusCode >= 400) {
        const p = expectProblem(res, 400);
        if (p.errors) expect(p.errors.map((e) => e.path)).toContain(param);
      } else {
        expect(ok<Page<unknown>>(res).items).toEqual([]);
      }
    });
  }

  it('other control characters in search text are refused naming `q` or matched literally, never a 500', async () => {
    for (const url of ['/api/v1/organisations', '/api/v1/centres', '/api/v1/users']) {
      for (const c of CONTROL_CHARS) {
        const res = await admin.get(`${url}?q=${encodeURIComponent(`a${c}b`)}`);
        expect(res.statusCode, res.body).toBeLessThan(500);
        if (res.statusCode >= 400) expectValidation(res, ['q'], []);
        else expect(ok<Page<unknown>>(res).items).toEqual([]);
      }
    }
  });
});
