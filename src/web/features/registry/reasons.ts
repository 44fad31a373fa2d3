// The duplicate check's reason codes (src/domain/registry/duplicates.ts) as sentences.
import type { TFunction } from 'i18next';

export type Tone = 'for' | 'against' | 'neutral';

export interface Reason {
  text: string;
  /** does this reason point to the same person, away from it, or neither? */
  tone: Tone;
}

const pct = (s: string) => Math.round(Number(s) * 100);

export function describeReason(code: string, t: TFunction): Reason {
  const name = /^name:(latin|original|cross):([0-9.]+)$/.exec(code);
  if (name) {
    const key = { latin: 'nameLatin', original: 'nameOriginal', cross: 'nameCross' }[name[1] as string];
    const p = pct(name[2]!);
    return { text: t(`duplicates.reasons.${key}`, { pct: p }), tone: p >= 85 ? 'for' : 'neutral' };
  }
  const near = /^birth-year:±(\d+) \(estimated\)$/.exec(code);
  if (near) return { text: t('duplicates.reasons.birthYearNear', { n: Number(near[1]) }), tone: 'for' };
  const off = /^birth-year:off-by-(\d+)$/.exec(code);
  if (off) return { text: t('duplicates.reasons.birthYearOff', { n: Number(off[1]) }), tone: 'against' };
  const fixed: Record<string, [string, Tone]> = {
    'name:none': ['duplicates.reasons.nameNone', 'neutral'],
    'birth-date:same': ['duplicates.reasons.birthDateSame', 'for'],
    'birth-year:same': ['duplicates.reasons.birthYearSame', 'for'],
    'birth-year:same (estimated)': ['duplicates.reasons.birthYearSameEstimated', 'for'],
    'birth-year:unknown': ['duplicates.reasons.birthYearUnknown', 'neutral'],
    'sex:same': ['duplicates.reasons.sexSame', 'for'],
    'sex:different': ['duplicates.reasons.sexDifferent', 'against'],
    'sex:unknown': ['duplicates.reasons.sexUnknown', 'neutral'],
    'nationality:same': ['duplicates.reasons.nationalitySame', 'for'],
    'nationality:different': ['duplicates.reasons.nationalityDifferent', 'against'],
    'nationality:unknown': ['duplicates.reasons.nationalityUnknown', 'neutral'],
    'family-link': ['duplicates.reasons.familyLink', 'for'],
    'family-link:relative': ['duplicates.reasons.familyRelative', 'against'],
  };
  const known = fixed[code];
  // a code added on the server later still shows, untranslated, rather than disappearing
  return known ? { text: t(known[0]), tone: known[1] } : { text: code, tone: 'neutral' };
}
