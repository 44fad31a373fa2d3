// Turning what a stock officer types into the API's numbers: packs or units into base units,
// a unit cost in the currency's main unit into minor units.

export type QuantityMode = 'packs' | 'units';

/** Base units for a quantity typed in packs or units; undefined while nothing usable is typed. */
export function toBaseUnits(
  value: number | string,
  mode: QuantityMode,
  packSize: number,
): number | undefined {
  const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) return undefined;
  return mode === 'packs' ? Math.round(n * packSize) : Math.round(n);
}

/** Digits after the decimal point of a currency (LYD 3, EUR 2, JPY 0); 2 when unknown. */
export function minorDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** 0.125 LYD → 125; 0.25 EUR → 25 (rounded to the nearest minor unit). */
export function toMinor(value: number | string, currency: string): number | undefined {
  const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) return undefined;
  return Math.round(n * 10 ** minorDigits(currency));
}
