import { and, eq } from 'drizzle-orm';
import type { TimelineItem } from '../../../domain/registry/schemas';
import { centres, episodes, personMerges, type persons } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { iso } from '../../platform/records';
import { episodeScope } from './persons.scope';

type PersonRow = typeof persons.$inferSelect;

/**
 * A source of timeline items for one person. Each source applies its own category's policy:
 * it returns nothing the actor may not read. Each module exports its sources; the composition
 * root (src/server/composition/routes.ts) lists them all in TIMELINE_SOURCES.
 */
export type TimelineSource = (w: Work, person: PersonRow) => Promise<TimelineItem[]>;

const registrationItems: TimelineSource = async (_w, p) => [
  {
    id: `registration:${p.id}`,
    at: iso(p.createdAt),
    kind: 'registration',
    category: 'identity',
    detail: { registrationNumber: p.registrationNumber },
  },
];

const episodeItems: TimelineSource = async (w, p) => {
  const found = await w.tx
    .select({ e: episodes, centreName: centres.name })
    .from(episodes)
    .innerJoin(centres, and(eq(centres.missionId, episodes.missionId), eq(centres.id, episodes.centreId)))
    .where(and(episodeScope(w), eq(episodes.personId, p.id)));
  return found.flatMap(({ e, centreName }): TimelineItem[] => [
    {
      id: `admission:${e.id}`,
      at: e.admittedOn,
      kind: 'admission',
      category: 'identity',
      detail: { centreId: e.centreId, centreName, circumstances: e.circumstances },
    },
    ...(e.endedOn
      ? [
          {
            id: `end:${e.id}`,
            at: e.endedOn,
            kind: e.endReason ?? 'release',
            category: 'identity',
            detail: { centreId: e.centreId, centreName },
          },
        ]
      : []),
  ]);
};

const mergeItems: TimelineSource = async (w, p) => {
  const found = await w.tx
    .select()
    .from(personMerges)
    .where(and(eq(personMerges.missionId, w.actor.missionId), eq(personMerges.survivorId, p.id)));
  return found.flatMap((g): TimelineItem[] => [
    {
      id: `merge:${g.id}`,
      at: iso(g.createdAt),
      kind: 'merge',
      category: 'identity',
      detail: { mergedId: g.mergedId },
    },
    ...(g.undoneAt
      ? [
          {
            id: `unmerge:${g.id}`,
            at: iso(g.undoneAt),
            kind: 'unmerge',
            category: 'identity',
            detail: { mergedId: g.mergedId },
          },
        ]
      : []),
  ]);
};

/** The registry's own sources: registration, admissions and ends, merges. */
export const REGISTRY_TIMELINE: TimelineSource[] = [registrationItems, episodeItems, mergeItems];

/** Newest first; on the same day, a transfer's end comes after the next admission's start. */
export async function timelineOf(
  w: Work,
  p: PersonRow,
  sources: readonly TimelineSource[],
): Promise<TimelineItem[]> {
  // one transaction runs one query at a time: ask the sources in turn
  const all: TimelineItem[] = [];
  for (const source of sources) all.push(...(await source(w, p)));
  return all.sort((a, b) => b.at.localeCompare(a.at) || a.kind.localeCompare(b.kind));
}
