import type { Role } from '../../domain/access/roles';
import type { CentreCreate, OrganisationCreate } from '../../domain/directory/schemas';

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

/** A registration: a fictional person admitted to `centreId` (names as the person gives them). */
export const buildPerson = (
  centreId: string,
  o: Partial<import('../../domain/registry/schemas').Registration> = {},
): import('../../domain/registry/schemas').Registration => {
  const i = seq();
  return {
    givenName: `Amadou${i}`,
    familyName: 'Diallo',
    sex: 'male',
    birthDate: '1998-03-14',
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
