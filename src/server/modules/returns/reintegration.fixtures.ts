import { and, eq, isNull } from 'drizzle-orm';
import { expect } from 'vitest';
import type { FollowUp, ReintegrationView } from '../../../domain/returns/reintegration';
import { episodes } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { type Client, json, type TestApp } from '../../test/harness';
import type { ReturnsWorld } from './returns.fixtures';

// Helpers for the reintegration tests: plans and items through the API, and the person's
// departure as the registry records it (their detention episode ends: they are no longer held).

export type { FollowUp, ReintegrationView };

export const put = (c: Client, url: string, body: unknown) =>
  c.request({ method: 'PUT', url, payload: body as never });

export const planBody = (w: ReturnsWorld, o: Record<string, unknown> = {}) => ({
  partnerOrganisationId: w.partner,
  currency: 'USD',
  agreedOn: '2026-11-01',
  note: 'Small shop in Omdurman',
  ...o,
});

export async function makePlan(c: Client, w: ReturnsWorld, caseId: string, o: Record<string, unknown> = {}) {
  const res = await put(c, `/api/v1/returns/${caseId}/reintegration-plan`, planBody(w, o));
  expect(res.statusCode, res.body).toBe(200);
  return json<ReintegrationView>(res);
}

export async function addItem(c: Client, caseId: string, o: Record<string, unknown> = {}) {
  const res = await c.post(`/api/v1/returns/${caseId}/reintegration-plan/items`, {
    kind: 'business',
    description: 'Stock for a grocery stall',
    budgetMinor: 120_000,
    ...o,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<ReintegrationView>(res);
}

export const followUpsOf = async (c: Client, caseId: string) =>
  json<{ items: FollowUp[] }>(await c.get(`/api/v1/returns/${caseId}/follow-ups`)).items;

/** The person left the country: their episode ends with reason "return" (set up, not under test). */
export const departed = (t: TestApp, personId: string) =>
  asSystem(t.ctx, t.missionId, (x) =>
    x.tx
      .update(episodes)
      .set({ endedOn: '2026-10-30', endReason: 'return' })
      .where(
        and(eq(episodes.missionId, t.missionId), eq(episodes.personId, personId), isNull(episodes.endedOn)),
      ),
  );
