import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../../domain/access/roles';
import type { AuditEvent } from '../../../domain/audit/schemas';
import type { Problem } from '../../../domain/common/schemas';
import type { Centre, Organisation, User } from '../../../domain/directory/schemas';
import { buildCentre, buildOrganisation } from '../../test/factories';
import { type Client, json, PASSWORD, type TestApp } from '../../test/harness';

// Shared by the directory.policy.*.int.test.ts files.

// What DESIGN §5 says about the `administration` category (users, centres, organisations):
// admin rw, manager r, everyone else nothing. Organisations and centres name no one, so every
// role reads them (centres within its scope); only administrators change anything.
export const ADMINISTRATION_WRITERS: readonly Role[] = ['admin'];
export const ADMINISTRATION_READERS: readonly Role[] = ['admin', 'manager'];

export type Mission = {
  id: string;
  code: string;
  name: string;
  countryCode: string | null;
  version: number;
  allowedActions: string[];
};
export type Page<T> = { items: T[]; nextCursor: string | null };

export const sorted = (xs: readonly string[]) => [...xs].sort();
export const q = (s: string) => encodeURIComponent(s);

export function expectProblem(res: LightMyRequestResponse, status: number): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = json<Problem>(res);
  expect(body.status).toBe(status);
  expect(body.title.length).toBeGreaterThan(0);
  expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+/); // never a stack trace
  return body;
}

export function ok<T>(res: LightMyRequestResponse, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return json<T>(res);
}

/** Every item of a list, following nextCursor. */
export async function listAll<T>(client: Client, path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 50; i++) {
    const sep = path.includes('?') ? '&' : '?';
    const page: Page<T> = ok<Page<T>>(
      await client.get(`${path}${sep}limit=200${cursor ? `&cursor=${q(cursor)}` : ''}`),
    );
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
  throw new Error(`${path}: more pages than expected`);
}

/** the record without the actions, which depend on who looks */
export const data = <T extends { allowedActions: string[] }>(r: T) => {
  const { allowedActions: _, ...rest } = r;
  return rest;
};

/** Helpers over one test file's app; `get` is read when they run. */
export function policyHelpers(get: () => TestApp) {
  const auditTrail = () => listAll<AuditEvent>(get().admin, '/api/v1/audit');
  const auditOf = async (entityType: string, entityId: string) =>
    listAll<AuditEvent>(get().admin, `/api/v1/audit?entityType=${entityType}&entityId=${entityId}`);

  const homeOrganisationId = async () =>
    json<{ organisation: { id: string } }>(await get().admin.get('/api/v1/me')).organisation.id;

  async function newOrganisation(name?: string): Promise<Organisation> {
    return ok<Organisation>(
      await get().admin.post('/api/v1/organisations', buildOrganisation(name ? { name } : {})),
      201,
    );
  }
  async function newCentre(name?: string): Promise<Centre> {
    return ok<Centre>(await get().admin.post('/api/v1/centres', buildCentre(name ? { name } : {})), 201);
  }
  let users = 0;
  async function newUser(
    over: Partial<{ username: string; role: Role; centreIds: string[] }> = {},
  ): Promise<User> {
    const username = over.username ?? `target-${++users}`;
    return ok<User>(
      await get().admin.post('/api/v1/users', {
        username,
        displayName: `Target ${username}`,
        organisationId: await homeOrganisationId(),
        password: PASSWORD,
        roles: [{ role: over.role ?? 'caseworker', centreIds: over.centreIds ?? [] }],
      }),
      201,
    );
  }

  const reloadOrganisation = async (id: string) =>
    ok<Organisation>(await get().admin.get(`/api/v1/organisations/${id}`));
  const reloadCentre = async (id: string) => ok<Centre>(await get().admin.get(`/api/v1/centres/${id}`));
  const reloadUser = async (id: string) => ok<User>(await get().admin.get(`/api/v1/users/${id}`));
  const reloadMission = async () => ok<Mission>(await get().admin.get('/api/v1/mission'));

  return {
    auditTrail,
    auditOf,
    homeOrganisationId,
    newOrganisation,
    newCentre,
    newUser,
    reloadOrganisation,
    reloadCentre,
    reloadUser,
    reloadMission,
  };
}
