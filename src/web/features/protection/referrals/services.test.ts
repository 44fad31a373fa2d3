import { describe, expect, it } from 'vitest';
import {
  CONSENT_PURPOSES,
  REFERRAL_SERVICES,
  referralConsentPurpose,
} from '../../../../domain/protection/records.ts';
import { initialPurpose, initialService, serviceOptions } from './services.ts';

const label = (s: string) => `<${s}>`;

describe('the referral form’s services', () => {
  it('offers exactly the services the server lists, in its order', () => {
    expect(serviceOptions(['medical'], label)).toEqual([{ value: 'medical', label: '<medical>' }]);
    expect(serviceOptions(REFERRAL_SERVICES, label).map((o) => o.value)).toEqual([...REFERRAL_SERVICES]);
    expect(serviceOptions([], label)).toEqual([]);
  });

  it('opens with the recommended service only if the reader may refer for it', () => {
    expect(initialService(REFERRAL_SERVICES, 'legal')).toBe('legal');
    // a doctor asked to refer for legal aid gets the one service they may refer for
    expect(initialService(['medical'], 'legal')).toBe('medical');
    expect(initialService(['medical'], undefined)).toBe('medical');
    // several to choose from and none asked: the reader chooses
    expect(initialService(REFERRAL_SERVICES, undefined)).toBeNull();
    expect(initialService(REFERRAL_SERVICES, 'spa')).toBeNull();
    expect(initialService([], 'medical')).toBeNull();
  });
});

describe('the consent the referral form records', () => {
  it('is for the purpose the referral’s consent check asks: medical for a hospital', () => {
    expect(referralConsentPurpose('medical')).toBe('medical');
    expect(referralConsentPurpose('legal')).toBe('referral');
    expect(referralConsentPurpose('international_protection')).toBe('referral');
  });
});

describe('the consent form’s purpose', () => {
  it('opens with the purpose asked for, or referral, only among those the server offers', () => {
    expect(initialPurpose(CONSENT_PURPOSES, 'medical')).toBe('medical');
    expect(initialPurpose(CONSENT_PURPOSES)).toBe('referral');
    // a doctor records the medical consent whatever was asked; a return officer the return one
    expect(initialPurpose(['medical'])).toBe('medical');
    expect(initialPurpose(['medical'], 'referral')).toBe('medical');
    expect(initialPurpose(['return'])).toBe('return');
    // nothing offered (the summary not read yet): nothing chosen
    expect(initialPurpose([], 'medical')).toBeNull();
  });
});
