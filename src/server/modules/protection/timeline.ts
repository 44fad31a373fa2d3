import { and, eq } from 'drizzle-orm';
import type { TimelineItem } from '../../../domain/registry/schemas';
import { notes, organisations, referrals, screenings } from '../../db/schema/index';
import { iso } from '../../platform/records';
import type { TimelineSource } from '../registry/timeline.queries';
import { readsProtection } from './protection.policy';
import { recordScope } from './scope';

// Protection items on a person's timeline, for those who may read protection data only.

const screeningItems: TimelineSource = async (w, p) => {
  if (!readsProtection(w.actor)) return [];
  const found = await w.tx
    .select()
    .from(screenings)
    .where(and(recordScope(w, screenings), eq(screenings.personId, p.id)));
  return found.map(
    (s): TimelineItem => ({
      id: `screening:${s.id}`,
      at: s.screenedOn,
      kind: 'screening',
      category: 'protection',
      detail: {
        screeningId: s.id,
        riskLevel: s.riskLevel,
        flags: s.flags.join(','),
        overridden: !!s.overrideReason,
      },
    }),
  );
};

const referralItems: TimelineSource = async (w, p) => {
  if (!readsProtection(w.actor)) return [];
  const found = await w.tx
    .select({ r: referrals, recipient: organisations.name })
    .from(referrals)
    .innerJoin(
      organisations,
      and(
        eq(organisations.missionId, referrals.missionId),
        eq(organisations.id, referrals.recipientOrganisationId),
      ),
    )
    .where(and(recordScope(w, referrals), eq(referrals.personId, p.id)));
  return found.map(
    ({ r, recipient }): TimelineItem => ({
      id: `referral:${r.id}`,
      at: iso(r.updatedAt),
      kind: 'referral',
      category: 'protection',
      detail: { referralId: r.id, reference: r.reference, status: r.status, service: r.service, recipient },
    }),
  );
};

/** Notes appear without their text: opening one is a read, and reads are audited. */
const noteItems: TimelineSource = async (w, p) => {
  if (!readsProtection(w.actor)) return [];
  const found = await w.tx
    .select({ id: notes.id, category: notes.category, at: notes.createdAt })
    .from(notes)
    .where(and(recordScope(w, notes), eq(notes.personId, p.id)));
  return found.map(
    (n): TimelineItem => ({
      id: `note:${n.id}`,
      at: iso(n.at),
      kind: 'note',
      category: 'protection',
      detail: { noteId: n.id, category: n.category },
    }),
  );
};

export const PROTECTION_TIMELINE: TimelineSource[] = [screeningItems, referralItems, noteItems];
