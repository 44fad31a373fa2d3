import { and, eq, inArray } from 'drizzle-orm';
import type { TimelineItem } from '../../../domain/registry/schemas';
import { returnCases, returnStateSpans } from '../../db/schema/index';
import { iso } from '../../platform/records';
import type { TimelineSource } from '../registry/timeline.queries';
import { returnCaseScope } from './return-cases.queries';
import { readsReturns } from './returns.policy';

// Returns on a person's timeline, for those who read returns: the case opened, then each state it
// entered (the spans), with the case's reference. No reasons: they are read on the case.

const returnItems: TimelineSource = async (w, p) => {
  if (!readsReturns(w.actor)) return [];
  const found = await w.tx
    .select({ id: returnCases.id, reference: returnCases.reference, createdAt: returnCases.createdAt })
    .from(returnCases)
    .where(and(returnCaseScope(w), eq(returnCases.personId, p.id)));
  if (!found.length) return [];
  const spans = await w.tx
    .select()
    .from(returnStateSpans)
    .where(
      and(
        eq(returnStateSpans.missionId, w.actor.missionId),
        inArray(
          returnStateSpans.caseId,
          found.map((c) => c.id),
        ),
      ),
    );
  const byId = new Map(found.map((c) => [c.id, c]));
  return [
    ...found.map(
      (c): TimelineItem => ({
        id: `return_case:${c.id}`,
        at: iso(c.createdAt),
        kind: 'return_opened',
        category: 'returns',
        detail: { caseId: c.id, reference: c.reference },
      }),
    ),
    // the first span is the opening itself ('requested'): shown as the case opened
    ...spans
      .filter((s) => s.state !== 'requested')
      .map(
        (s): TimelineItem => ({
          id: `return_state:${s.id}`,
          at: iso(s.enteredAt),
          kind: 'return_state',
          category: 'returns',
          detail: { caseId: s.caseId, reference: byId.get(s.caseId)?.reference ?? null, state: s.state },
        }),
      ),
  ];
};

export const RETURNS_TIMELINE: TimelineSource[] = [returnItems];
