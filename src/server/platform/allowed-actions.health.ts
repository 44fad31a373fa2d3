import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type Client, json } from '../test/harness';
import {
  items,
  type Kind,
  page,
  type Rec,
  sampler,
  signInOnce,
  TODAY,
  walk,
} from './allowed-actions.fixtures';

// Health records in the allowedActions walk. The demo has no clinic yet, so the samples are made
// here, over the API, at the walk's first two centres: today's session at each (joined if one is
// open) and a closed one last week at the first, their queues, a doctor's consultation to dispense
// at each and a nurse's dispensed one, alerts raised by suspected measles and acute flaccid
// paralysis (one verified), and a counselling session with self-harm thoughts recorded by the
// walk's own counsellor, whose urgent follow-up only that counsellor may complete.

type Session = Rec & { centreId: string; queue: (Rec & { personId: string })[] };
type Clinic = { centreId: string; pharmacy: string; medicine: string; session: Session; people: string[] };

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return json<T>(res);
};
const post = (url: string, payload: Record<string, unknown>) => ({ method: 'POST' as const, url, payload });
const patch = (url: string, payload: Record<string, unknown>) => ({ method: 'PATCH' as const, url, payload });
const get = (url: string) => ({ method: 'GET' as const, url });
const sessionUrl = (id: string) => `/api/v1/clinic-sessions/${id}`;

/** Today's session at a centre: opened, or the one already open (409 names it). */
async function todayAt(nurse: Client, centreId: string, stockPointId: string, heldOn = TODAY) {
  const res = await nurse.post('/api/v1/clinic-sessions', { centreId, stockPointId, heldOn });
  const id = res.statusCode === 409 ? json<{ existingId: string }>(res).existingId : ok<Rec>(res, 201).id;
  return ok<Session>(await nurse.get(sessionUrl(id)));
}

let clinics: Clinic[] = [];
/** people held at the first centre, in no queue of today: tried by queue and consult */
let freshAt: Record<string, string> = {};

async function clinicAt(centreId: string): Promise<Clinic> {
  const so = await sampler('stock_officer');
  const nurse = await sampler('nurse');
  const [pharmacy] = await items<Rec & { kind: string; centreId: string }>(
    so,
    `/api/v1/stock-points?limit=50`,
  ).then((ps) => ps.filter((p) => p.kind === 'clinic_pharmacy' && p.centreId === centreId));
  if (!pharmacy) throw new Error('the supplies demo has no clinic pharmacy at the centre');
  const report = ok<{ rows: { itemId: string; onHand: number; earliestExpiry: string | null }[] }>(
    await so.get(`/api/v1/stock/report?stockPointId=${pharmacy.id}&category=medicine`),
  );
  const medicine = report.rows.find((r) => r.onHand >= 40 && (r.earliestExpiry ?? '9999') > TODAY)?.itemId;
  if (!medicine) throw new Error('the clinic pharmacy has no medicine in stock');
  const session = await todayAt(nurse, centreId, pharmacy.id);
  const queued = new Set(session.queue.map((e) => e.personId));
  const held = await items(nurse, `/api/v1/persons?centreId=${centreId}&present=true&limit=30`);
  const people = held.map((p) => p.id).filter((id) => !queued.has(id));
  return { centreId, pharmacy: pharmacy.id, medicine, session, people };
}

const consultation = (c: Clinic, personId: string, dispense: boolean, code = 'B86') => ({
  sessionId: c.session.id,
  personId,
  diagnoses: [{ code, certainty: 'suspected' }],
  prescriptions:
    code === 'B86'
      ? [{ itemId: c.medicine, dose: '1 tablet', frequency: 'bd', days: 5, quantity: 10, dispense }]
      : [],
});

/** Both clinics, their queues, consultations and alerts (the first kind's sample sets them up). */
async function setUp() {
  const [x, y] = walk.centres as [string, string];
  const doctor = await sampler('doctor');
  const nurse = await sampler('nurse');
  clinics = [await clinicAt(x), await clinicAt(y)];
  for (const c of clinics) {
    const [waiting, seen, dispensed, measles, afp, fresh] = c.people;
    if (!fresh) throw new Error('too few people held at the centre');
    freshAt[c.centreId] = fresh;
    for (const p of [waiting!, seen!])
      ok(await nurse.post(`${sessionUrl(c.session.id)}/queue`, { personId: p }), 201);
    ok(await doctor.post('/api/v1/consultations', consultation(c, seen!, false)), 201);
    ok(await nurse.post('/api/v1/consultations', consultation(c, dispensed!, true)), 201);
    ok(await doctor.post('/api/v1/consultations', consultation(c, measles!, false, 'B05.9')), 201);
    ok(await doctor.post('/api/v1/consultations', consultation(c, afp!, false, 'A80.9')), 201);
    c.session = ok<Session>(await nurse.get(sessionUrl(c.session.id)));
  }
  const afp = (await items(doctor, `/api/v1/alerts?centreId=${x}&syndrome=acute_flaccid_paralysis`))[0]!;
  ok(await doctor.post(`/api/v1/alerts/${afp.id}/transition`, { status: 'verified', version: afp.version }));
}

export const HEALTH_KINDS: Kind[] = [
  {
    name: 'clinic session',
    actions: ['read', 'update', 'close', 'reopen', 'queue'],
    async sample() {
      freshAt = {};
      await setUp();
      const first = clinics[0]!;
      const nurse = await sampler('nurse');
      const past = await todayAt(nurse, first.centreId, first.pharmacy, '2026-10-26');
      const closed =
        past.status === 'closed'
          ? past
          : ok<Session>(await nurse.patch(sessionUrl(past.id), { version: past.version, status: 'closed' }));
      return [...clinics.map((c) => c.session), closed];
    },
    seen: (c, r) => page(c, sessionUrl(r.id)),
    attempt(action, r) {
      const s = r as Session;
      const url = sessionUrl(r.id);
      switch (action) {
        case 'read':
          return get(url);
        case 'update':
          return patch(url, { version: r.version, note: 'Generator down until noon' });
        case 'close':
          return r.status === 'closed' ? null : patch(url, { version: r.version, status: 'closed' });
        case 'reopen':
          return r.status === 'open' ? null : patch(url, { version: r.version, status: 'open' });
        case 'queue':
          return post(`${url}/queue`, { personId: freshAt[s.centreId] });
        default:
          return null;
      }
    },
  },
  {
    name: 'queue entry',
    actions: ['read', 'leave', 'consult'],
    async sample() {
      // the waiting patient at each centre, and the one seen at the first
      const entries = clinics.flatMap((c) =>
        c.session.queue.map((e) => ({ ...e, parentId: c.session.id, clinic: c })),
      );
      return [
        ...entries.filter((e) => e.status === 'waiting').slice(0, 2),
        ...entries.filter((e) => e.status === 'seen').slice(0, 1),
      ];
    },
    async seen(c, r) {
      const s = (await page(c, sessionUrl(r.parentId!))) as Session | null;
      return s?.queue.find((e) => e.id === r.id) ?? null;
    },
    attempt(action, r) {
      const clinic = (r as Rec & { clinic: Clinic }).clinic;
      if (action === 'read') return get(sessionUrl(r.parentId!));
      if (action === 'leave')
        return patch(`${sessionUrl(r.parentId!)}/queue/${r.id}`, { status: 'left', version: r.version });
      if (action === 'consult')
        return post('/api/v1/consultations', {
          ...consultation(clinic, r.personId!, false),
          queueEntryId: r.id,
        });
      return null;
    },
  },
  {
    name: 'consultation',
    actions: ['read', 'update', 'dispense'],
    async sample() {
      // scabies at each centre: prescribed by the doctor (to dispense) or dispensed by the nurse
      const doctor = await sampler('doctor');
      const found: Rec[] = [];
      for (const c of clinics)
        found.push(
          ...(await items(doctor, `/api/v1/consultations?sessionId=${c.session.id}&code=B86&limit=10`)),
        );
      return found;
    },
    seen: (c, r) => page(c, `/api/v1/consultations/${r.id}`),
    attempt(action, r) {
      const url = `/api/v1/consultations/${r.id}`;
      if (action === 'read') return get(url);
      if (action === 'update') return patch(url, { version: r.version, treatmentNotes: 'Review in a week' });
      if (action === 'dispense') return post(`${url}/dispense`, { version: r.version });
      return null;
    },
  },
  {
    name: 'alert',
    actions: ['read', 'verify', 'discard', 'respond'],
    async sample() {
      const doctor = await sampler('doctor');
      const found: Rec[] = [];
      for (const c of clinics) found.push(...(await items(doctor, `/api/v1/alerts?centreId=${c.centreId}`)));
      return found.slice(0, 4);
    },
    seen: (c, r) => page(c, `/api/v1/alerts/${r.id}`),
    attempt(action, r) {
      const to = { verify: 'verified', discard: 'discarded', respond: 'responded' }[action];
      if (action === 'read') return get(`/api/v1/alerts/${r.id}`);
      if (!to || to === r.status) return null;
      return post(`/api/v1/alerts/${r.id}/transition`, { status: to, version: r.version, note: 'Checked' });
    },
  },
  {
    name: 'counselling session',
    actions: ['read', 'update'],
    async sample() {
      // recorded by the walk's counsellor, so the urgent follow-up is theirs to complete
      const counsellor = await signInOnce('walk-counsellor', [{ role: 'counsellor', centreIds: [] }]);
      const c = clinics[0]!;
      const made = ok<Rec>(
        await counsellor.post('/api/v1/counselling-sessions', {
          kind: 'individual',
          personIds: [c.people[0]],
          centreId: c.centreId,
          heldOn: '2026-10-30',
          durationMinutes: 50,
          presentingProblems: ['low_mood'],
          interventions: ['psychological_first_aid'],
          measure: { instrument: 'k10', answers: [3, 4, 3, 4, 2, 2, 4, 3, 4, 3], selfHarmThoughts: 'yes' },
          notes: 'Sleeps badly since the transfer',
        }),
        201,
      );
      return [made];
    },
    seen: (c, r) => page(c, `/api/v1/counselling-sessions/${r.id}`),
    attempt(action, r) {
      const url = `/api/v1/counselling-sessions/${r.id}`;
      if (action === 'read') return get(url);
      if (action === 'update') return patch(url, { version: r.version, notes: 'Better since last week' });
      return null;
    },
  },
  {
    name: 'follow-up',
    actions: ['complete'],
    async sample() {
      const counsellor = await sampler('counsellor');
      const [session] = walk.samples.get('counselling session') ?? [];
      const all = await items<Rec & { sessionId: string }>(
        counsellor,
        '/api/v1/mhpss-follow-ups?mine=false&limit=200',
      );
      return all.filter((f) => f.sessionId === session?.id);
    },
    async seen(c, r) {
      const list = await c.get('/api/v1/mhpss-follow-ups?mine=false&limit=200');
      if (list.statusCode !== 200) return null;
      return json<{ items: Rec[] }>(list).items.find((i) => i.id === r.id) ?? null;
    },
    attempt(action, r) {
      if (action !== 'complete') return null;
      return post(`/api/v1/mhpss-follow-ups/${r.id}/complete`, { version: r.version });
    },
  },
];
