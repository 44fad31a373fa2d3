import { describe, expect, it } from 'vitest';
import { MODULES, modulePages, visibleModules } from './nav.ts';

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

describe('supplies pages', () => {
  const supplies = MODULES.find((m) => m.key === 'supplies')!;
  const pages = (capabilities: string[]) => modulePages(supplies, capabilities).map((p) => p.key);

  it('lists each page only with the capability of its records', () => {
    expect(pages(['supplies:read', 'stock:read'])).toEqual(['stock', 'reports']);
    expect(pages(['supplies:read', 'stock:read', 'catalogue:read', 'stock_points:read'])).toEqual([
      'stock',
      'items',
      'stockPoints',
      'reports',
    ]);
    expect(pages(['supplies:read', 'transfers:read', 'stock_counts:read'])).toEqual(['transfers', 'counts']);
  });
});

describe('health and counselling', () => {
  const shown = (capabilities: string[]) => visibleModules(capabilities).map((m) => m.key);
  const health = MODULES.find((m) => m.key === 'health')!;
  const pages = (capabilities: string[]) => modulePages(health, capabilities).map((p) => p.key);

  it('opens the health module to a manager who reads surveillance and alerts but no medical data', () => {
    expect(shown(['surveillance:read', 'alerts:read'])).toEqual(['health']);
    expect(pages(['surveillance:read', 'alerts:read'])).toEqual(['surveillance', 'alerts']);
  });

  it('shows neither module without a capability that opens it', () => {
    expect(shown(['registry:read', 'tasks:read'])).toEqual(['registry']);
    expect(shown(['mhpss:read', 'counselling:read'])).toEqual(['mhpss']);
  });

  it('lists each health page only with its own capability', () => {
    expect(pages(['health:read', 'alerts:read'])).toEqual(['alerts']);
  });
});

describe('health pages', () => {
  const health = MODULES.find((m) => m.key === 'health')!;

  it('lists today’s clinic for medical readers who may read clinic sessions', () => {
    expect(health.capability).toBe('health:read');
    expect(modulePages(health, ['health:read', 'clinic_sessions:read']).map((p) => p.to)).toEqual([
      '/clinic',
    ]);
    expect(modulePages(health, ['health:read'])).toEqual([]);
  });
});

describe('returns', () => {
  const shown = (capabilities: string[]) => visibleModules(capabilities).map((m) => m.key);
  const returns = MODULES.find((m) => m.key === 'returns')!;

  it('shows the returns module to those the server lets read returns, opening on the cases list', () => {
    expect(shown(['registry:read'])).not.toContain('returns');
    expect(shown(['registry:read', 'returns:read'])).toContain('returns');
    expect(returns.to).toBe('/returns');
    expect(modulePages(returns, ['returns:read']).map((p) => p.to)).toContain('/returns');
  });
});
