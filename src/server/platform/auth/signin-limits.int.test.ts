import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser } from '../../test/factories';
import { json, PASSWORD, type TestApp, testApp } from '../../test/harness';
import { loadConfig } from '../config';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  // the shipped ceiling, not the harness's relaxed one
  t.ctx.config.ipFailureLimit = loadConfig({}).ipFailureLimit;
});
afterAll(() => t.close());

const loginFrom = (remoteAddress: string, username: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-requested-with': 'sanad' },
    payload: { username, password },
    remoteAddress,
  });

describe('sign-in limits', () => {
  it('an office behind one address is not locked out by a few dozen failures', async () => {
    await t.signIn({ username: 'office-colleague' });
    for (let i = 0; i < 35; i++) {
      const res = await loginFrom('10.0.0.1', `typo-user-${i}`, 'wrong password!');
      expect(res.statusCode).toBe(401);
    }
    expect((await loginFrom('10.0.0.1', 'office-colleague', PASSWORD)).statusCode).toBe(204);
  });

  it('failures from one address lock that address out of the account, not everyone', async () => {
    await t.signIn({ username: 'target-user' });
    for (let i = 0; i < 5; i++)
      expect((await loginFrom('10.0.0.2', 'target-user', 'wrong password!')).statusCode).toBe(401);
    expect((await loginFrom('10.0.0.2', 'target-user', PASSWORD)).statusCode).toBe(423);
    expect((await loginFrom('10.0.0.3', 'target-user', PASSWORD)).statusCode).toBe(204);
  });

  it('the account itself locks after many failures from anywhere', async () => {
    await t.signIn({ username: 'spread-user' });
    for (let i = 0; i < 20; i++) await loginFrom(`10.1.0.${i}`, 'spread-user', 'wrong password!');
    expect((await loginFrom('10.2.0.1', 'spread-user', PASSWORD)).statusCode).toBe(423);
  });

  it('a locked account and an unknown name answer alike', async () => {
    await t.signIn({ username: 'known-locked' });
    for (const name of ['known-locked', 'never-existed']) {
      for (let i = 0; i < 5; i++) await loginFrom('10.0.0.4', name, 'wrong password!');
    }
    const known = await loginFrom('10.0.0.4', 'known-locked', PASSWORD);
    const unknown = await loginFrom('10.0.0.4', 'never-existed', PASSWORD);
    expect(known.statusCode).toBe(423);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(unknown.headers['retry-after']).toBe(known.headers['retry-after']);
    // and unknown names spread over addresses lock like accounts do
    for (let i = 0; i < 20; i++) await loginFrom(`10.3.0.${i}`, 'ghost-name', 'wrong password!');
    const ghost = await loginFrom('10.4.0.1', 'ghost-name', PASSWORD);
    expect(ghost.statusCode).toBe(423);
    expect(ghost.body).toBe(known.body);
  });
});

describe('common passwords', () => {
  const field = (res: { body: string }) =>
    json<{ errors: { path: string; message: string }[] }>(res as never).errors;

  it('are refused wherever a password is set, with a field message', async () => {
    const org = json<{ organisationId: string }>(await t.admin.get('/api/v1/me')).organisationId;
    const created = await t.admin.post('/api/v1/users', {
      ...buildUser({ organisationId: org }),
      organisationId: org,
      roles: [{ role: 'caseworker', centreIds: [] }],
      password: 'qwertyuiop',
    });
    expect(created.statusCode).toBe(400);
    expect(field(created)).toContainEqual({ path: 'password', message: expect.stringMatching(/common/) });

    const cw = await t.signIn({ username: 'changes-password' });
    const changed = await cw.post('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: '1234567890',
    });
    expect(changed.statusCode).toBe(400);
    expect(field(changed).map((e) => e.path)).toContain('newPassword');

    const user = json<{ version: number }>(await t.admin.get(`/api/v1/users/${cw.userId}`));
    const reset = await t.admin.patch(`/api/v1/users/${cw.userId}`, {
      version: user.version,
      password: 'Q1W2E3R4T5',
    });
    expect(reset.statusCode).toBe(400);
    expect(field(reset).map((e) => e.path)).toContain('password');
  });
});
