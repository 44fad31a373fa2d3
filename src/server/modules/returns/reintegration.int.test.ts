import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY, type StoredSurvey, scoreSurvey } from '../../../domain/returns/sustainability';
import { json, type TestApp, testApp } from '../../test/harness';
import {
  addItem,
  departed,
  type FollowUp,
  followUpsOf,
  makePlan,
  planBody,
  put,
  type ReintegrationView,
} from './reintegration.fixtures';
import { caseIn, type ReturnsWorld, returnee, returnsWorld } from './returns.fixtures';

let t: TestApp;
let w: ReturnsWorld;
beforeAll(async () => {
  t = await testApp();
  w = await returnsWorld(t);
});
afterAll(() => t.close());

type Audit = {
  entityType: string;
  entityId: string;
  action: string;
  changedFields: string[];
  detail: Record<string, unknown>;
};
const audits = async (entityType: string, action = '') =>
  json<{ items: Audit[] }>(
    await t.admin.get(`/api/v1/audit?entityType=${entityType}${action ? `&action=${action}` : ''}&limit=200`),
  ).items;

/** A person who arrived home (on `arrivedOn`) and is no longer held; returns the case id. */
async function arrivedCase(arrivedOn = '2026-10-30') {
  const personId = await returnee(w);
  const id = await caseIn(t, w, personId, { state: 'arrived', departsOn: arrivedOn });
  await departed(t, personId);
  return { id, personId };
}

const best = Object.fromEntries(DEFAULT_SURVEY.questions.map((q) => [q.id, q.options.at(-1)!.value]));

describe('the reintegration plan', () => {
  it('is made once the person has arrived: the case moves to reintegration_planned, audited', async () => {
    const { id } = await arrivedCase();
    const before = json<ReintegrationView>(
      await w.returnOfficer.get(`/api/v1/returns/${id}/reintegration-plan`),
    );
    expect(before).toMatchObject({ caseState: 'arrived', plan: null, totals: [] });
    expect(before.allowedActions.sort()).toEqual(['create', 'read']);
    const view = await makePlan(w.returnOfficer, w, id);
    expect(view.caseState).toBe('reintegration_planned');
    expect(view.plan).toMatchObject({ currency: 'USD', partner: { id: w.partner }, items: [] });
    expect(view.allowedActions.sort()).toEqual(['add_item', 'read', 'update']);
    const planAudit = (await audits('reintegration_plan', 'create')).find((a) => a.detail.caseId === id);
    expect(planAudit?.entityId).toBe(view.plan!.id);
    const moved = (await audits('return_case', 'transition')).find((a) => a.entityId === id);
    expect(moved?.detail).toEqual({ from: 'arrived', to: 'reintegration_planned' });
  });

  it('is changed with its version (409 when stale), audited with the fields changed', async () => {
    const { id } = await arrivedCase();
    const made = await makePlan(w.returnOfficer, w, id);
    const url = `/api/v1/returns/${id}/reintegration-plan`;
    const res = await put(
      w.returnOfficer,
      url,
      planBody(w, { version: made.plan!.version, currency: 'SDG' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(json<ReintegrationView>(res).plan).toMatchObject({ currency: 'SDG', version: 2 });
    expect((await put(w.returnOfficer, url, planBody(w, { version: 1 }))).statusCode).toBe(409);
    expect((await put(w.returnOfficer, url, planBody(w))).statusCode).toBe(422);
    const upd = (await audits('reintegration_plan', 'update')).find((a) => a.entityId === made.plan!.id);
    expect(upd?.changedFields).toEqual(['currency']);
  });

  it('is refused before arrival (422 naming why) and with an embassy or authority as partner (422)', async () => {
    const personId = await returnee(w);
    const booked = await caseIn(t, w, personId, { state: 'booked' });
    const early = await put(w.returnOfficer, `/api/v1/returns/${booked}/reintegration-plan`, planBody(w));
    expect(early.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(early).errors[0]?.path).toBe('caseId');
    const { id } = await arrivedCase();
    const bad = await put(
      w.returnOfficer,
      `/api/v1/returns/${id}/reintegration-plan`,
      planBody(w, { partnerOrganisationId: w.embassy }),
    );
    expect(bad.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(bad).errors).toEqual([
      { path: 'partnerOrganisationId', message: 'An embassy or an authority cannot implement reintegration' },
    ]);
    const currency = await put(
      w.returnOfficer,
      `/api/v1/returns/${id}/reintegration-plan`,
      planBody(w, { currency: 'dollars' }),
    );
    expect(currency.statusCode).toBe(400);
    // nothing was written: the case is still waiting for its plan
    const after = json<ReintegrationView>(
      await w.returnOfficer.get(`/api/v1/returns/${id}/reintegration-plan`),
    );
    expect(after).toMatchObject({ caseState: 'arrived', plan: null });
    expect(await followUpsOf(w.returnOfficer, id)).toEqual([]);
  });
});

describe('items and budget', () => {
  it('totals the budget per currency (cancelled items aside); a started item moves the case on', async () => {
    const { id } = await arrivedCase();
    await makePlan(w.returnOfficer, w, id);
    await addItem(w.returnOfficer, id, { kind: 'cash', budgetMinor: 50_000 });
    await addItem(w.returnOfficer, id, { kind: 'training', budgetMinor: 30_000, status: 'cancelled' });
    const view = await addItem(w.returnOfficer, id, { kind: 'business', budgetMinor: 120_000 });
    expect(view.caseState).toBe('reintegration_planned');
    expect(view.totals).toEqual([{ currency: 'USD', budgetMinor: 170_000, deliveredMinor: 0 }]);
    const cash = view.plan!.items.find((i) => i.kind === 'cash')!;
    expect(cash.allowedActions).toEqual(['read', 'update']);
    const noDay = await w.returnOfficer.patch(`/api/v1/reintegration-items/${cash.id}`, {
      version: cash.version,
      status: 'delivered',
    });
    expect(noDay.statusCode).toBe(422);
    expect(json<{ errors: { path: string }[] }>(noDay).errors[0]?.path).toBe('deliveredOn');
    const res = await w.returnOfficer.patch(`/api/v1/reintegration-items/${cash.id}`, {
      version: cash.version,
      status: 'delivered',
      deliveredOn: '2026-11-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = json<ReintegrationView>(res);
    expect(after.caseState).toBe('reintegration_in_progress');
    expect(after.totals).toEqual([{ currency: 'USD', budgetMinor: 170_000, deliveredMinor: 50_000 }]);
    const itemAudits = (await audits('reintegration_item')).filter((a) => a.detail.caseId === id);
    expect(itemAudits.map((a) => a.action).sort()).toEqual(['create', 'create', 'create', 'update']);
    expect(itemAudits.find((a) => a.action === 'update')?.changedFields.sort()).toEqual([
      'deliveredOn',
      'status',
    ]);
  });

  it('refuses a budget in fractions and an item before there is a plan', async () => {
    const { id } = await arrivedCase();
    const url = `/api/v1/returns/${id}/reintegration-plan/items`;
    const frac = await w.returnOfficer.post(url, { kind: 'cash', description: 'x', budgetMinor: 10.5 });
    expect(frac.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(frac).errors[0]?.path).toBe('budgetMinor');
    expect(
      (await w.returnOfficer.post(url, { kind: 'cash', description: 'x', budgetMinor: 10 })).statusCode,
    ).toBe(403);
  });
});

describe('follow-ups', () => {
  it('are scheduled with the plan, one per month of the setting, due after arrival', async () => {
    const { id } = await arrivedCase('2026-01-31');
    await makePlan(w.returnOfficer, w, id);
    const fs = await followUpsOf(w.returnOfficer, id);
    expect(fs.map((f) => [f.monthsAfterArrival, f.dueOn, f.doneOn])).toEqual([
      [3, '2026-04-30', null],
      [6, '2026-07-31', null],
      [12, '2027-01-31', null],
    ]);
    const due = async (d: string) =>
      json<{ items: FollowUp[] }>(
        await w.returnOfficer.get(`/api/v1/reintegration-follow-ups?due=${d}`),
      ).items.filter((f) => f.caseId === id);
    expect((await due('overdue')).map((f) => f.monthsAfterArrival)).toEqual([3, 6]);
    expect((await due('upcoming')).map((f) => f.monthsAfterArrival)).toEqual([12]);
  });

  it('follow the setting: once changed, new plans use it (older schedules stay)', async () => {
    const first = await arrivedCase('2026-10-01');
    await makePlan(w.returnOfficer, w, first.id);
    expect(
      json<{ followUpMonths: number[]; version: number }>(
        await w.returnOfficer.get('/api/v1/returns-settings'),
      ),
    ).toMatchObject({
      followUpMonths: [3, 6, 12],
      version: 0,
    });
    // a centre's officer does not set the mission's schedule
    expect(
      (await put(w.returnOfficer, '/api/v1/returns-settings', { version: 0, followUpMonths: [1] }))
        .statusCode,
    ).toBe(403);
    const res = await put(w.returnOfficerAll, '/api/v1/returns-settings', {
      version: 0,
      followUpMonths: [24, 1],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({
      followUpMonths: [1, 24],
      version: 1,
      allowedActions: ['read', 'update'],
    });
    expect(
      (await put(w.returnOfficerAll, '/api/v1/returns-settings', { version: 0, followUpMonths: [2] }))
        .statusCode,
    ).toBe(409);
    const bad = await put(w.returnOfficerAll, '/api/v1/returns-settings', {
      version: 1,
      followUpMonths: [3, 3],
    });
    expect(bad.statusCode).toBe(400);
    const second = await arrivedCase('2026-10-01');
    await makePlan(w.returnOfficer, w, second.id);
    expect(
      (await followUpsOf(w.returnOfficer, second.id)).map((f) => [f.monthsAfterArrival, f.dueOn]),
    ).toEqual([
      [1, '2026-11-01'],
      [24, '2028-10-01'],
    ]);
    expect((await followUpsOf(w.returnOfficer, first.id)).map((f) => f.monthsAfterArrival)).toEqual([
      3, 6, 12,
    ]);
    const audit = (await audits('returns_settings')).at(-1);
    expect(audit).toMatchObject({ action: 'create', changedFields: ['followUpMonths'] });
    // back to the defaults for the other tests
    await put(w.returnOfficerAll, '/api/v1/returns-settings', { version: 1, followUpMonths: [3, 6, 12] });
  });
});

describe('the sustainability survey', () => {
  it('is stored from the default on first use, once', async () => {
    const a = json<StoredSurvey>(await w.returnOfficer.get('/api/v1/sustainability-surveys/active'));
    const b = json<StoredSurvey>(await w.manager.get('/api/v1/sustainability-surveys/active'));
    expect(a).toEqual(b);
    expect(json(await w.returnOfficer.get('/api/v1/sustainability-surveys'))).toEqual(a);
    expect(a.template).toEqual(DEFAULT_SURVEY);
    expect(await audits('sustainability_survey', 'create')).toHaveLength(1);
  });

  it('scores a follow-up as the domain does, stores it with the survey version, once', async () => {
    const { id } = await arrivedCase();
    await makePlan(w.returnOfficer, w, id);
    const [f] = await followUpsOf(w.returnOfficer, id);
    expect(f!.allowedActions).toEqual(['read', 'record_survey']);
    const survey = json<StoredSurvey>(await w.returnOfficer.get('/api/v1/sustainability-surveys/active'));
    const answers = {
      ...best,
      income: 'irregular',
      housing: 'temporary',
      safety: 'disagree',
      food: 'sometimes',
    };
    const res = await w.returnOfficer.post(`/api/v1/reintegration-follow-ups/${f!.id}/survey`, {
      doneOn: '2026-11-02',
      answers,
      note: 'Visited at home',
      surveyId: survey.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = json<FollowUp>(res);
    const expected = scoreSurvey(survey.template, answers);
    expect(expected.ok).toBe(true);
    expect(done).toMatchObject({
      doneOn: '2026-11-02',
      surveyId: survey.id,
      answers,
      allowedActions: ['read'],
    });
    expect(done.scores).toEqual(expected.ok && expected.scores);
    expect((await followUpsOf(w.manager, id))[0]?.scores).toEqual(done.scores);
    const audit = (await audits('reintegration_follow_up', 'update')).find((a) => a.entityId === f!.id);
    expect(audit?.detail).toMatchObject({ caseId: id, surveyVersion: 1 });
    // a follow-up is recorded once
    const again = await w.returnOfficer.post(`/api/v1/reintegration-follow-ups/${f!.id}/survey`, {
      doneOn: '2026-11-02',
      answers,
    });
    expect(again.statusCode).toBe(403);
  });

  it('refuses wrong answers with one error per field (400), writing nothing', async () => {
    const { id } = await arrivedCase();
    await makePlan(w.returnOfficer, w, id);
    const [f] = await followUpsOf(w.returnOfficer, id);
    const { income: _missing, ...rest } = best;
    const res = await w.returnOfficer.post(`/api/v1/reintegration-follow-ups/${f!.id}/survey`, {
      doneOn: '2026-11-02',
      answers: { ...rest, food: 'plenty', mood: 'good' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      json<{ errors: { path: string }[] }>(res)
        .errors.map((e) => e.path)
        .sort(),
    ).toEqual(['answers.food', 'answers.income', 'answers.mood']);
    const old = await w.returnOfficer.post(`/api/v1/reintegration-follow-ups/${f!.id}/survey`, {
      doneOn: '2026-11-02',
      answers: best,
      surveyId: f!.id,
    });
    expect(old.statusCode).toBe(422);
    expect((await followUpsOf(w.returnOfficer, id))[0]).toMatchObject({ doneOn: null, scores: null });
  });
});
