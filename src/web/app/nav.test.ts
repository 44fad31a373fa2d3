import { describe, expect, it } from 'vitest';
import { MODULES, modulePages } from './nav.ts';

// Pages under a module that need a capability of their own appear only when /me grants it.
const protection = MODULES.find((m) => m.key === 'protection')!;
const keys = (capabilities?: string[]) => modulePages(protection, capabilities).map((p) => p.key);

describe('module pages', () => {
  it('lists the screenings page only for those who may read screenings', () => {
    expect(keys(['protection:read'])).toEqual(['cases', 'referrals']);
    expect(keys(['protection:read', 'screenings:read'])).toEqual(['cases', 'referrals', 'screenings']);
  });

  it('lists every page when asked without capabilities (e.g. for their labels)', () => {
    expect(keys()).toContain('screenings');
  });
});
