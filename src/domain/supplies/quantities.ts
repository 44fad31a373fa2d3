import type { Locale } from '../common/schemas';
import type { BaseUnit } from './catalogue';
import { UNIT_LABELS } from './labels';

const PACKS: Record<Locale, (packs: number, size: number) => string> = {
  en: (p, s) => `${p} ${p === 1 ? 'pack' : 'packs'} of ${s}`,
  ar: (p, s) => `${p} ${p === 1 ? 'عبوة' : 'عبوات'} × ${s}`,
  fr: (p, s) => `${p} ${p === 1 ? 'paquet' : 'paquets'} de ${s}`,
};

/** Whole packs and the units left over. */
export function packsOf(quantity: number, packSize: number): { packs: number; rest: number } {
  const sign = quantity < 0 ? -1 : 1;
  const q = Math.abs(quantity);
  return { packs: sign * Math.floor(q / packSize), rest: sign * (q % packSize) };
}

/**
 * A quantity in base units, shown in both: "12 packs of 20 = 240 tablets" (a remainder as
 * "12 packs of 20 + 5 = 245 tablets"; a pack of one, just "240 pieces").
 */
export function formatQuantity(
  quantity: number,
  item: { baseUnit: BaseUnit; packSize: number },
  lang: Locale,
): string {
  const units = `${quantity} ${UNIT_LABELS[item.baseUnit][lang]}`;
  if (item.packSize <= 1) return units;
  const { packs, rest } = packsOf(quantity, item.packSize);
  if (packs === 0) return units;
  const whole = PACKS[lang](Math.abs(packs), item.packSize);
  return `${quantity < 0 ? '−' : ''}${whole}${rest ? ` + ${Math.abs(rest)}` : ''} = ${units}`;
}
