import { and, asc, eq, gte, ilike, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { canRead } from '../../../domain/access/roles';
import type { EligibilityRule, ItemCategory } from '../../../domain/supplies/catalogue';
import type { distributionListQuery } from '../../../domain/supplies/distributions';
import {
  centres,
  distributionLines,
  distributions,
  eligibilityRules,
  persons,
  stockLots,
  stockPoints,
  supplyItems,
} from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import {
  chosenKeyset,
  countUpTo,
  sortedAfter,
  sortedOrder,
  sortedPageOf,
  sortedValue,
} from '../../platform/pagination';
import { scopeOf } from '../../platform/policy';
import { likePattern } from '../../platform/records';
import type { DistributionRecord } from './stock.policy';
import { pointReach } from './stock.scope';

// Distributions are read at the centres where the reader reads assistance (DESIGN §5). Who
// received what is the assistance record itself, so an event's lines name their people to those
// who may read the event (a stock officer reconciles the list they handed out).

export type DistributionRow = typeof distributions.$inferSelect;
export type Header = {
  d: DistributionRow;
  centreName: string;
  stockPointName: string;
  pointCentreId: string | null;
  recipients: number;
};

/** The distributions an actor may see: at the centres where they read assistance. */
export function distributionScope(w: Pick<Work, 'actor'>): SQL {
  const scope = scopeOf(w.actor, 'assistance', canRead);
  const mine = eq(distributions.missionId, w.actor.missionId);
  if (scope.kind === 'mission') return mine;
  if (scope.kind === 'none' || !scope.centreIds.length) return sql`false`;
  return and(mine, inArray(distributions.centreId, scope.centreIds)) as SQL;
}

/** The distribution as its policy sees it. */
export const recordOf = (h: Pick<Header, 'd' | 'pointCentreId'>): DistributionRecord => ({
  centre: [h.d.centreId],
  point: pointReach({ centreId: h.pointCentreId }),
  status: h.d.status,
});

/** Unique people served (lines not cancelled). */
const recipients = sql<number>`(select count(distinct l.person_id)::int from ${distributionLines} l
  where l.mission_id = ${distributions.missionId} and l.distribution_id = ${distributions.id}
  and l.cancelled_at is null)`;

const header = (w: Work, at: SQL<string> = sql<string>`''`) =>
  w.tx
    .select({
      d: distributions,
      centreName: centres.name,
      stockPointName: stockPoints.name,
      pointCentreId: stockPoints.centreId,
      recipients,
      at,
    })
    .from(distributions)
    .innerJoin(
      centres,
      and(eq(centres.missionId, distributions.missionId), eq(centres.id, distributions.centreId)),
    )
    .innerJoin(
      stockPoints,
      and(eq(stockPoints.missionId, distributions.missionId), eq(stockPoints.id, distributions.stockPointId)),
    );

/**
 * A distribution the actor may see, or 404; `lock` holds the row for a write (status, lines), in
 * the same statement. A locked read's `recipients` is as of the statement's start: a writer it
 * waited for is not counted, so an answer counts again after the write.
 */
export async function loadDistribution(w: Work, id: string, lock = false): Promise<Header> {
  const q = header(w).where(and(distributionScope(w), eq(distributions.id, id)));
  const [row] = await (lock ? q.for('update', { of: distributions }) : q);
  if (!row) throw notFound('Distribution');
  return { ...row, recipients: Number(row.recipients) };
}

/**
 * A distribution's lines, in the order recorded (a save answers with the lines it wrote, built
 * as this reads them, not with the whole event, which grows to hundreds of people).
 */
export async function linesOf(w: Work, distributionId: string) {
  return w.tx
    .select({
      l: distributionLines,
      itemCode: supplyItems.code,
      itemName: supplyItems.name,
      baseUnit: supplyItems.baseUnit,
      packSize: supplyItems.packSize,
      lotNumber: stockLots.lotNumber,
      givenName: persons.givenName,
      familyName: persons.familyName,
      registrationNumber: persons.registrationNumber,
    })
    .from(distributionLines)
    .innerJoin(
      supplyItems,
      and(
        eq(supplyItems.missionId, distributionLines.missionId),
        eq(supplyItems.id, distributionLines.itemId),
      ),
    )
    .innerJoin(
      stockLots,
      and(eq(stockLots.missionId, distributionLines.missionId), eq(stockLots.id, distributionLines.lotId)),
    )
    .leftJoin(
      persons,
      and(eq(persons.missionId, distributionLines.missionId), eq(persons.id, distributionLines.personId)),
    )
    .where(
      and(
        eq(distributionLines.missionId, w.actor.missionId),
        eq(distributionLines.distributionId, distributionId),
      ),
    )
    .orderBy(asc(distributionLines.createdAt), asc(distributionLines.id));
}
export type LineJoined = Awaited<ReturnType<typeof linesOf>>[number];

/** One line of a distribution (for cancelling), or 404. */
export async function loadLine(w: Work, distributionId: string, lineId: string) {
  const [l] = await w.tx
    .select()
    .from(distributionLines)
    .where(
      and(
        eq(distributionLines.missionId, w.actor.missionId),
        eq(distributionLines.distributionId, distributionId),
        eq(distributionLines.id, lineId),
      ),
    )
    .for('update');
  if (!l) throw notFound('Distribution line');
  return l;
}

/** A stock point of the mission (the event's source), with the centre it serves. */
export async function loadPoint(w: Work, id: string) {
  const [p] = await w.tx
    .select()
    .from(stockPoints)
    .where(and(eq(stockPoints.missionId, w.actor.missionId), eq(stockPoints.id, id)));
  return p ?? null;
}

type ListQuery = z.infer<typeof distributionListQuery>;
const SORTS = {
  occurredOn: distributions.occurredOn,
  centre: centres.name,
  reference: distributions.reference,
};
/** Latest first: one text key of date and reference (references grow within a year). */
const LATEST = sql`${distributions.occurredOn}::text || ' ' || ${distributions.reference}`;

/** One counted page of the list, as the list and its export show it. */
export async function listDistributions(w: Work, q: ListQuery) {
  const where: (SQL | undefined)[] = [distributionScope(w)];
  if (q.centreId) where.push(eq(distributions.centreId, q.centreId));
  if (q.kind) where.push(eq(distributions.kind, q.kind));
  if (q.from) where.push(gte(distributions.occurredOn, q.from));
  if (q.to) where.push(lte(distributions.occurredOn, q.to));
  if (q.q) where.push(ilike(distributions.reference, likePattern(q.q)));
  if (q.personId)
    where.push(sql`exists (select 1 from ${distributionLines} l where l.mission_id = ${distributions.missionId}
      and l.distribution_id = ${distributions.id} and l.person_id = ${q.personId} and l.cancelled_at is null)`);
  const k = chosenKeyset(q, SORTS, distributions.id, { column: LATEST, descending: true });
  const found = await header(w, sortedValue(k))
    .where(and(...where, sortedAfter(k, q.cursor)))
    .orderBy(...sortedOrder(k))
    .limit(q.limit + 1);
  const p = sortedPageOf(found, q.limit, (f) => f.d.id);
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(distributions)
      .where(and(...where))
      .$dynamic(),
  );
  return {
    items: p.items.map((r) => ({ ...r, recipients: Number(r.recipients) })),
    nextCursor: p.nextCursor,
    ...counted,
  };
}

/** A person's earlier lines (not cancelled), for the eligibility rules: every centre, every writer. */
export async function earlierOf(w: Work, personId: string) {
  const rows = await w.tx
    .select({
      distributionId: distributionLines.distributionId,
      category: distributionLines.category,
      occurredOn: distributionLines.occurredOn,
    })
    .from(distributionLines)
    .where(
      and(
        eq(distributionLines.missionId, w.actor.missionId),
        eq(distributionLines.personId, personId),
        isNull(distributionLines.cancelledAt),
      ),
    );
  return rows as { distributionId: string; category: ItemCategory; occurredOn: string }[];
}

type Earlier = Awaited<ReturnType<typeof earlierOf>>;

/**
 * What recording a person's lines of these items needs, in one statement: each item, its
 * category's rule if any, and the person's earlier lines of that category within the rule's
 * interval on either side of `on` (`earlierOf`'s, narrowed to what the rule looks at). Read after
 * the person's row is locked, so no concurrent line of theirs is missed.
 */
export async function itemsAndRules(w: Work, personId: string, on: string, itemIds: readonly string[]) {
  const days = sql`(${eligibilityRules.intervalDays} - 1)`;
  const found = await w.tx
    .select({
      item: supplyItems,
      intervalDays: eligibilityRules.intervalDays,
      allowed: eligibilityRules.allowed,
      earlier: sql<string>`(select coalesce(json_agg(json_build_object('distributionId', l.distribution_id,
          'category', l.category, 'occurredOn', l.occurred_on)), '[]')::text
        from ${distributionLines} l where l.mission_id = ${supplyItems.missionId}
          and l.person_id = ${personId} and l.category = ${supplyItems.category} and l.cancelled_at is null
          and l.occurred_on between ${on}::date - ${days} and ${on}::date + ${days})`,
    })
    .from(supplyItems)
    .leftJoin(
      eligibilityRules,
      and(
        eq(eligibilityRules.missionId, supplyItems.missionId),
        eq(eligibilityRules.category, supplyItems.category),
      ),
    )
    .where(and(eq(supplyItems.missionId, w.actor.missionId), inArray(supplyItems.id, [...new Set(itemIds)])));
  const rules = new Map<string, EligibilityRule>();
  const earlier: Earlier = [];
  for (const r of found)
    if (r.intervalDays !== null && r.allowed !== null && !rules.has(r.item.category)) {
      rules.set(r.item.category, {
        category: r.item.category as ItemCategory,
        intervalDays: r.intervalDays,
        allowed: r.allowed,
      });
      earlier.push(...(JSON.parse(r.earlier) as Earlier));
    }
  return { items: new Map(found.map((r) => [r.item.id, r.item])), rules: [...rules.values()], earlier };
}
