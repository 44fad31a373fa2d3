// Diagnosis names in the page's language. The built-in catalogue (about 240 codes in three
// languages) is its own chunk, fetched only when a page shows a diagnosis by its code, so neither
// the person page nor the shell carries it.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../domain/common/schemas.ts';
import { isLocale } from '../../i18n/index.ts';

interface Named {
  code: string;
  names: { en: string; ar: string; fr: string };
}

const catalogue = () =>
  import('../../../domain/health/diagnoses.ts').then((m) => m.diagnosisByCode as ReadonlyMap<string, Named>);

/** "B86 · Scabies (suspected)" in the reader's language; the bare code until the catalogue is in
 * (or for a mission's own addition the catalogue does not hold). */
export function useDiagnosisNames() {
  const { i18n } = useTranslation();
  const lang: Locale = isLocale(i18n.language) ? i18n.language : 'en';
  const names = useQuery({ queryKey: ['diagnosis-catalogue'], queryFn: catalogue, staleTime: Infinity });
  return {
    lang,
    name: (code: string, known?: Named['names']): string | null =>
      (known ?? names.data?.get(code)?.names)?.[lang] ?? null,
    label: (code: string, known?: Named['names']): string => {
      const n = (known ?? names.data?.get(code)?.names)?.[lang];
      return n ? `${code} · ${n}` : code;
    },
  };
}
