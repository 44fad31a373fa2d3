import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Movement } from '../../../domain/returns/movements';
import { episodes, returnCases } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { type Client, json, type TestApp } from '../../test/harness';
import { TODAY } from './returns.fixtures';

// Helpers of the movements tests: a movement planned by an officer, bookings, and what the
// database holds afterwards (read as system: the facts under test, not through the API).

export const movementBody = (o: Record<string, unknown> = {}) => ({
  kind: 'charter',
  departsOn: '2026-11-20',
  route: 'MJI → KRT',
  destinationCountry: 'SDN',
  carrier: 'Buraq Air',
  flightNumber: 'UZ 221',
  seats: 150,
  ...o,
});

export async function planMovement(c: Client, o: Record<string, unknown> = {}): Promise<Movement> {
  const res = await c.post('/api/v1/movements', movementBody(o));
  expect(res.statusCode, res.body).toBe(201);
  return json<Movement>(res);
}

/** A movement leaving today (its departure can be confirmed). */
export const leavingToday = (c: Client, o: Record<string, unknown> = {}) =>
  planMovement(c, { departsOn: TODAY, ...o });

export const book = (c: Client, movementId: string, caseId: string) =>
  c.post(`/api/v1/movements/${movementId}/passengers`, { caseId });

export async function booked(c: Client, movementId: string, caseId: string): Promise<Movement> {
  const res = await book(c, movementId, caseId);
  expect(res.statusCode, res.body).toBe(201);
  return json<Movement>(res);
}

export const caseRow = (t: TestApp, id: string) =>
  asSystem(t.ctx, t.missionId, async (w) => {
    const [row] = await w.tx
      .select()
      .from(returnCases)
      .where(and(eq(returnCases.missionId, t.missionId), eq(returnCases.id, id)));
    return row!;
  });

export const episodesOf = (t: TestApp, personId: string) =>
  asSystem(t.ctx, t.missionId, (w) =>
    w.tx
      .select()
      .from(episodes)
      .where(and(eq(episodes.missionId, t.missionId), eq(episodes.personId, personId))),
  );

/** The people held in a centre now, as the registry counts them (a mission-wide admin reads it exact). */
export const population = async (t: TestApp, centreId: string) =>
  json<{ total: number }>(await t.admin.get(`/api/v1/centres/${centreId}/population`)).total;
