import { and, countDistinct, eq, gte, inArray, lte, min, sql } from 'drizzle-orm';
import type { CentreWeek } from '../../../domain/health/alert-rules';
import type {
  EpidemicCurveQuery,
  SurveillanceRow,
  SurveillanceWeek,
} from '../../../domain/health/surveillance';
import { ratePer1000, zeroCounts } from '../../../domain/health/surveillance';
import { SYNDROMES, type Syndrome } from '../../../domain/health/syndromes';
import { addWeeks, isoWeekOf, weekEnd, weekStart, weeksBetween } from '../../../domain/health/weeks';
import { clinicSessions, consultations, episodes, surveillanceCases } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { rows } from '../../platform/tx';
import { centresInScope } from './surveillance.scope';

// The weekly figures: cases (unique people per syndrome, from surveillance_cases), consultations,
// and the population from the registry — the people held in the centre at any time in the week
// (an episode admitted by the Sunday and not ended before the Monday), never a typed number.

const key = (centreId: string | null, week: string) => `${centreId ?? '*'}|${week}`;

/**
 * People held per centre and week (or, with `combined`, in any of the centres: someone moved
 * between two of them counts once). Keys `centre|week` (`*|week` combined); absent = nobody.
 */
export async function populationByWeek(
  w: Work,
  centreIds: readonly string[],
  weeks: readonly string[],
  combined = false,
): Promise<Map<string, number>> {
  if (centreIds.length === 0 || weeks.length === 0) return new Map();
  const sorted = [...weeks].sort();
  const first = sorted[0]!;
  const from = weekStart(first);
  const to = weekEnd(sorted.at(-1)!);
  const by = combined ? sql`person_id` : sql`person_id, centre_id`;
  // Each stay overlapping the range becomes the span of week numbers it covers (0 = the first
  // week); a person's spans are made disjoint (a stay starts after the weeks their earlier stays
  // already cover, so someone re-admitted or moved within a week counts once), and the people held
  // each week are the running sum of +1 where a span starts and −1 after it ends. One scan of the
  // stays and a sort of them, where counting distinct people per week sorted a row per stay and
  // week (400 ms for a year's curve of 12 centres) and a join per week re-read every earlier stay.
  const found = await rows<{ k: number; centre_id: string | null; delta: number }>(
    w.tx.execute(sql`
      with stays as (
        select ${episodes.personId} as person_id, ${episodes.centreId} as centre_id,
          (date_trunc('week', greatest(${episodes.admittedOn}, ${from}::date)::timestamp)::date - ${from}::date) / 7 as wa,
          (date_trunc('week', least(coalesce(${episodes.endedOn}, ${to}::date), ${to}::date)::timestamp)::date - ${from}::date) / 7 as wb
        from ${episodes}
        where ${episodes.missionId} = ${w.actor.missionId}
          and ${inArray(episodes.centreId, [...centreIds])}
          and ${episodes.admittedOn} <= ${to}::date
          and (${episodes.endedOn} is null or ${episodes.endedOn} >= ${from}::date)
      ),
      spans as (
        select centre_id, wb, greatest(wa, coalesce(1 + max(wb) over (partition by ${by} order by wa, wb
          rows between unbounded preceding and 1 preceding), wa)) as wa
        from stays
      )
      select k, ${combined ? sql`null::uuid` : sql`centre_id`} as centre_id, sum(delta)::int as delta
      from (select centre_id, wa as k, 1 as delta from spans where wa <= wb
            union all select centre_id, wb + 1, -1 from spans where wa <= wb) d
      group by 1, 2`),
  );
  const asked = new Set(weeks);
  const deltas = new Map<string | null, Map<number, number>>();
  for (const r of found) {
    const c = deltas.get(r.centre_id) ?? new Map<number, number>();
    c.set(Number(r.k), Number(r.delta));
    deltas.set(r.centre_id, c);
  }
  const span = weeksBetween(first, sorted.at(-1)!).length;
  const out = new Map<string, number>();
  for (const [centre, d] of deltas) {
    let held = 0;
    for (let k = 0; k < span; k++) {
      held += d.get(k) ?? 0;
      const week = addWeeks(first, k);
      if (held > 0 && asked.has(week)) out.set(key(centre, week), held);
    }
  }
  return out;
}

/** Consultations per centre and week. */
async function consultationsByWeek(w: Work, centreIds: readonly string[], weeks: readonly string[]) {
  if (centreIds.length === 0 || weeks.length === 0) return new Map<string, number>();
  const found = await w.tx
    .select({ centreId: consultations.centreId, week: consultations.week, n: sql<number>`count(*)::int` })
    .from(consultations)
    .where(
      and(
        eq(consultations.missionId, w.actor.missionId),
        inArray(consultations.week, [...weeks]),
        inArray(consultations.centreId, [...centreIds]),
      ),
    )
    .groupBy(consultations.centreId, consultations.week);
  return new Map(found.map((r) => [key(r.centreId, r.week), Number(r.n)]));
}

/** The centres in scope, or the one asked (404 when it is not in scope). */
async function centresAsked(w: Work, centreId?: string) {
  const found = await centresInScope(w, centreId);
  if (centreId && found.length === 0) throw notFound('Centre');
  return found;
}

/** The week's table: one row per centre in the reader's scope (or the one asked). */
export async function surveillanceWeekOf(
  w: Work,
  q: { week: string; centreId?: string | undefined },
): Promise<SurveillanceWeek & { names: Map<string, { nameAr: string | null; nameFr: string | null }> }> {
  const found = await centresAsked(w, q.centreId);
  const ids = found.map((c) => c.id);
  // one after another: a transaction runs one statement at a time on either engine
  const population = await populationByWeek(w, ids, [q.week]);
  const consulted = await consultationsByWeek(w, ids, [q.week]);
  const cases = ids.length
    ? await w.tx
        .select({
          centreId: surveillanceCases.centreId,
          syndrome: surveillanceCases.syndrome,
          n: countDistinct(surveillanceCases.personId),
        })
        .from(surveillanceCases)
        .where(
          and(
            eq(surveillanceCases.missionId, w.actor.missionId),
            eq(surveillanceCases.week, q.week),
            inArray(surveillanceCases.centreId, ids),
          ),
        )
        .groupBy(surveillanceCases.centreId, surveillanceCases.syndrome)
    : [];
  const rowsOut: SurveillanceRow[] = found.map((c) => {
    const people = population.get(key(c.id, q.week)) ?? null;
    const counts = zeroCounts();
    for (const r of cases)
      if (r.centreId === c.id && (SYNDROMES as readonly string[]).includes(r.syndrome))
        counts[r.syndrome as Syndrome] = Number(r.n);
    const rates = Object.fromEntries(SYNDROMES.map((s) => [s, ratePer1000(counts[s], people)])) as Record<
      Syndrome,
      number | null
    >;
    return {
      centreId: c.id,
      centreName: c.name,
      week: q.week,
      population: people,
      consultations: consulted.get(key(c.id, q.week)) ?? 0,
      counts,
      rates,
    };
  });
  return {
    week: q.week,
    weekStart: weekStart(q.week),
    weekEnd: weekEnd(q.week),
    rows: rowsOut,
    names: new Map(found.map((c) => [c.id, { nameAr: c.nameAr, nameFr: c.nameFr }])),
  };
}

/**
 * The epidemic curve of one syndrome: every week from `from` to `to` (none left out for having no
 * case), for one centre or all in scope together (unique people over them, population likewise).
 */
export async function epidemicCurveOf(w: Work, q: EpidemicCurveQuery) {
  const found = await centresAsked(w, q.centreId);
  const ids = found.map((c) => c.id);
  const weeks = weeksBetween(q.from, q.to);
  const population = await populationByWeek(w, ids, weeks, true);
  const cases = ids.length
    ? await w.tx
        .select({ week: surveillanceCases.week, n: countDistinct(surveillanceCases.personId) })
        .from(surveillanceCases)
        .where(
          and(
            eq(surveillanceCases.missionId, w.actor.missionId),
            eq(surveillanceCases.syndrome, q.syndrome),
            inArray(surveillanceCases.centreId, ids),
            // `YYYY-Www` strings sort as the weeks do
            gte(surveillanceCases.week, q.from),
            lte(surveillanceCases.week, q.to),
          ),
        )
        .groupBy(surveillanceCases.week)
    : [];
  const byWeek = new Map(cases.map((r) => [r.week, Number(r.n)]));
  return {
    syndrome: q.syndrome,
    centreId: q.centreId ?? null,
    points: weeks.map((week) => {
      const people = population.get(key(null, week)) ?? null;
      const n = byWeek.get(week) ?? 0;
      return { week, cases: n, population: people, rate: ratePer1000(n, people) };
    }),
  };
}

/** The week of a centre's first clinic session: its surveillance history starts there. */
async function historyStart(w: Work, centreId: string): Promise<string | null> {
  const [r] = await w.tx
    .select({ first: min(clinicSessions.heldOn) })
    .from(clinicSessions)
    .where(and(eq(clinicSessions.missionId, w.actor.missionId), eq(clinicSessions.centreId, centreId)));
  return r?.first ? isoWeekOf(r.first) : null;
}

/**
 * A centre's weeks as the alert rules read them (domain/health/alert-rules.ts), for the weeks
 * asked that fall in the centre's history — from its first clinic session; a week without
 * consultations in it is a week of 0 cases, a week before it is left out (not enough history).
 * Cases only of the syndromes asked. Four statements whatever the number of weeks.
 */
export async function centreWeeksOf(
  w: Work,
  centreId: string,
  weeks: readonly string[],
  syndromes: readonly Syndrome[],
): Promise<CentreWeek[]> {
  const start = await historyStart(w, centreId);
  const kept = start ? weeks.filter((wk) => wk >= start) : [];
  if (kept.length === 0 || syndromes.length === 0) return [];
  const population = await populationByWeek(w, [centreId], kept);
  const consulted = await consultationsByWeek(w, [centreId], kept);
  const cases = await w.tx
    .select({
      week: surveillanceCases.week,
      personId: surveillanceCases.personId,
      syndrome: surveillanceCases.syndrome,
      ageYears: surveillanceCases.ageYears,
      severeDehydration: surveillanceCases.severeDehydration,
    })
    .from(surveillanceCases)
    .where(
      and(
        eq(surveillanceCases.missionId, w.actor.missionId),
        eq(surveillanceCases.centreId, centreId),
        inArray(surveillanceCases.week, kept),
        inArray(surveillanceCases.syndrome, [...syndromes]),
      ),
    );
  return kept.map((week) => ({
    centreId,
    week,
    population: population.get(key(centreId, week)) ?? null,
    consultations: consulted.get(key(centreId, week)) ?? 0,
    cases: cases
      .filter((c) => c.week === week)
      .map((c) => ({
        personId: c.personId,
        syndrome: c.syndrome as Syndrome,
        ageYears: c.ageYears,
        severeDehydration: c.severeDehydration,
      })),
  }));
}
