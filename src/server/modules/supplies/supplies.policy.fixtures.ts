import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../../domain/access/roles';
import { DRY_RUN_HEADER } from '../../platform/dry-run';
import type { Client } from '../../test/harness';

// DESIGN §5's stock and assistance rows, written out here rather than read from the policy code,
// so that a change to either shows up in the supplies policy matrices.

/** stock: r manager, caseworker, doctor; rw nurse, stock officer */
export const STOCK_READS: Role[] = ['manager', 'caseworker', 'doctor', 'nurse', 'stock_officer'];
export const STOCK_WRITES: Role[] = ['nurse', 'stock_officer'];
/** assistance: r manager, protection officer, doctor, return officer; rw caseworker, nurse, stock officer */
export const ASSISTANCE_READS: Role[] = [
  'manager',
  'caseworker',
  'protection_officer',
  'doctor',
  'nurse',
  'stock_officer',
  'return_officer',
];
export const ASSISTANCE_WRITES: Role[] = ['caseworker', 'nurse', 'stock_officer'];
/** identity (who a recipient is): the roles among the assistance writers who may see people */
export const IDENTITY_READS: Role[] = [
  'admin',
  'manager',
  'caseworker',
  'protection_officer',
  'doctor',
  'nurse',
  'counsellor',
  'return_officer',
];

/** A write tried whole and rolled back (Sanad-Dry-Run), so every role tries it on the same records. */
export const dry = (c: Client, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object = {}) =>
  c.request({ method, url, payload, headers: { [DRY_RUN_HEADER]: 'true' } });

/** One request and what DESIGN §5 says of it: allowed (2xx), or refused (403; 404 out of sight). */
export type Check = { what: string; allowed: boolean; sees: boolean; res: LightMyRequestResponse };

export function expectAnswers(who: string, checks: Check[]) {
  for (const { what, allowed, sees, res } of checks) {
    const s = res.statusCode;
    // a refusal is 403, or 404 for a record the user may not see at all
    const ok = allowed ? s >= 200 && s < 300 : s === 403 || (!sees && s === 404);
    expect(ok, `${who} ${what}: ${s} ${res.body.slice(0, 200)}`).toBe(true);
  }
}
