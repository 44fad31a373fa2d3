import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageGroup, ageOn, ageText, birthDateFromAge, birthDateText } from './age';

describe('age', () => {
  it.each([
    ['1995-06-15', '2026-06-14', 30],
    ['1995-06-15', '2026-06-15', 31],
    ['2010-02-28', '2026-02-27', 15],
    ['2026-01-01', '2026-11-22', 0],
  ])('born %s is %i on %s', (born, on, age) => {
    expect(ageOn(born, on)).toBe(age);
  });
  it('is null without a birth date or before birth', () => {
    expect(ageOn(undefined, '2026-01-01')).toBeNull();
    expect(ageOn('2027-01-01', '2026-01-01')).toBeNull();
  });
  it('turns an estimated age back into that age, within the year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        (age, d) => {
          const today = d.toISOString().slice(0, 10);
          const computed = ageOn(birthDateFromAge(age, today), today);
          expect(computed === age || computed === Math.max(0, age - 1)).toBe(true);
        },
      ),
    );
  });
  it('bands ages as in humanitarian reporting', () => {
    expect([null, 0, 4, 5, 11, 12, 17, 18, 59, 60, 90].map(ageGroup)).toEqual([
      'unknown',
      '0-4',
      '0-4',
      '5-11',
      '5-11',
      '12-17',
      '12-17',
      '18-59',
      '18-59',
      '60+',
      '60+',
    ]);
  });
});

describe('age as read by people', () => {
  it('gives an exact age as a number and an estimated one as "about", with the year only', () => {
    expect(ageText('1995-03-10', false, '2026-11-02', 'en')).toBe('31');
    expect(ageText('1999-07-01', true, '2026-11-02', 'en')).toBe('about 27 (born around 1999)');
    expect(ageText('1999-07-01', true, '2026-11-02', 'fr')).toBe('environ 27 ans (né vers 1999)');
    expect(ageText('1999-07-01', true, '2026-11-02', 'ar')).toBe('نحو 27 سنة (وُلد نحو عام 1999)');
    expect(ageText(null, true, '2026-11-02', 'en')).toBeNull();
  });

  it('never shows an estimated birth date as a day', () => {
    expect(birthDateText('1999-07-01', true, 'en')).toBe('around 1999');
    expect(birthDateText('1999-07-01', true, 'ar')).toBe('نحو عام 1999');
    expect(birthDateText('1995-03-10', false, 'fr')).toBe('1995-03-10');
    expect(birthDateText(null, false, 'en')).toBeNull();
  });
});
