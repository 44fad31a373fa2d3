import { and, eq } from 'drizzle-orm';
import type { TimelineItem } from '../../../domain/registry/schemas';
import { centres, consultations } from '../../db/schema/index';
import type { TimelineSource } from '../registry/timeline.queries';
import { consultationScope, diagnosesOf } from './consultations.queries';
import { readsMedical } from './health.policy';

// Health items on a person's timeline: consultations, for doctors and nurses only (a return
// officer reads fitness to travel as a flag, never the record). No free text: opening one is an
// audited read.

const consultationItems: TimelineSource = async (w, p) => {
  if (!readsMedical(w.actor)) return [];
  const found = await w.tx
    .select({ c: consultations, centreName: centres.name })
    .from(consultations)
    .innerJoin(
      centres,
      and(eq(centres.missionId, consultations.missionId), eq(centres.id, consultations.centreId)),
    )
    .where(and(consultationScope(w), eq(consultations.personId, p.id)));
  const diagnoses = await diagnosesOf(
    w,
    found.map((f) => f.c.id),
  );
  return found.map(
    ({ c, centreName }): TimelineItem => ({
      id: `consultation:${c.id}`,
      at: c.consultedOn,
      kind: 'consultation',
      category: 'medical',
      detail: {
        consultationId: c.id,
        centreName,
        outcome: c.outcome,
        diagnoses: (diagnoses.get(c.id) ?? []).map((d) => d.code).join(','),
      },
    }),
  );
};

export const HEALTH_TIMELINE: TimelineSource[] = [consultationItems];
