import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHAREABLE_FIELD_LABELS } from '../../../domain/protection/sharing';
import { buildCentre, buildOrganisation, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

let t: TestApp;
let cw: Client;
let unhcr: string;
let referralId: string;
const PROFILE = [
  'registrationNumber',
  'givenName',
  'familyName',
  'fullNameOriginal',
  'nationality',
  'referralReason',
] as const;

beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(
    await t.admin.post('/api/v1/centres', buildCentre({ name: 'Packet Centre' })),
  ).id;
  unhcr = json<{ id: string }>(
    await t.admin.post(
      '/api/v1/organisations',
      buildOrganisation({ name: 'UNHCR Packet', kind: 'un_agency' }),
    ),
  ).id;
  const set = await t.admin.request({
    method: 'PUT',
    url: `/api/v1/organisations/${unhcr}/sharing-profile`,
    payload: { fields: PROFILE, services: ['international_protection', 'legal'] },
  });
  expect(set.statusCode, set.body).toBe(200);
  cw = await t.signIn({ role: 'caseworker' });
  const personId = json<{ id: string }>(
    await cw.post(
      '/api/v1/persons',
      buildPerson(centre, {
        givenName: 'Mohammed',
        familyName: 'Abdelrahman',
        fullNameOriginal: 'محمد عبد الرحمن',
        nationality: 'SDN',
        phone: '+218 91 555 0101',
      }),
    ),
  ).id;
  await cw.post('/api/v1/consents', {
    personId,
    purpose: 'referral',
    recipientOrganisationId: unhcr,
    decision: 'given',
    method: 'signed',
    language: 'ar',
    givenOn: '2026-11-01',
  });
  referralId = json<{ id: string }>(
    await cw.post('/api/v1/referrals', {
      personId,
      recipientOrganisationId: unhcr,
      service: 'international_protection',
      reason: 'Fled conflict in Darfur; fears return.',
    }),
  ).id;
});
afterAll(() => t.close());

const fetchPacket = (format: string, locale = 'en') =>
  cw.request({
    method: 'GET',
    url: `/api/v1/referrals/${referralId}/packet?format=${format}&locale=${locale}`,
  });
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ');
/** Arabic may come out of a PDF in visual order: accept the words in either order. */
const hasArabic = (text: string, phrase: string) => {
  const words = phrase.split(' ');
  return norm(text).includes(phrase) || norm(text).includes([...words].reverse().join(' '));
};

describe('referral packet', () => {
  it('XLSX holds exactly the recipient profile’s fields, Arabic included', async () => {
    const res = await fetchPacket('xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.getWorksheet('Referral')?.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    const text = cells.join('\n');
    for (const f of PROFILE) expect(text, f).toContain(SHAREABLE_FIELD_LABELS[f].en);
    expect(text).toContain('محمد عبد الرحمن');
    expect(text).toContain('Fled conflict in Darfur');
    for (const hidden of ['sex', 'birthDate', 'phone', 'currentCentre', 'protectionFlags'] as const) {
      expect(text, hidden).not.toContain(SHAREABLE_FIELD_LABELS[hidden].en);
    }
    expect(text).not.toContain('555 0101');
    expect(text).not.toContain('Packet Centre');
  });

  it('PDF text is extractable and holds the same fields, in English and in Arabic', async () => {
    const res = await fetchPacket('pdf');
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
    const { text } = await extractText(pdf, { mergePages: true });
    for (const f of PROFILE) expect(norm(text), f).toContain(SHAREABLE_FIELD_LABELS[f].en);
    expect(hasArabic(text, 'محمد عبد الرحمن')).toBe(true);
    expect(norm(text)).not.toContain('555 0101');
    expect(norm(text)).not.toContain(SHAREABLE_FIELD_LABELS.phone.en);

    const ar = await fetchPacket('pdf', 'ar');
    const arText = (
      await extractText(await getDocumentProxy(new Uint8Array(ar.rawPayload)), { mergePages: true })
    ).text;
    expect(hasArabic(arText, SHAREABLE_FIELD_LABELS.nationality.ar)).toBe(true);
  });

  it('names the nationality in the packet’s language, never by its code', async () => {
    const cellsOf = async (locale: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await fetchPacket('xlsx', locale)).rawPayload as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.getWorksheet(1)?.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
      return cells;
    };
    for (const [locale, name] of [
      ['en', 'Sudan'],
      ['fr', 'Soudan'],
      ['ar', 'السودان'],
    ] as const) {
      const cells = await cellsOf(locale);
      expect(cells, locale).toContain(name);
      expect(cells, locale).not.toContain('SDN');
    }
  });

  it('is refused once consent is withdrawn, and every packet is audited as a share', async () => {
    const shares = json<{ items: { changedFields: string[] }[] }>(
      await t.admin.get(`/api/v1/audit?entityId=${referralId}&action=share`),
    ).items;
    expect(shares.length).toBeGreaterThanOrEqual(3);
    expect([...(shares[0]?.changedFields ?? [])].sort()).toEqual([...PROFILE].sort());
    const personId = json<{ personId: string }>(await cw.get(`/api/v1/referrals/${referralId}`)).personId;
    const [c] = json<{ items: { id: string; version: number }[] }>(
      await cw.get(`/api/v1/consents?personId=${personId}`),
    ).items;
    await cw.post(`/api/v1/consents/${c!.id}/withdraw`, {
      version: c!.version,
      withdrawnOn: '2026-11-02',
      reason: 'Withdrew',
    });
    const refused = await fetchPacket('pdf');
    expect(refused.statusCode).toBe(422);
    expect(json(refused).code).toBe('consent_refused');
  });
});
