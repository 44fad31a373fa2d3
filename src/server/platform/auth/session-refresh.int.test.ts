import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp, testApp } from '../../test/harness';
import { SESSION_ABSOLUTE_HEADER, SESSION_IDLE_HEADER } from './plugin';
import { forgetSession } from './session-cache';
import { createSession, lookupSession, persistEveryMs } from './sessions';

// The web app warns before a session ends and offers "stay signed in": it needs the expiry of
// each session (in /me and on every answer) and a route that moves the idle expiry.

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const IDLE = 30 * 60;
const LIFETIME = 12 * 60 * 60;
const at = (offsetSeconds: number, from: Date) =>
  new Date(from.getTime() + offsetSeconds * 1000).toISOString();
const idleHeader = (res: { headers: Record<string, unknown> }) => Number(res.headers[SESSION_IDLE_HEADER]);
const absoluteHeader = (res: { headers: Record<string, unknown> }) =>
  Number(res.headers[SESSION_ABSOLUTE_HEADER]);

describe('session expiry and refresh', () => {
  it('tells the idle and absolute expiry in /me and in headers on every signed-in answer', async () => {
    const start = t.now();
    const cw = await t.signIn({ role: 'caseworker' });
    const res = await cw.get('/api/v1/me');
    expect(res.statusCode).toBe(200);
    expect(json<{ session: unknown }>(res).session).toEqual({
      idleTimeoutSeconds: IDLE,
      idleExpiresAt: at(IDLE, start),
      expiresAt: at(LIFETIME, start),
    });
    expect(idleHeader(res)).toBe(IDLE);
    expect(absoluteHeader(res)).toBe(LIFETIME);
    // an answer to a request without a session carries none
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers[SESSION_IDLE_HEADER]).toBeUndefined();
  });

  it('"stay signed in" moves the idle expiry to now, never the absolute one', async () => {
    const start = t.now();
    const cw = await t.signIn({ role: 'caseworker' });
    t.advance(20 * 1000); // within the write interval: the stored activity is still the sign-in
    expect(idleHeader(await cw.get('/api/v1/me'))).toBe(IDLE - 20);

    const refreshed = await cw.post('/api/v1/session/refresh');
    expect(refreshed.statusCode).toBe(200);
    expect(json(refreshed)).toEqual({
      idleTimeoutSeconds: IDLE,
      idleExpiresAt: at(IDLE + 20, start),
      expiresAt: at(LIFETIME, start),
    });
    expect(idleHeader(refreshed)).toBe(IDLE);
    expect(absoluteHeader(refreshed)).toBe(LIFETIME - 20);

    // the new idle expiry holds: 29 minutes later the session is alive, 31 minutes after that it is not
    t.advance((IDLE - 60) * 1000);
    expect((await cw.get('/api/v1/session/refresh')).statusCode).toBe(404); // POST only
    const still = await cw.post('/api/v1/session/refresh');
    expect(still.statusCode).toBe(200);
    t.advance((IDLE + 60) * 1000);
    const gone = await cw.post('/api/v1/session/refresh');
    expect(gone.statusCode).toBe(401);
    expect(json(gone).code).toBe('session_expired');
    await t.refreshAdmin();
  });

  it('refuses a request that expects another user than the session’s (another tab signed in)', async () => {
    const cw = await t.signIn({ role: 'caseworker' });
    const other = await t.signIn({ role: 'caseworker' });
    const mine = await cw.request({ method: 'GET', url: '/api/v1/me', headers: { 'sanad-user': cw.userId } });
    expect(mine.statusCode).toBe(200);
    const theirs = await cw.request({
      method: 'POST',
      url: '/api/v1/session/refresh',
      headers: { 'sanad-user': other.userId },
    });
    expect(theirs.statusCode).toBe(401);
    expect(json(theirs).code).toBe('session_user_changed');
    // the session itself is untouched: it was the page that belonged to someone else
    expect((await cw.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('needs the CSRF header and a session', async () => {
    const cw = await t.signIn({ role: 'viewer' });
    const noHeader = await cw.request({
      method: 'POST',
      url: '/api/v1/session/refresh',
      headers: { 'x-requested-with': '' },
    });
    expect(noHeader.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session/refresh',
      headers: { 'x-requested-with': 'sanad' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(json(anonymous).code).toBe('unauthenticated');
  });

  it('keeps a session used every 10 s alive under a 30-second idle timeout, read from the database each time', async () => {
    const user = await t.signIn({ role: 'caseworker' });
    const idle = 30;
    expect(persistEveryMs(idle * 1000)).toBeLessThan(10_000);
    const start = t.now();
    const { token } = await createSession(
      t.database,
      { missionId: t.missionId, userId: user.userId, ip: null, userAgent: null },
      start,
      LIFETIME,
    );
    let found: Awaited<ReturnType<typeof lookupSession>> | undefined;
    for (let i = 1; i <= 9; i++) {
      found = await lookupSession(t.database, token, new Date(start.getTime() + i * 10_000), idle, null);
      expect(found.status).toBe('ok');
      if (found.status === 'ok') forgetSession(t.database, found.tokenHash); // as another process would
    }
    const later = new Date(start.getTime() + 90_000 + idle * 1000);
    expect((await lookupSession(t.database, token, later, idle, null)).status).toBe('expired');
  });
});
