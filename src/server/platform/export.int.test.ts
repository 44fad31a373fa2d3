import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvRows, exportEvents, xlsxRows } from '../test/exports';
import { buildCentre, buildOrganisation, buildPerson } from '../test/factories';
import { type Client, json, type TestApp, testApp } from '../test/harness';

// The platform's list export, through the persons list (personal data, scoped by centre).

let t: TestApp;
let a: string;
let b: string;
let cwA: Client;
let cwB: Client;
let stock: Client;
beforeAll(async () => {
  t = await testApp();
  a = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre({ name: 'Export A' }))).id;
  b = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre({ name: 'Export B' }))).id;
  const orgA = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  const orgB = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  cwA = await t.signIn({ role: 'caseworker', centreIds: [a], organisationId: orgA });
  cwB = await t.signIn({ role: 'caseworker', centreIds: [b], organisationId: orgB });
  stock = await t.signIn({ role: 'stock_officer' });
  const add = async (c: Client, centre: string, o: Parameters<typeof buildPerson>[1]) =>
    expect((await c.post('/api/v1/persons', buildPerson(centre, o))).statusCode).toBe(201);
  await add(cwA, a, {
    givenName: 'Amina',
    familyName: 'Haroun',
    fullNameOriginal: 'أمينة هارون',
    nationality: 'SDN',
    sex: 'female',
  });
  await add(cwA, a, { givenName: 'Ousmane', familyName: 'Diallo, "Jr"', nationality: 'SEN', sex: 'male' });
  await add(cwB, b, { givenName: 'Bashir', familyName: 'Elsewhere', nationality: 'SDN', sex: 'male' });
});
afterAll(() => t.close());

const exportsBy = (username: string) => exportEvents(t, username);

describe('list export', () => {
  it('CSV: the list with its filter, only the reader’s scope, Arabic intact, audited with the filter', async () => {
    const res = await cwA.get('/api/v1/persons/export?format=csv&nationality=SDN&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('person.csv');
    const rows = csvRows(res);
    expect(rows[0]?.slice(0, 3)).toEqual(['Registration number', 'Given name', 'Family name']);
    expect(rows).toHaveLength(2); // the header and Amina: Ousmane is filtered out, Bashir is in B
    expect(rows[1]).toContain('أمينة هارون');
    expect(rows.flat()).not.toContain('Elsewhere');
    const [ev] = await exportsBy(cwA.username);
    expect(ev).toMatchObject({
      entityType: 'person',
      detail: { format: 'csv', filter: { nationality: 'SDN' }, rows: 1 },
    });
  });

  it('quotes commas and quotes (RFC 4180) and pages through the whole list', async () => {
    const rows = csvRows(await cwA.get('/api/v1/persons/export?format=csv'));
    expect(rows.map((r) => r[2])).toContain('Diallo, "Jr"');
    expect(rows).toHaveLength(3);
  });

  it('XLSX: headers in the reader’s language, right to left in Arabic; B sees only B', async () => {
    const ar = await xlsxRows(await cwA.get('/api/v1/persons/export?format=xlsx&lang=ar&sex=female'));
    expect(ar.rtl).toBe(true);
    expect(ar.rows[0]?.[0]).toBe('رقم التسجيل');
    expect(ar.rows.slice(1).map((r) => r[1])).toEqual(['Amina']);
    const res = await cwB.get('/api/v1/persons/export?format=xlsx&lang=fr');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const fr = await xlsxRows(res);
    expect(fr.rtl).toBe(false);
    expect(fr.rows[0]?.[1]).toBe('Prénom');
    expect(fr.rows.slice(1).map((r) => r[1])).toEqual(['Bashir']);
  });

  it('is refused to a role that may not read the list, and nothing is audited', async () => {
    const res = await stock.get('/api/v1/persons/export?format=csv');
    expect(res.statusCode).toBe(403);
    expect(await exportsBy(stock.username)).toEqual([]);
  });

  it('refuses a bad format or an unknown filter with 400 and field paths', async () => {
    const bad = await cwA.get('/api/v1/persons/export?format=pdf');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(json(bad))).toContain('format');
    expect((await cwA.get('/api/v1/persons/export?format=csv&colour=red')).statusCode).toBe(400);
  });

  it('writes coded values in the export’s language: Arabic and French, never the raw code', async () => {
    const header = (rows: string[][], key: string) => rows[0]!.indexOf(key);
    const ar = (await xlsxRows(await cwA.get('/api/v1/persons/export?format=xlsx&lang=ar&sex=female'))).rows;
    const amina = ar[1]!;
    expect(amina[header(ar, 'الجنس')]).toBe('أنثى');
    expect(amina[header(ar, 'الحالة')]).toBe('نشط');
    expect(amina[header(ar, 'الجنسية')]).toBe('السودان');
    expect(amina[header(ar, 'تاريخ الميلاد تقديري')]).toBe('لا');
    const fr = csvRows(await cwA.get('/api/v1/persons/export?format=csv&lang=fr&nationality=SEN'));
    const ousmane = fr[1]!;
    expect(ousmane[header(fr, 'Sexe')]).toBe('Homme');
    expect(ousmane[header(fr, 'Statut')]).toBe('Active');
    expect(ousmane[header(fr, 'Nationalité')]).toBe('Sénégal');
    expect(ousmane[header(fr, 'Date de naissance estimée')]).toBe('Non');
    for (const code of ['female', 'male', 'active', 'SDN', 'SEN', 'false', 'FALSE'])
      expect([...amina, ...ousmane]).not.toContain(code);
  });
});
