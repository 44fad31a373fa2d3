import { ACCESS, type Access, type Category, canRead, canWrite, type Role } from '../../domain/access/roles';
import type { Actor } from './actor';
import { forbidden } from './errors';

export type Action = 'list' | 'read' | 'create' | 'update' | 'deactivate' | (string & {});

/**
 * One policy per resource, in its module. `can` answers for one record (or for the kind of
 * record when none is given, e.g. list and create).
 */
export interface Policy<R> {
  resource: string;
  actions: readonly Action[];
  can(actor: Actor, action: Action, record?: R): boolean;
}

/** The single entry point: throws 403 unless the actor may. */
export function authorize<R>(actor: Actor, policy: Policy<R>, action: Action, record?: R): void {
  if (!policy.can(actor, action, record)) {
    throw forbidden(`You may not ${action} ${policy.resource} records`);
  }
}

/** What the web app may offer on a record: it reads this instead of re-implementing rules. */
export function allowedActions<R>(actor: Actor, policy: Policy<R>, record: R): string[] {
  return policy.actions.filter((a) => a !== 'list' && a !== 'create' && policy.can(actor, a, record));
}

export function accessIn(actor: Actor, category: Category): Access[] {
  return actor.roles.map((r) => ACCESS[category][r.role as Role]);
}
export const mayRead = (actor: Actor, category: Category) => accessIn(actor, category).some(canRead);
export const mayWrite = (actor: Actor, category: Category) => accessIn(actor, category).some(canWrite);

/** Where an actor's assignments reach: the whole mission, or a set of centres. */
export type Scope = { kind: 'mission' } | { kind: 'centres'; centreIds: string[] } | { kind: 'none' };

/**
 * The union of the scopes of the assignments that grant `test` in `category`
 * (or of all assignments when no category is given: centre-level facts are readable by every role).
 */
export function scopeOf(actor: Actor, category?: Category, test: (a: Access) => boolean = canRead): Scope {
  const relevant = category ? actor.roles.filter((r) => test(ACCESS[category][r.role as Role])) : actor.roles;
  if (relevant.length === 0) return { kind: 'none' };
  if (relevant.some((r) => r.centreIds.length === 0)) return { kind: 'mission' };
  return { kind: 'centres', centreIds: [...new Set(relevant.flatMap((r) => r.centreIds))] };
}

export const inScope = (scope: Scope, centreId: string): boolean =>
  scope.kind === 'mission' || (scope.kind === 'centres' && scope.centreIds.includes(centreId));
