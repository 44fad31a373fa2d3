import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import type { EmbassyRequestView } from '../../../domain/returns/embassy';
import { DRY_RUN_HEADER } from '../../platform/dry-run';
import { buildOrganisation } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { caseIn, type ReturnsWorld, returnee, returnsWorld, TODAY } from './returns.fixtures';

// Every role (and a return officer and a caseworker of centre B, a return officer of another
// organisation at centre A) against every embassy-request and consular-interview route, written
// out from DESIGN §5's returns row: managers and caseworkers read, return and protection officers
// read and write, within the reach of the people concerned. Writes are tried with Sanad-Dry-Run.
// Then each record's allowedActions against what its writes allow.

/** DESIGN §5, returns: who reads, who writes. */
const READS: Role[] = ['manager', 'caseworker', 'protection_officer', 'return_officer'];
const WRITES: Role[] = ['protection_officer', 'return_officer'];

type User = { name: string; role: Role; centre?: 'A' | 'B'; otherOrg?: boolean };
const USERS: User[] = [
  ...ROLES.map((role) => ({ name: role, role })),
  { name: 'return officer of centre B', role: 'return_officer', centre: 'B' },
  { name: 'caseworker of centre B', role: 'caseworker', centre: 'B' },
  {
    name: 'return officer of another organisation at centre A',
    role: 'return_officer',
    centre: 'A',
    otherOrg: true,
  },
];

type World = ReturnsWorld & { draft: EmbassyRequestView; sent: EmbassyRequestView; caseA: string };
type Request = { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown> };
/** 'kind': any scope may (lists, drafting); 'A': about people held at centre A. */
type Check = { name: string; roles: Role[]; at: 'kind' | 'A'; req: (w: World) => Request };

const R = '/api/v1/embassy-requests';
const CHECKS: Check[] = [
  { name: 'list requests', roles: READS, at: 'kind', req: () => ({ method: 'GET', url: R }) },
  {
    name: 'preview candidates',
    roles: WRITES,
    at: 'kind',
    req: (w) => ({
      method: 'GET',
      url: `${R}/candidates?embassyOrganisationId=${w.embassy}&nationality=SDN`,
    }),
  },
  {
    name: 'draft a request',
    roles: WRITES,
    at: 'kind',
    req: (w) => ({
      method: 'POST',
      url: R,
      payload: { embassyOrganisationId: w.embassy, nationality: 'SDN' },
    }),
  },
  {
    name: 'read a request',
    roles: READS,
    at: 'A',
    req: (w) => ({ method: 'GET', url: `${R}/${w.draft.id}` }),
  },
  {
    name: 'send a request',
    roles: WRITES,
    at: 'A',
    req: (w) => ({
      method: 'POST',
      url: `${R}/${w.draft.id}/send`,
      payload: { version: w.draft.version, sentOn: TODAY },
    }),
  },
  {
    name: 'record answers',
    roles: WRITES,
    at: 'A',
    req: (w) => ({
      method: 'POST',
      url: `${R}/${w.sent.id}/answers`,
      payload: {
        version: w.sent.version,
        answeredOn: TODAY,
        answers: [{ caseId: w.sent.items[0]!.caseId, answer: 'interview_needed' }],
      },
    }),
  },
  {
    name: 'export a request (xlsx)',
    roles: WRITES,
    at: 'A',
    req: (w) => ({ method: 'GET', url: `${R}/${w.draft.id}/export?format=xlsx` }),
  },
  {
    name: 'export a request (pdf)',
    roles: WRITES,
    at: 'A',
    req: (w) => ({ method: 'GET', url: `${R}/${w.sent.id}/export?format=pdf` }),
  },
  {
    name: 'list consular interviews',
    roles: READS,
    at: 'A',
    req: (w) => ({ method: 'GET', url: `/api/v1/returns/${w.caseA}/consular-interviews` }),
  },
  {
    name: 'record a consular interview',
    roles: WRITES,
    at: 'A',
    req: (w) => ({
      method: 'POST',
      url: `/api/v1/returns/${w.caseA}/consular-interviews`,
      payload: { heldOn: TODAY, mode: 'video', outcome: 'pending', embassyOrganisationId: w.embassy },
    }),
  },
];

const expected = (c: Check, u: User) =>
  c.roles.includes(u.role) && (u.centre === undefined || c.at === 'kind' || u.centre === 'A');

const send = (c: Client, r: Request) => c.request({ ...r, headers: { [DRY_RUN_HEADER]: 'true' } });
const ok = (res: LightMyRequestResponse, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return res;
};

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await testApp();
  const base = await returnsWorld(t);
  const first = await returnee(base);
  await caseIn(t, base, first, { state: 'consented' });
  const sent0 = json<EmbassyRequestView>(
    ok(await base.returnOfficer.post(R, { embassyOrganisationId: base.embassy, nationality: 'SDN' }), 201),
  );
  const sent = json<EmbassyRequestView>(
    ok(await base.returnOfficer.post(`${R}/${sent0.id}/send`, { version: sent0.version, sentOn: TODAY })),
  );
  const second = await returnee(base);
  const caseA = await caseIn(t, base, second, { state: 'protection_cleared' });
  const draft = json<EmbassyRequestView>(
    ok(await base.returnOfficer.post(R, { embassyOrganisationId: base.embassy, nationality: 'SDN' }), 201),
  );
  expect(draft.items.map((i) => i.caseId)).toContain(caseA);
  w = { ...base, draft, sent, caseA };
}, 300_000);
afterAll(() => t.close());

async function signInAs(u: User): Promise<Client> {
  if (!u.centre) return t.signIn({ role: u.role });
  const organisationId = u.otherOrg
    ? json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id
    : w.org;
  return t.signIn({ role: u.role, centreIds: [u.centre === 'A' ? w.centreA : w.centreB], organisationId });
}

/** On each record the user reads: offered ⇒ the write succeeds (dry run); not offered ⇒ 4xx. */
const ATTEMPTS: { read: (w: World) => string; attempts: Record<string, (w: World) => Request> }[] = [
  {
    read: (w) => `${R}/${w.draft.id}`,
    attempts: {
      send: (w) => CHECKS[4]!.req(w),
      export: (w) => CHECKS[6]!.req(w),
      answer: (w) => ({
        method: 'POST',
        url: `${R}/${w.draft.id}/answers`,
        payload: {
          version: w.draft.version,
          answeredOn: TODAY,
          answers: [{ caseId: w.caseA, answer: 'confirmed' }],
        },
      }),
    },
  },
  {
    read: (w) => `${R}/${w.sent.id}`,
    attempts: {
      send: (w) => ({
        method: 'POST',
        url: `${R}/${w.sent.id}/send`,
        payload: { version: w.sent.version, sentOn: TODAY },
      }),
      export: (w) => CHECKS[7]!.req(w),
      answer: (w) => CHECKS[5]!.req(w),
    },
  },
  {
    read: (w) => `/api/v1/returns/${w.caseA}/consular-interviews`,
    attempts: { record: (w) => CHECKS[9]!.req(w) },
  },
];

describe('embassy requests and consular interviews, user by user', () => {
  it.each(USERS.map((u) => [u.name, u] as const))('%s', async (_, u) => {
    const c = await signInAs(u);
    const wrong: string[] = [];
    for (const check of CHECKS) {
      const res = await send(c, check.req(w));
      const allowed = expected(check, u);
      const fine = allowed ? res.statusCode < 300 : res.statusCode === 403 || res.statusCode === 404;
      if (!fine)
        wrong.push(
          `${check.name}: ${res.statusCode} (${allowed ? 'allowed' : 'refused'}) ${res.body.slice(0, 160)}`,
        );
    }
    let tried = 0;
    for (const kind of ATTEMPTS) {
      const res = await c.get(kind.read(w));
      if (res.statusCode !== 200) continue;
      const offered = json<{ allowedActions: string[] }>(res).allowedActions;
      for (const [action, attempt] of Object.entries(kind.attempts)) {
        tried++;
        const r = await send(c, attempt(w));
        const on = offered.includes(action);
        if (on ? r.statusCode >= 300 : r.statusCode < 400 || r.statusCode >= 500)
          wrong.push(
            `${kind.read(w)} ${action}: ${on ? 'offered' : 'not offered'} but ${r.statusCode} ${r.body.slice(0, 120)}`,
          );
      }
    }
    expect(wrong, u.name).toEqual([]);
    const reads = READS.includes(u.role) && u.centre !== 'B';
    expect(tried).toBe(reads ? 7 : 0);
    if (WRITES.includes(u.role) && u.centre !== 'B') {
      const of = async (url: string) =>
        json<{ allowedActions: string[] }>(await c.get(url)).allowedActions.sort();
      expect(await of(`${R}/${w.draft.id}`)).toEqual(['export', 'read', 'send']);
      expect(await of(`${R}/${w.sent.id}`)).toEqual(['answer', 'export', 'read']);
    }
  });
});

describe('a reader of centre B', () => {
  it('sees none of centre A’s requests', async () => {
    const c = await signInAs(USERS.find((u) => u.name === 'caseworker of centre B')!);
    expect(json<{ items: unknown[] }>(await c.get(R)).items).toEqual([]);
  });
});
