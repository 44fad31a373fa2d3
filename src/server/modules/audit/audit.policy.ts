import type { Actor } from '../../platform/actor';
import { definePolicy, mayWrite } from '../../platform/policy';

/** The audit trail is for administrators (DESIGN §6); nobody may change it. */
export const auditPolicy = definePolicy({
  resource: 'audit',
  actions: ['list'],
  can(actor: Actor, action) {
    return action === 'list' && mayWrite(actor, 'administration');
  },
});
