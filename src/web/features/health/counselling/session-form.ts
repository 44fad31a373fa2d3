// The counselling form's state and rules, without React: what is sent, the live score, the keys
// that answer a question, and whether an urgent follow-up will be created.
import {
  type CounsellingSessionKind,
  type CounsellingSessionView,
  needsUrgentFollowUp,
} from '../../../../domain/health/counselling.ts';
import {
  type DistressBand,
  type DistressInstrument,
  distressBand,
  itemCount,
  type SelfHarmAnswer,
} from '../../../../domain/health/distress.ts';
import type { MhpssFollowUp } from './types.ts';

export type Instrument = DistressInstrument | 'none';
export type PersonChip = { id: string; name: string; registrationNumber: string; centreId?: string };

export type SessionValues = {
  kind: CounsellingSessionKind;
  people: PersonChip[];
  centreId: string | null;
  heldOn: string;
  durationMinutes: number | '';
  presentingProblems: string[];
  instrument: Instrument;
  answers: (number | null)[];
  selfHarmThoughts: SelfHarmAnswer | null;
  interventions: string[];
  notes: string;
  nextSessionOn: string;
  interpreterUsed: boolean;
};

export const emptySession = (heldOn: string): SessionValues => ({
  kind: 'individual',
  people: [],
  centreId: null,
  heldOn,
  durationMinutes: 45,
  presentingProblems: [],
  instrument: 'k10',
  answers: Array(itemCount('k10')).fill(null),
  selfHarmThoughts: null,
  interventions: [],
  notes: '',
  nextSessionOn: '',
  interpreterUsed: false,
});

/** A stored session as the form's values (to edit it). */
export function sessionValues(s: CounsellingSessionView): SessionValues {
  const instrument: Instrument = s.measure?.instrument ?? 'none';
  return {
    kind: s.kind,
    people: s.people.map((p) => ({ id: p.id, name: p.name, registrationNumber: p.registrationNumber })),
    centreId: s.centreId,
    heldOn: s.heldOn,
    durationMinutes: s.durationMinutes,
    presentingProblems: [...s.presentingProblems],
    instrument,
    answers: s.measure ? [...s.measure.answers] : Array(itemCount('k10')).fill(null),
    selfHarmThoughts: s.measure?.selfHarmThoughts ?? null,
    interventions: [...s.interventions],
    notes: s.notes ?? '',
    nextSessionOn: s.nextSessionOn ?? '',
    interpreterUsed: s.interpreterUsed,
  };
}

/** A measure is taken in individual sessions only. */
export const takesMeasure = (v: Pick<SessionValues, 'kind' | 'instrument'>) =>
  v.kind === 'individual' && v.instrument !== 'none';

/** Switching instrument clears the answers: the K6 asks its questions in its own order. */
export function withInstrument(v: SessionValues, instrument: Instrument): SessionValues {
  if (instrument === v.instrument) return v;
  const n = instrument === 'none' ? 0 : itemCount(instrument);
  return { ...v, instrument, answers: Array(n).fill(null) };
}

/** The payload for POST (create) or PATCH (update, with `version`); empty optional fields left out. */
export function sessionPayload(v: SessionValues) {
  const measure = takesMeasure(v)
    ? {
        instrument: v.instrument as DistressInstrument,
        answers: v.answers.filter((a): a is number => a !== null),
        selfHarmThoughts: v.selfHarmThoughts ?? undefined,
      }
    : undefined;
  return {
    kind: v.kind,
    personIds: v.people.map((p) => p.id),
    centreId: v.centreId ?? undefined,
    heldOn: v.heldOn,
    durationMinutes: v.durationMinutes === '' ? undefined : v.durationMinutes,
    presentingProblems: v.presentingProblems,
    measure,
    interventions: v.interventions,
    notes: v.notes.trim() || undefined,
    nextSessionOn: v.nextSessionOn || undefined,
    interpreterUsed: v.interpreterUsed,
  };
}

/** For an update: optional fields left empty are cleared (null), not left as they were. */
export function updatePayload(v: SessionValues, version: number) {
  const p = sessionPayload(v);
  return {
    ...p,
    measure: p.measure ?? null,
    notes: p.notes ?? null,
    nextSessionOn: p.nextSessionOn ?? null,
    version,
  };
}

export type LiveScore = {
  answered: number;
  total: number;
  /** the sum so far */
  score: number;
  /** the band once every question is answered */
  band: DistressBand | null;
};

export function liveScore(instrument: Instrument, answers: readonly (number | null)[]): LiveScore | null {
  if (instrument === 'none') return null;
  const given = answers.filter((a): a is number => a !== null);
  const total = itemCount(instrument);
  const score = given.reduce((n, a) => n + a, 0);
  return {
    answered: given.length,
    total,
    score,
    band: given.length === total ? distressBand(instrument, score) : null,
  };
}

/** The answer a key gives: 1–5 on the main row or the number pad; anything else none. */
export function answerForKey(key: string): number | null {
  return /^[1-5]$/.test(key) ? Number(key) : null;
}

/** Records an answer; returns the answers and the question to go to (the next unanswered one, or null). */
export function answer(
  answers: readonly (number | null)[],
  index: number,
  value: number,
): { answers: (number | null)[]; next: number | null } {
  const out = [...answers];
  out[index] = value;
  for (let i = 1; i <= out.length; i++) {
    const j = (index + i) % out.length;
    if (out[j] === null) return { answers: out, next: j };
  }
  return { answers: out, next: null };
}

/** Shown as soon as it is true: saving will create an urgent follow-up for the counsellor. */
export const willCreateUrgentFollowUp = (v: SessionValues): boolean =>
  needsUrgentFollowUp({
    presentingProblems: v.presentingProblems,
    measure: takesMeasure(v) && v.selfHarmThoughts ? { selfHarmThoughts: v.selfHarmThoughts } : null,
  });

/** Open follow-ups, urgent first, then the earliest due. */
export const sortFollowUps = (items: readonly MhpssFollowUp[]): MhpssFollowUp[] =>
  [...items].sort(
    (a, b) =>
      Number(b.urgent) - Number(a.urgent) || a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id),
  );
