import { and, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { ItemSort, itemListQuery } from '../../../domain/supplies/catalogue';
import { supplyItems } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { chosenKeyset, countedSortedPage } from '../../platform/pagination';
import { likePattern } from '../../platform/records';
import { type ItemRow, presentItem } from './items.presenter';

// The catalogue is the mission's own (one for every centre): its rows are scoped by mission only;
// who may read them at all is the catalogue policy's question.

const mine = (w: Pick<Work, 'actor'>) => eq(supplyItems.missionId, w.actor.missionId);

export async function loadItem(w: Work, id: string): Promise<ItemRow> {
  const [row] = await w.tx
    .select()
    .from(supplyItems)
    .where(and(mine(w), eq(supplyItems.id, id)));
  if (!row) throw notFound('Item');
  return row;
}

const SORTS: Record<ItemSort, PgColumn> = {
  code: supplyItems.code,
  name: supplyItems.name,
  category: supplyItems.category,
};

/** One page of the catalogue (the list and its export). `q`: the code or a name in any language. */
export async function listItems(w: Work, query: z.infer<typeof itemListQuery>) {
  const { q, category, active } = query;
  const where: (SQL | undefined)[] = [mine(w)];
  if (q) {
    const p = likePattern(q);
    where.push(
      or(
        ilike(supplyItems.code, p),
        ilike(supplyItems.name, p),
        ilike(supplyItems.nameAr, p),
        ilike(supplyItems.nameFr, p),
      ),
    );
  }
  if (category) where.push(eq(supplyItems.category, category));
  if (active) where.push(eq(supplyItems.active, active === 'true'));
  const k = chosenKeyset(query, SORTS, supplyItems.id, { column: supplyItems.code, descending: false });
  const p = await countedSortedPage(w.tx, supplyItems, and(...where), k, query);
  return { ...p, items: p.items.map((r) => presentItem(w, r)) };
}
