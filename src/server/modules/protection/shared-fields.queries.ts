import { and, desc, eq } from 'drizzle-orm';
import { countryName } from '../../../domain/common/countries';
import { labelOf } from '../../../domain/common/labels';
import { FLAG_LABELS, type Flag, RISK_LEVEL_LABELS, type RiskLevel } from '../../../domain/protection/flags';
import type { ShareableField } from '../../../domain/protection/records';
import { SHAREABLE_FIELD_LABELS } from '../../../domain/protection/sharing';
import { ageText, birthDateText } from '../../../domain/registry/age';
import { SEX_LABELS } from '../../../domain/registry/labels';
import { persons, relationships, screenings } from '../../db/schema/index';
import { today } from '../../platform/dates';
import type { Work } from '../../platform/http';
import { locationsOf } from '../registry/persons.queries';
import { personScope } from '../registry/persons.scope';
import type { PacketField, PacketLocale } from './packet/types';

// What each field of a data-sharing profile says about a person, in the recipient's language:
// one mapping for everything that leaves the system (referral packets, embassy lists), so a
// field means the same whoever receives it (DESIGN §6).

type PersonRow = typeof persons.$inferSelect;
/** The person's fields (the referral's reason is the referral's, not the person's). */
export type PersonField = Exclude<ShareableField, 'referralReason'>;

/** The person's value of each shareable field; queries run only for the fields `allowed`. */
export async function sharedPersonValues(
  w: Work,
  p: PersonRow,
  allowed: ReadonlySet<ShareableField>,
  locale: PacketLocale,
): Promise<Record<PersonField, string | null>> {
  const at =
    allowed.has('currentCentre') || allowed.has('admittedOn')
      ? (await locationsOf(w, [p.id])).get(p.id)
      : undefined;
  const [screening] =
    allowed.has('protectionFlags') || allowed.has('riskLevel')
      ? await w.tx
          .select({ flags: screenings.flags, risk: screenings.riskLevel })
          .from(screenings)
          .where(and(eq(screenings.missionId, p.missionId), eq(screenings.personId, p.id)))
          .orderBy(desc(screenings.screenedOn), desc(screenings.createdAt))
          .limit(1)
      : [];
  const relatives = allowed.has('family')
    ? await w.tx
        .select({
          rel: relationships.relationship,
          g: persons.givenName,
          f: persons.familyName,
          n: persons.registrationNumber,
        })
        .from(relationships)
        .innerJoin(
          persons,
          and(eq(persons.missionId, relationships.missionId), eq(persons.id, relationships.relatedPersonId)),
        )
        // as /persons/{id}/family: only relatives the actor may see leave with the packet
        .where(
          and(eq(relationships.missionId, p.missionId), eq(relationships.personId, p.id), personScope(w)),
        )
    : [];
  const docs = (p.documents as { type: string; number?: string }[]).map((d) =>
    [d.type, d.number].filter(Boolean).join(' '),
  );
  const flags = (screening?.flags ?? []) as Flag[];
  return {
    registrationNumber: p.registrationNumber,
    givenName: p.givenName,
    familyName: p.familyName,
    fullNameOriginal: p.fullNameOriginal,
    sex: labelOf(SEX_LABELS, p.sex, locale),
    birthDate: birthDateText(p.birthDate, p.birthDateEstimated, locale),
    age: ageText(p.birthDate, p.birthDateEstimated, today(w), locale),
    nationality: countryName(p.nationality, locale),
    languages: p.languages.join(', ') || null,
    documents: docs.join('; ') || null,
    phone: p.phone,
    currentCentre: at?.centreName ?? null,
    admittedOn: at?.admittedOn ?? null,
    protectionFlags: flags.map((f) => FLAG_LABELS[f]?.[locale] ?? f).join('; ') || null,
    riskLevel: screening
      ? (RISK_LEVEL_LABELS[screening.risk as RiskLevel]?.[locale] ?? screening.risk)
      : null,
    family: relatives.map((x) => `${x.g} ${x.f} (${x.n}, ${x.rel})`).join('; ') || null,
  };
}

/** One field as the renderers print it: its label in the language, its value. */
export const sharedField = (
  key: ShareableField,
  values: Partial<Record<ShareableField, string | null>>,
  locale: PacketLocale,
): PacketField => ({ key, label: SHAREABLE_FIELD_LABELS[key][locale], value: values[key] ?? null });
