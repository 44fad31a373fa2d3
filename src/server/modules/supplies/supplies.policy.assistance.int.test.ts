import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import type { Dist } from './distributions.fixtures';
import {
  type Check,
  dry,
  expectAnswers,
  type MatrixWorld,
  matrixWorld,
  offered,
  readThen,
  rights,
} from './supplies.policy.fixtures';

// Every role (mission-wide) against every distribution route and what a person received, from
// DESIGN §5's assistance row (supplies.policy.fixtures.ts, written out, not read from the policy
// code). Writes run with Sanad-Dry-Run, so every role tries them on the same records; each role is
// offered on an event and its lines exactly what it was allowed.

let t: TestApp;
let m: MatrixWorld;
beforeAll(async () => {
  t = await testApp();
  m = await matrixWorld(t);
}, 120_000);
afterAll(() => t.close());

describe.each(ROLES)('%s and distributions', (role: Role) => {
  let c: Client;
  const { readsAssistance, writesAssistance, seesPeople } = rights(role);
  beforeAll(async () => {
    c = await t.signIn({ role });
  });

  it('reaches distributions and what a person received as DESIGN §5 says', async () => {
    const d = `/api/v1/distributions/${m.dist.id}`;
    const line = m.dist.lines[0]!;
    // the routes keyed by a person alone (eligibility, what they received) need sight of the
    // person (DESIGN §5 identity row: not a stock officer's); an event's recorder finds and records
    // the people held at its centre that day through the event itself
    const checks: Check[] = [
      { what: 'list', allowed: readsAssistance, sees: true, res: await c.get('/api/v1/distributions') },
      {
        what: 'report',
        allowed: readsAssistance,
        sees: true,
        res: await c.get('/api/v1/distributions/report'),
      },
      {
        what: 'report as XLSX',
        allowed: readsAssistance,
        sees: true,
        res: await c.get('/api/v1/distributions/report?format=xlsx'),
      },
      { what: 'read', allowed: readsAssistance, sees: false, res: await c.get(d) },
      {
        what: 'check eligibility',
        allowed: writesAssistance && seesPeople,
        sees: seesPeople,
        res: await c.get(
          `/api/v1/distributions/eligibility?personId=${m.person}&on=2026-10-15&itemIds=${m.s.clothing}`,
        ),
      },
      {
        what: 'create',
        allowed: writesAssistance,
        sees: true,
        res: await dry(c, 'POST', '/api/v1/distributions', {
          centreId: m.s.centreB,
          stockPointId: m.s.warehouse,
          occurredOn: '2026-10-15',
          kind: 'bulk',
          itemIds: [m.s.clothing],
        }),
      },
      {
        what: "find the centre's people",
        allowed: writesAssistance,
        sees: readsAssistance,
        res: await c.get(`${d}/people?q=a`),
      },
      {
        what: 'record a recipient',
        allowed: writesAssistance,
        sees: readsAssistance,
        res: await dry(c, 'POST', `${d}/recipients`, {
          personId: m.person,
          lines: [{ itemId: m.s.clothing, quantity: 1 }],
        }),
      },
      {
        what: 'record a bulk line',
        allowed: writesAssistance,
        sees: readsAssistance,
        res: await dry(c, 'POST', `/api/v1/distributions/${m.bulk.id}/lines`, {
          itemId: m.s.clothing,
          quantity: 3,
        }),
      },
      {
        what: 'cancel a line',
        allowed: writesAssistance,
        sees: readsAssistance,
        res: await dry(c, 'POST', `${d}/lines/${line.id}/cancel`, { reason: 'Recorded twice' }),
      },
      {
        what: 'close',
        allowed: writesAssistance,
        sees: readsAssistance,
        res: await dry(c, 'POST', `${d}/close`, { version: m.dist.version }),
      },
      {
        what: 'what a person received',
        allowed: readsAssistance && seesPeople,
        sees: seesPeople,
        res: await c.get(`/api/v1/persons/${m.person}/assistance`),
      },
    ];
    expectAnswers(role, checks);
  });

  it('is offered exactly that, on the event and its lines', async () => {
    expect(await offered(c, `/api/v1/distributions/${m.dist.id}`)).toEqual(
      readThen(readsAssistance, [writesAssistance, 'cancel_line', 'close', 'record']),
    );
    expect(await offered(c, `/api/v1/distributions/${m.bulk.id}`)).toEqual(
      readThen(readsAssistance, [writesAssistance, 'cancel_line', 'close', 'record']),
    );
    if (readsAssistance) {
      const seen = json<Dist>(await c.get(`/api/v1/distributions/${m.dist.id}`));
      expect(seen.lines[0]?.allowedActions).toEqual(writesAssistance ? ['cancel_line'] : []);
    }
  });
});
