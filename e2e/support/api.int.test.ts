import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount } from '../../src/server/modules/directory/bootstrap';
import { asSystem } from '../../src/server/platform/http';
import { type TestApp, testApp } from '../../src/server/test/harness';
import { ApiSession } from './api.ts';

// The journeys' set-up helper over real HTTP: accounts an administrator creates must replace their
// first password, and the helper leaves the journey an account that signs straight in.

let t: TestApp;
let url: string;
beforeAll(async () => {
  t = await testApp();
  // ApiSession computes TOTP codes on the wall clock: the server's clock must agree
  t.advance(Date.now() - t.now().getTime());
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await asSystem(t.ctx, t.missionId, (w) =>
    addAccount(w, {
      username: 'helper-admin',
      displayName: 'Helper Admin',
      password: 'helper admin password',
      roles: [{ role: 'admin', centreIds: [] }],
    }),
  );
});
afterAll(() => t.close());

describe('ApiSession.addUser', () => {
  it('creates a forced account, replaces its first password, and the new one signs straight in', async () => {
    const admin = new ApiSession(url);
    await admin.signIn('helper-admin', 'helper admin password');
    const organisationId = (await admin.get<{ organisation: { id: string } }>('/me')).organisation.id;
    const account = { username: 'helper-cw', password: 'first password 1' };
    await admin.addUser(account, {
      displayName: 'Helper CW',
      organisationId,
      roles: [{ role: 'caseworker', centreIds: [] }],
    });
    expect(account.password).not.toBe('first password 1');
    const login = await t.login('helper-cw', 'first password 1');
    expect(login.statusCode).toBe(401);

    const session = new ApiSession(url);
    await session.signIn(account.username, account.password);
    expect((await session.get<{ passwordChangeRequired: boolean }>('/me')).passwordChangeRequired).toBe(
      false,
    );
    expect((await session.get<{ items: unknown[] }>('/centres')).items).toEqual([]);
  });
});
