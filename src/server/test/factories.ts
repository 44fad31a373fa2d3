import type { Role } from '../../domain/access/roles';
import type { CentreCreate, OrganisationCreate } from '../../domain/directory/schemas';
import { REFERRAL_SERVICES } from '../../domain/protection/records';

let n = 0;
const seq = () => ++n;

/** Test data builders: realistic defaults, unique names, any field overridable. */
export const buildOrganisation = (o: Partial<OrganisationCreate> = {}): OrganisationCreate => ({
  name: `Partner NGO ${seq()}`,
  nameAr: 'منظمة شريكة',
  kind: 'partner_ngo',
  countryCode: 'LBY',
  ...o,
});

export const buildCentre = (o: Partial<CentreCreate> = {}): CentreCreate => ({
  name: `Test Detention Centre ${seq()}`,
  nameAr: 'مركز احتجاز تجريبي',
  type: 'detention',
  location: 'Tripoli',
  capacity: 200,
  ...o,
});

export const buildUser = (
  o: Partial<{
    username: string;
    displayName: string;
    role: Role;
    centreIds: string[];
    organisationId: string;
  }> = {},
) => {
  const i = seq();
  return {
    username: o.username ?? `user${i}`,
    displayName: o.displayName ?? `Test User ${i}`,
    password: 'correct horse battery',
    role: o.role ?? 'caseworker',
    centreIds: o.centreIds ?? [],
    organisationId: o.organisationId,
  };
};

// one set per position, so no two numbers give the same syllables in another order
const SYLLABLES = [
  ['ba', 'ko', 'ri', 'tu', 'me', 'sa', 'li', 'do', 'ne', 'fa'],
  ['gun', 'pel', 'vor', 'dak', 'mis', 'tob', 'ker', 'zul', 'han', 'wef'],
  ['ato', 'ine', 'uso', 'ela', 'ori', 'umi', 'ade', 'eku', 'ola', 'iba'],
];
/** A made-up name per number, e.g. 123 → "Ridakine" (letters, since names ignore digits). */
const distinctName = (i: number, order: readonly number[]) => {
  const digits = [...String(i % 1000).padStart(3, '0')].reverse();
  const word = order.map((d, k) => SYLLABLES[k]?.[Number(digits[d])]).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
};

/** A registration: a fictional person admitted to `centreId` (names as the person gives them). */
export const buildPerson = (
  centreId: string,
  o: Partial<import('../../domain/registry/schemas').Registration> = {},
): import('../../domain/registry/schemas').Registration => {
  const i = seq();
  return {
    // a distinct family name and birth year each, so that factory people are never likely
    // duplicates of each other (registration asks for a decision on those)
    // the last digit first in the family name, the middle one in the given name
    givenName: distinctName(i, [1, 2, 0]),
    familyName: distinctName(i, [0, 1, 2]),
    sex: 'male',
    birthDate: `${1960 + (i % 45)}-${String(1 + (Math.floor(i / 45) % 12)).padStart(2, '0')}-14`,
    birthDateEstimated: false,
    nationality: 'GIN',
    languages: ['fr', 'ff'],
    documents: [],
    centreId,
    admittedOn: '2026-10-01',
    circumstances: 'intercepted_at_sea',
    family: [],
    ...o,
  };
};

// ---- protection

type Records = typeof import('../../domain/protection/records');
type Body<K extends 'consentCreate' | 'referralCreate' | 'taskCreate'> = import('zod').input<Records[K]>;

/** A consent decision of `personId` for a referral to `recipientOrganisationId` (given by default). */
export const buildConsent = (
  personId: string,
  recipientOrganisationId: string,
  o: Partial<Body<'consentCreate'>> = {},
) => ({
  personId,
  purpose: 'referral' as const,
  recipientOrganisationId,
  decision: 'given' as const,
  method: 'verbal' as const,
  language: 'ar',
  interpreter: true,
  givenOn: '2026-11-01',
  ...o,
});

/** A referral body (no consent override unless given). */
export const buildReferral = (
  personId: string,
  recipientOrganisationId: string,
  o: Partial<Body<'referralCreate'>> = {},
) => ({
  personId,
  recipientOrganisationId,
  service: 'international_protection' as const,
  urgency: 'priority' as const,
  reason: `Fears persecution on return (case ${seq()}).`,
  ...o,
});

/** A follow-up task for `assigneeUserId`, due a few days after the test clock's start. */
export const buildTask = (assigneeUserId: string, o: Partial<Body<'taskCreate'>> = {}) => ({
  title: `Follow up ${seq()}`,
  dueOn: '2026-11-05',
  assigneeUserId,
  ...o,
});

/**
 * A data-sharing profile taking every referral service: a referral goes only to an organisation
 * that has one and takes the service (DESIGN §6), so tests that refer give their recipient one.
 */
export const buildSharingProfile = (
  o: { fields?: string[]; services?: (typeof REFERRAL_SERVICES)[number][] } = {},
) => ({
  fields: ['registrationNumber', 'givenName', 'familyName', 'sex', 'nationality', 'referralReason'],
  services: [...REFERRAL_SERVICES],
  ...o,
});

/** Gives `organisationId` a sharing profile (as an administrator `admin`); returns the id. */
export async function acceptsReferrals(
  admin: {
    request(o: import('fastify').InjectOptions): Promise<import('fastify').LightMyRequestResponse>;
  },
  organisationId: string,
  o: Parameters<typeof buildSharingProfile>[0] = {},
): Promise<string> {
  const res = await admin.request({
    method: 'PUT',
    url: `/api/v1/organisations/${organisationId}/sharing-profile`,
    payload: buildSharingProfile(o),
  });
  if (res.statusCode !== 200) throw new Error(`sharing profile: ${res.statusCode} ${res.body}`);
  return organisationId;
}

/** A new organisation (created by `admin`) whose sharing profile takes referrals; returns its id. */
export async function createRecipient(
  admin: Parameters<typeof acceptsReferrals>[0],
  o: Partial<OrganisationCreate> = {},
  profile: Parameters<typeof buildSharingProfile>[0] = {},
): Promise<string> {
  const res = await admin.request({
    method: 'POST',
    url: '/api/v1/organisations',
    payload: buildOrganisation(o),
  });
  if (res.statusCode !== 201) throw new Error(`organisation: ${res.statusCode} ${res.body}`);
  return acceptsReferrals(admin, (JSON.parse(res.body) as { id: string }).id, profile);
}
