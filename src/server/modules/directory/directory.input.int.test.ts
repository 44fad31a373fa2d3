import { afterAll, beforeAll, it } from 'vitest';
import { type TestApp, testApp } from '../../test/harness';
import { buildOrganisation } from '../../test/factories';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(() => t.close());

it('probe', async () => {
  const show = (label: string, r: { statusCode: number; headers: Record<string, unknown>; body: string }) =>
    console.log(label, r.statusCode, r.headers['content-type'], r.body.slice(0, 300));
  const org = JSON.parse((await t.admin.post('/api/v1/organisations', buildOrganisation())).body);
  show('patch big version', await t.admin.patch(`/api/v1/organisations/${org.id}`, { version: 2147483648, name: 'x' }));
  show('patch 1e15 version', await t.admin.patch(`/api/v1/organisations/${org.id}`, { version: 1e15, name: 'x' }));
  show('q nul', await t.admin.get('/api/v1/organisations?q=%00'));
  show('q ctrl', await t.admin.get('/api/v1/organisations?q=%01%02'));
  const c = Buffer.from(JSON.stringify(['a\u0000', 'b'])).toString('base64url');
  show('cursor nul', await t.admin.get(`/api/v1/organisations?cursor=${c}`));
  const c2 = Buffer.from(JSON.stringify(['a', 'b'])).toString('base64url');
  show('cursor bad uuid', await t.admin.get(`/api/v1/organisations?cursor=${c2}`));
  show('users q nul', await t.admin.get('/api/v1/users?q=%00'));
  show('centres q nul', await t.admin.get('/api/v1/centres?q=a%00b'));
  show('audit entityId', await t.admin.get('/api/v1/audit?entityId=abc'));
  show('text/plain', await t.admin.request({ method: 'POST', url: '/api/v1/organisations', payload: 'hello', headers: { 'content-type': 'text/plain' } }));
  show('xml', await t.admin.request({ method: 'POST', url: '/api/v1/organisations', payload: '<a/>', headers: { 'content-type': 'application/xml' } }));
  show('malformed', await t.admin.request({ method: 'POST', url: '/api/v1/organisations', payload: '{"name": ', headers: { 'content-type': 'application/json' } }));
  show('empty', await t.admin.request({ method: 'POST', url: '/api/v1/organisations', payload: '', headers: { 'content-type': 'application/json' } }));
  show('proto', await t.admin.request({ method: 'POST', url: '/api/v1/organisations', payload: '{"__proto__": {"x":1}, "name":"a","kind":"other"}', headers: { 'content-type': 'application/json' } }));
  show('big', await t.admin.post('/api/v1/organisations', { name: 'x'.repeat(1024 * 1024 + 10), kind: 'other' }));
  show('1MB name', await t.admin.post('/api/v1/organisations', { name: 'x'.repeat(1000 * 1000), kind: 'other' }));
  show('no body patch', await t.admin.request({ method: 'PATCH', url: `/api/v1/organisations/${org.id}` }));
  show('array body', await t.admin.post('/api/v1/organisations', [1, 2]));
  show('null body', await t.admin.request({ method: 'POST', url: '/api/v1/organisations', payload: 'null', headers: { 'content-type': 'application/json' } }));
  show('bad id', await t.admin.get('/api/v1/organisations/not-a-uuid'));
  show('limit', await t.admin.get('/api/v1/organisations?limit=abc'));
  show('limit neg', await t.admin.get('/api/v1/organisations?limit=-1'));
  show('dup param', await t.admin.get('/api/v1/organisations?q=a&q=b'));
  show('unknown param', await t.admin.get('/api/v1/organisations?foo=1'));
  show('centre lat', await t.admin.post('/api/v1/centres', { name: 'c1', type: 'detention', capacity: 1, latitude: 1e308 }));
  show('user nul pw', await t.admin.post('/api/v1/users', { username: 'nulpw', displayName: 'x', organisationId: org.id, password: 'abcdefghij\u0000', roles: [{ role: 'viewer' }] }));
  show('user centre bad', await t.admin.post('/api/v1/users', { username: 'nulpw2', displayName: 'x', organisationId: org.id, password: 'abcdefghijk', roles: [{ role: 'viewer', centreIds: ['0190a1b2-0000-7000-8000-000000000000'] }] }));
  show('mission patch big', await t.admin.patch('/api/v1/mission', { version: 2 ** 40 }));
  show('idem short', await t.admin.post('/api/v1/organisations', buildOrganisation(), { 'idempotency-key': 'a' }));
});
