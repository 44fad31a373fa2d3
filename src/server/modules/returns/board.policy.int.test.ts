import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import type { Board, Figures } from '../../../domain/returns/board';
import { returnCases } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { buildOrganisation, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { caseIn, type ReturnsWorld, returnee, returnsWorld } from './returns.fixtures';

// Every role (mission-wide), and scoped users, against the board and the figures, written out
// from DESIGN §5 rather than read from the policy: the board lists people, so returns readers
// only (managers, caseworkers, protection and return officers), each within their scope; the
// figures are a reporting aggregate every role reads, exact for returns readers, with small
// counts hidden for the others (DESIGN §8). /me's capabilities say the same.

/** DESIGN §5, returns row: r or rw. */
const RETURNS_READERS: Role[] = ['manager', 'caseworker', 'protection_officer', 'return_officer'];

let t: TestApp;
let w: ReturnsWorld;
/** an open case at A, an open case at B, and a return that departed (from A) this year, arrived */
let atA: string;
let atB: string;
let gone: string;
beforeAll(async () => {
  t = await testApp();
  w = await returnsWorld(t);
  atA = await caseIn(t, w, await returnee(w));
  const b = await t.admin.post('/api/v1/persons', buildPerson(w.centreB, { nationality: 'SDN' }));
  expect(b.statusCode, b.body).toBe(201);
  atB = await caseIn(t, w, json<{ id: string }>(b).id);
  gone = await caseIn(t, w, await returnee(w));
  await asSystem(t.ctx, t.missionId, (x) =>
    x.tx
      .update(returnCases)
      .set({ state: 'arrived', departedOn: '2026-06-01' })
      .where(and(eq(returnCases.missionId, t.missionId), eq(returnCases.id, gone))),
  );
}, 120_000);
afterAll(() => t.close());

type Expect = {
  board: number;
  /** the open cases on the board's stuck list (arrived is still open) */
  stuck?: () => string[];
  /** the departures counted: a number (exact) or null (hidden) */
  people: number | null;
};

const everyone = (role: Role): Expect =>
  RETURNS_READERS.includes(role)
    ? { board: 200, stuck: () => [atA, atB, gone].sort(), people: 1 }
    : { board: 403, people: null };

const otherOrg = async () =>
  json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;

type User = { name: string; client: () => Promise<Client>; expect: Expect };
const USERS: User[] = [
  ...ROLES.map((role) => ({
    name: role,
    client: () => t.signIn({ role, organisationId: w.org, centreIds: [] }),
    expect: everyone(role),
  })),
  {
    name: 'return officer of centre B',
    client: async () => w.returnOfficerB,
    expect: { board: 200, stuck: () => [atB], people: 0 },
  },
  {
    name: 'return officer of another organisation at centre A',
    client: async () =>
      t.signIn({ role: 'return_officer', organisationId: await otherOrg(), centreIds: [w.centreA] }),
    expect: { board: 200, stuck: () => [atA, gone].sort(), people: 1 },
  },
  {
    name: 'viewer of another organisation',
    client: async () => t.signIn({ role: 'viewer', organisationId: await otherOrg(), centreIds: [] }),
    expect: { board: 403, people: null },
  },
];

describe('the board and the figures, user by user', () => {
  it.each(USERS.map((u) => [u.name, u] as const))('%s', async (_, u) => {
    const c = await u.client();
    const board = await c.get('/api/v1/returns/board');
    expect(board.statusCode, board.body).toBe(u.expect.board);
    if (u.expect.stuck)
      expect(
        json<Board>(board)
          .stuck.map((s) => s.id)
          .sort(),
      ).toEqual(u.expect.stuck());

    const figures = await c.get('/api/v1/returns/figures?from=2026-01-01&to=2026-12-31');
    expect(figures.statusCode, figures.body).toBe(200);
    const f = json<Figures>(figures);
    expect(f.people).toBe(u.expect.people);
    expect(f.suppressed).toBe(u.expect.people === null);
    if (u.expect.people === null) expect(f.byCountry).toEqual([{ country: 'SDN', people: null }]);

    const me = json<{ capabilities: string[] }>(await c.get('/api/v1/me'));
    expect(me.capabilities.includes('returns_board:read')).toBe(u.expect.board === 200);
    expect(me.capabilities).toContain('returns_figures:read');
  });
});
