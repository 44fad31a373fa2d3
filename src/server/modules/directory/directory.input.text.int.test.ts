import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Centre, Organisation, User } from '../../../domain/directory/schemas';
import { buildCentre } from '../../test/factories';
import { type Client, PASSWORD, type TestApp, testApp } from '../../test/harness';
import {
  CONTROL_CHARS,
  expectProblem,
  expectValidation,
  inputHelpers,
  ok,
  type Page,
  seed,
} from './directory.input.support';

// Explicit cases: hostile text that is valid data is stored verbatim and runs nothing, and
// out-of-range numbers or unstorable characters are a 4xx, never a 500.

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
