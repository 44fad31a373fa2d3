import type { Diagnosis, DiagnosisGroup } from '../diagnoses';

/** The catalogue's rows, one call each: ICD-10 code, English, Arabic, French, search terms. */
export const entriesOf =
  (group: DiagnosisGroup) =>
  (code: string, en: string, ar: string, fr: string, terms?: readonly string[]): Diagnosis =>
    terms ? { code, group, names: { en, ar, fr }, terms } : { code, group, names: { en, ar, fr } };
