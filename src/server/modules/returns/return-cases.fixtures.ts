import { expect } from 'vitest';
import type { ReturnCase } from '../../../domain/returns/cases';
import { type Client, json } from '../../test/harness';

// Helpers of the return cases API tests (return-cases*.int.test.ts).

export const url = (id: string) => `/api/v1/returns/${id}`;

/** The answer's case, after checking its status. */
export const ok = (res: { statusCode: number; body: string }, status = 200) => {
  expect(res.statusCode, res.body).toBe(status);
  return json<ReturnCase>(res as never);
};
export const getCase = async (c: Client, id: string) => ok(await c.get(url(id)));

/** Asks for a transition (with the version the caller read). */
export const move = (c: Client, r: Pick<ReturnCase, 'id' | 'version'>, to: string, reason?: string) =>
  c.post(`${url(r.id)}/transitions`, { version: r.version, to, ...(reason ? { reason } : {}) });

/** What blocks the step to `state` now (empty: allowed). */
export const blockersOf = (r: ReturnCase, state: string) =>
  r.next.find((n) => n.state === state)?.blockers.map((b) => b.code);
