import { ACCESS, type Access, type Category, canRead, canWrite, type Role } from '../../domain/access/roles';
import type { RoleAssignment } from '../../domain/directory/schemas';
import type { Actor } from './actor';
import { forbidden } from './errors';

/**
 * One policy per resource, in its module, with its own closed set of actions (a misspelt action
 * does not compile). `can` answers for one record, or for the kind of record when none is given
 * (what `/me` capabilities and list/create offers need: "somewhere in my scope").
 */
export interface Policy<R, A extends string> {
  resource: string;
  actions: readonly A[];
  /** Actions on the kind of record, never offered on one (default: list and create). */
  onKind?: readonly A[];
  can(actor: Actor, action: A, record?: R): boolean;
}

/** The single entry point: throws 403 unless the actor may. */
export function authorize<R, A extends string>(
  actor: Actor,
  policy: Policy<R, A>,
  action: A,
  record?: R,
): void {
  if (!policy.can(actor, action, record)) {
    throw forbidden(`You may not ${action.replaceAll('_', ' ')} ${policy.resource} records`);
  }
}

/** What the web app may offer on a record: it reads this instead of re-implementing rules. */
export function allowedActions<R, A extends string>(actor: Actor, policy: Policy<R, A>, record: R): A[] {
  const onKind: readonly string[] = policy.onKind ?? ['list', 'create'];
  return policy.actions.filter((a) => !onKind.includes(a) && policy.can(actor, a, record));
}

export function accessIn(actor: Actor, category: Category): Access[] {
  return actor.roles.map((r) => ACCESS[category][r.role as Role]);
}
export const mayRead = (actor: Actor, category: Category) => accessIn(actor, category).some(canRead);
/** Mission-level data (administration): any assignment granting the write. */
export const mayWrite = (actor: Actor, category: Category) => accessIn(actor, category).some(canWrite);

/**
 * The centres through which a record is reached (DESIGN §5): for a person, the centre holding them
 * now and the centres where the actor's organisation recorded something about them. A write is
 * checked against the assignments that grant it, each with its own scope, on this reach.
 */
export type Reach = readonly string[];

/** Does this assignment's scope hold a record with this reach? Without a reach: anywhere. */
export const holds = (a: RoleAssignment, reach?: Reach): boolean =>
  a.centreIds.length === 0 || reach === undefined || a.centreIds.some((c) => reach.includes(c));

/**
 * Does one assignment both grant `test` in `category` and hold the record? (A manager for the
 * mission who is caseworker for centre A writes protection data as a caseworker, in A only.)
 */
export const grants = (actor: Actor, category: Category, test: (a: Access) => boolean, reach?: Reach) =>
  actor.roles.some((r) => test(ACCESS[category][r.role as Role]) && holds(r, reach));

/** Does one assignment hold `role` and the record? */
export const actsAs = (actor: Actor, roles: readonly Role[], reach?: Reach) =>
  actor.roles.some((r) => roles.includes(r.role as Role) && holds(r, reach));

/** Where an actor's assignments reach: the whole mission, or a set of centres. */
export type Scope = { kind: 'mission' } | { kind: 'centres'; centreIds: string[] } | { kind: 'none' };

/**
 * The union of the scopes of the assignments that grant `test` in `category` (or of all
 * assignments when no category is given: centre-level facts are readable by every role). For
 * reads only: a union is right for what one may see, wrong for what one may change.
 */
export function scopeOf(actor: Actor, category?: Category, test: (a: Access) => boolean = canRead): Scope {
  const relevant = category ? actor.roles.filter((r) => test(ACCESS[category][r.role as Role])) : actor.roles;
  if (relevant.length === 0) return { kind: 'none' };
  if (relevant.some((r) => r.centreIds.length === 0)) return { kind: 'mission' };
  return { kind: 'centres', centreIds: [...new Set(relevant.flatMap((r) => r.centreIds))] };
}

export const inScope = (scope: Scope, centreId: string): boolean =>
  scope.kind === 'mission' || (scope.kind === 'centres' && scope.centreIds.includes(centreId));

/** Infers a policy's closed action set from its `actions` list and its record from `can`. */
export const definePolicy = <R, const A extends string>(p: Policy<R, A>): Policy<R, A> => p;

/** The actions of a policy, as a type. */
export type ActionOf<P> = P extends Policy<unknown, infer A> ? A : never;
