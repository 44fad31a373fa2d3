// The person's own fields as a form holds them, and the payloads built from them.
import { birthDateFromAge } from '../../../domain/registry/age.ts';
import { DOCUMENT_TYPES, type SEXES } from '../../../domain/registry/schemas.ts';
import { opt, optNum } from '../../components/record/record.ts';
import type { DuplicateQuery, Person } from './api.ts';
import { isKnownNationality } from './codes.ts';

export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type BirthMode = 'date' | 'age';
export const OTHER_NATIONALITY = 'other';

export type IdentityValues = {
  givenName: string;
  familyName: string;
  fullNameOriginal: string;
  sex: string | null;
  birthMode: BirthMode;
  birthDate: string;
  /** a date of birth that is itself a guess (e.g. "1 January" written on a card) */
  birthDateEstimated: boolean;
  estimatedAge: number | string;
  /** an alpha-3 code from the list, or OTHER_NATIONALITY with the code typed in nationalityOther */
  nationality: string | null;
  nationalityOther: string;
  languages: string[];
  documentTypes: string[];
  documentNumbers: Record<string, string>;
  phone: string;
};

export type SetIdentity = <K extends keyof IdentityValues>(field: K, value: IdentityValues[K]) => void;

export const today = () => new Date().toISOString().slice(0, 10);

export function identityValues(p?: Person): IdentityValues {
  const nationality = p?.nationality ?? null;
  return {
    givenName: p?.givenName ?? '',
    familyName: p?.familyName ?? '',
    fullNameOriginal: p?.fullNameOriginal ?? '',
    sex: p?.sex ?? null,
    birthMode: 'date',
    birthDate: p?.birthDate ?? '',
    birthDateEstimated: p?.birthDateEstimated ?? false,
    estimatedAge: '',
    nationality: nationality && !isKnownNationality(nationality) ? OTHER_NATIONALITY : nationality,
    nationalityOther: nationality && !isKnownNationality(nationality) ? nationality : '',
    languages: p?.languages ?? [],
    documentTypes: (p?.documents ?? []).map((d) => d.type),
    documentNumbers: Object.fromEntries((p?.documents ?? []).map((d) => [d.type, d.number ?? ''])),
    phone: p?.phone ?? '',
  };
}

const nationalityOf = (v: IdentityValues) =>
  v.nationality === OTHER_NATIONALITY
    ? v.nationalityOther.trim().toUpperCase()
    : (v.nationality ?? undefined);

/** Documents in a fixed order, so server errors (documents.N.number) find their row. */
export const heldDocuments = (v: IdentityValues) => DOCUMENT_TYPES.filter((d) => v.documentTypes.includes(d));

/** The person's fields as the shared schemas take them; `estimatedAge` stays for registration. */
export function personPayload(v: IdentityValues) {
  const age = v.birthMode === 'age' ? optNum(v.estimatedAge) : undefined;
  return {
    givenName: v.givenName.trim(),
    familyName: v.familyName.trim(),
    fullNameOriginal: opt(v.fullNameOriginal),
    sex: (v.sex ?? undefined) as (typeof SEXES)[number] | undefined,
    birthDate: v.birthMode === 'date' ? opt(v.birthDate) : undefined,
    birthDateEstimated: v.birthMode === 'age' || v.birthDateEstimated,
    estimatedAge: age,
    nationality: nationalityOf(v),
    languages: v.languages,
    documents: heldDocuments(v).map((type) => ({ type, number: opt(v.documentNumbers[type] ?? '') })),
    phone: opt(v.phone),
  };
}

/** For an update, which has no `estimatedAge`: the age becomes an estimated birth date here. */
export function updatePayload(v: IdentityValues) {
  const { estimatedAge, ...rest } = personPayload(v);
  if (estimatedAge === undefined) return rest;
  return { ...rest, birthDate: birthDateFromAge(estimatedAge, today()), birthDateEstimated: true };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the duplicate check can use of a half-filled form, or null while there is no name yet. */
export function duplicateQueryOf(v: IdentityValues, family: { personId: string; relationship: string }[]) {
  const p = personPayload(v);
  const latin = `${p.givenName}${p.familyName}`.length >= 3;
  const original = (p.fullNameOriginal ?? '').length >= 2;
  if (!latin && !original && family.length === 0) return null;
  const q: Record<string, unknown> = {
    givenName: p.givenName || undefined,
    familyName: p.familyName || undefined,
    fullNameOriginal: p.fullNameOriginal,
    sex: p.sex,
    birthDate: p.birthDate && ISO_DATE.test(p.birthDate) ? p.birthDate : undefined,
    birthDateEstimated: p.birthDate ? p.birthDateEstimated : undefined,
    estimatedAge:
      p.estimatedAge !== undefined && Number.isInteger(p.estimatedAge) && p.estimatedAge <= 120
        ? p.estimatedAge
        : undefined,
    nationality: p.nationality && /^[A-Z]{3}$/.test(p.nationality) ? p.nationality : undefined,
    family: family.length ? family : undefined,
  };
  return Object.fromEntries(Object.entries(q).filter(([, x]) => x !== undefined)) as DuplicateQuery;
}
