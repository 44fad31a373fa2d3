import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../domain/access/roles';
import { loadDemo } from '../modules/directory/demo/demo';
import { loadProtectionDemo } from '../modules/protection/demo/demo';
import { loadRegistryDemo } from '../modules/registry/demo/demo';
import { buildOrganisation } from '../test/factories';
import { type Client, json, type TestApp, testApp } from '../test/harness';
import { DRY_RUN_HEADER } from './dry-run';

// allowedActions tells the truth (DESIGN §5): over a sample of every kind of demo record, for every
// role, an action offered is never refused and an action not offered is. Writes are tried with
// Sanad-Dry-Run, so each attempt runs whole and is rolled back, leaving the demo as it was.

type Rec = { id: string; version: number; status?: string; allowedActions: string[]; personId?: string };
type Request = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: Record<string, unknown> };
/** one request, or several ways of doing it (offered: one of them works), or null: not tried */
type Attempt = Request | Request[] | null;
type Kind = {
  name: string;
  url: (id: string) => string;
  /** the request that tries `action` on `r`; null where it would change nothing (already so) */
  attempt: (action: string, r: Rec, c: Client) => Attempt;
};

const TODAY = '2026-11-02';
let t: TestApp;
let centres: string[];
let otherOrg: string;
const samples = new Map<string, Rec[]>();

const every = <T>(items: T[], n: number) =>
  items.filter((_, i) => i % Math.max(1, Math.floor(items.length / n)) === 0).slice(0, n);

const KINDS: Kind[] = [
  {
    name: 'person',
    url: (id) => `/api/v1/persons/${id}`,
    attempt(action, r) {
      const moves = `/api/v1/persons/${r.id}/episodes`;
      const other = samples.get('person')!.find((p) => p.id !== r.id)!;
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
          return centres.map((centreId) => ({
            method: 'POST' as const,
            url: moves,
            payload: { type: 'admission', centreId, date: TODAY, circumstances: 'transferred' },
          }));
        case 'transfer':
          return {
            method: 'POST',
            url: moves,
            payload: { type: 'transfer', centreId: centres[1], date: TODAY },
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
    url: (id) => `/api/v1/referrals/${id}`,
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
    url: (id) => `/api/v1/cases/${id}`,
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
      if (action === 'hand_over') return patch({ organisationId: otherOrg });
      if (action === 'read') return { method: 'GET', url: `/api/v1/cases/${r.id}` };
      return null;
    },
  },
  {
    name: 'task',
    url: (id) => `/api/v1/tasks/${id}`,
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
    url: (id) => `/api/v1/consents?personId=${id}`,
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
const ACTIONS: Record<string, string[]> = {
  person: ['read', 'update', 'admit', 'transfer', 'release', 'merge'],
  referral: [
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
  case: ['read', 'update', 'assign', 'hand_over', 'close', 'hold', 'reopen'],
  task: ['update', 'complete', 'reopen'],
  consent: ['withdraw'],
};

const items = async (c: Client, url: string) => json<{ items: Rec[] }>(await c.get(url)).items;

beforeAll(async () => {
  t = await testApp();
  await loadDemo(t.ctx, t.missionId);
  await loadRegistryDemo(t.ctx, t.missionId);
  await loadProtectionDemo(t.ctx, t.missionId);
  centres = (await items(t.admin, '/api/v1/centres?limit=50')).map((c) => c.id);
  otherOrg = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  const po = await t.signIn({ role: 'protection_officer', username: 'walk-sampler' });
  samples.set('person', every(await items(po, '/api/v1/persons?limit=200'), 8));
  samples.set('referral', every(await items(po, '/api/v1/referrals?limit=200'), 8));
  samples.set('case', every(await items(po, '/api/v1/cases?limit=200'), 6));
  samples.set('task', every(await items(po, '/api/v1/tasks?mine=false&limit=200'), 6));
  const consents: Rec[] = [];
  for (const p of samples.get('person')!)
    consents.push(...(await items(po, `/api/v1/consents?personId=${p.id}`)));
  samples.set('consent', every(consents, 6));
}, 400_000);
afterAll(() => t.close());

/** What the role sees of a record now (null: not in its sight), with the actions offered. */
async function seen(c: Client, kind: string, r: Rec): Promise<Rec | null> {
  if (kind === 'task' || kind === 'consent') {
    const list =
      kind === 'task'
        ? await c.get('/api/v1/tasks?mine=false&limit=200')
        : await c.get(`/api/v1/consents?personId=${r.personId}`);
    if (list.statusCode !== 200) return null;
    return json<{ items: Rec[] }>(list).items.find((i) => i.id === r.id) ?? null;
  }
  const res = await c.get(KINDS.find((k) => k.name === kind)!.url(r.id));
  return res.statusCode === 200 ? json<Rec>(res) : null;
}

const users: [string, () => Promise<Client>][] = [
  ...ROLES.map((role): [string, () => Promise<Client>] => [
    role,
    () => t.signIn({ role, username: `walk-${role}` }),
  ]),
  [
    'caseworker of another organisation at one centre',
    async () =>
      t.signIn({
        username: 'walk-partner-at-one',
        roles: [{ role: 'caseworker', centreIds: [centres[0]!] }],
        organisationId: otherOrg,
      }),
  ],
  [
    'manager for the mission and caseworker at one centre',
    async () =>
      t.signIn({
        username: 'walk-manager-caseworker',
        roles: [
          { role: 'manager', centreIds: [] },
          { role: 'caseworker', centreIds: [centres[1]!] },
        ],
      }),
  ],
];

describe.each(users)('%s', (_name, signIn) => {
  it('is refused nothing it is offered, and offered nothing it is refused', async () => {
    const c = await signIn();
    let tried = 0;
    for (const kind of KINDS) {
      for (const sample of samples.get(kind.name) ?? []) {
        const r = (await seen(c, kind.name, sample)) ?? { ...sample, allowedActions: [] };
        for (const action of ACTIONS[kind.name]!) {
          const a = kind.attempt(action, r, c);
          if (!a) continue;
          const offered = r.allowedActions.includes(action);
          const answers = [];
          for (const one of Array.isArray(a) ? a : [a]) {
            const res = await c.request({ ...one, headers: { [DRY_RUN_HEADER]: 'true' } });
            answers.push(`${res.statusCode} ${res.body.slice(0, 160)}`);
            expect(res.statusCode, answers.at(-1)).toBeLessThan(500);
          }
          const what = `${kind.name} ${sample.id} ${action} (${offered ? 'offered' : 'not offered'}): ${answers.join(' | ')}`;
          const statuses = answers.map((x) => Number(x.slice(0, 3)));
          if (offered)
            expect(
              statuses.some((st) => st !== 403 && st !== 404),
              what,
            ).toBe(true);
          else
            expect(
              statuses.every((st) => st >= 400),
              what,
            ).toBe(true);
          tried++;
        }
      }
    }
    expect(tried).toBeGreaterThan(50);
  });
});
