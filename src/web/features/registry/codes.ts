// Country and language names in the user's language: countries from i18n-iso-countries (the same
// names as the packets), languages from the browser's own data (Intl.DisplayNames).
import { countryName as nameOfCountry } from '../../../domain/common/countries.ts';
import { currentLocale } from '../../i18n/index.ts';

/**
 * Nationalities common in Libya's detention centres (ISO 3166-1 alpha-3 → alpha-2, which is what
 * Intl.DisplayNames knows). Anything else is typed as a code.
 */
export const NATIONALITIES: Readonly<Record<string, string>> = {
  NER: 'NE',
  EGY: 'EG',
  TCD: 'TD',
  SDN: 'SD',
  SSD: 'SS',
  NGA: 'NG',
  GHA: 'GH',
  MLI: 'ML',
  BGD: 'BD',
  SEN: 'SN',
  CIV: 'CI',
  ERI: 'ER',
  SOM: 'SO',
  ETH: 'ET',
  GMB: 'GM',
  GIN: 'GN',
  GNB: 'GW',
  CMR: 'CM',
  BFA: 'BF',
  BEN: 'BJ',
  TGO: 'TG',
  SLE: 'SL',
  LBR: 'LR',
  MRT: 'MR',
  COD: 'CD',
  SYR: 'SY',
  PAK: 'PK',
  PSE: 'PS',
  YEM: 'YE',
  IRQ: 'IQ',
  MAR: 'MA',
  DZA: 'DZ',
  TUN: 'TN',
  LBY: 'LY',
};

/** Spoken languages most often met (ISO 639-1, or 639-3 where there is no two-letter code). */
export const LANGUAGES = [
  'ar',
  'en',
  'fr',
  'ti',
  'am',
  'tig',
  'om',
  'so',
  'ha',
  'ff',
  'bm',
  'wo',
  'yo',
  'ig',
  'kr',
  'bn',
  'ur',
  'pa',
  'ps',
  'fa',
  'ku',
  'ber',
] as const;

function displayName(type: 'language', code: string): string | undefined {
  try {
    const name = new Intl.DisplayNames([currentLocale(), 'en'], { type, fallback: 'none' }).of(code);
    return name && name !== code ? name : undefined;
  } catch {
    return undefined;
  }
}

/** "Sudan" for SDN, in the page's language (i18n-iso-countries); the code itself if unknown. */
export const countryName = (alpha3: string): string => nameOfCountry(alpha3, currentLocale());

export function languageName(code: string): string {
  return displayName('language', code) ?? code;
}

export interface Option {
  value: string;
  label: string;
}

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, currentLocale());

export const nationalityOptions = (): Option[] =>
  Object.keys(NATIONALITIES)
    .map((code) => ({ value: code, label: `${countryName(code)} (${code})` }))
    .sort(byLabel);

export const languageOptions = (extra: readonly string[] = []): Option[] =>
  [...new Set([...LANGUAGES, ...extra])]
    .map((code) => ({ value: code, label: languageName(code) }))
    .sort(byLabel);

export const isKnownNationality = (code: string) => code.toUpperCase() in NATIONALITIES;
