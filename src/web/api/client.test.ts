import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  api,
  NetworkError,
  newIdempotencyKey,
  onSessionExpired,
  setSignedIn,
  withQuery,
} from './client.ts';

const problem = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify({ type: 'about:blank', status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

afterEach(() => {
  vi.unstubAllGlobals();
  setSignedIn(false);
});

describe('api client', () => {
  it('sends the CSRF header and JSON on writes, same-origin credentials always', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    await api.post('/auth/logout');
    await api.get('/me');
    const [[writeUrl, write], [, read]] = fetchMock.mock.calls as unknown as [
      [string, RequestInit],
      [string, RequestInit],
    ];
    expect(writeUrl).toBe('/api/v1/auth/logout');
    expect(write.credentials).toBe('same-origin');
    expect(write.headers).toMatchObject({ 'X-Requested-With': 'sanad', 'Content-Type': 'application/json' });
    expect(read.credentials).toBe('same-origin');
    expect(read.headers).not.toHaveProperty('X-Requested-With');
  });

  it('turns problem+json into a typed ApiError with field errors', async () => {
    vi.stubGlobal('fetch', async () =>
      problem(400, {
        title: 'Bad Request',
        detail: 'The body is not valid',
        errors: [{ path: 'name', message: 'Required' }],
      }),
    );
    const error = await api.post('/organisations', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      detail: 'The body is not valid',
      errors: [{ path: 'name', message: 'Required' }],
    });
  });

  it('reports an unreachable server as a NetworkError', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/me')).rejects.toBeInstanceOf(NetworkError);
  });

  it('calls the session-expired handler once signed in, not before', async () => {
    const handler = vi.fn();
    onSessionExpired(handler);
    vi.stubGlobal('fetch', async () => problem(401, { title: 'Unauthorized', code: 'session_expired' }));
    await api.get('/me').catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
    setSignedIn(true);
    await api.get('/centres').catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('does not treat wrong credentials as an expired session', async () => {
    const handler = vi.fn();
    onSessionExpired(handler);
    setSignedIn(true);
    vi.stubGlobal('fetch', async () => problem(401, { title: 'Unauthorized', code: 'invalid_credentials' }));
    await api.post('/auth/login', {}).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
  });

  it('sends an Idempotency-Key when asked, and makes keys of the size the server accepts', async () => {
    const fetchMock = vi.fn(async () => new Response('{}', { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).not.toBe(key);
    await api.post('/centres', { name: 'x' }, key);
    const [[, init]] = fetchMock.mock.calls as unknown as [[string, RequestInit]];
    expect(init.headers).toMatchObject({ 'Idempotency-Key': key });
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/audit', { actor: 'admin', action: undefined, q: '', limit: 50 })).toBe(
      '/audit?actor=admin&limit=50',
    );
  });
});
