import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { project, projectListQuery } from '../../../domain/supplies/catalogue';
import { organisations, projects } from '../../db/schema/index';
import { notFound, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { countUpTo, sortedAfter, sortedOrder, sortedPageOf, sortedValue } from '../../platform/pagination';
import { allowedActions } from '../../platform/policy';
import { iso, likePattern } from '../../platform/records';
import { cataloguePolicy } from './stock.policy';

// Projects (who paid for the stock): the mission's own, like the catalogue.

export type ProjectRow = typeof projects.$inferSelect;
type Loaded = { p: ProjectRow; donorName: string | null };

const select = (w: Work, at: SQL<string> = sql<string>`''`) =>
  w.tx
    .select({ p: projects, donorName: organisations.name, at })
    .from(projects)
    .leftJoin(
      organisations,
      and(
        eq(organisations.missionId, projects.missionId),
        eq(organisations.id, projects.donorOrganisationId),
      ),
    );

const mine = (w: Pick<Work, 'actor'>) => eq(projects.missionId, w.actor.missionId);

export const presentProject = (
  w: Pick<Work, 'actor'>,
  { p, donorName }: Loaded,
): z.infer<typeof project> => ({
  id: p.id,
  code: p.code,
  name: p.name,
  donorOrganisationId: p.donorOrganisationId,
  donorName,
  startsOn: p.startsOn,
  endsOn: p.endsOn,
  active: p.active,
  version: p.version,
  createdAt: iso(p.createdAt),
  updatedAt: iso(p.updatedAt),
  allowedActions: allowedActions(w.actor, cataloguePolicy, p),
});

/** A project with its donor's name; unknown: 404, or with `path` (named in a body) 422 there. */
export async function loadProject(w: Work, id: string, path?: string): Promise<Loaded> {
  const [row] = await select(w).where(and(mine(w), eq(projects.id, id)));
  if (row) return row;
  if (path) throw unprocessable('No such project', [{ path, message: 'Unknown project' }]);
  throw notFound('Project');
}

/** One page of the projects by code; `q` matches the code or the name. */
export async function listProjects(w: Work, query: z.infer<typeof projectListQuery>) {
  const { q, active, limit, cursor } = query;
  const where: (SQL | undefined)[] = [mine(w)];
  if (q) where.push(or(ilike(projects.code, likePattern(q)), ilike(projects.name, likePattern(q))));
  if (active) where.push(eq(projects.active, active === 'true'));
  const k = { column: projects.code, id: projects.id, descending: false };
  const found = await select(w, sortedValue(k))
    .where(and(...where, sortedAfter(k, cursor)))
    .orderBy(...sortedOrder(k))
    .limit(limit + 1);
  const p = sortedPageOf(found, limit, (f) => f.p.id);
  const counted = await countUpTo(
    w.tx,
    w.tx
      .select({ one: sql`1` })
      .from(projects)
      .where(and(...where))
      .$dynamic(),
  );
  return { items: p.items.map((r) => presentProject(w, r)), nextCursor: p.nextCursor, ...counted };
}
