import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../../domain/supplies/catalogue';
import { csvRows, exportEvents, xlsxRows } from '../../test/exports';
import { buildCentre } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { buildItem, buildMedicine } from '../../test/supplies-factories';
import { expectProblem, listAll, ok } from '../directory/directory.policy.support';
import { auditOf, expectFields } from './catalogue.fixtures';

// The catalogue: items in three languages, medicines with their fields; a mission-wide stock
// writer edits it, every reader of stock or assistance reads it.

type Page = { items: Item[]; nextCursor: string | null; total: number; totalCapped: boolean };

let t: TestApp;
let so: Client; // the mission's stock officer
let soA: Client; // a stock officer of centre A only
let cw: Client; // a caseworker (reads stock, writes assistance)
let monitor: Client; // reads neither stock nor assistance
let ors: Item;
let amox: Item;
let shirt: Item;
beforeAll(async () => {
  t = await testApp();
  const centreA = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  so = await t.signIn({ role: 'stock_officer' });
  soA = await t.signIn({ role: 'stock_officer', centreIds: [centreA] });
  cw = await t.signIn({ role: 'caseworker', centreIds: [centreA] });
  monitor = await t.signIn({ role: 'monitor' });
  const create = async (body: unknown) => ok<Item>(await so.post('/api/v1/items', body), 201);
  ors = await create(
    buildMedicine({
      code: 'med-ors-1',
      name: 'Oral rehydration salts',
      nameAr: 'أملاح الإماهة الفموية',
      nameFr: 'Sels de réhydratation orale',
      baseUnit: 'sachet',
      packSize: 100,
      activeIngredient: 'glucose and salts',
      strength: '20.5 g',
      form: 'oral_powder',
      atcCode: 'a07ca',
    }),
  );
  amox = await create(buildMedicine({ code: 'MED-AMOX-500', name: 'Amoxicillin 500 mg' }));
  shirt = await create(
    buildItem({
      code: 'CLO-TSHIRT',
      name: 'T-shirt',
      nameAr: 'قميص',
      nameFr: 'Tee-shirt',
      baseUnit: 'piece',
    }),
  );
  await create(
    buildItem({
      code: 'HYG-SOAP',
      name: 'Soap bar',
      category: 'hygiene',
      baseUnit: 'piece',
      nameAr: 'صابون',
      nameFr: 'Savon',
    }),
  );
});
afterAll(() => t.close());

const list = async (c: Client, query = '') => ok<Page>(await c.get(`/api/v1/items${query}`));
const codes = (p: Page) => p.items.map((i) => i.code);

describe('creating items', () => {
  it('stores a medicine with its fields, codes upper-cased, and audits it', async () => {
    expect(ors).toMatchObject({
      code: 'MED-ORS-1',
      category: 'medicine',
      baseUnit: 'sachet',
      packSize: 100,
      activeIngredient: 'glucose and salts',
      form: 'oral_powder',
      atcCode: 'A07CA',
      nameAr: 'أملاح الإماهة الفموية',
      active: true,
      version: 1,
      allowedActions: ['read', 'update'],
    });
    expect(shirt).toMatchObject({ activeIngredient: null, strength: null, form: null, atcCode: null });
    const events = await auditOf(t, 'supply_item', ors.id);
    expect(events).toMatchObject([{ action: 'create', actorUsername: so.username }]);
    expect(events[0]?.changedFields).toEqual(expect.arrayContaining(['code', 'name', 'atcCode']));
  });

  it('refuses a code already used (whatever its case), on the code field', async () => {
    const res = await so.post('/api/v1/items', buildItem({ code: 'clo-tshirt' }));
    expectFields(res, 409, ['code']);
  });

  it.each([
    ['a code with spaces', { code: 'CLO SHIRT' }, ['code']],
    ['no name', { name: '' }, ['name']],
    ['an unknown category', { category: 'weapons' }, ['category']],
    ['an unknown unit', { baseUnit: 'crate' }, ['baseUnit']],
    ['a pack of none', { packSize: 0 }, ['packSize']],
    ['a fractional pack', { packSize: 2.5 }, ['packSize']],
    ['a name with a control character', { nameFr: 'Tee\u0007shirt' }, ['nameFr']],
    ['an unknown field', { colour: 'blue' }, ['colour']],
    ['medicine fields on clothing', { atcCode: 'J01CA04', strength: '1 g' }, ['atcCode', 'strength']],
  ])('refuses %s (400 naming the field)', async (_, over, fields) => {
    const res = await so.post('/api/v1/items', { ...buildItem(), ...over });
    expectFields(res, 400, fields);
  });

  it('refuses a medicine without what it is, or with a malformed ATC code', async () => {
    const { activeIngredient: _a, strength: _s, form: _f, ...bare } = buildMedicine();
    expectFields(await so.post('/api/v1/items', bare), 400, ['activeIngredient', 'form', 'strength']);
    expectFields(await so.post('/api/v1/items', buildMedicine({ atcCode: 'J1' })), 400, ['atcCode']);
  });

  it('writes nothing on a refusal', async () => {
    await so.post('/api/v1/items', buildItem({ code: 'NEVER-1', packSize: 0 }));
    expect((await list(so, '?q=NEVER-1')).total).toBe(0);
  });
});

describe('the list', () => {
  it('is counted and sorted by code by default, then by name or category either way', async () => {
    const all = await list(so);
    expect(all.total).toBe(4);
    expect(all.totalCapped).toBe(false);
    expect(codes(all)).toEqual(['CLO-TSHIRT', 'HYG-SOAP', 'MED-AMOX-500', 'MED-ORS-1']);
    expect(codes(await list(so, '?sort=name&order=desc'))).toEqual([
      'CLO-TSHIRT',
      'HYG-SOAP',
      'MED-ORS-1',
      'MED-AMOX-500',
    ]);
    const byCategory = (await list(so, '?sort=category')).items.map((i) => i.category);
    expect(byCategory).toEqual(['clothing', 'hygiene', 'medicine', 'medicine']);
  });

  it('pages by cursor through every item once, with the same total on each page', async () => {
    const first = await list(so, '?limit=3&sort=name');
    expect(first.items).toHaveLength(3);
    expect(first.total).toBe(4);
    const rest = await list(so, `?limit=3&sort=name&cursor=${first.nextCursor}`);
    expect(rest.nextCursor).toBeNull();
    expect([...codes(first), ...codes(rest)]).toEqual(codes(await list(so, '?sort=name')));
  });

  it('filters by category and by active', async () => {
    expect(codes(await list(so, '?category=medicine'))).toEqual(['MED-AMOX-500', 'MED-ORS-1']);
    expect((await list(so, '?active=false')).total).toBe(0);
  });

  it.each([
    ['part of the code, any case', 'amox', ['MED-AMOX-500']],
    ['the English name, any case', 'REHYDRATION', ['MED-ORS-1']],
    ['the Arabic name', 'صابون', ['HYG-SOAP']],
    ['the French name', 'tee-sh', ['CLO-TSHIRT']],
    ['a wildcard, literally', '%', []],
  ])('searches %s', async (_, q, expected) => {
    expect(codes(await list(so, `?q=${encodeURIComponent(q)}`))).toEqual(expected);
  });

  it('refuses an unknown sort or category (400)', async () => {
    expectFields(await so.get('/api/v1/items?sort=price'), 400, ['sort']);
    expectFields(await so.get('/api/v1/items?category=weapons'), 400, ['category']);
  });
});

describe('updating items', () => {
  it('changes fields with the version read, audits the names of the fields changed, refuses a stale version', async () => {
    const item = ok<Item>(
      await so.post(
        '/api/v1/items',
        buildItem({ code: 'BED-BLANKET', category: 'bedding', baseUnit: 'piece' }),
      ),
      201,
    );
    const res = ok<Item>(
      await so.patch(`/api/v1/items/${item.id}`, { version: 1, packSize: 10, nameFr: null }),
    );
    expect(res).toMatchObject({ packSize: 10, nameFr: null, version: 2 });
    expect(ok<Item>(await so.get(`/api/v1/items/${item.id}`))).toMatchObject({ packSize: 10, version: 2 });
    const stale = await so.patch(`/api/v1/items/${item.id}`, { version: 1, packSize: 20 });
    expect(expectProblem(stale, 409)).toMatchObject({ code: 'stale_version' });
    const events = await auditOf(t, 'supply_item', item.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(events[1]?.changedFields.sort()).toEqual(['nameFr', 'packSize']);
  });

  it('checks the item as changed: a medicine needs its fields, other items may not have them', async () => {
    const item = ok<Item>(await so.post('/api/v1/items', buildItem()), 201);
    expectFields(await so.patch(`/api/v1/items/${item.id}`, { version: 1, category: 'medicine' }), 422, [
      'activeIngredient',
      'form',
      'strength',
    ]);
    const med = ok<Item>(
      await so.patch(`/api/v1/items/${item.id}`, {
        version: 1,
        category: 'medicine',
        activeIngredient: 'paracetamol',
        strength: '500 mg',
        form: 'tablet',
      }),
    );
    expect(med).toMatchObject({ category: 'medicine', form: 'tablet', version: 2 });
    // back to hygiene without clearing the medicine fields: refused on each of them
    expectFields(await so.patch(`/api/v1/items/${item.id}`, { version: 2, category: 'hygiene' }), 422, [
      'activeIngredient',
      'form',
      'strength',
    ]);
    expectFields(await so.patch(`/api/v1/items/${item.id}`, { version: 2, strength: null }), 422, [
      'strength',
    ]);
  });

  it('refuses a code taken by another item (409 on code); 404 for an unknown item; 400 without a version', async () => {
    expectFields(
      await so.patch(`/api/v1/items/${shirt.id}`, { version: shirt.version, code: 'HYG-SOAP' }),
      409,
      ['code'],
    );
    expectProblem(await so.patch('/api/v1/items/0190a000-0000-7000-8000-000000000000', { version: 1 }), 404);
    expectFields(await so.patch(`/api/v1/items/${shirt.id}`, { name: 'Shirt' }), 400, ['version']);
  });

  it('deactivates an item (audited as such), which the active filter then leaves out', async () => {
    const item = ok<Item>(await so.post('/api/v1/items', buildItem({ code: 'CLO-OLD' })), 201);
    ok(await so.patch(`/api/v1/items/${item.id}`, { version: 1, active: false }));
    expect(codes(await list(so, '?active=false'))).toEqual(['CLO-OLD']);
    expect(codes(await list(so, '?active=true'))).not.toContain('CLO-OLD');
    expect((await auditOf(t, 'supply_item', item.id)).map((e) => e.action)).toEqual(['create', 'deactivate']);
  });
});

describe('who may read and change the catalogue', () => {
  it('a caseworker reads items but may not create or change them', async () => {
    expect((await list(cw)).total).toBeGreaterThan(0);
    const one = ok<Item>(await cw.get(`/api/v1/items/${amox.id}`));
    expect(one.allowedActions).toEqual(['read']);
    expectProblem(await cw.post('/api/v1/items', buildItem()), 403);
    expectProblem(await cw.patch(`/api/v1/items/${amox.id}`, { version: amox.version, name: 'X' }), 403);
  });

  it('a stock officer of one centre reads the catalogue but may not change it (it serves every centre)', async () => {
    expect(ok<Item>(await soA.get(`/api/v1/items/${amox.id}`)).allowedActions).toEqual(['read']);
    expectProblem(await soA.post('/api/v1/items', buildItem()), 403);
    expectProblem(await soA.patch(`/api/v1/items/${amox.id}`, { version: amox.version, name: 'X' }), 403);
  });

  it('roles reading neither stock nor assistance see nothing of it', async () => {
    expectProblem(await monitor.get('/api/v1/items'), 403);
    expectProblem(await monitor.get(`/api/v1/items/${amox.id}`), 403);
    expectProblem(await monitor.get('/api/v1/items/export?format=csv'), 403);
    expectProblem(await t.admin.get('/api/v1/items'), 403);
  });
});

describe('the export', () => {
  it('holds the filtered list, audited with its filter', async () => {
    const rows = csvRows(await so.get('/api/v1/items/export?format=csv&category=medicine&q=med-&lang=en'));
    expect(rows[0]).toEqual([
      'Code',
      'Name',
      'Name in Arabic',
      'Name in French',
      'Category',
      'Base unit',
      'Pack size',
      'Active ingredient',
      'Strength',
      'Form',
      'ATC code',
      'Active',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['MED-AMOX-500', 'MED-ORS-1']);
    expect(rows[2]).toEqual([
      'MED-ORS-1',
      'Oral rehydration salts',
      'أملاح الإماهة الفموية',
      'Sels de réhydratation orale',
      'Medicine',
      'sachets',
      '100',
      'glucose and salts',
      '20.5 g',
      'Oral powder',
      'A07CA',
      'Yes',
    ]);
    expect((await exportEvents(t, so.username))[0]).toMatchObject({
      entityType: 'supply_item',
      detail: { filter: { category: 'medicine', q: 'med-' }, rows: 2 },
    });
  });

  it('translates categories, units and forms (French as XLSX, Arabic right to left)', async () => {
    const fr = await xlsxRows(await cw.get('/api/v1/items/export?format=xlsx&lang=fr&q=ors'));
    expect(fr.rows[0]?.slice(4, 6)).toEqual(['Catégorie', 'Unité de base']);
    expect(fr.rows[1]).toEqual(expect.arrayContaining(['Médicaments', 'sachets', 'Poudre orale', 'Oui']));
    const ar = await xlsxRows(await cw.get('/api/v1/items/export?format=xlsx&lang=ar&q=tshirt'));
    expect(ar.rtl).toBe(true);
    expect(ar.rows[1]).toEqual(expect.arrayContaining(['ملابس', 'قطعة', 'نعم']));
  });

  it('gives the whole catalogue as the list does', async () => {
    const all = await listAll<Item>(so, '/api/v1/items');
    const rows = csvRows(await so.get('/api/v1/items/export?format=csv'));
    expect(rows.slice(1).map((r) => r[0])).toEqual(all.map((i) => i.code));
  });
});
