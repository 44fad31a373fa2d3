import type { Actor } from '../../platform/actor';
import { definePolicy, inScope, mayWrite, scopeOf } from '../../platform/policy';

type CentreRecord = { id: string; active: boolean };

/**
 * Centre facts name no one, so every role reads the centres in its scope. Only administrators
 * change them, and only within their own scope.
 */
export const centrePolicy = definePolicy({
  resource: 'centre',
  actions: ['list', 'read', 'create', 'update', 'deactivate', 'reactivate'],
  can(actor: Actor, action, record?: CentreRecord) {
    const scope = scopeOf(actor);
    const admin = mayWrite(actor, 'administration');
    const adminScope = scopeOf(actor, 'administration', (a) => a === 'rw');
    switch (action) {
      case 'list':
        return scope.kind !== 'none';
      case 'read':
        return !!record && inScope(scope, record.id);
      case 'create':
        return admin && adminScope.kind === 'mission';
      case 'update':
        return admin && !!record && inScope(adminScope, record.id);
      case 'deactivate':
        return admin && !!record && record.active && inScope(adminScope, record.id);
      case 'reactivate':
        return admin && !!record && !record.active && inScope(adminScope, record.id);
      default:
        return false;
    }
  },
});
