import { canWrite } from '../../../domain/access/roles';
import type { RoleAssignment } from '../../../domain/directory/schemas';
import type { Actor } from '../../platform/actor';
import { definePolicy, mayRead, scopeOf } from '../../platform/policy';

type UserRecord = {
  id: string;
  active: boolean;
  lockedUntil: Date | null;
  totpEnabled: boolean;
  /** The roles a change would give: an administrator never drops their own mission-wide admin. */
  proposedRoles?: readonly RoleAssignment[];
};

export const userPolicy = definePolicy({
  resource: 'user',
  actions: [
    'list',
    'read',
    'create',
    'update',
    'set_roles',
    'deactivate',
    'reactivate',
    'unlock',
    'reset_password',
    'reset_totp',
  ],
  can(actor: Actor, action, record?: UserRecord) {
    // accounts reach across centres: only a mission-wide administrator manages them, so an
    // administrator limited to some centres cannot grant themselves (or anyone) more
    const admin = scopeOf(actor, 'administration', canWrite).kind === 'mission';
    const self = record?.id === actor.userId;
    switch (action) {
      case 'list':
      case 'read':
        return mayRead(actor, 'administration');
      case 'create':
      case 'update':
        return admin;
      case 'set_roles':
        return (
          admin &&
          (!self ||
            !record?.proposedRoles ||
            record.proposedRoles.some((r) => r.role === 'admin' && !r.centreIds.length))
        );
      // nobody locks themselves out of the system
      case 'deactivate':
        return admin && !!record?.active && !self;
      case 'reactivate':
        return admin && record?.active === false;
      case 'unlock':
        return admin && !!record?.lockedUntil;
      case 'reset_password':
        return admin && !self;
      case 'reset_totp':
        return admin && !self && !!record?.totpEnabled;
      default:
        return false;
    }
  },
});
