import { describe, expect, it } from 'vitest';
import { minorDigits, toBaseUnits, toMinor } from './lines.ts';

describe('receipt lines', () => {
  it('counts packs in base units: 12 packs of 20 are 240 units', () => {
    expect(toBaseUnits(12, 'packs', 20)).toBe(240);
    expect(toBaseUnits('12', 'units', 20)).toBe(12);
  });

  it('gives nothing while the quantity is empty or not a number', () => {
    expect(toBaseUnits('', 'packs', 20)).toBeUndefined();
    expect(toBaseUnits('abc', 'units', 1)).toBeUndefined();
  });

  it('stores a cost in the minor units of its currency (the Libyan dinar has three decimals)', () => {
    expect(minorDigits('LYD')).toBe(3);
    expect(toMinor(0.125, 'LYD')).toBe(125);
    expect(toMinor('0.25', 'EUR')).toBe(25);
    expect(toMinor(150, 'JPY')).toBe(150);
    expect(toMinor('', 'EUR')).toBeUndefined();
  });
});
