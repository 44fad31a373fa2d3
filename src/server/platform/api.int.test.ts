import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../test/database';
import { buildOrganisation } from '../test/factories';
import { json, type TestApp, testApp } from '../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('API conventions', () => {
  it('reports health with the engine in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(json(res)).toEqual({ status: 'ok', database: testEngine() });
  });

  it('publishes an OpenAPI document generated from the Zod schemas, and browsable docs', async () => {
    const doc = json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>(
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
    );
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/me',
      '/api/v1/organisations',
      '/api/v1/centres/{id}',
      '/api/v1/users',
      '/api/v1/audit',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
    const body = JSON.stringify(doc.paths['/api/v1/centres']?.post?.requestBody);
    expect(body).toContain('capacity');
    expect(body).toContain('detention');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('answers unknown routes and unauthenticated calls with problem+json', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/organisations' });
    expect(anon.statusCode).toBe(401);
    expect(json(anon)).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('pages lists with an opaque cursor and no duplicates or gaps', async () => {
    const names: string[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.admin.post('/api/v1/organisations', buildOrganisation({ name: `Paged org ${i}` }));
      expect(res.statusCode).toBe(201);
      names.push(`Paged org ${i}`);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = json(
        await t.admin.get(`/api/v1/organisations?q=Paged&limit=3${cursor ? `&cursor=${cursor}` : ''}`),
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((o) => o.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(names);
    const bad = await t.admin.get('/api/v1/organisations?cursor=not-a-cursor');
    expect(bad.statusCode).toBe(400);
  });

  it('treats search text literally (wildcards and quotes are not operators)', async () => {
    await t.admin.post('/api/v1/organisations', buildOrganisation({ name: "100% O'Brien Aid_Group" }));
    expect(
      json<{ items: unknown[] }>(await t.admin.get(`/api/v1/organisations?q=${encodeURIComponent('%')}`))
        .items,
    ).toHaveLength(1);
    expect(
      json<{ items: unknown[] }>(
        await t.admin.get(`/api/v1/organisations?q=${encodeURIComponent("O'Brien")}`),
      ).items,
    ).toHaveLength(1);
    expect(json<{ items: unknown[] }>(await t.admin.get('/api/v1/organisations?q=_')).items).toHaveLength(1);
  });
});
