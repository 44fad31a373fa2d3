import { afterEach, describe, expect, it } from 'vitest';
import { forgetHistory, previousPage, rememberPage } from './BackLink.tsx';

afterEach(forgetHistory);

describe('where a back link goes', () => {
  it('goes back to the in-app page before this one', () => {
    rememberPage(0, '/registry');
    rememberPage(1, '/persons/p1');
    expect(previousPage(1)).toBe('/registry');
  });

  it('uses its fallback on the first page of the tab, or after a reload (nothing seen before)', () => {
    rememberPage(0, '/persons/p1');
    expect(previousPage(0)).toBeNull();
    expect(previousPage(5)).toBeNull();
    expect(previousPage(undefined)).toBeNull();
  });

  it('never goes back to a form already submitted, nor to the sign-in steps', () => {
    for (const form of ['/registry/new', '/persons/p1/screening', '/sign-in', '/change-password']) {
      rememberPage(3, form);
      expect(previousPage(4)).toBeNull();
    }
  });
});
