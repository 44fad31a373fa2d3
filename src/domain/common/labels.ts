import type { Locale } from './schemas';

/** A word or phrase in every language of the app. */
export type LocalisedText = Readonly<Record<Locale, string>>;

/**
 * One table per enum: each code's label in every language, shared by the web app (merged into
 * its i18n resources, web/i18n/shared-labels.ts) and the server (exports, packets).
 */
export type LabelTable = Readonly<Record<string, LocalisedText>>;

/** The code's label in that language; the code itself when the table does not know it. */
export const labelOf = (table: LabelTable, code: string, lang: Locale): string =>
  Object.hasOwn(table, code) ? table[code]![lang] : code;

/** The app's languages, as each language names them (a user's interface language in exports). */
export const LOCALE_LABELS: Record<Locale, LocalisedText> = {
  en: { en: 'English', ar: 'الإنجليزية', fr: 'Anglais' },
  ar: { en: 'Arabic', ar: 'العربية', fr: 'Arabe' },
  fr: { en: 'French', ar: 'الفرنسية', fr: 'Français' },
};
