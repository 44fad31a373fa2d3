import { describe, expect, it } from 'vitest';
import { can } from '../../components/record/record.ts';
import { personOffers } from './access.ts';

// A person's page offers an action exactly when the server lists it for that person: the same
// answer whatever the user's roles, since the page never sees them.

const none = {
  screen: false,
  overrideScreening: false,
  refer: false,
  overrideConsent: false,
  recordConsent: false,
  writeNote: false,
  setTask: false,
};

describe('what a person’s protection page offers', () => {
  it('offers nothing before the server has answered', () => {
    expect(personOffers(undefined)).toEqual(none);
    expect(personOffers(null)).toEqual(none);
  });

  it('offers nothing to a reader the server lists no action for (flags only, or another centre)', () => {
    expect(personOffers({ allowedActions: [] })).toEqual(none);
  });

  it('offers the writes the server lists, and no override it does not list', () => {
    const writer = personOffers({
      allowedActions: [
        'screenings:create',
        'referrals:create',
        'consents:create',
        'notes:create',
        'tasks:create',
      ],
    });
    expect(writer).toEqual({
      ...none,
      screen: true,
      refer: true,
      recordConsent: true,
      writeNote: true,
      setTask: true,
    });
  });

  it('offers the overrides only when listed, even without the writes', () => {
    expect(personOffers({ allowedActions: ['screenings:override', 'referrals:override_consent'] })).toEqual({
      ...none,
      overrideScreening: true,
      overrideConsent: true,
    });
  });

  it('offers one action alone when that is all the server lists', () => {
    expect(personOffers({ allowedActions: ['tasks:create'] })).toEqual({ ...none, setTask: true });
    expect(personOffers({ allowedActions: ['notes:create'] })).toEqual({ ...none, writeNote: true });
  });

  it('reads a record’s own allowedActions word for word', () => {
    const referral = { allowedActions: ['transition', 'packet'] };
    expect(can(referral, 'packet')).toBe(true);
    expect(can(referral, 'override_consent')).toBe(false);
    expect(can(undefined, 'packet')).toBe(false);
  });
});
