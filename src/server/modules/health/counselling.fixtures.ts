import { expect } from 'vitest';
import { buildCentre, buildOrganisation, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp } from '../../test/harness';

// A small world for the counselling tests: two centres, people held in each, counsellors of a
// partner NGO scoped to one centre and of the mission for all, and the roles that must see stubs.

export interface CounsellingWorld {
  centreA: string;
  centreB: string;
  /** held at A */
  a1: string;
  a2: string;
  a3: string;
  /** held at B */
  b1: string;
  /** counsellor of a partner NGO at centre A */
  counsellorA: Client;
  /** the mission's counsellor for every centre */
  counsellor: Client;
  doctor: Client;
  caseworker: Client;
  stockOfficer: Client;
}

export const K10_SELF_HARM = {
  instrument: 'k10',
  answers: [3, 4, 3, 4, 2, 2, 4, 3, 4, 3],
  selfHarmThoughts: 'yes',
} as const;

export const K10_CALM = {
  instrument: 'k10',
  answers: [1, 1, 2, 1, 1, 1, 2, 1, 1, 1],
  selfHarmThoughts: 'no',
};

/** An individual session's body (today on the test clock is 2026-11-02). */
export const individual = (personId: string, centreId: string, o: Record<string, unknown> = {}) => ({
  kind: 'individual',
  personIds: [personId],
  centreId,
  heldOn: '2026-10-30',
  durationMinutes: 50,
  presentingProblems: ['low_mood', 'sleep_problems'],
  interventions: ['psychological_first_aid'],
  ...o,
});

export const group = (personIds: string[], centreId: string, o: Record<string, unknown> = {}) => ({
  kind: 'group',
  personIds,
  centreId,
  heldOn: '2026-10-29',
  durationMinutes: 90,
  presentingProblems: ['detention_stress'],
  interventions: ['group_support'],
  ...o,
});

async function register(t: TestApp, centreId: string): Promise<string> {
  const res = await t.admin.post('/api/v1/persons', buildPerson(centreId));
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
}

export async function counsellingWorld(t: TestApp): Promise<CounsellingWorld> {
  const centre = async () => json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  const centreA = await centre();
  const centreB = await centre();
  const ngo = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  return {
    centreA,
    centreB,
    a1: await register(t, centreA),
    a2: await register(t, centreA),
    a3: await register(t, centreA),
    b1: await register(t, centreB),
    counsellorA: await t.signIn({ role: 'counsellor', organisationId: ngo, centreIds: [centreA] }),
    counsellor: await t.signIn({ role: 'counsellor' }),
    doctor: await t.signIn({ role: 'doctor' }),
    caseworker: await t.signIn({ role: 'caseworker', centreIds: [centreA] }),
    stockOfficer: await t.signIn({ role: 'stock_officer' }),
  };
}

export type SessionOut = {
  id: string;
  kind: string;
  people: { id: string; name: string }[];
  score: number | null;
  band: string | null;
  urgent: boolean;
  measure: { instrument: string; answers: number[]; selfHarmThoughts: string } | null;
  notes: string | null;
  nextSessionOn: string | null;
  version: number;
  allowedActions: string[];
};

export type FollowUpOut = {
  id: string;
  sessionId: string;
  personId: string;
  dueOn: string;
  urgent: boolean;
  reason: string;
  status: string;
  version: number;
  allowedActions: string[];
};

/** Records a session and returns it (fails the test unless 201). */
export async function record(c: Client, body: unknown): Promise<SessionOut> {
  const res = await c.post('/api/v1/counselling-sessions', body);
  expect(res.statusCode, res.body).toBe(201);
  return json<SessionOut>(res);
}

/** The follow-ups of one session, as the database holds them (any assignee). */
export async function followUpsOf(c: Client, sessionId: string): Promise<FollowUpOut[]> {
  const res = await c.get('/api/v1/mhpss-follow-ups?mine=false&limit=200');
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: FollowUpOut[] }>(res).items.filter((f) => f.sessionId === sessionId);
}
