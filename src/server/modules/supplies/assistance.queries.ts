import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { ItemCategory } from '../../../domain/supplies/catalogue';
import { centres, distributionLines, distributions, supplyItems } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { personRecordScope } from '../registry/persons.scope';

// What a person received (person page, timeline): lines not cancelled, one row per distribution
// and item (a line split over lots is one), through the scope of records about a person in the
// assistance category (DESIGN §5).

export async function assistanceOf(w: Work, personId: string) {
  const rows = await w.tx
    .select({
      distributionId: distributions.id,
      reference: distributions.reference,
      occurredOn: distributions.occurredOn,
      centreName: centres.name,
      itemId: supplyItems.id,
      itemName: supplyItems.name,
      category: supplyItems.category,
      baseUnit: supplyItems.baseUnit,
      packSize: supplyItems.packSize,
      quantity: sql<number>`sum(${distributionLines.quantity})::int`,
      overridden: sql<boolean>`bool_or(${distributionLines.overrideReason} is not null)`,
    })
    .from(distributionLines)
    .innerJoin(
      distributions,
      and(
        eq(distributions.missionId, distributionLines.missionId),
        eq(distributions.id, distributionLines.distributionId),
      ),
    )
    .innerJoin(
      centres,
      and(eq(centres.missionId, distributions.missionId), eq(centres.id, distributions.centreId)),
    )
    .innerJoin(
      supplyItems,
      and(
        eq(supplyItems.missionId, distributionLines.missionId),
        eq(supplyItems.id, distributionLines.itemId),
      ),
    )
    .where(
      and(
        personRecordScope(w, distributionLines, 'assistance'),
        eq(distributionLines.personId, personId),
        isNull(distributionLines.cancelledAt),
      ),
    )
    // whole primary keys (mission, id), so the other columns depend on them
    .groupBy(
      distributions.missionId,
      distributions.id,
      centres.missionId,
      centres.id,
      supplyItems.missionId,
      supplyItems.id,
    )
    .orderBy(asc(distributions.occurredOn), asc(distributions.reference), asc(supplyItems.code));
  return rows.map((r) => ({
    ...r,
    category: r.category as ItemCategory,
    quantity: Number(r.quantity),
    overridden: Boolean(r.overridden),
  }));
}
