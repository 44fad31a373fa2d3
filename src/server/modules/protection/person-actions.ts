import {
  CONSENT_PURPOSES,
  type ConsentPurpose,
  REFERRAL_SERVICES,
  type ReferralService,
} from '../../../domain/protection/records';
import type { Actor } from '../../platform/actor';
import { consentPolicy, notePolicy, referralPolicy, screeningPolicy, taskPolicy } from './protection.policy';

/**
 * A policy as asked here: only about a person (their reach), so the record is typed loosely.
 * Each policy reads `record?.reach` for these kind-level actions and nothing else of the record.
 */
interface AsksAboutPerson {
  // biome-ignore lint/suspicious/noExplicitAny: every policy's action and record types
  can(actor: Actor, action: any, record?: any): boolean;
}

/** The protection actions a page offers on one person, in the words of `/me`'s capabilities. */
const ASKED: [name: string, policy: AsksAboutPerson, action: string][] = [
  ['screenings:create', screeningPolicy, 'create'],
  ['screenings:override', screeningPolicy, 'override'],
  ['referrals:create', referralPolicy, 'create'],
  ['referrals:override_consent', referralPolicy, 'override_consent'],
  ['consents:create', consentPolicy, 'create'],
  ['notes:create', notePolicy, 'create'],
  ['tasks:create', taskPolicy, 'create'],
];

/**
 * What the actor may do in protection for THIS person: the policies answer on the person's reach
 * (the centres through which the actor reaches them), so a nurse of centre A who is caseworker in
 * centre B is not offered a screening for someone held in A. Without a reach: "anywhere".
 */
export function personProtectionActions(actor: Actor, reach?: readonly string[]): string[] {
  const about = reach ? { reach } : undefined;
  return ASKED.filter(([, policy, action]) => policy.can(actor, action, about)).map(([name]) => name);
}

/**
 * The services the actor may refer THIS person for, as the referral policy answers each one on the
 * person's reach: a doctor or nurse only `medical`, a protection officer every service. The
 * referral form offers exactly these, so it never offers what the server would refuse (403).
 */
export const referralServices = (actor: Actor, reach?: readonly string[]): ReferralService[] =>
  REFERRAL_SERVICES.filter((service) =>
    (referralPolicy as AsksAboutPerson).can(actor, 'create', { reach, service }),
  );

/**
 * The consent purposes the actor may record for THIS person, as the consent policy answers each
 * one on the person's reach: a doctor or nurse `medical`, a return officer `return`, a protection
 * writer every purpose. The consent form offers exactly these.
 */
export const consentPurposes = (actor: Actor, reach?: readonly string[]): ConsentPurpose[] =>
  CONSENT_PURPOSES.filter((purpose) =>
    (consentPolicy as AsksAboutPerson).can(actor, 'create', { reach, purpose }),
  );
