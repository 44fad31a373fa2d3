import type { Role } from '../../domain/access/roles';
import type { RoleAssignment } from '../../domain/directory/schemas';
import { type Client, json, type TestApp } from '../test/harness';

// The shared pieces of the allowedActions walk (allowed-actions.int.test.ts): what a kind of record
// is to the walk, and the demo mission it walks (set once in the test's set-up).

/** A record as a list or its page shows it; the walk keeps whatever else its sample carried. */
export type Rec = {
  id: string;
  version: number;
  status?: string;
  allowedActions: string[];
  personId?: string;
  /** a record shown inside another (a distribution's line): the other's id */
  parentId?: string;
};
export type Request = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  url: string;
  payload?: Record<string, unknown>;
};
/** one request, or several ways of doing it (offered: one of them works), or null: not tried */
export type Attempt = Request | Request[] | null;
export type Kind = {
  name: string;
  /** the actions the walk tries on each sample (those a presenter may offer) */
  actions: string[];
  /** a few records of the kind, read by someone who sees them all */
  sample(): Promise<Rec[]>;
  /** what the user sees of the record now (null: not in their sight), with the actions offered */
  seen(c: Client, r: Rec): Promise<Rec | null>;
  /** the request that tries `action` on `r`; null where it would change nothing (already so) */
  attempt(action: string, r: Rec, c: Client): Attempt;
};

export const TODAY = '2026-11-02';

/** The demo mission the walk runs over. */
export const walk = {
  t: undefined as unknown as TestApp,
  centres: [] as string[],
  otherOrg: '',
  samples: new Map<string, Rec[]>(),
};

/** `n` records spread over the list. */
export const every = <T>(items: T[], n: number) =>
  items.filter((_, i) => i % Math.max(1, Math.floor(items.length / n)) === 0).slice(0, n);

export const items = async <T = Rec>(c: Client, url: string) => json<{ items: T[] }>(await c.get(url)).items;

/** The record's own page: null when the user may not read it. */
export const page = async (c: Client, url: string): Promise<Rec | null> => {
  const res = await c.get(url);
  return res.statusCode === 200 ? json<Rec>(res) : null;
};

const samplers = new Map<Role, Promise<Client>>();
/** A mission-wide user of `role` who reads the samples (signed in once). */
export const sampler = (role: Role): Promise<Client> => {
  const c = samplers.get(role) ?? walk.t.signIn({ role, username: `walk-sampler-${role}` });
  samplers.set(role, c);
  return c;
};

const accounts = new Map<string, Promise<Client>>();
/**
 * A walk user, signed in once: a sample may need one of them as its author (a counsellor's own
 * follow-up), and the walk then tries it as the same account.
 */
export const signInOnce = (username: string, roles: RoleAssignment[], organisationId?: string) => {
  const c =
    accounts.get(username) ??
    walk.t.signIn({ username, roles, ...(organisationId ? { organisationId } : {}) });
  accounts.set(username, c);
  return c;
};
