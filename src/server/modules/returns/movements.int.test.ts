import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Movement } from '../../../domain/returns/movements';
import { consents } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { json, type TestApp, testApp } from '../../test/harness';
import { auditOf } from '../supplies/catalogue.fixtures';
import {
  book,
  booked,
  caseRow,
  episodesOf,
  leavingToday,
  movementBody,
  planMovement,
  population,
} from './movements.fixtures';
import { caseIn, type ReturnsWorld, returnee, returnsWorld, TODAY } from './returns.fixtures';

let t: TestApp;
let w: ReturnsWorld;
beforeAll(async () => {
  t = await testApp();
  w = await returnsWorld(t);
}, 300_000); // the returns world (clinic, embassies, officers), on a busy two-core machine
afterAll(() => t.close());

const fitCase = async (o: Parameters<typeof caseIn>[3] = {}) => {
  const personId = await returnee(w);
  return { personId, caseId: await caseIn(t, w, personId, { state: 'fit_to_travel', ...o }) };
};

describe('planning a movement', () => {
  it('creates, changes and names escorts, each audited', async () => {
    const m = await planMovement(w.returnOfficer);
    expect(m).toMatchObject({ status: 'planned', seats: 150, taken: 0, passengers: [], escorts: [] });
    expect(m.reference).toMatch(/-MOV-2026-\d{4}$/);
    expect(m.allowedActions.sort()).toEqual([
      'add_escort',
      'book',
      'confirm_departure',
      'manifest',
      'read',
      'update',
    ]);
    const changed = await w.returnOfficer.patch(`/api/v1/movements/${m.id}`, {
      version: m.version,
      seats: 120,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(json<Movement>(changed).seats).toBe(120);
    const stale = await w.returnOfficer.patch(`/api/v1/movements/${m.id}`, {
      version: m.version,
      seats: 100,
    });
    expect(stale.statusCode).toBe(409);
    const esc = await w.returnOfficer.post(`/api/v1/movements/${m.id}/escorts`, {
      kind: 'medical',
      name: 'Dr Amal Salem',
      userId: w.doctor.userId,
    });
    expect(esc.statusCode, esc.body).toBe(201);
    expect(json<Movement>(esc).escorts).toEqual([
      expect.objectContaining({ kind: 'medical', name: 'Dr Amal Salem', userId: w.doctor.userId }),
    ]);
    expect((await auditOf(t, 'movement', m.id)).map((e) => [e.action, e.changedFields])).toEqual([
      ['create', expect.arrayContaining(['kind', 'departsOn', 'seats'])],
      ['update', ['seats']],
    ]);
    const listed = json<{ items: { id: string }[] }>(await w.manager.get('/api/v1/movements?q=Buraq'));
    expect(listed.items.map((i) => i.id)).toContain(m.id);
  });

  it('refuses bad input with field errors, and writes nothing', async () => {
    const bad = await w.returnOfficer.post(
      '/api/v1/movements',
      movementBody({ seats: 0, destinationCountry: 'sudan' }),
    );
    expect(bad.statusCode).toBe(400);
    const paths = json<{ errors: { path: string }[] }>(bad).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['seats', 'destinationCountry']));
    const project = await w.returnOfficer.post(
      '/api/v1/movements',
      movementBody({ projectId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(project.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(project).errors[0]!.path).toBe('projectId');
    const m = await planMovement(w.returnOfficer);
    const escort = await w.returnOfficer.post(`/api/v1/movements/${m.id}/escorts`, {
      kind: 'pilot',
      name: 'X',
    });
    expect(escort.statusCode).toBe(400);
    expect(
      (await w.returnOfficer.get('/api/v1/movements/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
    const noBody = await w.returnOfficer.post(`/api/v1/movements/${m.id}/departure`, {});
    expect(noBody.statusCode).toBe(400);
    const notCase = await book(w.returnOfficer, m.id, 'not-a-uuid');
    expect(notCase.statusCode).toBe(400);
  });
});

describe('booking checks the case on the departure date', () => {
  it('refuses a travel document expiring before the departure, saying so', async () => {
    const { caseId } = await fitCase({ travelDocumentExpiresOn: '2026-11-10' });
    const m = await planMovement(w.returnOfficer, { departsOn: '2026-11-20' });
    const res = await book(w.returnOfficer, m.id, caseId);
    expect(res.statusCode).toBe(422);
    const body = json<{ code: string; detail: string; errors: { message: string }[] }>(res);
    expect(body.code).toBe('return_travel_document_expired');
    expect(body.errors.map((e) => e.message)).toEqual([
      'The travel document is not valid on the departure date',
    ]);
    expect((await caseRow(t, caseId)).state).toBe('fit_to_travel');
    expect(json<Movement>(await w.returnOfficer.get(`/api/v1/movements/${m.id}`)).taken).toBe(0);
  });

  it('refuses fitness to travel ending before the departure', async () => {
    const { caseId } = await fitCase({ fitnessValidUntil: '2026-11-15' });
    const m = await planMovement(w.returnOfficer, { departsOn: '2026-11-20' });
    const res = await book(w.returnOfficer, m.id, caseId);
    expect(res.statusCode).toBe(422);
    expect(json<{ code: string }>(res).code).toBe('return_fitness_expires_before_departure');
    expect(json<{ detail: string }>(res).detail).toMatch(/fitness/i);
  });

  it('refuses an exit visa ending before the departure', async () => {
    const { caseId } = await fitCase({ exitValidUntil: '2026-11-18' });
    const m = await planMovement(w.returnOfficer, { departsOn: '2026-11-20' });
    const res = await book(w.returnOfficer, m.id, caseId);
    expect(json<{ code: string }>(res).code).toBe('return_exit_clearance_expired');
  });

  it('books a valid case: the case is booked, the seat taken, the booking audited', async () => {
    const { caseId } = await fitCase();
    const m = await planMovement(w.returnOfficer);
    const after = await booked(w.returnOfficer, m.id, caseId);
    expect(after.taken).toBe(1);
    expect(after.passengers).toEqual([
      expect.objectContaining({
        caseId,
        status: 'booked',
        caseState: 'booked',
        needsMedicalEscort: false,
        allowedActions: ['remove', 'depart', 'no_show'],
      }),
    ]);
    expect((await caseRow(t, caseId)).state).toBe('booked');
    expect((await auditOf(t, 'movement_passenger', caseId)).map((e) => e.action)).toEqual(['create']);
    expect((await auditOf(t, 'return_case', caseId)).map((e) => e.detail)).toContainEqual({
      from: 'fit_to_travel',
      to: 'booked',
    });
    // twice is refused, as is a case not yet fit to travel
    expect(json<{ code: string }>(await book(w.returnOfficer, m.id, caseId)).code).toBe('already_booked');
    const early = await caseIn(t, w, await returnee(w), { state: 'exit_cleared' });
    expect(json<{ code: string }>(await book(w.returnOfficer, m.id, early)).code).toBe('not_bookable');
  });

  it('refuses a movement to another country', async () => {
    const { caseId } = await fitCase();
    const m = await planMovement(w.returnOfficer, { destinationCountry: 'NGA' });
    expect(json<{ code: string }>(await book(w.returnOfficer, m.id, caseId)).code).toBe('wrong_destination');
  });

  it('refuses a booking over the seats, and fewer seats than taken', async () => {
    const m = await planMovement(w.returnOfficer, { seats: 1 });
    await booked(w.returnOfficer, m.id, (await fitCase()).caseId);
    const { caseId } = await fitCase();
    const full = await book(w.returnOfficer, m.id, caseId);
    expect(full.statusCode).toBe(422);
    expect(json<{ code: string }>(full).code).toBe('no_seat');
    expect((await caseRow(t, caseId)).state).toBe('fit_to_travel');
    const m2 = await planMovement(w.returnOfficer, { seats: 2 });
    await booked(w.returnOfficer, m2.id, (await fitCase()).caseId);
    await booked(w.returnOfficer, m2.id, (await fitCase()).caseId);
    const fewer = await w.returnOfficer.patch(`/api/v1/movements/${m2.id}`, { version: 1, seats: 1 });
    expect(fewer.statusCode).toBe(422);
  });

  it('a passenger taken off is booked again elsewhere', async () => {
    const { caseId } = await fitCase();
    const m = await planMovement(w.returnOfficer);
    await booked(w.returnOfficer, m.id, caseId);
    const off = await w.returnOfficer.post(`/api/v1/movements/${m.id}/passengers/${caseId}/remove`, {
      reason: 'Moved to the next flight',
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(json<Movement>(off)).toMatchObject({
      taken: 0,
      passengers: [expect.objectContaining({ status: 'removed' })],
    });
    const m2 = await planMovement(w.returnOfficer);
    expect((await booked(w.returnOfficer, m2.id, caseId)).taken).toBe(1);
    expect((await caseRow(t, caseId)).state).toBe('booked');
  });
});

describe('departure, no-shows and arrival', () => {
  it('ends the detention episode with reason return and the centre’s population falls', async () => {
    const a = await fitCase();
    const b = await fitCase();
    const m = await leavingToday(w.returnOfficer);
    await booked(w.returnOfficer, m.id, a.caseId);
    await booked(w.returnOfficer, m.id, b.caseId);
    const before = await population(t, w.centreA);
    const res = await w.returnOfficer.post(`/api/v1/movements/${m.id}/departure`, {
      departed: [a.caseId],
      noShow: [b.caseId],
      noShowReason: 'Did not come to the bus',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = json<Movement>(res);
    expect(after.status).toBe('departed');
    expect(Object.fromEntries(after.passengers.map((p) => [p.caseId, [p.status, p.caseState]]))).toEqual({
      [a.caseId]: ['departed', 'departed'],
      [b.caseId]: ['no_show', 'no_show'],
    });
    expect(await population(t, w.centreA)).toBe(before - 1);
    const stays = await episodesOf(t, a.personId);
    expect(stays).toEqual([expect.objectContaining({ endedOn: TODAY, endReason: 'return' })]);
    expect((await episodesOf(t, b.personId))[0]!.endedOn).toBeNull();
    expect(await caseRow(t, a.caseId)).toMatchObject({ state: 'departed', departedOn: TODAY });
    expect(await caseRow(t, b.caseId)).toMatchObject({
      state: 'no_show',
      reasonClosed: 'Did not come to the bus',
    });
    const episodeAudit = await auditOf(t, 'episode', stays[0]!.id);
    expect(episodeAudit.map((e) => [e.action, e.actorId])).toContainEqual(['update', w.returnOfficer.userId]);
    // a passenger confirmed is not confirmed twice
    const again = await w.returnOfficer.post(`/api/v1/movements/${m.id}/departure`, { departed: [a.caseId] });
    expect(again.statusCode).toBe(422);

    // the no-show is booked again, on the next flight
    const next = await planMovement(w.returnOfficer);
    await booked(w.returnOfficer, next.id, b.caseId);
    expect((await caseRow(t, b.caseId)).state).toBe('booked');

    // arrival: offered on the departed case only; not before the departure, not in the future
    const actions = async (id: string) =>
      json<{ allowedActions: string[] }>(await w.returnOfficer.get(`/api/v1/returns/${id}`)).allowedActions;
    expect(await actions(a.caseId)).toContain('record_arrival');
    expect(await actions(b.caseId)).not.toContain('record_arrival');
    const early = await w.returnOfficer.post(`/api/v1/returns/${a.caseId}/arrival`, {
      arrivedOn: '2026-11-01',
    });
    expect(early.statusCode).toBe(422);
    const arrived = await w.returnOfficer.post(`/api/v1/returns/${a.caseId}/arrival`, { arrivedOn: TODAY });
    expect(arrived.statusCode, arrived.body).toBe(200);
    expect(await caseRow(t, a.caseId)).toMatchObject({ state: 'arrived', arrivedOn: TODAY });
    const twice = await w.returnOfficer.post(`/api/v1/returns/${a.caseId}/arrival`, { arrivedOn: TODAY });
    expect(twice.statusCode).toBe(403);
    expect(await actions(a.caseId)).not.toContain('record_arrival');
  });

  it('a no-show needs a reason; a departure in the future or of a stranger is refused, all or nothing', async () => {
    const a = await fitCase();
    const m = await leavingToday(w.returnOfficer);
    await booked(w.returnOfficer, m.id, a.caseId);
    const noReason = await w.returnOfficer.post(`/api/v1/movements/${m.id}/departure`, {
      noShow: [a.caseId],
    });
    expect(noReason.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(noReason).errors.map((e) => e.path)).toContain(
      'noShowReason',
    );
    const stranger = (await fitCase()).caseId;
    const mixed = await w.returnOfficer.post(`/api/v1/movements/${m.id}/departure`, {
      departed: [a.caseId, stranger],
    });
    expect(mixed.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(mixed).errors.map((e) => e.path)).toEqual(['departed.1']);
    expect((await caseRow(t, a.caseId)).state).toBe('booked');
    const later = await planMovement(w.returnOfficer, { departsOn: '2026-11-20' });
    const b = await fitCase();
    await booked(w.returnOfficer, later.id, b.caseId);
    const future = await w.returnOfficer.post(`/api/v1/movements/${later.id}/departure`, {
      departed: [b.caseId],
    });
    expect(future.statusCode).toBe(422);
    expect(json<{ code: string }>(future).code).toBe('departure_in_future');
  });
});

describe('the manifest', () => {
  it('lists the passengers on board with their documents, as XLSX and PDF, audited as an export', async () => {
    const a = await fitCase();
    const b = await fitCase();
    const m = await planMovement(w.returnOfficer);
    await booked(w.returnOfficer, m.id, a.caseId);
    await booked(w.returnOfficer, m.id, b.caseId);
    await w.returnOfficer.post(`/api/v1/movements/${m.id}/passengers/${b.caseId}/remove`, {});
    await w.returnOfficer.post(`/api/v1/movements/${m.id}/escorts`, {
      kind: 'operational',
      name: 'Omar Fathi',
    });
    const res = await w.returnOfficer.get(`/api/v1/movements/${m.id}/manifest?format=xlsx&lang=en`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual([
      'Name',
      'Sex',
      'Date of birth',
      'Nationality',
      'Travel document',
      'Document number',
      'Needs a medical escort',
    ]);
    const passengers = rows.slice(1).filter((r) => String(r[6] ?? '').startsWith('ETD-'));
    expect(passengers).toHaveLength(1);
    expect(passengers[0]!.slice(2, 8)).toEqual([
      'Male',
      expect.any(String),
      'Sudan',
      'Emergency travel document',
      `ETD-${a.caseId.slice(-6)}`,
      'No',
    ]);
    expect(rows.at(-1)!.slice(1, 3)).toEqual(['Omar Fathi', 'Operational escort']);
    const pdf = await w.returnOfficer.get(`/api/v1/movements/${m.id}/manifest?format=pdf&lang=ar`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const events = await auditOf(t, 'movement_manifest', m.id);
    expect(events.map((e) => [e.action, e.detail])).toEqual([
      ['export', { format: 'xlsx', lang: 'en', rows: 1, withheld: 0 }],
      ['export', { format: 'pdf', lang: 'ar', rows: 1, withheld: 0 }],
    ]);
    // a consent to return withdrawn after booking: the name no longer leaves
    await asSystem(t.ctx, t.missionId, (x) =>
      x.tx
        .update(consents)
        .set({ withdrawnOn: TODAY, withdrawnReason: 'Changed their mind' })
        .where(and(eq(consents.missionId, t.missionId), eq(consents.personId, a.personId))),
    );
    await w.returnOfficer.get(`/api/v1/movements/${m.id}/manifest?format=xlsx&lang=en`);
    expect((await auditOf(t, 'movement_manifest', m.id)).at(-1)!.detail).toEqual({
      format: 'xlsx',
      lang: 'en',
      rows: 0,
      withheld: 1,
    });
    const bad = await w.returnOfficer.get(`/api/v1/movements/${m.id}/manifest?format=doc`);
    expect(bad.statusCode).toBe(400);
  });
});
