import type { Client } from '../test/harness';
import { every, items, type Kind, page, type Rec, sampler, TODAY, walk } from './allowed-actions.fixtures';

// The registry's and protection's records in the allowedActions walk: people, referrals, cases,
// tasks and consents, sampled from the demo as a protection officer.

/** Tasks and consents are read in lists only: the record as its list shows it to the user. */
const inList = async (c: Client, url: string, id: string): Promise<Rec | null> => {
  const list = await c.get(url);
  if (list.statusCode !== 200) return null;
  return (list.json() as { items: Rec[] }).items.find((i) => i.id === id) ?? null;
};

export const CORE_KINDS: Kind[] = [
  {
    name: 'person',
    actions: ['read', 'update', 'admit', 'transfer', 'release', 'merge'],
    sample: async () =>
      every(await items(await sampler('protection_officer'), '/api/v1/persons?limit=200'), 8),
    seen: (c, r) => page(c, `/api/v1/persons/${r.id}`),
    attempt(action, r) {
      const moves = `/api/v1/persons/${r.id}/episodes`;
      const other = walk.samples.get('person')!.find((p) => p.id !== r.id)!;
      switch (action) {
        case 'read':
          return { method: 'GET', url: `/api/v1/persons/${r.id}` };
        case 'update':
          return {
            method: 'PATCH',
            url: `/api/v1/persons/${r.id}`,
            payload: { version: r.version, phone: '+218 91 555 0101' },
          };
        case 'admit':
          // an admission may go to any centre the user records at: offered, one of them works
          return walk.centres.map((centreId) => ({
            method: 'POST' as const,
            url: moves,
            payload: { type: 'admission', centreId, date: TODAY, circumstances: 'transferred' },
          }));
        case 'transfer':
          return {
            method: 'POST',
            url: moves,
            payload: { type: 'transfer', centreId: walk.centres[1], date: TODAY },
          };
        case 'release':
          return { method: 'POST', url: moves, payload: { type: 'release', date: TODAY } };
        case 'merge':
          return {
            method: 'POST',
            url: `/api/v1/persons/${r.id}/merges`,
            payload: { duplicateId: other.id, version: r.version },
          };
        default:
          return null; // unmerge needs a merge of this person: tried in the registry's merge tests
      }
    },
  },
  {
    name: 'referral',
    actions: [
      'read',
      'packet',
      'transition',
      'override_consent',
      'to:sent',
      'to:acknowledged',
      'to:accepted',
      'to:declined',
      'to:completed',
      'to:cancelled',
    ],
    sample: async () =>
      every(await items(await sampler('protection_officer'), '/api/v1/referrals?limit=200'), 8),
    seen: (c, r) => page(c, `/api/v1/referrals/${r.id}`),
    attempt(action, r) {
      const to = (status: string, extra: Record<string, unknown> = {}) => ({
        method: 'POST' as const,
        url: `/api/v1/referrals/${r.id}/transitions`,
        payload: { version: r.version, to: status, ...extra },
      });
      if (action === 'read') return { method: 'GET', url: `/api/v1/referrals/${r.id}` };
      if (action === 'packet') return { method: 'GET', url: `/api/v1/referrals/${r.id}/packet?format=xlsx` };
      if (action.startsWith('to:'))
        // sending without a consent needs an override, given only by those offered it
        return to(
          action.slice(3),
          action === 'to:sent' && r.allowedActions.includes('override_consent')
            ? { consentOverrideReason: 'Imminent risk' }
            : {},
        );
      if (action === 'transition') return to('cancelled');
      if (action === 'override_consent')
        return r.status === 'draft' ? to('sent', { consentOverrideReason: 'Imminent risk' }) : null;
      return null;
    },
  },
  {
    name: 'case',
    actions: ['read', 'update', 'assign', 'hand_over', 'close', 'hold', 'reopen'],
    sample: async () => every(await items(await sampler('protection_officer'), '/api/v1/cases?limit=200'), 6),
    seen: (c, r) => page(c, `/api/v1/cases/${r.id}`),
    attempt(action, r, c) {
      const patch = (body: Record<string, unknown>) => ({
        method: 'PATCH' as const,
        url: `/api/v1/cases/${r.id}`,
        payload: { version: r.version, ...body },
      });
      const status = { close: 'closed', hold: 'on_hold', reopen: 'open' }[action];
      if (status)
        return status === r.status ? null : patch({ status, closeReason: 'Reached a durable solution.' });
      if (action === 'assign' || action === 'update') return patch({ assignedUserId: c.userId });
      if (action === 'hand_over') return patch({ organisationId: walk.otherOrg });
      if (action === 'read') return { method: 'GET', url: `/api/v1/cases/${r.id}` };
      return null;
    },
  },
  {
    name: 'task',
    actions: ['update', 'complete', 'reopen'],
    sample: async () =>
      every(await items(await sampler('protection_officer'), '/api/v1/tasks?mine=false&limit=200'), 6),
    seen: (c, r) => inList(c, '/api/v1/tasks?mine=false&limit=200', r.id),
    attempt(action, r) {
      const patch = (body: Record<string, unknown>) => ({
        method: 'PATCH' as const,
        url: `/api/v1/tasks/${r.id}`,
        payload: { version: r.version, ...body },
      });
      if (action === 'update') return patch({ title: 'Call the family in Agadez' });
      if (action === 'complete') return r.status === 'done' ? null : patch({ status: 'done' });
      if (action === 'reopen') return r.status === 'open' ? null : patch({ status: 'open' });
      return null; // tasks are read in lists only
    },
  },
  {
    name: 'consent',
    actions: ['withdraw'],
    async sample() {
      const po = await sampler('protection_officer');
      const consents: Rec[] = [];
      for (const p of walk.samples.get('person')!)
        consents.push(...(await items(po, `/api/v1/consents?personId=${p.id}`)));
      return every(consents, 6);
    },
    seen: (c, r) => inList(c, `/api/v1/consents?personId=${r.personId}`, r.id),
    attempt(action, r) {
      if (action !== 'withdraw') return null;
      return {
        method: 'POST',
        url: `/api/v1/consents/${r.id}/withdraw`,
        payload: { version: r.version, withdrawnOn: TODAY, reason: 'Changed their mind.' },
      };
    },
  },
];
