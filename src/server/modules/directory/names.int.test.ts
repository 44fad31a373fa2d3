import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Centre, Organisation } from '../../../domain/directory/schemas';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { json, type TestApp, testApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('names in French beside the Arabic ones', () => {
  it('keeps an organisation’s French name, finds it by it, and clears it', async () => {
    const org = json<Organisation>(
      await t.admin.post(
        '/api/v1/organisations',
        buildOrganisation({ name: 'UNHCR Tripoli', nameAr: 'المفوضية – طرابلس', nameFr: 'HCR Tripoli' }),
      ),
    );
    expect(org.nameFr).toBe('HCR Tripoli');
    const found = json<{ items: Organisation[] }>(
      await t.admin.get('/api/v1/organisations?q=HCR%20Trip'),
    ).items;
    expect(found.map((o) => o.id)).toContain(org.id);
    const cleared = json<Organisation>(
      await t.admin.patch(`/api/v1/organisations/${org.id}`, { version: org.version, nameFr: null }),
    );
    expect(cleared.nameFr).toBeUndefined();
  });

  it('keeps a centre’s French name', async () => {
    const res = await t.admin.post('/api/v1/centres', buildCentre({ nameFr: 'Centre de la Route' }));
    expect(res.statusCode, res.body).toBe(201);
    const c = json<Centre>(await t.admin.get(`/api/v1/centres/${json<Centre>(res).id}`));
    expect(c.nameFr).toBe('Centre de la Route');
  });
});
