import { and, asc, eq, lte } from 'drizzle-orm';
import { addDays } from '../../../../domain/common/dates';
import { counsellingSessionCreate, type PresentingProblem } from '../../../../domain/health/counselling';
import { type DistressBand, K10_BANDS } from '../../../../domain/health/distress';
import { mhpssFollowUps } from '../../../db/schema/index';
import { authorize } from '../../../platform/policy';
import { updateVersioned } from '../../../platform/records';
import { int, pick, type Rng, weighted } from '../../registry/demo/demo-people';
import { personReach } from '../../registry/persons.scope';
import { followUpPolicy } from '../counselling.policy';
import { createSession } from '../counselling.service';
import { followUpRecord, loadFollowUp } from '../follow-ups.queries';
import type { DemoEvent } from './demo-clinics';
import { as, type Cast, type DemoCentre, type DemoWork, type Held, heldAt, shuffled } from './demo-common';

// A year of counselling by the demo counsellor, through the counselling service: each week an
// individual session or two at one centre (K10 scores in every band, a next session planned two
// weeks on for about half), a group session every four weeks, and one session where the
// person answers that they have thought of harming themselves: the urgent follow-up it creates
// is done the same afternoon. Follow-ups are marked done when the counsellor next comes; those
// still ahead stay open on her list.

export interface CounsellingTally {
  individual: number;
  group: number;
  urgent: number;
}

const WEEKS = 52;
/** K10 score ranges of each band (distress.ts: 10–15, 16–21, 22–29, 30–50). */
const BAND_SCORES: Record<(typeof K10_BANDS)[number], [number, number]> = {
  low: [10, 15],
  moderate: [16, 21],
  high: [22, 29],
  very_high: [30, 44],
};

/** Ten answers (1–5) adding up to a score. */
function answersFor(rng: Rng, score: number): number[] {
  const a = Array.from({ length: 10 }, () => 1);
  for (let left = score - 10; left > 0; ) {
    const i = Math.floor(rng() * 10);
    if ((a[i] ?? 5) < 5) {
      a[i] = (a[i] ?? 1) + 1;
      left--;
    }
  }
  return a;
}

const PROBLEMS: Record<string, PresentingProblem[][]> = {
  low: [['detention_stress'], ['sleep_problems', 'somatic_complaints'], ['family_separation']],
  moderate: [
    ['anxiety', 'sleep_problems'],
    ['low_mood', 'family_separation'],
    ['anger', 'detention_stress'],
  ],
  high: [
    ['low_mood', 'sleep_problems'],
    ['trauma_reactions', 'anxiety'],
    ['grief', 'low_mood'],
  ],
  very_high: [
    ['trauma_reactions', 'sleep_problems', 'low_mood'],
    ['grief', 'trauma_reactions'],
  ],
};

const NOTES: Record<string, string> = {
  low: 'Coping with the uncertainty; talked about keeping a daily routine and contact with family.',
  moderate: 'Worries about family at home and the length of detention. Practised slow breathing.',
  high: 'Nightmares since the crossing; avoids the yard. Agreed to try the grounding exercise each night.',
  very_high: 'Very distressed, cries often, not eating. Safety checked. Weekly sessions agreed.',
};

function individual(rng: Rng, p: Held, centreId: string, day: string, band: DistressBand, selfHarm: boolean) {
  const [lo, hi] = BAND_SCORES[band as keyof typeof BAND_SCORES] ?? [10, 15];
  return counsellingSessionCreate.parse({
    kind: 'individual',
    personIds: [p.id],
    centreId,
    heldOn: day,
    durationMinutes: pick(rng, [40, 45, 50, 60]),
    presentingProblems: selfHarm
      ? ['self_harm_risk', 'low_mood', 'trauma_reactions']
      : pick(rng, PROBLEMS[band] ?? []),
    measure: {
      instrument: 'k10',
      answers: answersFor(rng, int(rng, lo, hi)),
      selfHarmThoughts: selfHarm ? 'yes' : rng() < 0.05 ? 'declined' : 'no',
    },
    interventions: selfHarm
      ? ['safety_plan', 'psychological_first_aid']
      : band === 'low'
        ? ['psychoeducation']
        : pick(rng, [
            ['problem_management_plus'],
            ['relaxation_breathing', 'psychoeducation'],
            ['stress_management'],
          ]),
    notes: selfHarm
      ? 'Said he had thought of ending his life last week after news from home. No plan. Safety plan made with him and the room leader; seen again this afternoon.'
      : NOTES[band],
    interpreterUsed: rng() < 0.6,
  });
}

/** Marks open follow-ups due by `day` done, as the counsellor (the follow-up route's code). */
async function completeDue(w: DemoWork, day: string) {
  const due = await w.tx
    .select({ id: mhpssFollowUps.id })
    .from(mhpssFollowUps)
    .where(
      and(
        eq(mhpssFollowUps.missionId, w.actor.missionId),
        eq(mhpssFollowUps.assigneeUserId, w.actor.userId),
        eq(mhpssFollowUps.status, 'open'),
        lte(mhpssFollowUps.dueOn, day),
      ),
    )
    .orderBy(asc(mhpssFollowUps.dueOn));
  for (const { id } of due) {
    const row = await loadFollowUp(w, id, true);
    authorize(
      w.actor,
      followUpPolicy,
      'complete',
      followUpRecord(w, row.f, await personReach(w, row.f.personId)),
    );
    await updateVersioned(w, mhpssFollowUps, id, row.f.version, { status: 'done', doneAt: w.now });
    await w.audit({
      action: 'close',
      entityType: 'mhpss_follow_up',
      entityId: id,
      changedFields: ['status', 'doneAt'],
      detail: { sessionId: row.f.sessionId, personId: row.f.personId },
    });
  }
}

export function counsellingEvents(
  w: DemoWork,
  cast: Cast,
  centres: readonly DemoCentre[],
  all: readonly Held[],
  day0: string,
  rng: Rng,
  tally: CounsellingTally,
): DemoEvent[] {
  const events: DemoEvent[] = [];
  const selfHarmWeek = 10;
  for (let k = WEEKS - 1; k >= 0; k--) {
    // the counsellor's weekly day, a day after the first centre's clinic day
    const day = addDays(day0, -7 * k - 2);
    const centre = centres[k % centres.length];
    if (!centre) continue;
    events.push({
      day,
      run: async () => {
        const c = (m: number) => as(w, cast.counsellor, day, m);
        await completeDue(c(8 * 60 + 30), day);
        const held = shuffled(rng, heldAt(all, centre.id, day));
        if (!held.length) return;
        const count =
          k === selfHarmWeek
            ? 1
            : weighted(rng, [
                [1, 2],
                [2, 3],
              ] as const);
        for (const [i, p] of held.slice(0, count).entries()) {
          const selfHarm = k === selfHarmWeek;
          const band = selfHarm
            ? 'very_high'
            : weighted(
                rng,
                K10_BANDS.map((b, j) => [b, [3, 4, 3, 2][j] ?? 1] as const),
              );
          const body = individual(rng, p, centre.id, day, band, selfHarm);
          // a second session two weeks on for some, and for everyone seen in the last fortnight
          const again = selfHarm || k < 2 || rng() < 0.5;
          await createSession(
            c(9 * 60 + 60 * i),
            again ? { ...body, nextSessionOn: addDays(day, 14) } : body,
          );
          tally.individual++;
          if (selfHarm) {
            tally.urgent++;
            await completeDue(c(15 * 60), day);
          }
        }
        if (k % 4 === 1 && held.length >= 4) {
          const people = held.slice(count, count + Math.min(8, held.length - count));
          if (people.length < 2) return;
          await createSession(
            c(13 * 60),
            counsellingSessionCreate.parse({
              kind: 'group',
              personIds: people.map((p) => p.id),
              centreId: centre.id,
              heldOn: day,
              durationMinutes: 90,
              presentingProblems: ['detention_stress', 'sleep_problems'],
              interventions: ['group_support', 'psychoeducation', 'relaxation_breathing'],
              notes:
                'Group on sleep and worry: what keeps us awake, a breathing exercise, sharing what helps.',
              interpreterUsed: true,
            }),
          );
          tally.group++;
        }
      },
    });
  }
  return events;
}
