import { describe, expect, it } from 'vitest';
import { ACCESS, CATEGORIES, canRead, PERSONAL_CATEGORIES, ROLES } from './roles';

describe('access matrix', () => {
  it('has an entry for every role in every category', () => {
    for (const c of CATEGORIES) for (const r of ROLES) expect(ACCESS[c][r]).toMatch(/^(rw|r|f|o|-)$/);
  });
  it('gives the viewer no personal data, only aggregates', () => {
    for (const c of PERSONAL_CATEGORIES) expect(canRead(ACCESS[c].viewer)).toBe(false);
    expect(canRead(ACCESS.reporting.viewer)).toBe(true);
  });
  it('keeps medical data from the admin and counselling data from everyone but counsellors', () => {
    expect(canRead(ACCESS.medical.admin)).toBe(false);
    expect(ROLES.filter((r) => canRead(ACCESS.mhpss[r]))).toEqual(['counsellor']);
  });
});
