import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ALL_STRINGS } from '../../i18n/all-strings.ts';
import { describeReason } from './reasons.ts';

// every reason code documented in src/domain/registry/duplicates.ts
const CODES = [
  'name:latin:0.93',
  'name:original:0.88',
  'name:cross:0.90',
  'name:none',
  'birth-date:same',
  'birth-year:same',
  'birth-year:same (estimated)',
  'birth-year:±1 (estimated)',
  'birth-year:off-by-4',
  'birth-year:unknown',
  'sex:same',
  'sex:different',
  'sex:unknown',
  'nationality:same',
  'nationality:different',
  'nationality:unknown',
  'family-link',
  'family-link:relative',
];

async function translator(lng: 'en' | 'ar' | 'fr') {
  const i = i18next.createInstance();
  await i.init({
    lng,
    resources: {
      en: { translation: ALL_STRINGS.en },
      ar: { translation: ALL_STRINGS.ar },
      fr: { translation: ALL_STRINGS.fr },
    },
    interpolation: { escapeValue: false },
  });
  return i.t;
}

describe('duplicate reasons', () => {
  it.each(['en', 'ar', 'fr'] as const)('turns every code into a sentence in %s', async (lng) => {
    const t = await translator(lng);
    for (const code of CODES) {
      const r = describeReason(code, t);
      expect(r.text, code).not.toMatch(/duplicates\.reasons/);
      expect(r.text, code).not.toBe(code);
    }
  });

  it('keeps numbers and says which way each reason points', async () => {
    const t = await translator('en');
    expect(describeReason('name:latin:0.93', t)).toEqual({
      text: 'Names in Latin letters 93% alike',
      tone: 'for',
    });
    expect(describeReason('birth-year:±1 (estimated)', t).text).toContain('1');
    expect(describeReason('birth-year:off-by-4', t)).toMatchObject({ tone: 'against' });
    expect(describeReason('sex:different', t).tone).toBe('against');
    expect(describeReason('family-link', t).tone).toBe('for');
  });

  it('shows a code it does not know as it is', async () => {
    const t = await translator('fr');
    expect(describeReason('phone:same', t)).toEqual({ text: 'phone:same', tone: 'neutral' });
  });
});
