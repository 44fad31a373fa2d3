import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/common/schemas.ts';
import { installBundleLoading } from './bundles.ts';

const STORAGE_KEY = 'sanad.locale';

export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && LOCALES.includes(v as Locale);

export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');

/** The language to show before anyone signs in: last choice on this device, else the browser's. */
export function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be disabled
  }
  const nav = (typeof navigator !== 'undefined' ? navigator.language : 'en').slice(0, 2);
  return isLocale(nav) ? nav : 'en';
}

export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // storage may be disabled
  }
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

/** Sets the document's lang and dir; Mantine's DirectionProvider follows via LanguageSync. */
export function applyDocumentLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

export async function setupI18n(): Promise<typeof i18n> {
  const lng = initialLocale();
  applyDocumentLocale(lng);
  await i18n
    .use(initReactI18next)
    // each language's shell strings are their own chunk, fetched when chosen: a weak line carries
    // one, not three; features' strings and enum labels come with their pages (bundles.ts)
    .use(resourcesToBackend((locale: string) => import(`./${locale}.json`)))
    .init({
      lng,
      fallbackLng: 'en',
      supportedLngs: [...LOCALES],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  installBundleLoading();
  // a language chosen in another tab of the app applies here too (that tab saved it already)
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY && isLocale(e.newValue) && e.newValue !== i18n.language) {
      void i18n.changeLanguage(e.newValue);
    }
  });
  return i18n;
}

export { i18n };
