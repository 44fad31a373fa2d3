import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Centre, Organisation, User } from '../../../domain/directory/schemas';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { type Client, PASSWORD, type TestApp, testApp } from '../../test/harness';
import { expectProblem, expectValidation, inputHelpers, MIB, seed } from './directory.input.support';

// Explicit cases of malformed requests on every directory endpoint: a 4xx problem+json,
// never a 5xx, and nothing is written.

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

const { snapshot, send, WRITES } = inputHelpers(() => ({ admin, baseOrg, baseCentre, baseUser }));

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
