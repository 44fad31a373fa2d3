import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearMisses, PAIRS, POOL, query, type Subject } from '../../../domain/registry/duplicates.fixtures';
import { buildCentre } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// The real-world spelling variants of src/domain/registry, through the API: the pool is
// registered, then each variant is typed in as a new registration would be.
let t: TestApp;
let cw: Client;
const idOf = new Map<string, string>(); // label → person id
const labelOf = new Map<string, string>();

const fields = (s: Subject) => ({
  ...(s.givenName ? { givenName: s.givenName } : {}),
  ...(s.familyName ? { familyName: s.familyName } : {}),
  ...(s.fullNameOriginal ? { fullNameOriginal: s.fullNameOriginal } : {}),
  sex: s.sex,
  ...(s.birthDate ? { birthDate: s.birthDate } : {}),
  birthDateEstimated: s.birthDateEstimated,
  nationality: s.nationality,
});

/** Registrations need a name in Latin letters; records known only in original script are left out. */
const registrable = (s: Subject) => !!s.givenName && !!s.familyName;

/** Registers, confirming "not the same person" for any likely duplicate the server names. */
async function registerDecided(body: object) {
  const res = await cw.post('/api/v1/persons', body);
  if (res.statusCode !== 409) return res;
  const notDuplicateOf = json<{ candidates: { id: string }[] }>(res).candidates.map((c) => c.id);
  return cw.post('/api/v1/persons', { ...body, notDuplicateOf, reason: 'Says he was never registered' });
}

beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(
    await t.admin.post('/api/v1/centres', buildCentre({ capacity: 1000 })),
  ).id;
  cw = await t.signIn({ role: 'caseworker' });
  for (const s of POOL.filter(registrable)) {
    // the pool holds near misses on purpose: each is a distinct person, as the registrar decides
    const res = await registerDecided({ ...fields(s), centreId: centre, admittedOn: '2026-09-01' });
    expect(res.statusCode, `${s.label}: ${res.body}`).toBe(201);
    const id = json<{ id: string }>(res).id;
    idOf.set(s.label, id);
    labelOf.set(id, s.label);
  }
}, 300_000);
afterAll(() => t.close());

type Candidates = { items: { person: { id: string }; score: number; reasons: string[] }[] };
const candidates = async (s: Subject) => {
  const res = await cw.post('/api/v1/persons/duplicates', fields(s));
  expect(res.statusCode, res.body).toBe(200);
  return json<Candidates>(res).items;
};

const testedPairs = PAIRS.map(([id]) => id);

describe('duplicate warning at registration', () => {
  it('puts the existing person first for at least 30 variant pairs, Latin and original script', async () => {
    let checked = 0;
    let crossScript = 0;
    for (const id of testedPairs) {
      const existing = idOf.get(`match ${id}`);
      if (!existing) continue;
      const found = await candidates(query(id));
      expect(labelOf.get(found[0]?.person.id ?? ''), `${id}: ${JSON.stringify(found.slice(0, 3))}`).toBe(
        `match ${id}`,
      );
      expect(found[0]?.reasons.some((r) => r.startsWith('name:'))).toBe(true);
      checked++;
      if (query(id).fullNameOriginal) crossScript++;
    }
    expect(checked).toBeGreaterThanOrEqual(30);
    expect(crossScript).toBeGreaterThanOrEqual(3);
  });

  it('never puts a near miss (another person by sex, nationality, age or name) first', async () => {
    let checked = 0;
    for (const { pair, near } of nearMisses) {
      const nearId = idOf.get(near.label);
      if (!nearId || !idOf.has(`match ${pair}`)) continue;
      const found = await candidates(query(pair));
      expect(found[0]?.person.id, `${near.label} came first`).not.toBe(nearId);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it('says why each candidate matched', async () => {
    const [first] = await candidates(query('sdn-abdelrahman'));
    expect(first?.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^birth-year:/), 'sex:same', 'nationality:same']),
    );
  });
});

describe('merging', () => {
  it('re-points everything to the survivor, resolves the old number, and can be undone', async () => {
    const survivor = idOf.get('match egy-ibrahim')!;
    const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
    // registered twice by mistake, in spite of the warning
    const dupRes = await registerDecided({
      ...fields(query('egy-ibrahim')),
      centreId: centre,
      admittedOn: '2026-01-10',
    });
    const dup = json<{ id: string; registrationNumber: string }>(dupRes);
    // the duplicate's stay ended before the survivor's began, so the histories can join
    await cw.post(`/api/v1/persons/${dup.id}/episodes`, { type: 'release', date: '2026-02-01' });

    const manager = await t.signIn({ role: 'manager' });
    const caseworkerTry = await cw.post(`/api/v1/persons/${survivor}/merges`, {
      duplicateId: dup.id,
      version: 1,
    });
    expect(caseworkerTry.statusCode).toBe(403);
    const s = json<{ version: number }>(await manager.get(`/api/v1/persons/${survivor}`));
    const merged = await manager.post(`/api/v1/persons/${survivor}/merges`, {
      duplicateId: dup.id,
      version: s.version,
    });
    expect(merged.statusCode, merged.body).toBe(201);
    const episodes = json<{ items: { centreId: string }[] }>(
      await manager.get(`/api/v1/persons/${survivor}/episodes`),
    ).items;
    expect(episodes.map((e) => e.centreId)).toContain(centre);
    const old = json<{ status: string; mergedIntoId: string }>(
      await manager.get(`/api/v1/persons/${dup.id}`),
    );
    expect(old).toMatchObject({ status: 'merged', mergedIntoId: survivor });
    const byNumber = json<{ items: { id: string }[] }>(
      await manager.get(`/api/v1/persons?q=${dup.registrationNumber}`),
    );
    expect(byNumber.items.map((p) => p.id)).toEqual([survivor]);
    const audit = json<{ items: { action: string }[] }>(
      await t.admin.get(`/api/v1/audit?entityId=${survivor}&action=merge`),
    );
    expect(audit.items).toHaveLength(1);

    const merges = json<{ items: { id: string; allowedActions: string[] }[] }>(
      await manager.get(`/api/v1/persons/${survivor}/merges`),
    ).items;
    expect(merges[0]?.allowedActions).toEqual(['undo']);
    const undone = await manager.post(`/api/v1/persons/${survivor}/merges/${merges[0]!.id}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(json<{ status: string }>(await manager.get(`/api/v1/persons/${dup.id}`)).status).toBe('active');
    const after = json<{ items: { centreId: string }[] }>(
      await manager.get(`/api/v1/persons/${survivor}/episodes`),
    ).items;
    expect(after.map((e) => e.centreId)).not.toContain(centre);
    expect((await manager.post(`/api/v1/persons/${survivor}/merges/${merges[0]!.id}/undo`)).statusCode).toBe(
      409,
    );
  });

  it('refuses to merge two people who are both detained now (their stays would overlap)', async () => {
    const manager = await t.signIn({ role: 'manager' });
    const a = idOf.get('match mli-diallo')!;
    const b = idOf.get('match civ-kone')!;
    const s = json<{ version: number }>(await manager.get(`/api/v1/persons/${a}`));
    const res = await manager.post(`/api/v1/persons/${a}/merges`, { duplicateId: b, version: s.version });
    expect(res.statusCode).toBe(409);
    expect(json<{ status: string }>(await manager.get(`/api/v1/persons/${b}`)).status).toBe('active');
  });
});
