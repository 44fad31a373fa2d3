import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestApp, testApp } from '../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('API rate limit and caching', () => {
  it('answers 429 problem+json with Retry-After past the per-session ceiling, for that session only', async () => {
    const a = await t.signIn();
    const b = await t.signIn();
    const before = t.ctx.config.rateLimitPerSession;
    t.ctx.config.rateLimitPerSession = 3;
    try {
      for (let i = 0; i < 3; i++) expect((await a.get('/api/v1/me')).statusCode).toBe(200);
      const refused = await a.get('/api/v1/me');
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(json(refused)).toMatchObject({ status: 429, title: 'Too Many Requests', code: 'rate_limited' });
      expect((await b.get('/api/v1/me')).statusCode).toBe(200);
    } finally {
      t.ctx.config.rateLimitPerSession = before;
    }
  });

  it('without a session, counts per address', async () => {
    const before = t.ctx.config.rateLimitPerAddress;
    t.ctx.config.rateLimitPerAddress = 2;
    try {
      const health = () => t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.9.9.9' });
      await health();
      await health();
      expect((await health()).statusCode).toBe(429);
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.9.9.8' })).statusCode,
      ).toBe(200);
    } finally {
      t.ctx.config.rateLimitPerAddress = before;
    }
  });

  it('marks API answers, errors included, as not to be stored', async () => {
    expect((await t.admin.get('/api/v1/me')).headers['cache-control']).toBe('no-store');
    expect((await t.admin.get('/api/v1/persons/not-an-id')).headers['cache-control']).toBe('no-store');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).headers['cache-control'],
    ).not.toBe('no-store');
  });
});
