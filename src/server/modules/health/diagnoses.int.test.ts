import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosisView } from '../../../domain/health/diagnoses';
import { json, type TestApp, testApp } from '../../test/harness';
import { auditOf, expectFields } from '../supplies/catalogue.fixtures';
import { type ClinicWorld, clinicWorld, consult, patient, scabies } from './consultations.fixtures';

let t: TestApp;
let w: ClinicWorld;
beforeAll(async () => {
  t = await testApp();
  w = await clinicWorld(t);
});
afterAll(() => t.close());

const search = async (q: string, extra = '') =>
  json<{ items: DiagnosisView[] }>(
    await w.doctor.get(`/api/v1/diagnoses?q=${encodeURIComponent(q)}${extra}`),
  ).items.map((d) => d.code);

const tropicalUlcer = {
  code: 'L98.4',
  group: 'skin',
  names: { en: 'Tropical ulcer', ar: 'قرحة استوائية', fr: 'Ulcère tropical' },
  terms: ['phagedenic'],
};

describe('the diagnosis list', () => {
  it('finds scabies by code, by English, Arabic and French words', async () => {
    for (const q of ['B86', 'b86', 'scab', 'جرب', 'gale']) expect((await search(q))[0], q).toBe('B86');
  });

  it('filters by group and limits', async () => {
    const skin = json<{ items: DiagnosisView[] }>(
      await w.nurse.get('/api/v1/diagnoses?group=skin&limit=5'),
    ).items;
    expect(skin).toHaveLength(5);
    expect(skin.every((d) => d.group === 'skin' && d.builtIn)).toBe(true);
    expect((await w.nurse.get('/api/v1/diagnoses?limit=500')).statusCode).toBe(400);
  });

  it('takes a mission’s addition from a mission-wide clinician, then finds and accepts it', async () => {
    expect((await w.doctor.post('/api/v1/diagnoses', tropicalUlcer)).statusCode).toBe(403); // centre-scoped
    const res = await w.nurseAll.post('/api/v1/diagnoses', tropicalUlcer);
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res)).toEqual({ code: 'L98.4', group: 'skin', names: tropicalUlcer.names, builtIn: false });
    expect(await search('phaged')).toEqual(['L98.4']);
    expect(await search('استوائية')).toContain('L98.4');
    const events = await auditOf(t, 'diagnosis', 'L98.4');
    expect(events).toEqual([expect.objectContaining({ action: 'create', actorId: w.nurseAll.userId })]);
    const p = await patient(w.nurse, w.centreA);
    const c = await consult(w.nurse, scabies(w, p, { diagnoses: [{ code: 'L98.4' }], prescriptions: [] }));
    expect(c.diagnoses).toEqual([{ code: 'L98.4', certainty: 'suspected' }]);
  });

  it('refuses a code of the built-in list or one already added (409), and bad input (400)', async () => {
    const builtIn = await w.nurseAll.post('/api/v1/diagnoses', { ...tropicalUlcer, code: 'B86' });
    expectFields(builtIn, 409, ['code']);
    const again = await w.nurseAll.post('/api/v1/diagnoses', { ...tropicalUlcer, code: 'L98.5' });
    expect(again.statusCode).toBe(201);
    expect((await w.nurseAll.post('/api/v1/diagnoses', { ...tropicalUlcer, code: 'L98.5' })).statusCode).toBe(
      409,
    );
    const bad = await w.nurseAll.post('/api/v1/diagnoses', {
      ...tropicalUlcer,
      code: 'scabies',
      group: 'feet',
    });
    expectFields(bad, 400, ['code', 'group']);
  });

  it('is closed to those who read no medical data', async () => {
    for (const who of [w.caseworker, w.manager, w.stockOfficer, w.returnOfficer]) {
      expect((await who.get('/api/v1/diagnoses?q=B86')).statusCode, who.username).toBe(403);
      expect((await who.post('/api/v1/diagnoses', tropicalUlcer)).statusCode, who.username).toBe(403);
    }
  });
});
