import type { Actor } from '../../platform/actor';
import { definePolicy, mayWrite } from '../../platform/policy';

type OrganisationRecord = { active: boolean };

/** Organisations name no one: every role reads them (to pick referral recipients, donors…). */
export const organisationPolicy = definePolicy({
  resource: 'organisation',
  actions: ['list', 'read', 'create', 'update', 'deactivate', 'reactivate'],
  can(actor: Actor, action, record?: OrganisationRecord) {
    switch (action) {
      case 'list':
      case 'read':
        return actor.roles.length > 0;
      case 'create':
      case 'update':
        return mayWrite(actor, 'administration');
      case 'deactivate':
        return mayWrite(actor, 'administration') && record?.active !== false;
      case 'reactivate':
        return mayWrite(actor, 'administration') && record?.active === false;
      default:
        return false;
    }
  },
});
