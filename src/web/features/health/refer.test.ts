import { describe, expect, it } from 'vitest';
import { REFERRAL_SERVICES } from '../../../domain/protection/records.ts';
import { hospitalReferralOffer, hospitalServices } from './refer.ts';

describe('referring a patient to hospital', () => {
  it('offers the medical service only, and only when the server lists it', () => {
    expect(hospitalServices(['medical'])).toEqual(['medical']);
    // a protection officer may refer for anything: the hospital form still fixes `medical`
    expect(hospitalServices(REFERRAL_SERVICES)).toEqual(['medical']);
    expect(hospitalServices(['legal'])).toEqual([]);
    expect(hospitalServices(undefined)).toEqual([]);
  });

  it('is the consultation’s main action when the outcome is referred, a secondary one otherwise', () => {
    expect(hospitalReferralOffer('referred', ['medical'])).toBe('primary');
    expect(hospitalReferralOffer('treated', ['medical'])).toBe('secondary');
    expect(hospitalReferralOffer('follow_up', REFERRAL_SERVICES)).toBe('secondary');
    // the server does not let this reader refer this patient (or has not answered): not offered
    expect(hospitalReferralOffer('referred', [])).toBeNull();
    expect(hospitalReferralOffer('referred', ['legal'])).toBeNull();
    expect(hospitalReferralOffer('referred', undefined)).toBeNull();
  });
});
