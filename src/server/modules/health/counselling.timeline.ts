import type { TimelineItem } from '../../../domain/registry/schemas';
import type { TimelineSource } from '../registry/timeline.queries';
import { counsellingStubPolicy, readsMhpss } from './counselling.policy';
import { sessionsOfPerson } from './counselling.queries';

// Counselling on a person's timeline: only that a session took place (day, kind), for anyone
// who reads the person, counsellors included; its content is opened on the counselling page.

const sessionItems: TimelineSource = async (w, p) => {
  if (!counsellingStubPolicy.can(w.actor, 'read')) return [];
  const { full, stubs } = await sessionsOfPerson(w, p.id, readsMhpss(w.actor));
  return [...full, ...stubs].map(
    ({ s }): TimelineItem => ({
      id: `counselling:${s.id}`,
      at: s.heldOn,
      kind: 'counselling_session',
      category: 'mhpss',
      detail: { sessionId: s.id, kind: s.kind },
    }),
  );
};

export const COUNSELLING_TIMELINE: TimelineSource[] = [sessionItems];
