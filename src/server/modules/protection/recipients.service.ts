import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  embassyOfOriginBarred,
  type PersonAtRisk,
  REFUSAL_MESSAGES,
  type RecipientRefusal,
  referralRecipientRefusal,
} from '../../../domain/protection/recipients';
import type { ReferralService, referralRecipient } from '../../../domain/protection/records';
import { organisations, sharingProfiles } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { latestScreenings, NO_SCREENING } from './latest-screening';

// Safe sharing by default (DESIGN §6): a protection referral goes only to an organisation that has
// a data-sharing profile and takes the service; never to an embassy or the detaining authority;
// and nothing about a person who may need international protection goes to their country's
// embassy. The rules are pure (domain/protection/recipients.ts); this file feeds them.

type Person = { id: string; nationality: string | null };
type Org = typeof organisations.$inferSelect;
export type RecipientOption = z.infer<typeof referralRecipient>;

/** The person as the sharing rules see them: nationality and the latest screening's flags. */
export async function personAtRisk(w: Work, person: Person): Promise<PersonAtRisk> {
  const latest = (await latestScreenings(w, [person.id])).get(person.id) ?? NO_SCREENING;
  return { nationality: person.nationality, flags: latest.flags };
}

/** The mission's organisations with their sharing profiles (one query), optionally only one. */
async function candidates(w: Work, organisationId?: string) {
  return w.tx
    .select({ o: organisations, fields: sharingProfiles.fields, services: sharingProfiles.services })
    .from(organisations)
    .leftJoin(
      sharingProfiles,
      and(
        eq(sharingProfiles.missionId, organisations.missionId),
        eq(sharingProfiles.organisationId, organisations.id),
      ),
    )
    .where(
      and(
        eq(organisations.missionId, w.actor.missionId),
        organisationId ? eq(organisations.id, organisationId) : undefined,
      ),
    )
    .orderBy(organisations.name);
}

const refusalOf = (
  person: PersonAtRisk,
  c: { o: Org; fields: string[] | null; services: string[] | null },
  service: ReferralService,
) =>
  referralRecipientRefusal(
    person,
    c.o,
    c.fields ? { fields: c.fields, services: c.services ?? [] } : null,
    service,
  );

/** The organisations a referral of this person for this service may go to, by name. */
export async function eligibleRecipients(
  w: Work,
  person: Person,
  service: ReferralService,
): Promise<RecipientOption[]> {
  const who = await personAtRisk(w, person);
  return (await candidates(w))
    .filter((c) => refusalOf(who, c, service) === null)
    .map(({ o }) => ({ id: o.id, name: o.name, nameAr: o.nameAr, acronym: o.acronym, kind: o.kind }));
}

const refused = (reason: RecipientRefusal | 'unknown') =>
  unprocessable(
    reason === 'unknown' ? 'The recipient organisation does not exist' : REFUSAL_MESSAGES[reason],
    [
      {
        path: 'recipientOrganisationId',
        message: reason === 'unknown' ? 'Unknown organisation' : REFUSAL_MESSAGES[reason],
      },
    ],
    reason === 'unknown' ? undefined : `recipient_${reason}`,
  );

/**
 * Refuses (422 on `recipientOrganisationId`) a referral of this person for this service to an
 * organisation that may not receive it. Checked when a referral is created, sent and packed.
 */
export async function checkReferralRecipient(
  w: Work,
  person: Person,
  organisationId: string,
  service: ReferralService,
): Promise<Org> {
  const [c] = await candidates(w, organisationId);
  if (!c) throw refused('unknown');
  const reason = refusalOf(await personAtRisk(w, person), c, service);
  if (reason) throw refused(reason);
  return c.o;
}

/**
 * THE GATE for anything about a person going to an embassy (returns: embassy verification,
 * travel documents, embassy lists). Refuses with 422 (`code: recipient_embassy_of_origin`) when
 * the person's latest screening flags a possible need for international protection and the
 * embassy is that of their country (or of no recorded country). Other organisations pass.
 */
export async function embassyGate(w: Work, person: Person, organisationId: string): Promise<void> {
  const [c] = await candidates(w, organisationId);
  if (!c) throw refused('unknown');
  if (embassyOfOriginBarred(await personAtRisk(w, person), c.o)) throw refused('embassy_of_origin');
}
