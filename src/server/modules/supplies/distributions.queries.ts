import { and, asc, eq, gte, ilike, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { canRead } from '../../../domain/access/roles';
import type { ItemCategory } from '../../../domain/supplies/catalogue';
import type { distributionListQuery } from '../../../domain/supplies/distributions';
import {
  centres,
  distributionLines,
  distributions,
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

/** A distribution the actor may see, or 404; `lock` holds the row for a write (status, lines). */
export async function loadDistribution(w: Work, id: string, lock = false): Promise<Header> {
  if (lock)
    await w.tx
      .select({ id: distributions.id })
      .from(distributions)
      .where(and(distributionScope(w), eq(distributions.id, id)))
      .for('update');
  const [row] = await header(w).where(and(distributionScope(w), eq(distributions.id, id)));
  if (!row) throw notFound('Distribution');
  return { ...row, recipients: Number(row.recipients) };
}

/**
 * A distribution's lines, in the order recorded; `only`: those ids (a save answers with the lines
 * it wrote, not the whole event, which grows to hundreds of people).
 */
export async function linesOf(w: Work, distributionId: string, only?: readonly string[]) {
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
        only ? inArray(distributionLines.id, [...only]) : undefined,
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
