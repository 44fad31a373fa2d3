import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, PASSWORD, type TestApp, testApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const auditFor = async (userId: string) =>
  json<{ items: { action: string; detail: { reason?: string } | null }[] }>(
    await t.admin.get(`/api/v1/audit?entityType=user&entityId=${userId}&limit=50`),
  ).items;

describe('sign-in', () => {
  it('locks the account after five wrong passwords, refuses the right one until the lock expires, and audits each attempt', async () => {
    const cw = await t.signIn({ username: 'locky', role: 'caseworker' });
    for (let i = 1; i <= 5; i++) {
      const res = await t.login('locky', 'wrong password!');
      expect(res.statusCode).toBe(401);
      expect(json(res).code).toBe('invalid_credentials');
    }
    const locked = await t.login('locky', PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(json(locked).code).toBe('account_locked');
    expect(json(locked).type).toBe('about:blank');

    t.advance(14 * 60 * 1000);
    expect((await t.login('locky', PASSWORD)).statusCode).toBe(423);

    t.advance(61 * 1000);
    expect((await t.login('locky', PASSWORD)).statusCode).toBe(204);

    const events = await auditFor(cw.userId);
    const failed = events.filter((e) => e.action === 'login_failed');
    expect(failed.filter((e) => e.detail?.reason === 'bad_password')).toHaveLength(5);
    expect(failed.filter((e) => e.detail?.reason === 'locked')).toHaveLength(2);
    expect(events.filter((e) => e.action === 'login')).toHaveLength(2); // the factory's sign-in and the last one
  });

  it('sets an httpOnly SameSite=Strict session cookie', async () => {
    await t.signIn({ username: 'cookie-user' });
    const res = await t.login('cookie-user', PASSWORD);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('does not say whether a username exists', async () => {
    const res = await t.login('nobody-here', 'whatever password');
    expect(res.statusCode).toBe(401);
    expect(json(res).code).toBe('invalid_credentials');
  });

  it('refuses state-changing requests without X-Requested-With: sanad', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x', password: 'y' },
    });
    expect(res.statusCode).toBe(403);
    expect(json(res).code).toBe('csrf_header_missing');
    const cw = await t.signIn();
    const noHeader = await cw.request({
      method: 'POST',
      url: '/api/v1/organisations',
      headers: { 'x-requested-with': '' },
      payload: {},
    });
    expect(noHeader.statusCode).toBe(403);
  });

  it('asks for X-Requested-With whatever the spelling of the path', async () => {
    await t.signIn({ username: 'csrf-user' });
    for (const url of [
      '/%61pi/v1/auth/login',
      '//api/v1/auth/login',
      '/API/v1/auth/login',
      '/api//v1/auth/login',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        payload: { username: 'csrf-user', password: PASSWORD },
      });
      expect(res.statusCode, url).toBe(403);
      expect(res.headers['set-cookie'], url).toBeUndefined();
    }
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('sessions', () => {
  it('expires after 30 minutes idle and after 12 hours in all', async () => {
    const cw = await t.signIn();
    t.advance(29 * 60 * 1000);
    expect((await cw.get('/api/v1/me')).statusCode).toBe(200);
    t.advance(29 * 60 * 1000); // still active: the previous request counted
    expect((await cw.get('/api/v1/me')).statusCode).toBe(200);
    t.advance(31 * 60 * 1000);
    const idle = await cw.get('/api/v1/me');
    expect(idle.statusCode).toBe(401);
    expect(json(idle).code).toBe('session_expired');
    await t.refreshAdmin();

    const busy = await t.signIn();
    for (let h = 0; h < 12 * 3; h++) {
      t.advance(20 * 60 * 1000);
      const res = await busy.get('/api/v1/me');
      if (res.statusCode !== 200) {
        expect(h * 20 + 20).toBeGreaterThanOrEqual(12 * 60);
        expect(json(res).code).toBe('session_expired');
        await t.refreshAdmin();
        return;
      }
    }
    throw new Error('session outlived its absolute lifetime');
  });

  it('signs out', async () => {
    const cw = await t.signIn();
    expect((await cw.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect(json(await cw.get('/api/v1/me')).code).toBe('unauthenticated');
  });
});

describe('two-factor authentication', () => {
  it('makes an admin without TOTP enrol before any other action, then requires the code at sign-in', async () => {
    // an admin created the ordinary way, with no second factor yet
    const created = await t.admin.post('/api/v1/users', {
      username: 'new-admin',
      displayName: 'New Admin',
      organisationId: json<{ organisation: { id: string } }>(await t.admin.get('/api/v1/me')).organisation.id,
      password: PASSWORD,
      roles: [{ role: 'admin', centreIds: [] }],
    });
    expect(created.statusCode).toBe(201);
    const first = await t.login('new-admin', PASSWORD);
    expect(first.statusCode).toBe(204);
    const cookie = String(first.headers['set-cookie']).split(';')[0] as string;
    const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, payload, headers: { cookie, 'x-requested-with': 'sanad' } });

    const me = json<{ totpEnrolmentRequired: boolean }>(await as('GET', '/api/v1/me'));
    expect(me.totpEnrolmentRequired).toBe(true);
    for (const url of ['/api/v1/organisations', '/api/v1/centres', '/api/v1/users', '/api/v1/audit']) {
      const res = await as('GET', url);
      expect(res.statusCode).toBe(403);
      expect(json(res).code).toBe('totp_enrolment_required');
    }

    const setup = json<{ secret: string; otpauthUri: string; qrDataUrl: string }>(
      await as('POST', '/api/v1/me/totp/setup'),
    );
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await as('POST', '/api/v1/me/totp/verify', { token: '000000' });
    expect(wrong.statusCode).toBe(422);
    const code = await generate({ secret: setup.secret, epoch: Math.floor(t.now().getTime() / 1000) });
    const verified = await as('POST', '/api/v1/me/totp/verify', { token: code });
    expect(verified.statusCode).toBe(200);
    expect(json(verified).totpEnrolmentRequired).toBe(false);
    // created by an administrator: the first password must be replaced too
    expect(json(await as('GET', '/api/v1/organisations')).code).toBe('password_change_required');
    const next = `${PASSWORD} new`;
    expect(
      (await as('POST', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword: next })).statusCode,
    ).toBe(204);

    t.advance(60_000);
    const noCode = await t.login('new-admin', next);
    expect(json(noCode).code).toBe('totp_required');
    const badCode = await t.login('new-admin', next, '123456');
    expect(json(badCode).code).toBe('totp_invalid');
    const good = await generate({ secret: setup.secret, epoch: Math.floor(t.now().getTime() / 1000) });
    expect((await t.login('new-admin', next, good)).statusCode).toBe(204);
    // the same code cannot be replayed
    expect(json(await t.login('new-admin', next, good)).code).toBe('totp_invalid');
  });
});

describe('recovery codes', () => {
  it('are shown once at enrolment and each signs in once in place of a TOTP code, audited', async () => {
    const organisationId = json<{ organisation: { id: string } }>(await t.admin.get('/api/v1/me'))
      .organisation.id;
    const created = await t.admin.post('/api/v1/users', {
      username: 'recovering-admin',
      displayName: 'Recovering Admin',
      organisationId,
      password: PASSWORD,
      roles: [{ role: 'admin', centreIds: [] }],
    });
    const userId = json<{ id: string }>(created).id;
    const cookie = String((await t.login('recovering-admin', PASSWORD)).headers['set-cookie']).split(';')[0];
    const as = (url: string, payload?: object) =>
      t.app.inject({ method: 'POST', url, payload, headers: { cookie, 'x-requested-with': 'sanad' } });
    const { secret } = json<{ secret: string }>(await as('/api/v1/me/totp/setup'));
    const token = await generate({ secret, epoch: Math.floor(t.now().getTime() / 1000) });
    const verified = json<{ recoveryCodes: string[] }>(await as('/api/v1/me/totp/verify', { token }));
    expect(verified.recoveryCodes).toHaveLength(10);
    expect(new Set(verified.recoveryCodes).size).toBe(10);
    const [first, second] = verified.recoveryCodes as [string, string];

    t.advance(60_000);
    const withCode = (recoveryCode: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-requested-with': 'sanad' },
        payload: { username: 'recovering-admin', password: PASSWORD, recoveryCode },
      });
    expect(json(await withCode('aaaaa-bbbbb')).code).toBe('totp_invalid');
    // typed back in capitals, without the dash: still the code
    expect((await withCode(first.toUpperCase().replace('-', ' '))).statusCode).toBe(204);
    expect(json(await withCode(first)).code).toBe('totp_invalid');
    expect((await withCode(second)).statusCode).toBe(204);

    const events = await auditFor(userId);
    const logins = events.filter((e) => e.action === 'login');
    expect(
      logins.filter((e) => (e.detail as { secondFactor?: string }).secondFactor === 'recovery_code'),
    ).toHaveLength(2);
    expect(events.filter((e) => e.detail?.reason === 'bad_recovery_code')).toHaveLength(2);
  });
});

describe('password change', () => {
  it('needs the current password, then works with the new one only', async () => {
    const cw = await t.signIn({ username: 'changer' });
    const wrong = await cw.post('/api/v1/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new secret',
    });
    expect(wrong.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(wrong).errors[0]?.path).toBe('currentPassword');
    const short = await cw.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(short).errors[0]?.path).toBe('newPassword');
    expect(
      (await cw.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new secret' }))
        .statusCode,
    ).toBe(204);
    expect((await t.login('changer', PASSWORD)).statusCode).toBe(401);
    expect((await t.login('changer', 'a brand new secret')).statusCode).toBe(204);
  });

  it('forces a new password on an account created by an administrator', async () => {
    const created = await t.admin.post('/api/v1/users', {
      username: 'made-by-admin',
      displayName: 'Made By Admin',
      organisationId: json<{ organisation: { id: string } }>(await t.admin.get('/api/v1/me')).organisation.id,
      password: PASSWORD,
      roles: [{ role: 'caseworker', centreIds: [] }],
    });
    expect(created.statusCode).toBe(201);
    const res = await t.login('made-by-admin', PASSWORD);
    expect(res.statusCode).toBe(204);
    const cookie = String(res.headers['set-cookie']).split(';')[0] as string;
    const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, payload, headers: { cookie, 'x-requested-with': 'sanad' } });
    expect(json(await as('GET', '/api/v1/me')).passwordChangeRequired).toBe(true);
    expect(json(await as('GET', '/api/v1/centres')).code).toBe('password_change_required');
    const changed = await as('POST', '/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'my own secret now',
    });
    expect(changed.statusCode).toBe(204);
    expect((await as('GET', '/api/v1/centres')).statusCode).toBe(200);
  });

  it('forces a new password after an admin reset', async () => {
    const cw = await t.signIn({ username: 'reset-me' });
    const user = json<{ version: number }>(await t.admin.get(`/api/v1/users/${cw.userId}`));
    const reset = await t.admin.patch(`/api/v1/users/${cw.userId}`, {
      version: user.version,
      password: 'temporary pass 1',
    });
    expect(reset.statusCode).toBe(200);
    expect((await cw.get('/api/v1/me')).statusCode).toBe(401); // the reset ended the old session
    const res = await t.login('reset-me', 'temporary pass 1');
    const cookie = String(res.headers['set-cookie']).split(';')[0] as string;
    const centres = await t.app.inject({ method: 'GET', url: '/api/v1/centres', headers: { cookie } });
    expect(json(centres).code).toBe('password_change_required');
  });
});

describe('language', () => {
  it('remembers the chosen language per user', async () => {
    const cw = await t.signIn({ username: 'arabic-speaker' });
    expect(json(await cw.patch('/api/v1/me', { locale: 'ar' })).locale).toBe('ar');
    expect(json(await cw.get('/api/v1/me')).locale).toBe('ar');
    expect((await cw.patch('/api/v1/me', { locale: 'de' })).statusCode).toBe(400);
  });

  it('saves the language on the account, audits it as an account change, and brings it back at sign-in', async () => {
    const cw = await t.signIn({ username: 'french-speaker', password: PASSWORD });
    expect(json(await cw.patch('/api/v1/me', { locale: 'fr' })).locale).toBe('fr');
    const audit = json<{ items: { action: string; entityType: string; changedFields: string[] }[] }>(
      await t.admin.get(`/api/v1/audit?entityId=${cw.userId}`),
    ).items;
    // the account's own setting: which field changed, never a person's data
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'update', entityType: 'user', changedFields: ['locale'] }),
    );
    const again = await t.login('french-speaker', PASSWORD);
    expect(again.statusCode, again.body).toBe(204);
    const cookie = String(again.headers['set-cookie']).split(';')[0] as string;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(json<{ locale: string }>(me).locale).toBe('fr');
  });
});
