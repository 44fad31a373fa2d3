// Country names in English, Arabic and French, for pages and packets alike: a person's nationality
// is stored as an ISO 3166-1 alpha-3 code (DESIGN §4), and nobody should have to read "ERI".
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import type { Locale } from './schemas';

for (const data of [en, ar, fr]) countries.registerLocale(data);

/** "Eritrea" / "إريتريا" / "Érythrée" for ERI (alpha-3 or alpha-2); the code itself if unknown. */
export function countryName(code: string, locale: Locale): string {
  const upper = code.trim().toUpperCase();
  const name = countries.getName(upper, locale, { select: 'official' }) ?? countries.getName(upper, 'en');
  return name ?? code;
}

/** The alpha-2 code of an alpha-3 one (what browsers' Intl.DisplayNames and flags know), if any. */
export const alpha2Of = (alpha3: string): string | undefined =>
  countries.alpha3ToAlpha2(alpha3.toUpperCase());

/** Whether the code is an ISO 3166-1 alpha-3 country code. */
export const isCountryCode = (alpha3: string): boolean => countries.isValid(alpha3.toUpperCase());
