import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { suppressRow } from '../../../domain/common/suppression';
import {
  type Board,
  type BoardQuery,
  type Figures,
  STUCK_LIMIT,
  type StuckCase,
} from '../../../domain/returns/board';
import { FINAL_STATES, FORWARD, RETURN_STATES, type ReturnState } from '../../../domain/returns/states';
import { persons, returnCases } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { scopeOf } from '../../platform/policy';
import { returnCaseScope } from './return-cases.queries';

// The board and the headline figures, computed from the cases themselves (DESIGN §8): nothing
// is counted in advance. Days in a state are measured from `state_since` to the request's clock
// (not the database's), so tests and the app agree on "now".

const DAY_S = 86_400;
/** seconds since the epoch, as a double: `extract` would give a numeric, several times slower to sort */
const since = sql<number>`date_part('epoch', ${returnCases.stateSince})`;

const personJoin = and(eq(persons.missionId, returnCases.missionId), eq(persons.id, returnCases.personId));

/** The case list's scope and the board's filters (nationality needs the person). */
function boardWhere(w: Work, q: BoardQuery): SQL {
  const where = [returnCaseScope(w)];
  if (q.centreId) where.push(eq(returnCases.centreId, q.centreId));
  if (q.projectId) where.push(eq(returnCases.projectId, q.projectId));
  if (q.nationality) where.push(eq(persons.nationality, q.nationality));
  return and(...where) as SQL;
}

/** Count and median days in the current state, for every state (zeros included). */
async function byState(w: Work, q: BoardQuery): Promise<Board['states']> {
  const fields = {
    state: returnCases.state,
    count: sql<number>`count(*)::int`.mapWith(Number),
    // the median of the entry times: days in the state are now minus it (order reversed, same median)
    median: sql<number | null>`percentile_cont(0.5) within group (order by ${since})`,
  };
  const base = w.tx.select(fields).from(returnCases);
  // the person is joined only when the filter needs them: the board of the whole mission is
  // one pass over the cases
  const found = await (q.nationality ? base.innerJoin(persons, personJoin) : base)
    .where(boardWhere(w, q))
    .groupBy(returnCases.state);
  const at = new Map(found.map((r) => [r.state, r]));
  const now = w.now.getTime() / 1000;
  return RETURN_STATES.map((state) => {
    const r = at.get(state);
    const median = r?.median === null || r?.median === undefined ? null : (now - Number(r.median)) / DAY_S;
    return {
      state,
      count: r?.count ?? 0,
      medianDays: median === null ? null : Math.round(Math.max(0, median) * 10) / 10,
    };
  });
}

/**
 * Open cases, written out (not as parameters) so the planner sees that the partial index on open
 * cases by entry time (0014_returns.sql, return_cases_open_since_idx) holds them.
 */
const stillOpen = sql`${returnCases.state} not in ${sql.raw(`(${FINAL_STATES.map((s) => `'${s}'`).join(', ')})`)}`;

/** The open cases longest in their state (oldest entry first). */
async function stuck(w: Work, q: BoardQuery): Promise<StuckCase[]> {
  const found = await w.tx
    .select({
      id: returnCases.id,
      reference: returnCases.reference,
      personId: returnCases.personId,
      givenName: persons.givenName,
      familyName: persons.familyName,
      state: returnCases.state,
      since: sql<number>`${since}`.mapWith(Number),
    })
    .from(returnCases)
    .innerJoin(persons, personJoin)
    .where(and(boardWhere(w, q), stillOpen))
    .orderBy(asc(returnCases.stateSince), asc(returnCases.id))
    .limit(STUCK_LIMIT);
  return found.map((r) => ({
    id: r.id,
    reference: r.reference,
    personId: r.personId,
    personName: `${r.givenName} ${r.familyName}`.trim(),
    state: r.state as ReturnState,
    daysInState: Math.max(0, Math.floor((w.now.getTime() / 1000 - r.since) / DAY_S)),
  }));
}

export async function returnsBoard(w: Work, q: BoardQuery): Promise<Board> {
  const [states, list] = await Promise.all([byState(w, q), stuck(w, q)]);
  return { states, stuck: list };
}

/** A case that departed: departure and every state after it (a withdrawn case never left). */
const DEPARTED: readonly ReturnState[] = FORWARD.slice(FORWARD.indexOf('departed'));

/**
 * The cases a reader of the figures counts: returns readers, their case list; the others (who
 * see no one), the cases requested at the centres of their reporting scope.
 */
function figuresScope(w: Work, exact: boolean): SQL {
  if (exact) return returnCaseScope(w);
  const scope = scopeOf(w.actor, 'reporting');
  const mine = eq(returnCases.missionId, w.actor.missionId);
  if (scope.kind === 'mission') return mine;
  if (scope.kind === 'none' || !scope.centreIds.length) return sql`false`;
  return and(mine, inArray(returnCases.centreId, scope.centreIds)) as SQL;
}

/**
 * "N people returned to M countries": unique people whose return departed in the period (one
 * who returned twice counts once, under the country of their latest departure, so the countries
 * add up to the people), and the destination countries of all those departures. Exact for
 * returns readers; otherwise per-country counts under the threshold hidden with their
 * complements, in country order (an order by size would tell which hidden count is larger).
 */
export async function returnsFigures(
  w: Work,
  period: { from: string; to: string },
  exact: boolean,
): Promise<Figures> {
  const where = and(
    figuresScope(w, exact),
    sql`${returnCases.departedOn} between ${period.from}::date and ${period.to}::date`,
    inArray(returnCases.state, [...DEPARTED]),
  );
  const latest = w.tx
    .selectDistinctOn([returnCases.personId], {
      personId: returnCases.personId,
      country: returnCases.destinationCountry,
    })
    .from(returnCases)
    .where(where)
    .orderBy(returnCases.personId, sql`${returnCases.departedOn} desc`, returnCases.id)
    .as('latest');
  const [perCountry, [all]] = await Promise.all([
    w.tx
      .select({ country: latest.country, people: sql<number>`count(*)::int`.mapWith(Number) })
      .from(latest)
      .groupBy(latest.country)
      .orderBy(latest.country),
    w.tx
      .select({
        countries: sql<number>`count(distinct ${returnCases.destinationCountry})::int`.mapWith(Number),
      })
      .from(returnCases)
      .where(where),
  ]);
  const people = perCountry.reduce((s, r) => s + r.people, 0);
  const countries = all?.countries ?? 0;
  if (exact) {
    const byCountry = [...perCountry].sort(
      (a, b) => b.people - a.people || a.country.localeCompare(b.country),
    );
    return { ...period, people, countries, byCountry, suppressed: false };
  }
  const shown = suppressRow(perCountry.map((r) => r.people));
  return {
    ...period,
    people: shown.total,
    countries,
    byCountry: perCountry.map((r, i) => ({ country: r.country, people: shown.cells[i] ?? null })),
    suppressed: shown.suppressed,
  };
}
