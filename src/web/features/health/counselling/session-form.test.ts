import { describe, expect, it } from 'vitest';
import { counsellingSessionCreate } from '../../../../domain/health/counselling.ts';
import {
  answer,
  answerForKey,
  emptySession,
  liveScore,
  type SessionValues,
  sessionPayload,
  sortFollowUps,
  updatePayload,
  willCreateUrgentFollowUp,
  withInstrument,
} from './session-form.ts';
import type { MhpssFollowUp } from './types.ts';

const PERSON = { id: '0190a0a0-0000-7000-8000-000000000001', name: 'A B', registrationNumber: 'LY-1' };
const CENTRE = '0190a0a0-0000-7000-8000-0000000000c1';

const filled = (over: Partial<SessionValues> = {}): SessionValues => ({
  ...emptySession('2026-03-02'),
  people: [PERSON],
  centreId: CENTRE,
  presentingProblems: ['anxiety'],
  interventions: ['psychoeducation'],
  answers: [3, 3, 2, 2, 3, 2, 3, 2, 2, 2],
  selfHarmThoughts: 'no',
  ...over,
});

describe('keyboard answers', () => {
  it('takes 1 to 5 and nothing else', () => {
    expect(['1', '3', '5'].map(answerForKey)).toEqual([1, 3, 5]);
    expect(['0', '6', 'a', 'Enter', '12'].map(answerForKey)).toEqual([null, null, null, null, null]);
  });

  it('moves on to the next unanswered question, wrapping round, and stops when all are answered', () => {
    expect(answer([null, null, null], 0, 4)).toEqual({ answers: [4, null, null], next: 1 });
    expect(answer([null, 2, null], 0, 1).next).toBe(2);
    expect(answer([null, 2, 3], 2, 5)).toEqual({ answers: [null, 2, 5], next: 0 });
    expect(answer([1, 2, null], 2, 5)).toEqual({ answers: [1, 2, 5], next: null });
  });
});

describe('the live score', () => {
  it('sums as answered and gives the band only once every question is answered', () => {
    expect(liveScore('k10', [5, 5, null, null, null, null, null, null, null, null])).toEqual({
      answered: 2,
      total: 10,
      score: 10,
      band: null,
    });
    expect(liveScore('k10', Array(10).fill(3))).toMatchObject({ score: 30, band: 'very_high' });
    expect(liveScore('k10', Array(10).fill(1))).toMatchObject({ score: 10, band: 'low' });
    expect(liveScore('k6', Array(6).fill(3))).toMatchObject({ total: 6, score: 18, band: 'below_cutoff' });
    expect(liveScore('k6', [4, 3, 3, 3, 3, 3])).toMatchObject({ score: 19, band: 'serious' });
    expect(liveScore('none', [])).toBeNull();
  });

  it('clears the answers when the instrument changes (each asks in its own order)', () => {
    const v = withInstrument(filled(), 'k6');
    expect(v.answers).toEqual(Array(6).fill(null));
    expect(withInstrument(v, 'none').answers).toEqual([]);
  });
});

describe('the urgent follow-up notice', () => {
  it('shows at once for a "yes" to the self-harm question, or self-harm risk as a problem', () => {
    expect(willCreateUrgentFollowUp(filled())).toBe(false);
    expect(willCreateUrgentFollowUp(filled({ selfHarmThoughts: 'yes' }))).toBe(true);
    expect(willCreateUrgentFollowUp(filled({ presentingProblems: ['self_harm_risk'] }))).toBe(true);
    expect(willCreateUrgentFollowUp(filled({ selfHarmThoughts: 'declined' }))).toBe(false);
  });

  it('does not count an answer left behind in a group session (no measure is taken there)', () => {
    expect(willCreateUrgentFollowUp(filled({ kind: 'group', selfHarmThoughts: 'yes' }))).toBe(false);
  });
});

describe('what is sent', () => {
  it('is a valid create for the shared schema, with the measure', () => {
    const body = sessionPayload(filled());
    expect(counsellingSessionCreate.safeParse(body).success).toBe(true);
    expect(body.measure).toEqual({
      instrument: 'k10',
      answers: [3, 3, 2, 2, 3, 2, 3, 2, 2, 2],
      selfHarmThoughts: 'no',
    });
    expect(body.notes).toBeUndefined();
  });

  it('leaves the measure out of a group session and of "no questionnaire"', () => {
    expect(sessionPayload(filled({ kind: 'group' })).measure).toBeUndefined();
    expect(sessionPayload(withInstrument(filled(), 'none')).measure).toBeUndefined();
  });

  it('is refused by the schema with an unanswered question, on the answers field', () => {
    const r = counsellingSessionCreate.safeParse(
      sessionPayload(filled({ answers: [3, 3, null, 2, 3, 2, 3, 2, 2, 2] })),
    );
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('measure.answers');
  });

  it('clears emptied optional fields on update', () => {
    const body = updatePayload(withInstrument(filled({ notes: '  ' }), 'none'), 4);
    expect(body).toMatchObject({ measure: null, notes: null, nextSessionOn: null, version: 4 });
  });
});

describe('follow-ups', () => {
  const f = (id: string, urgent: boolean, dueOn: string) => ({ id, urgent, dueOn }) as MhpssFollowUp;
  it('lists urgent ones first, then by due date', () => {
    const sorted = sortFollowUps([
      f('a', false, '2026-03-01'),
      f('b', true, '2026-03-05'),
      f('c', false, '2026-02-01'),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
});
