import type { z } from 'zod';
import type {
  CounsellingSessionStub,
  CounsellingSessionView,
  MhpssIntervention,
  PresentingProblem,
} from '../../../domain/health/counselling';
import type { counsellingSessionListItem } from '../../../domain/health/counselling-lists';
import type { DistressBand, DistressInstrument, SelfHarmAnswer } from '../../../domain/health/distress';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { iso } from '../../platform/records';
import { counsellingPolicy } from './counselling.policy';
import type { SessionFull, SessionHeader } from './counselling.queries';

type ListItem = z.infer<typeof counsellingSessionListItem>;

/** A session without its encrypted parts (the list's row): nothing is decrypted. */
export function presentListItem(w: Work, f: SessionFull): ListItem {
  const { s } = f;
  return {
    id: s.id,
    kind: s.kind as ListItem['kind'],
    people: f.people.map((x) => ({ id: x.personId, name: x.name, registrationNumber: x.registrationNumber })),
    centreId: s.centreId,
    centreName: f.centreName,
    heldOn: s.heldOn,
    durationMinutes: s.durationMinutes,
    presentingProblems: s.presentingProblems as PresentingProblem[],
    score: s.score,
    band: s.band as DistressBand | null,
    urgent: s.urgent,
    interventions: s.interventions as MhpssIntervention[],
    nextSessionOn: s.nextSessionOn,
    interpreterUsed: s.interpreterUsed,
    counsellor: { id: s.counsellorUserId, name: f.counsellorName },
    version: s.version,
    createdAt: iso(s.createdAt),
    allowedActions: allowedActions(w.actor, counsellingPolicy, f.record),
  };
}

/** The whole session, answers and notes decrypted: the caller audits the read. */
export function presentSession(w: Work, f: SessionFull): CounsellingSessionView {
  const { s } = f;
  const answers = s.answers ? (JSON.parse(w.ctx.cipher.decrypt(s.answers)) as number[]) : null;
  return {
    ...presentListItem(w, f),
    measure:
      s.instrument && answers
        ? {
            instrument: s.instrument as DistressInstrument,
            answers,
            selfHarmThoughts: (s.selfHarm ?? 'declined') as SelfHarmAnswer,
          }
        : null,
    notes: s.notes ? w.ctx.cipher.decrypt(s.notes) : null,
  };
}

/** That a session took place: kind, day, centre, counsellor; nothing of its content or people. */
export const presentStub = (h: SessionHeader): CounsellingSessionStub => ({
  id: h.s.id,
  kind: h.s.kind as CounsellingSessionStub['kind'],
  heldOn: h.s.heldOn,
  centreId: h.s.centreId,
  counsellor: { id: h.s.counsellorUserId, name: h.counsellorName },
});
