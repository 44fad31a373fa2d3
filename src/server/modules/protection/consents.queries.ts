import { and, desc, eq } from 'drizzle-orm';
import { consents } from '../../db/schema/index';
import type { Work } from '../../platform/http';

/* Consent look-ups for sharing decisions (referrals, packets); routes live in consents.routes.ts. */

type Row = typeof consents.$inferSelect;

/** The person's latest decision for this purpose and recipient, whatever it was (or null: none yet). */
export async function latestConsent(
  w: Work,
  personId: string,
  purpose: string,
  recipientId: string,
): Promise<Row | null> {
  const [latest] = await w.tx
    .select()
    .from(consents)
    .where(
      and(
        eq(consents.missionId, w.actor.missionId),
        eq(consents.personId, personId),
        eq(consents.purpose, purpose),
        eq(consents.recipientOrganisationId, recipientId),
      ),
    )
    .orderBy(desc(consents.givenOn), desc(consents.createdAt))
    .limit(1);
  return latest ?? null;
}

export const isValidConsent = (c: Row | null): c is Row => !!c && c.decision === 'given' && !c.withdrawnOn;

/**
 * The consent that allows sharing this person's data for this purpose with this organisation:
 * the latest decision must be "given" and not withdrawn (a later refusal overrides an earlier yes).
 */
export async function validConsent(
  w: Work,
  personId: string,
  purpose: string,
  recipientId: string,
): Promise<Row | null> {
  const latest = await latestConsent(w, personId, purpose, recipientId);
  return isValidConsent(latest) ? latest : null;
}
