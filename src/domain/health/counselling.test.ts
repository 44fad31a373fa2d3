import { describe, expect, it } from 'vitest';
import { addDays } from '../common/dates';
import { LOCALES } from '../common/schemas';
import {
  COUNSELLING_SESSION_KIND_LABELS,
  COUNSELLING_SESSION_KINDS,
  counsellingSessionCreate,
  counsellingSessionStub,
  counsellingSessionUpdate,
  counsellingSessionView,
  MHPSS_INTERVENTION_LABELS,
  MHPSS_INTERVENTIONS,
  needsUrgentFollowUp,
  PRESENTING_PROBLEM_LABELS,
  PRESENTING_PROBLEMS,
  sessionIssues,
  URGENT_FOLLOW_UP_TITLE,
  urgentFollowUpDueOn,
} from './counselling';

const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const today = new Date().toISOString().slice(0, 10);
const individual = {
  kind: 'individual',
  personIds: [id(1)],
  centreId: id(100),
  heldOn: '2026-03-02',
  durationMinutes: 50,
  presentingProblems: ['anxiety', 'sleep_problems'],
  measure: { instrument: 'k10', answers: Array(10).fill(3), selfHarmThoughts: 'no' },
  interventions: ['psychoeducation'],
  notes: 'Spoke of the crossing.\nSleeps four hours a night.',
  nextSessionOn: '2026-03-09',
  interpreterUsed: true,
};
const group = {
  ...individual,
  kind: 'group',
  personIds: [id(1), id(2), id(3)],
  measure: undefined,
  interventions: ['group_support'],
};
const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('counsellingSessionCreate', () => {
  it('accepts an individual session with a measure and a group session without', () => {
    expect(counsellingSessionCreate.safeParse(individual).success).toBe(true);
    expect(counsellingSessionCreate.safeParse(group).success).toBe(true);
  });

  it('defaults interpreterUsed to false', () => {
    const { interpreterUsed: _, ...rest } = individual;
    expect(counsellingSessionCreate.parse(rest).interpreterUsed).toBe(false);
  });

  it('an individual session is with exactly one person', () => {
    const r = counsellingSessionCreate.safeParse({ ...individual, personIds: [id(1), id(2)] });
    expect(paths(r)).toEqual(['personIds']);
    expect(r.error!.issues[0]!.message).toMatch(/one person/);
    expect(paths(counsellingSessionCreate.safeParse({ ...individual, personIds: [] }))).toEqual([
      'personIds',
    ]);
  });

  it('a group session with one person is rejected on personIds', () => {
    const r = counsellingSessionCreate.safeParse({ ...group, personIds: [id(1)] });
    expect(paths(r)).toEqual(['personIds']);
    expect(r.error!.issues[0]!.message).toMatch(/2 to 40/);
  });

  it('a group session holds up to 40 people, each once', () => {
    const forty = Array.from({ length: 40 }, (_, i) => id(i + 1));
    expect(counsellingSessionCreate.safeParse({ ...group, personIds: forty }).success).toBe(true);
    expect(paths(counsellingSessionCreate.safeParse({ ...group, personIds: [...forty, id(41)] }))).toEqual([
      'personIds',
    ]);
    expect(paths(counsellingSessionCreate.safeParse({ ...group, personIds: [id(1), id(1)] }))).toEqual([
      'personIds',
    ]);
  });

  it('a measure on a group session is rejected on measure', () => {
    const r = counsellingSessionCreate.safeParse({ ...group, measure: individual.measure });
    expect(paths(r)).toEqual(['measure']);
  });

  it('passes on the measure’s own errors with their path', () => {
    const r = counsellingSessionCreate.safeParse({
      ...individual,
      measure: { ...individual.measure, answers: Array(6).fill(3) },
    });
    expect(paths(r)).toEqual(['measure.answers']);
  });

  it('nextSessionOn before heldOn is rejected; the same day is allowed', () => {
    const r = counsellingSessionCreate.safeParse({ ...individual, nextSessionOn: '2026-03-01' });
    expect(paths(r)).toEqual(['nextSessionOn']);
    expect(counsellingSessionCreate.safeParse({ ...individual, nextSessionOn: '2026-03-02' }).success).toBe(
      true,
    );
  });

  it('heldOn may not be in the future, nor a date that does not exist', () => {
    const later = addDays(today, 3);
    expect(
      paths(counsellingSessionCreate.safeParse({ ...individual, heldOn: later, nextSessionOn: later })),
    ).toEqual(['heldOn']);
    expect(paths(counsellingSessionCreate.safeParse({ ...individual, heldOn: '2026-02-30' }))).toContain(
      'heldOn',
    );
  });

  it('bounds the duration to 5–240 whole minutes', () => {
    for (const ok of [5, 240])
      expect(counsellingSessionCreate.safeParse({ ...individual, durationMinutes: ok }).success).toBe(true);
    for (const bad of [4, 241, 30.5])
      expect(paths(counsellingSessionCreate.safeParse({ ...individual, durationMinutes: bad }))).toEqual([
        'durationMinutes',
      ]);
  });

  it('needs at least one presenting problem and one intervention, each once and known', () => {
    expect(paths(counsellingSessionCreate.safeParse({ ...individual, presentingProblems: [] }))).toEqual([
      'presentingProblems',
    ]);
    expect(
      paths(counsellingSessionCreate.safeParse({ ...individual, presentingProblems: ['grief', 'grief'] })),
    ).toEqual(['presentingProblems']);
    expect(paths(counsellingSessionCreate.safeParse({ ...individual, interventions: [] }))).toEqual([
      'interventions',
    ]);
    expect(paths(counsellingSessionCreate.safeParse({ ...individual, interventions: ['hypnosis'] }))).toEqual(
      ['interventions.0'],
    );
  });

  it('notes run to 10,000 characters and keep their line breaks', () => {
    expect(counsellingSessionCreate.parse(individual).notes).toContain('\n');
    expect(counsellingSessionCreate.safeParse({ ...individual, notes: 'x'.repeat(10_000) }).success).toBe(
      true,
    );
    expect(paths(counsellingSessionCreate.safeParse({ ...individual, notes: 'x'.repeat(10_001) }))).toEqual([
      'notes',
    ]);
  });

  it('refuses unknown fields', () => {
    expect(counsellingSessionCreate.safeParse({ ...individual, urgent: true }).success).toBe(false);
  });
});

describe('counsellingSessionUpdate', () => {
  it('takes any subset of fields with the version, and clears optional ones with null', () => {
    expect(counsellingSessionUpdate.parse({ version: 2, durationMinutes: 60 })).toEqual({
      version: 2,
      durationMinutes: 60,
    });
    const cleared = counsellingSessionUpdate.parse({
      version: 2,
      notes: null,
      measure: null,
      nextSessionOn: null,
    });
    expect(cleared).toEqual({ version: 2, notes: null, measure: null, nextSessionOn: null });
    expect(counsellingSessionUpdate.safeParse({ durationMinutes: 60 }).success).toBe(false);
  });

  it('checks the cross-field rules on the fields it carries', () => {
    expect(
      paths(counsellingSessionUpdate.safeParse({ version: 2, kind: 'group', measure: individual.measure })),
    ).toEqual(['measure']);
    expect(
      paths(
        counsellingSessionUpdate.safeParse({ version: 2, heldOn: '2026-03-02', nextSessionOn: '2026-02-01' }),
      ),
    ).toEqual(['nextSessionOn']);
  });

  it('sessionIssues checks a stored session merged with an update', () => {
    const stored = { kind: 'group' as const, personIds: [id(1), id(2)], heldOn: '2026-03-02' };
    expect(sessionIssues({ ...stored, personIds: [id(1)] }).map((i) => i.path)).toEqual([['personIds']]);
    expect(sessionIssues({ ...stored, nextSessionOn: '2026-03-01' }).map((i) => i.path)).toEqual([
      ['nextSessionOn'],
    ]);
    expect(sessionIssues(stored)).toEqual([]);
    expect(sessionIssues({ personIds: [] }).map((i) => i.path)).toEqual([['personIds']]);
    expect(paths(counsellingSessionUpdate.safeParse({ version: 2, personIds: [] }))).toEqual(['personIds']);
  });
});

describe('needsUrgentFollowUp', () => {
  const base = { presentingProblems: ['anxiety'] };
  const measure = (selfHarmThoughts: string) => ({ selfHarmThoughts });

  it('is true when thoughts of self-harm are reported', () => {
    expect(needsUrgentFollowUp({ ...base, measure: measure('yes') })).toBe(true);
  });

  it('is true when self-harm risk is a presenting problem, with or without a measure', () => {
    expect(needsUrgentFollowUp({ presentingProblems: ['grief', 'self_harm_risk'] })).toBe(true);
    expect(needsUrgentFollowUp({ presentingProblems: ['self_harm_risk'], measure: measure('no') })).toBe(
      true,
    );
  });

  it('is false otherwise', () => {
    expect(needsUrgentFollowUp(base)).toBe(false);
    expect(needsUrgentFollowUp({ ...base, measure: null })).toBe(false);
    expect(needsUrgentFollowUp({ ...base, measure: measure('no') })).toBe(false);
    expect(needsUrgentFollowUp({ ...base, measure: measure('declined') })).toBe(false);
  });

  it('applies to a parsed create body', () => {
    const body = counsellingSessionCreate.parse({
      ...individual,
      measure: { ...individual.measure, selfHarmThoughts: 'yes' },
    });
    expect(needsUrgentFollowUp(body)).toBe(true);
    expect(needsUrgentFollowUp(counsellingSessionCreate.parse(individual))).toBe(false);
  });

  it('the urgent task is due the day of the session', () => {
    expect(urgentFollowUpDueOn('2026-03-02')).toBe('2026-03-02');
  });
});

describe('views', () => {
  const counsellor = { id: id(9), name: 'Amal Haddad' };
  const full = {
    id: id(50),
    kind: 'individual',
    people: [{ id: id(1), name: 'Yonas Tesfaye', registrationNumber: 'LY-2026-000001' }],
    centreId: id(100),
    centreName: 'Tariq al-Sikka',
    heldOn: '2026-03-02',
    durationMinutes: 50,
    presentingProblems: ['anxiety'],
    measure: { instrument: 'k10', answers: Array(10).fill(3), selfHarmThoughts: 'yes' },
    score: 30,
    band: 'very_high',
    urgent: true,
    interventions: ['safety_plan'],
    notes: 'confidential',
    nextSessionOn: null,
    interpreterUsed: false,
    counsellor,
    version: 1,
    createdAt: '2026-03-02T10:00:00Z',
    allowedActions: ['update'],
  };

  it('the full view carries content, score, band and urgency', () => {
    expect(counsellingSessionView.parse(full)).toEqual(full);
  });

  it('the stub keeps only that a session took place', () => {
    const stub = counsellingSessionStub.parse(full);
    expect(stub).toEqual({
      id: id(50),
      kind: 'individual',
      heldOn: '2026-03-02',
      centreId: id(100),
      counsellor,
    });
    expect(JSON.stringify(stub)).not.toMatch(/confidential|anxiety|Yonas|very_high|safety_plan/);
  });
});

describe('labels', () => {
  const tables = [
    [COUNSELLING_SESSION_KINDS, COUNSELLING_SESSION_KIND_LABELS],
    [PRESENTING_PROBLEMS, PRESENTING_PROBLEM_LABELS],
    [MHPSS_INTERVENTIONS, MHPSS_INTERVENTION_LABELS],
  ] as const;

  it('every code has a label in en, ar and fr, and nothing else is labelled', () => {
    for (const [codes, table] of tables) {
      expect(Object.keys(table).sort()).toEqual([...codes].sort());
      for (const code of codes) {
        const t = (table as Record<string, Record<string, string>>)[code]!;
        for (const l of LOCALES) expect(t[l]?.trim(), `${code} ${l}`).toBeTruthy();
        expect(t.ar).toMatch(/[\u0600-\u06ff]/);
      }
    }
    for (const l of LOCALES) expect(URGENT_FOLLOW_UP_TITLE[l]).toBeTruthy();
  });

  it('the urgent task title names no problem', () => {
    expect(URGENT_FOLLOW_UP_TITLE.en).not.toMatch(/harm|suicid/i);
  });
});
