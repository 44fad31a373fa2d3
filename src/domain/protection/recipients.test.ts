import { describe, expect, it } from 'vitest';
import { embassyOfOriginBarred, recommendedService, referralRecipientRefusal } from './recipients';

const ngo = { kind: 'partner_ngo', countryCode: null, active: true };
const profile = { fields: ['givenName'], services: ['legal', 'medical'] };
const person = { nationality: 'ERI', flags: [] as string[] };
const needsProtection = { nationality: 'ERI', flags: ['international_protection_need'] };

describe('referral recipients', () => {
  it('takes an active organisation with a sharing profile that takes the service', () => {
    expect(referralRecipientRefusal(person, ngo, profile, 'legal')).toBeNull();
    expect(referralRecipientRefusal(person, ngo, profile, 'shelter')).toBe('service_not_taken');
    expect(referralRecipientRefusal(person, ngo, null, 'legal')).toBe('no_sharing_profile');
    expect(referralRecipientRefusal(person, ngo, { fields: [], services: ['legal'] }, 'legal')).toBe(
      'no_sharing_profile',
    );
    expect(referralRecipientRefusal(person, { ...ngo, active: false }, profile, 'legal')).toBe('inactive');
  });

  it('never refers to an embassy or the detaining authority, whatever their profile', () => {
    for (const kind of ['embassy', 'authority'])
      expect(referralRecipientRefusal(person, { ...ngo, kind, countryCode: 'NGA' }, profile, 'legal')).toBe(
        'never_for_protection',
      );
  });

  it('sends nothing about a person who may need international protection to their country’s embassy', () => {
    const eritrea = { kind: 'embassy', countryCode: 'ERI' };
    expect(embassyOfOriginBarred(needsProtection, eritrea)).toBe(true);
    expect(embassyOfOriginBarred(needsProtection, { kind: 'embassy', countryCode: null })).toBe(true);
    expect(embassyOfOriginBarred(needsProtection, { kind: 'embassy', countryCode: 'NGA' })).toBe(false);
    expect(embassyOfOriginBarred(person, eritrea)).toBe(false);
    expect(embassyOfOriginBarred(needsProtection, { kind: 'un_agency', countryCode: 'ERI' })).toBe(false);
    expect(referralRecipientRefusal(needsProtection, { ...eritrea, active: true }, profile, 'legal')).toBe(
      'embassy_of_origin',
    );
  });

  it('recommends the service the flags call for first, or none', () => {
    expect(recommendedService([])).toBeNull();
    expect(recommendedService(['disability'])).toBeNull();
    expect(recommendedService(['international_protection_need'])).toBe('international_protection');
    expect(recommendedService(['gbv_survivor', 'urgent_medical_need'])).toBe('medical');
    expect(recommendedService(['unaccompanied_child'])).toBe('family_tracing');
  });
});
