import type { Actor } from '../../platform/actor';
import { definePolicy, mayWrite } from '../../platform/policy';

export const missionPolicy = definePolicy({
  resource: 'mission',
  actions: ['read', 'update'],
  can(actor: Actor, action) {
    if (action === 'read') return actor.roles.length > 0;
    if (action === 'update') return mayWrite(actor, 'administration');
    return false;
  },
});
