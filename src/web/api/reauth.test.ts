import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  api,
  EXPECTED_USER_HEADER,
  OTHER_USER_CODE,
  onSessionExpired,
  onSignedInAsOtherUser,
  request,
  setSignedIn,
} from './client.ts';
import { serverReachable } from './connectivity.ts';
import { onReauthenticate } from './reauth.ts';
import { forgetSessionClock, sessionClock, sessionPhase, warningLeadMs } from './session.ts';

// A save that meets an expired session waits for the sign-in dialog, then goes through as it was
// typed; it is never replayed for someone else.

const expired = () =>
  new Response(JSON.stringify({ status: 401, title: 'Unauthorized', code: 'session_expired' }), {
    status: 401,
    headers: { 'Content-Type': 'application/problem+json' },
  });
const created = (body: unknown) => new Response(JSON.stringify(body), { status: 201 });

/** A fetch whose session has expired until `signIn()` is called. */
function server() {
  let live = false;
  const calls: { url: string; body: unknown; key: string | undefined }[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({
      url,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      key: headers['Idempotency-Key'],
    });
    return live ? created({ saved: JSON.parse(String(init.body ?? '{}')) }) : expired();
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, signIn: () => (live = true) };
}

/** A dialog the test answers: resolves the pending re-authentication with a user id or null. */
function dialog() {
  const opened: ((who: string | null) => void)[] = [];
  onReauthenticate(() => new Promise((resolve) => opened.push(resolve)));
  const waitOpen = async () => {
    await vi.waitFor(() => expect(opened.length).toBeGreaterThan(0));
  };
  return { opened, waitOpen };
}

afterEach(() => {
  vi.unstubAllGlobals();
  onReauthenticate(null);
  setSignedIn(false);
  forgetSessionClock();
});

describe('re-authentication in place', () => {
  it('pauses every request on an expired session, opens one dialog, and sends each again after sign-in', async () => {
    const srv = server();
    const d = dialog();
    setSignedIn(true, 'user-1');
    const save = api.post<{ saved: unknown }>('/persons', { givenName: 'Amal' }, 'key-1');
    const other = api.post<{ saved: unknown }>('/notes', { body: 'x' });
    await d.waitOpen();
    await vi.waitFor(() => expect(srv.calls).toHaveLength(2));
    expect(d.opened).toHaveLength(1); // both wait for the same dialog
    srv.signIn();
    d.opened[0]!('user-1');
    await expect(save).resolves.toEqual({ saved: { givenName: 'Amal' } });
    await expect(other).resolves.toEqual({ saved: { body: 'x' } });
    const replays = srv.calls.slice(2);
    expect(replays).toHaveLength(2);
    // the same body, and the same Idempotency-Key, so a save that did land is not made twice
    expect(replays.find((c) => c.url === '/api/v1/persons')).toEqual({
      url: '/api/v1/persons',
      body: { givenName: 'Amal' },
      key: 'key-1',
    });
  });

  it('does not replay a save when another user signed in, and says so', async () => {
    const srv = server();
    const d = dialog();
    const other = vi.fn();
    onSignedInAsOtherUser(other);
    setSignedIn(true, 'user-1');
    const save = api.post('/persons', { givenName: 'Amal' }).catch((e: unknown) => e);
    await d.waitOpen();
    srv.signIn();
    d.opened[0]!('user-2');
    expect(await save).toMatchObject({ status: 401, code: OTHER_USER_CODE });
    expect(srv.calls).toHaveLength(1);
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('fails with the session error when the user gives up in the dialog', async () => {
    const srv = server();
    const d = dialog();
    setSignedIn(true, 'user-1');
    const save = api.post('/persons', {}).catch((e: unknown) => e);
    await d.waitOpen();
    d.opened[0]!(null);
    expect(await save).toMatchObject({ status: 401, code: 'session_expired' });
    expect(srv.calls).toHaveLength(1);
  });

  it('asks again when the session is still refused after a sign-in, then gives up after three', async () => {
    const srv = server();
    onReauthenticate(async () => 'user-1'); // "signs in" but the cookie never sticks
    setSignedIn(true, 'user-1');
    const expiredHandler = vi.fn();
    onSessionExpired(expiredHandler);
    expect(await api.get('/me').catch((e: unknown) => e)).toMatchObject({ code: 'session_expired' });
    expect(srv.calls).toHaveLength(4);
    expect(expiredHandler).toHaveBeenCalledTimes(1);
  });

  it('without a dialog (e.g. before the layout is shown), goes to the sign-in page as before', async () => {
    server();
    const expiredHandler = vi.fn();
    onSessionExpired(expiredHandler);
    setSignedIn(true, 'user-1');
    await api.get('/centres').catch(() => undefined);
    expect(expiredHandler).toHaveBeenCalledTimes(1);
  });
});

describe('the page’s user', () => {
  it('names the signed-in user on each request, and a session now someone else’s is a lost one', async () => {
    const srv = server();
    const d = dialog();
    setSignedIn(true, 'user-1');
    const save = api.put('/persons/p1', { givenName: 'Amal' });
    await d.waitOpen();
    srv.signIn();
    d.opened[0]!('user-1');
    await save;
    const sent = (vi.mocked(fetch).mock.calls as unknown as [string, RequestInit][]).map(
      ([, init]) => (init.headers as Record<string, string>)[EXPECTED_USER_HEADER],
    );
    expect(sent).toEqual(['user-1', 'user-1']);
    // the sign-in's own requests (reauth: false) ask for whoever the session belongs to
    await request('GET', '/me', { reauth: false });
    const last = vi.mocked(fetch).mock.calls.at(-1) as unknown as [string, RequestInit];
    expect(last[1].headers).not.toHaveProperty(EXPECTED_USER_HEADER);
  });

  it('treats session_user_changed like an expired session', async () => {
    const d = dialog();
    setSignedIn(true, 'user-1');
    let calls = 0;
    vi.stubGlobal('fetch', async () =>
      ++calls === 1
        ? new Response(JSON.stringify({ status: 401, title: 'Unauthorized', code: 'session_user_changed' }), {
            status: 401,
          })
        : new Response('{"ok":true}', { status: 200 }),
    );
    const read = api.get('/centres');
    await d.waitOpen();
    d.opened[0]!('user-1');
    await expect(read).resolves.toEqual({ ok: true });
  });
});

describe('session clock and connectivity', () => {
  it('reads the expiry headers into the session clock and tells when to warn', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response('{}', {
          status: 200,
          headers: { 'Sanad-Session-Idle-Seconds': '1800', 'Sanad-Session-Absolute-Seconds': '40000' },
        }),
    );
    const before = Date.now();
    await api.get('/me');
    const c = sessionClock();
    expect(c).not.toBeNull();
    const idleIn = c!.idleEndsAt - before;
    expect(idleIn).toBeGreaterThanOrEqual(1800_000);
    const lead = warningLeadMs(1800);
    expect(lead).toBe(120_000);
    expect(sessionPhase(c, c!.idleEndsAt - lead - 1, lead)).toEqual({ phase: 'active' });
    expect(sessionPhase(c, c!.idleEndsAt - 1000, lead)).toEqual({
      phase: 'warning',
      endsAt: c!.idleEndsAt,
      extendable: true,
    });
    expect(sessionPhase(c, c!.idleEndsAt, lead)).toEqual({ phase: 'expired' });
    // near the absolute end, staying signed in would not help
    const capped = { idleEndsAt: 10_000, absoluteEndsAt: 5_000 };
    expect(sessionPhase(capped, 4_000, lead)).toMatchObject({ phase: 'warning', extendable: false });
    expect(warningLeadMs(30)).toBe(15_000);
  });

  it('marks the server unreachable after a failed fetch and reachable after any answer', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await api.get('/persons').catch(() => undefined);
    expect(serverReachable()).toBe(false);
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await api.get('/persons');
    expect(serverReachable()).toBe(true);
  });
});
