import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHAREABLE_FIELD_LABELS } from '../../../domain/protection/sharing';
import type { EmbassyCandidates, EmbassyRequestView } from '../../../domain/returns/embassy';
import { consents, returnCases } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { xlsxRows } from '../../test/exports';
import { buildPerson } from '../../test/factories';
import { json, type TestApp, testApp } from '../../test/harness';
import {
  caseIn,
  flagProtectionNeed,
  type ReturnsWorld,
  returnee,
  returnsWorld,
  TODAY,
} from './returns.fixtures';

// Embassy requests: only consenting, cleared people of the nationality, only the embassy's
// profile fields (checked in the files that leave: XLSX and PDF), a withdrawal takes someone off
// before sending, and the embassy's confirmation moves a protection-cleared case on.

let t: TestApp;
let w: ReturnsWorld;
const PHONE = '+218 91 555 7777';
const people: Record<string, string> = {};
const cases: Record<string, string> = {};
let request: EmbassyRequestView;

const stateOf = (id: string) =>
  asSystem(t.ctx, t.missionId, async (x) => {
    const [c] = await x.tx
      .select({ state: returnCases.state })
      .from(returnCases)
      .where(and(eq(returnCases.missionId, t.missionId), eq(returnCases.id, id)));
    return c?.state;
  });

async function withdrawConsent(personId: string) {
  const consent = await asSystem(t.ctx, t.missionId, async (x) => {
    const [c] = await x.tx.select().from(consents).where(eq(consents.personId, personId));
    return c!;
  });
  const res = await w.returnOfficer.post(`/api/v1/consents/${consent.id}/withdraw`, {
    version: consent.version,
    withdrawnOn: TODAY,
    reason: 'Changed their mind',
  });
  expect(res.statusCode, res.body).toBe(200);
}

const names = (v: { items: { fields: { key: string; value: string | null }[] }[] }) =>
  v.items.map((i) => i.fields.find((f) => f.key === 'givenName')?.value);

beforeAll(async () => {
  t = await testApp();
  w = await returnsWorld(t);
  const person = async (key: string, o: Parameters<typeof returnee>[1] = {}) => {
    people[key] = await returnee(w, { givenName: key, phone: PHONE, ...o });
  };
  for (const k of ['Amna', 'Badr', 'Camal', 'Dalia', 'Eisa', 'Fatma', 'Gamal', 'Hiba']) await person(k);
  await person('Ngozi', { nationality: 'NGA' });
  cases.Amna = await caseIn(t, w, people.Amna!, { state: 'consented' });
  cases.Badr = await caseIn(t, w, people.Badr!, { state: 'protection_cleared' });
  cases.Camal = await caseIn(t, w, people.Camal!, { state: 'consented' });
  // flagged, neither UNHCR's outcome nor an officer's clearance
  await flagProtectionNeed(w, people.Dalia!);
  cases.Dalia = await caseIn(t, w, people.Dalia!, { state: 'consented' });
  // no consent yet
  cases.Eisa = await caseIn(t, w, people.Eisa!, { state: 'counselled' });
  // consent for another embassy
  cases.Fatma = await caseIn(t, w, people.Fatma!, { state: 'consented', embassy: w.otherEmbassy });
  // nationality already confirmed (a consular interview)
  cases.Gamal = await caseIn(t, w, people.Gamal!, { state: 'nationality_confirmed' });
  // for the interviews
  cases.Hiba = await caseIn(t, w, people.Hiba!, { state: 'protection_cleared' });
  cases.Ngozi = await caseIn(t, w, people.Ngozi!, { state: 'consented' });
}, 300_000);
afterAll(() => t.close());

describe('drafting a request', () => {
  it('previews only consenting, cleared, unconfirmed people of that nationality', async () => {
    const res = await w.returnOfficer.get(
      `/api/v1/embassy-requests/candidates?embassyOrganisationId=${w.embassy}&nationality=SDN`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const c = json<EmbassyCandidates>(res);
    expect(c.language).toBe('ar');
    expect(names(c).sort()).toEqual(['Amna', 'Badr', 'Camal', 'Hiba']);
    expect(c.fields).toEqual(w.embassyFields);
  });

  it('a centre B officer reaches none of centre A’s people', async () => {
    const res = await w.returnOfficerB.get(
      `/api/v1/embassy-requests/candidates?embassyOrganisationId=${w.embassy}&nationality=SDN`,
    );
    expect(json<EmbassyCandidates>(res).items).toEqual([]);
  });

  it('creates the request with those people and only the profile’s fields', async () => {
    const res = await w.returnOfficer.post('/api/v1/embassy-requests', {
      embassyOrganisationId: w.embassy,
      nationality: 'SDN',
    });
    expect(res.statusCode, res.body).toBe(201);
    request = json<EmbassyRequestView>(res);
    expect(request.status).toBe('draft');
    expect(request.language).toBe('ar');
    expect(names(request).sort()).toEqual(['Amna', 'Badr', 'Camal', 'Hiba']);
    for (const item of request.items) expect(item.fields.map((f) => f.key)).toEqual(w.embassyFields);
    expect(JSON.stringify(request)).not.toContain(PHONE);
    // a draft of people the officer writes: sent, exported; not yet answered
    expect(request.allowedActions.sort()).toEqual(['export', 'read', 'send']);
    const audit = json<{ items: { entityId: string }[] }>(
      await t.admin.get(`/api/v1/audit?action=create&entityType=embassy_request`),
    ).items;
    expect(audit.map((e) => e.entityId)).toContain(request.id);
  });

  it('refuses what is not an embassy, a bad nationality and unknown fields', async () => {
    const notEmbassy = await w.returnOfficer.post('/api/v1/embassy-requests', {
      embassyOrganisationId: w.unhcr,
      nationality: 'SDN',
    });
    expect(notEmbassy.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(notEmbassy).errors.map((e) => e.path)).toEqual([
      'embassyOrganisationId',
    ]);
    const bad = await w.returnOfficer.post('/api/v1/embassy-requests', {
      embassyOrganisationId: w.embassy,
      nationality: 'sd',
      extra: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(bad).errors.length).toBeGreaterThan(0);
  });

  it('a caseworker reads requests but drafts none', async () => {
    expect((await w.caseworker.get('/api/v1/embassy-requests')).statusCode).toBe(200);
    const res = await w.caseworker.post('/api/v1/embassy-requests', {
      embassyOrganisationId: w.embassy,
      nationality: 'SDN',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('a consent withdrawn after drafting', () => {
  it('takes the person off the unsent request, its exports and its sending', async () => {
    await withdrawConsent(people.Camal!);
    const read = json<EmbassyRequestView>(
      await w.returnOfficer.get(`/api/v1/embassy-requests/${request.id}`),
    );
    expect(names(read).sort()).toEqual(['Amna', 'Badr', 'Hiba']);
    expect(read.people).toBe(3);

    const xlsx = await w.returnOfficer.get(`/api/v1/embassy-requests/${request.id}/export?format=xlsx`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const { rows, rtl } = await xlsxRows(xlsx);
    expect(rtl).toBe(true);
    const [header, ...body] = rows;
    expect(header!.slice(2)).toEqual(
      w.embassyFields.map((f) => SHAREABLE_FIELD_LABELS[f as keyof typeof SHAREABLE_FIELD_LABELS].ar),
    );
    expect(body.map((r) => r[3]).sort()).toEqual(['Amna', 'Badr', 'Hiba']);
    expect(rows.flat().join('|')).not.toContain(PHONE);
    expect(rows.flat().join('|')).not.toContain('Camal');

    const pdf = await w.returnOfficer.get(`/api/v1/embassy-requests/${request.id}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), {
      mergePages: true,
    });
    for (const n of ['Amna', 'Badr', 'Hiba']) expect(text).toContain(n);
    expect(text).not.toContain('Camal');
    expect(text).not.toContain('555 7777');

    // both files went out: audited as shares with whom
    const shares = json<{ items: { entityId: string; detail: { format?: string; caseIds?: string[] } }[] }>(
      await t.admin.get(`/api/v1/audit?action=share&actor=${w.returnOfficer.username}`),
    ).items.filter((e) => e.entityId === request.id);
    expect(shares.map((e) => e.detail.format).sort()).toEqual(['pdf', 'xlsx']);
    expect(shares[0]!.detail.caseIds).not.toContain(cases.Camal);
  });

  it('sending prunes the withdrawn person (audited) and audits a share per person', async () => {
    await withdrawConsent(people.Hiba!);
    const res = await w.returnOfficer.post(`/api/v1/embassy-requests/${request.id}/send`, {
      version: request.version,
      sentOn: TODAY,
    });
    expect(res.statusCode, res.body).toBe(200);
    request = json<EmbassyRequestView>(res);
    expect(request.status).toBe('sent');
    expect(request.sentOn).toBe(TODAY);
    expect(names(request).sort()).toEqual(['Amna', 'Badr']);
    expect(request.allowedActions).not.toContain('send');
    const events = json<{ items: { action: string; entityId: string; detail: Record<string, unknown> }[] }>(
      await t.admin.get(`/api/v1/audit?actor=${w.returnOfficer.username}`),
    ).items;
    const pruned = events.find((e) => e.entityId === request.id && e.detail.reason === 'consent_withdrawn');
    expect((pruned?.detail.removed as string[] | undefined)?.sort()).toEqual(
      [cases.Camal, cases.Hiba].sort(),
    );
    const shared = events.filter((e) => e.action === 'share' && e.detail.requestId === request.id);
    expect(shared.map((e) => e.entityId).sort()).toEqual([cases.Amna, cases.Badr].sort());
    const again = await w.returnOfficer.post(`/api/v1/embassy-requests/${request.id}/send`, {
      version: request.version,
      sentOn: TODAY,
    });
    expect(again.statusCode).toBe(403);
  });
});

describe('the embassy’s answers', () => {
  it('refuses answers for cases not on the request', async () => {
    const res = await w.returnOfficer.post(`/api/v1/embassy-requests/${request.id}/answers`, {
      version: request.version,
      answeredOn: TODAY,
      answers: [{ caseId: cases.Eisa, answer: 'confirmed' }],
    });
    expect(res.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(res).errors.map((e) => e.path)).toEqual(['answers.0.caseId']);
    const bad = await w.returnOfficer.post(`/api/v1/embassy-requests/${request.id}/answers`, {
      version: request.version,
      answeredOn: TODAY,
      answers: [{ caseId: cases.Amna, answer: 'maybe' }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('a confirmation moves a protection-cleared case to nationality confirmed (only that one)', async () => {
    const res = await w.returnOfficer.post(`/api/v1/embassy-requests/${request.id}/answers`, {
      version: request.version,
      answeredOn: TODAY,
      answers: [
        { caseId: cases.Amna, answer: 'confirmed' },
        { caseId: cases.Badr, answer: 'confirmed' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = json<EmbassyRequestView>(res);
    expect(v.status).toBe('answered');
    expect(v.answeredOn).toBe(TODAY);
    expect(v.items.map((i) => i.answer)).toEqual(['confirmed', 'confirmed']);
    expect(await stateOf(cases.Badr!)).toBe('nationality_confirmed');
    // not yet protection-cleared: the answer is kept, the case waits
    expect(await stateOf(cases.Amna!)).toBe('consented');
    const moves = json<{ items: { entityId: string; detail: { to?: string } }[] }>(
      await t.admin.get(`/api/v1/audit?action=transition&actor=${w.returnOfficer.username}`),
    ).items;
    expect(moves.find((e) => e.entityId === cases.Badr)?.detail.to).toBe('nationality_confirmed');
  });

  it('a flagged, uncleared person never appears, even on a later request', async () => {
    const res = await w.returnOfficerAll.post('/api/v1/embassy-requests', {
      embassyOrganisationId: w.embassy,
      nationality: 'SDN',
      language: 'fr',
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = json<EmbassyRequestView>(res);
    expect(v.language).toBe('fr');
    expect(v.items.map((i) => i.caseId)).not.toContain(cases.Dalia);
    expect(JSON.stringify(v)).not.toContain('Dalia');
  });
});

describe('consular interviews', () => {
  const url = () => `/api/v1/returns/${cases.Iman}/consular-interviews`;
  it('records an interview; a confirmed one moves a protection-cleared case', async () => {
    people.Iman = await returnee(w, { givenName: 'Iman' });
    cases.Iman = await caseIn(t, w, people.Iman, { state: 'protection_cleared' });
    const pending = await w.returnOfficer.post(url(), {
      heldOn: TODAY,
      mode: 'video',
      outcome: 'pending',
      embassyOrganisationId: w.embassy,
    });
    expect(pending.statusCode, pending.body).toBe(201);
    expect(await stateOf(cases.Iman!)).toBe('protection_cleared');
    const confirmed = await w.returnOfficer.post(url(), {
      heldOn: TODAY,
      mode: 'in_person',
      outcome: 'confirmed',
      embassyOrganisationId: w.embassy,
      note: 'Passport copy seen',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    expect(await stateOf(cases.Iman!)).toBe('nationality_confirmed');
    const list = json<{ items: { outcome: string; mode: string }[]; allowedActions: string[] }>(
      await w.manager.get(url()),
    );
    expect(list.items.map((i) => [i.mode, i.outcome])).toEqual([
      ['video', 'pending'],
      ['in_person', 'confirmed'],
    ]);
    // a manager reads; the officer may still record one (before departure)
    expect(list.allowedActions).toEqual([]);
    expect(json<{ allowedActions: string[] }>(await w.returnOfficer.get(url())).allowedActions).toEqual([
      'record',
    ]);
    const audit = json<{ items: { entityType: string }[] }>(
      await t.admin.get(`/api/v1/audit?action=create&actor=${w.returnOfficer.username}`),
    ).items;
    expect(audit.filter((e) => e.entityType === 'consular_interview').length).toBe(2);
  });

  it('a confirmation is kept when the case cannot move (consent withdrawn): the case waits', async () => {
    const res = await w.returnOfficer.post(`/api/v1/returns/${cases.Hiba}/consular-interviews`, {
      heldOn: TODAY,
      mode: 'in_person',
      outcome: 'confirmed',
      embassyOrganisationId: w.embassy,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json<{ items: unknown[] }>(res).items).toHaveLength(1);
    expect(await stateOf(cases.Hiba!)).toBe('protection_cleared');
  });

  it('refuses a bad mode, a non-embassy and a writer who does not reach the case', async () => {
    const bad = await w.returnOfficer.post(url(), {
      heldOn: TODAY,
      mode: 'phone',
      outcome: 'confirmed',
      embassyOrganisationId: w.embassy,
    });
    expect(bad.statusCode).toBe(400);
    const notEmbassy = await w.returnOfficer.post(url(), {
      heldOn: TODAY,
      mode: 'video',
      outcome: 'pending',
      embassyOrganisationId: w.unhcr,
    });
    expect(notEmbassy.statusCode).toBe(422);
    const other = await w.returnOfficerB.post(url(), {
      heldOn: TODAY,
      mode: 'video',
      outcome: 'pending',
      embassyOrganisationId: w.embassy,
    });
    expect([403, 404]).toContain(other.statusCode);
  });
});

// a person registered at centre B, so that the world has someone B's officer reaches
it('a centre B officer’s request holds only the people of centre B', async () => {
  const res = await w.nurseB.post(
    '/api/v1/persons',
    buildPerson(w.centreB, { nationality: 'SDN', givenName: 'Bilal' }),
  );
  expect(res.statusCode, res.body).toBe(201);
  const id = json<{ id: string }>(res).id;
  const caseId = await caseIn(t, w, id, { state: 'consented' });
  const created = await w.returnOfficerB.post('/api/v1/embassy-requests', {
    embassyOrganisationId: w.embassy,
    nationality: 'SDN',
  });
  expect(created.statusCode, created.body).toBe(201);
  const v = json<EmbassyRequestView>(created);
  expect(v.items.map((i) => i.caseId)).toEqual([caseId]);
  expect(v.allowedActions).toContain('send');
});
