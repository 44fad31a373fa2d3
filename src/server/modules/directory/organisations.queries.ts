import { and, eq } from 'drizzle-orm';
import { organisations } from '../../db/schema/index';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';

/** The directory's organisation loaders, for its routes and for other modules (never via *.routes.ts). */

type Row = typeof organisations.$inferSelect;

export async function loadOrganisation(w: Work, id: string): Promise<Row> {
  const [row] = await w.tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.id, id)));
  if (!row) throw notFound('Organisation');
  return row;
}
