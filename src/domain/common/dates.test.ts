import { describe, expect, it } from 'vitest';
import { addDays, birthDate, factDate, latestFact, plannedDate } from './dates';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []);

describe('date helpers', () => {
  it.each([
    ['birthDate', birthDate, '9999-12-31', false],
    ['birthDate', birthDate, '1899-12-31', false],
    ['birthDate', birthDate, '1900-01-01', true],
    ['birthDate', birthDate, '2024-02-29', true],
    ['birthDate', birthDate, '2023-02-29', false],
    ['factDate', factDate, '0001-01-01', false],
    ['factDate', factDate, '1999-12-31', false],
    ['factDate', factDate, '2026-02-30', false],
    ['factDate', factDate, '2026-13-01', false],
    ['factDate', factDate, '2026-1-1', false],
    ['factDate', factDate, '2020-06-15', true],
    ['plannedDate', plannedDate, '9999-12-31', false],
    ['plannedDate', plannedDate, '2000-01-01', true],
  ])('%s %s → %s', (_name, schema, value, ok) => {
    expect(schema().safeParse(value).success).toBe(ok);
  });

  it('accepts facts up to tomorrow (a user east of UTC), not after', () => {
    expect(factDate().safeParse(latestFact()).success).toBe(true);
    expect(factDate().safeParse(addDays(latestFact(), 1)).success).toBe(false);
    expect(birthDate().safeParse(addDays(latestFact(), 1)).success).toBe(false);
    expect(plannedDate().safeParse(addDays(latestFact(), 300)).success).toBe(true);
  });

  it('says what is wrong, once', () => {
    expect(messages(birthDate().safeParse('9999-12-31'))).toEqual([expect.stringMatching(/^Too far ahead/)]);
    expect(messages(factDate().safeParse('0001-01-01'))).toEqual(['Not before 2000-01-01']);
    expect(messages(factDate().safeParse('2026-02-30'))).toEqual(['Use a real date as YYYY-MM-DD']);
    expect(messages(factDate().safeParse('garbage'))).toEqual(['Use a real date as YYYY-MM-DD']);
  });
});
