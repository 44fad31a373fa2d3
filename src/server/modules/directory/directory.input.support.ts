import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { AuditEvent } from '../../../domain/audit/schemas';
import type { Problem } from '../../../domain/common/schemas';
import type { Centre, Organisation, User } from '../../../domain/directory/schemas';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { type Client, json, PASSWORD } from '../../test/harness';

// Shared by the directory.input.*.int.test.ts files: hostile input on every directory endpoint.
// Whatever comes in, the answer is a 4xx problem+json naming the offending fields, never a 5xx,
// and nothing is written.

export const RUNS = 40;
export const MIB = 1024 * 1024;

export type Page<T> = { items: T[]; nextCursor: string | null };

/** The records every input test file starts from, created by its own `beforeAll`. */
export type Base = { baseOrg: Organisation; baseCentre: Centre; baseUser: User };
export type Fixture = Base & { admin: Client };

export async function seed(admin: Client): Promise<Base> {
  const baseOrg = ok<Organisation>(await admin.post('/api/v1/organisations', buildOrganisation()), 201);
  const baseCentre = ok<Centre>(
    await admin.post('/api/v1/centres', buildCentre({ authorityOrganisationId: baseOrg.id })),
    201,
  );
  const baseUser = ok<User>(
    await admin.post('/api/v1/users', {
      username: 'fuzz-target',
      displayName: 'Fuzz Target',
      organisationId: baseOrg.id,
      password: PASSWORD,
      roles: [{ role: 'caseworker', centreIds: [baseCentre.id] }],
    }),
    201,
  );
  return { baseOrg, baseCentre, baseUser };
}

// ---------------------------------------------------------------- helpers

export function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return json<T>(res);
}

export function expectProblem(res: LightMyRequestResponse, status?: number): Problem {
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

export const names = (path: string, field: string) => path === field || path.startsWith(`${field}.`);

/** A 400 whose `errors` name exactly the offending fields: each of them, and nothing else. */
export function expectValidation(
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

/** Helpers over one test file's app and base records; `get` is read when they run. */
export function inputHelpers(get: () => Fixture) {
  async function count(path: string): Promise<number> {
    let n = 0;
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: Page<unknown> = ok<Page<unknown>>(
        await get().admin.get(`${path}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      );
      n += page.items.length;
      cursor = page.nextCursor;
      if (!cursor) return n;
    }
    throw new Error('too many pages');
  }

  /** The newest audit sequence number: any write would move it. */
  const auditHead = async () =>
    ok<Page<AuditEvent>>(await get().admin.get('/api/v1/audit?limit=1')).items[0]?.seq ?? 0;

  /** Everything a write could change. */
  async function snapshot() {
    return {
      organisations: await count('/api/v1/organisations'),
      centres: await count('/api/v1/centres'),
      users: await count('/api/v1/users'),
      org: ok(await get().admin.get(`/api/v1/organisations/${get().baseOrg.id}`)),
      centre: ok(await get().admin.get(`/api/v1/centres/${get().baseCentre.id}`)),
      user: ok(await get().admin.get(`/api/v1/users/${get().baseUser.id}`)),
      mission: ok(await get().admin.get('/api/v1/mission')),
      audit: await auditHead(),
    };
  }

  const send = (method: 'POST' | 'PATCH', url: string, body: unknown) =>
    get().admin.request({
      method,
      url,
      payload: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });

  /** Every write; `url` is a function because the records exist only once the app is up. */
  const WRITES: { method: 'POST' | 'PATCH'; label: string; url: () => string; field: string }[] = [
    { method: 'POST', label: '/organisations', url: () => '/api/v1/organisations', field: 'name' },
    { method: 'POST', label: '/centres', url: () => '/api/v1/centres', field: 'name' },
    { method: 'POST', label: '/users', url: () => '/api/v1/users', field: 'displayName' },
    {
      method: 'PATCH',
      label: '/organisations/:id',
      url: () => `/api/v1/organisations/${get().baseOrg.id}`,
      field: 'name',
    },
    {
      method: 'PATCH',
      label: '/centres/:id',
      url: () => `/api/v1/centres/${get().baseCentre.id}`,
      field: 'name',
    },
    {
      method: 'PATCH',
      label: '/users/:id',
      url: () => `/api/v1/users/${get().baseUser.id}`,
      field: 'displayName',
    },
    { method: 'PATCH', label: '/mission', url: () => '/api/v1/mission', field: 'name' },
  ];

  return { count, auditHead, snapshot, send, WRITES };
}

// ---------------------------------------------------------------- hostile values

export const SQL = [
  "'; DROP TABLE users; --",
  "' OR 1=1 --",
  '1; SELECT pg_sleep(5); --',
  '" OR ""="',
  "admin'--",
];
export const HTML = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
];
export const OTHER = [
  'Ñandú & Co',
  'منظمة الإغاثة الدولية',
  '😀 emoji org',
  '100% _legit_ \\ org',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell probe, meant literally
  '${jndi:ldap://x/a}',
  '../../etc/passwd',
];
export const HOSTILE_TEXT = [...SQL, ...HTML, ...OTHER];
export const ONE_MB = 'x'.repeat(1_000_000);
export const ONE_MB_ARABIC = 'م'.repeat(500_000); // two bytes each
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
export const CONTROL = /[\u0000-\u001f\u007f]/;
export const CONTROL_CHARS = [0, 1, 7, 8, 9, 10, 13, 27, 31, 127].map((c) => String.fromCharCode(c));
export const BAD_UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000g',
  "1' OR '1'='1",
  '',
  '{00000000-0000-7000-8000-000000000000}',
  '0190a1b2c3d4e5f60718293a4b5c6d7e8f90',
  '../users',
  '<script>alert(1)</script>',
];
export const UNKNOWN_KEYS = [
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
export const withControl = fc
  .tuple(fc.constantFrom(...CONTROL_CHARS), fc.constantFrom('', ' ', ...SQL, ...HTML))
  .map(([c, s]) => `a${c}${s}b`);

/** Any JSON value that is not a string. */
export const notString = fc.oneof(
  fc.integer(),
  // finite only: JSON writes NaN and ±Infinity as null, which a nullable field accepts
  fc.double({ noNaN: true, noDefaultInfinity: true }),
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
export const notNumber = fc.oneof(
  fc.constantFrom('1', '200', '', '1e3', ...SQL, ...HTML),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({ value: 1 }),
);
/** Any JSON value that is not a boolean. */
export const notBoolean = fc.oneof(fc.constantFrom('true', 'false', 0, 1, '', null, [], {}, ...SQL));

export const validText = (max: number) =>
  fc.oneof(
    fc.constantFrom(...HOSTILE_TEXT.filter((s) => s.length <= max)),
    fc
      .string({ minLength: 1, maxLength: max })
      .filter((s) => s.trim().length > 0 && s.length <= max && !CONTROL.test(s)),
  );
export const invalidText = (max: number) =>
  fc.oneof(
    notString,
    fc.constantFrom('', '   ', '\t\n', 'x'.repeat(max + 1), ONE_MB, ONE_MB_ARABIC),
    withControl,
  );
export const invalidEnum = fc.oneof(
  fc.constantFrom('', 'bogus', 'ADMIN', 'Partner_NGO', ...SQL, ...HTML),
  notString,
);
export const validIso3 = fc.constantFrom('LBY', 'NGA', 'SDN', 'ERI');
export const invalidIso3 = fc.oneof(
  fc.constantFrom('ly', 'LB', 'LBYA', 'lby', 'Lby', '123', '', ' LBY', 'L B', 'ليب', ...SQL),
  notString,
);
export const invalidUuid = fc.oneof(fc.constantFrom(...BAD_UUIDS), notString);
export const invalidCapacity = fc.oneof(
  fc.integer({ max: -1 }),
  fc.integer({ min: 100_001 }),
  fc.constantFrom(-1, -100, 1.5, 0.1, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2),
  notNumber,
);
export const invalidCoordinate = (limit: number) =>
  fc.oneof(
    fc.double({ min: limit + 0.001, max: 1e308, noNaN: true }),
    fc.double({ min: -1e308, max: -limit - 0.001, noNaN: true }),
    notNumber,
  );
export const validCoordinate = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });
