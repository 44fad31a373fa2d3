import { canWrite } from '../../../domain/access/roles';
import type { Actor } from '../../platform/actor';
import { mayRead, type Policy, scopeOf } from '../../platform/policy';

type UserRecord = { id: string; active: boolean; lockedUntil: Date | null; totpEnabled: boolean };

export const userPolicy: Policy<UserRecord> = {
  resource: 'user',
  actions: [
    'list',
    'read',
    'create',
    'update',
    'deactivate',
    'reactivate',
    'unlock',
    'reset_password',
    'reset_totp',
  ],
  can(actor: Actor, action, record) {
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
};
