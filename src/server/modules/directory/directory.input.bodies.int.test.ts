import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CENTRE_TYPES,
  type Centre,
  ORGANISATION_KINDS,
  type Organisation,
  type User,
} from '../../../domain/directory/schemas';
import { type Client, json, PASSWORD, type TestApp, testApp } from '../../test/harness';
import {
  expectProblem,
  expectValidation,
  HTML,
  inputHelpers,
  invalidCapacity,
  invalidCoordinate,
  invalidEnum,
  invalidIso3,
  invalidText,
  invalidUuid,
  MIB,
  notBoolean,
  notString,
  ONE_MB,
  RUNS,
  SQL,
  seed,
  UNKNOWN_KEYS,
  validCoordinate,
  validIso3,
  validText,
} from './directory.input.support';

// Hostile request bodies on every directory write: a 4xx problem+json naming the offending
// fields, never a 5xx, and nothing is written.

let t: TestApp;
let admin: Client;
let baseOrg: Organisation;
let baseCentre: Centre;
let baseUser: User;

beforeAll(async () => {
  t = await testApp();
  admin = t.admin;
  ({ baseOrg, baseCentre, baseUser } = await seed(admin));
});
afterAll(() => t.close());

const { snapshot, send } = inputHelpers(() => ({ admin, baseOrg, baseCentre, baseUser }));

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
