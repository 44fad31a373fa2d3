import { describe, expect, it } from 'vitest';
import { duplicateQuery, personUpdate, registration } from '../../../domain/registry/schemas.ts';
import type { Person } from './api.ts';
import {
  duplicateQueryOf,
  identityValues,
  OTHER_NATIONALITY,
  personPayload,
  updatePayload,
} from './identity.ts';

const filled = {
  ...identityValues(),
  givenName: ' Muhamad ',
  familyName: 'Abd al-Rahman',
  sex: 'male',
  birthMode: 'age' as const,
  estimatedAge: 30,
  nationality: 'SDN',
  languages: ['ar'],
  documentTypes: ['travel_document', 'passport'],
  documentNumbers: { passport: ' P1 ', travel_document: '' },
};

describe('identity form values', () => {
  it('builds a registration the shared schema accepts, documents in a fixed order', () => {
    const p = personPayload(filled);
    expect(p.givenName).toBe('Muhamad');
    expect(p.estimatedAge).toBe(30);
    expect(p.birthDate).toBeUndefined();
    expect(p.documents).toEqual([{ type: 'passport', number: 'P1' }, { type: 'travel_document' }]);
    const r = registration.safeParse({
      ...p,
      centreId: '0190c0de-0000-7000-8000-000000000000',
      admittedOn: '2026-01-02',
    });
    expect(r.success).toBe(true);
  });

  it('turns an estimated age into an estimated birth date for an update', () => {
    const u = updatePayload(filled);
    expect(u).not.toHaveProperty('estimatedAge');
    expect(u.birthDate).toMatch(/^\d{4}-07-01$/);
    expect(u.birthDateEstimated).toBe(true);
    expect(personUpdate.safeParse({ ...u, version: 1 }).success).toBe(true);
  });

  it('takes a typed code for a nationality not in the list', () => {
    const p = personPayload({ ...filled, nationality: OTHER_NATIONALITY, nationalityOther: 'cod' });
    expect(p.nationality).toBe('COD');
    const back = identityValues({ nationality: 'XKX', languages: [], documents: [] } as unknown as Person);
    expect(back.nationality).toBe(OTHER_NATIONALITY);
    expect(back.nationalityOther).toBe('XKX');
  });

  it('asks about duplicates only once there is a name, with only valid fields', () => {
    expect(duplicateQueryOf(identityValues(), [])).toBeNull();
    const half = {
      ...identityValues(),
      givenName: 'Moh',
      birthDate: '19',
      nationality: OTHER_NATIONALITY,
      nationalityOther: 'SD',
    };
    const q = duplicateQueryOf(half, []);
    expect(q).toEqual({ givenName: 'Moh', birthDateEstimated: false });
    expect(duplicateQuery.safeParse(q).success).toBe(true);
    const full = duplicateQueryOf(filled, [
      { personId: '0190c0de-0000-7000-8000-000000000000', relationship: 'spouse' },
    ]);
    expect(full).toMatchObject({ estimatedAge: 30, nationality: 'SDN', sex: 'male' });
    expect(duplicateQuery.safeParse(full).success).toBe(true);
  });
});
