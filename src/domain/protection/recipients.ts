import type { Flag } from './flags';
import type { ReferralService } from './records';

// Who may receive a protection referral (DESIGN §6, safe sharing by default), as pure rules: the
// server applies them to the organisations of the mission, and the web app shows only what the
// server offers.

/** Never a recipient of a protection referral: they are the ones a person may need protecting from. */
export const NEVER_REFERRED_TO = ['embassy', 'authority'] as const;

export interface RecipientCandidate {
  kind: string;
  /** ISO 3166-1 alpha-3: for an embassy, the country it represents */
  countryCode: string | null;
  active: boolean;
}
export interface RecipientProfile {
  fields: readonly string[];
  services: readonly string[];
}
export interface PersonAtRisk {
  nationality: string | null;
  /** the flags of the person's latest screening */
  flags: readonly string[];
}

export type RecipientRefusal =
  | 'inactive'
  | 'never_for_protection'
  | 'no_sharing_profile'
  | 'service_not_taken'
  | 'embassy_of_origin';

/** What a refusal says, in the problem+json field error. */
export const REFUSAL_MESSAGES: Record<RecipientRefusal, string> = {
  inactive: 'The organisation is no longer active',
  never_for_protection: 'Embassies and the detaining authority never receive protection referrals',
  no_sharing_profile: 'The organisation has no data-sharing profile',
  service_not_taken: 'The organisation does not take this service',
  embassy_of_origin:
    'The person may need international protection: nothing about them goes to the embassy of their country',
};

export const PROTECTION_NEED: Flag = 'international_protection_need';

/**
 * Nothing about a person who may need international protection goes to the embassy of their
 * country (non-refoulement): the gate for every sharing with an embassy, returns included. An
 * embassy whose country is not recorded is treated as theirs, as it cannot be told apart.
 */
export function embassyOfOriginBarred(
  person: PersonAtRisk,
  org: Pick<RecipientCandidate, 'kind' | 'countryCode'>,
) {
  if (org.kind !== 'embassy' || !person.flags.includes(PROTECTION_NEED)) return false;
  return !org.countryCode || !person.nationality || org.countryCode === person.nationality;
}

/** Why this organisation may not receive this referral, or null when it may. */
export function referralRecipientRefusal(
  person: PersonAtRisk,
  org: RecipientCandidate,
  profile: RecipientProfile | null,
  service: ReferralService,
): RecipientRefusal | null {
  if (embassyOfOriginBarred(person, org)) return 'embassy_of_origin';
  if ((NEVER_REFERRED_TO as readonly string[]).includes(org.kind)) return 'never_for_protection';
  if (!org.active) return 'inactive';
  if (!profile || profile.fields.length === 0) return 'no_sharing_profile';
  if (!profile.services.includes(service)) return 'service_not_taken';
  return null;
}

/**
 * The service a screening's flags call for first, or null when they call for no referral. Life
 * first (urgent care), then international protection (UNHCR), trafficking, children alone, and
 * survivors; the officer may still choose another.
 */
const RECOMMENDED: [Flag, ReferralService][] = [
  ['urgent_medical_need', 'medical'],
  ['international_protection_need', 'international_protection'],
  ['trafficking_victim_suspected', 'shelter'],
  ['unaccompanied_child', 'family_tracing'],
  ['separated_child', 'family_tracing'],
  ['torture_survivor', 'psychosocial'],
  ['gbv_survivor', 'psychosocial'],
  ['serious_medical_condition', 'medical'],
  ['pregnant', 'medical'],
];

export function recommendedService(flags: readonly string[]): ReferralService | null {
  return RECOMMENDED.find(([f]) => flags.includes(f))?.[1] ?? null;
}
