import { z } from 'zod';
import type { LocalisedText } from '../common/labels';

// The vocabulary a screening produces: protection flags and risk levels, each with its
// label in the three interface languages (terms from the project glossary).

export type { LocalisedText };

export const FLAGS = [
  'trafficking_victim_suspected',
  'international_protection_need',
  'child',
  'unaccompanied_child',
  'separated_child',
  'serious_medical_condition',
  'urgent_medical_need',
  'disability',
  'pregnant',
  'older_person',
  'gbv_survivor',
  'torture_survivor',
] as const;
export type Flag = (typeof FLAGS)[number];
export const flag = z.enum(FLAGS);

/** Ordered: a later level is more serious. Rules can only raise the level, never lower it. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const riskLevel = z.enum(RISK_LEVELS);

export const levelRank = (level: RiskLevel): number => RISK_LEVELS.indexOf(level);
export const maxLevel = (a: RiskLevel, b: RiskLevel): RiskLevel => (levelRank(a) >= levelRank(b) ? a : b);

export const FLAG_LABELS: Record<Flag, LocalisedText> = {
  trafficking_victim_suspected: {
    en: 'Suspected victim of trafficking',
    ar: 'ضحية محتملة للاتجار بالبشر',
    fr: 'Victime présumée de la traite des personnes',
  },
  international_protection_need: {
    en: 'Possible need for international protection',
    ar: 'احتمال الحاجة إلى الحماية الدولية',
    fr: 'Besoin possible de protection internationale',
  },
  child: { en: 'Child (under 18)', ar: 'طفل (دون 18 سنة)', fr: 'Enfant (moins de 18 ans)' },
  unaccompanied_child: {
    en: 'Unaccompanied child',
    ar: 'طفل غير مصحوب',
    fr: 'Enfant non accompagné',
  },
  separated_child: {
    en: 'Separated child',
    ar: 'طفل منفصل عن ذويه',
    fr: 'Enfant séparé',
  },
  serious_medical_condition: {
    en: 'Serious medical condition',
    ar: 'حالة طبية خطيرة',
    fr: 'Problème de santé grave',
  },
  urgent_medical_need: {
    en: 'Needs urgent medical care',
    ar: 'بحاجة إلى رعاية طبية عاجلة',
    fr: 'Besoin de soins médicaux urgents',
  },
  disability: {
    en: 'Person with a disability',
    ar: 'شخص ذو إعاقة',
    fr: 'Personne en situation de handicap',
  },
  pregnant: { en: 'Pregnant woman or girl', ar: 'امرأة أو فتاة حامل', fr: 'Femme ou fille enceinte' },
  older_person: {
    en: 'Older person (60 or over)',
    ar: 'شخص مسن (60 سنة فأكثر)',
    fr: 'Personne âgée (60 ans et plus)',
  },
  gbv_survivor: {
    en: 'Survivor of gender-based violence',
    ar: 'ناجٍ أو ناجية من العنف القائم على النوع الاجتماعي',
    fr: 'Survivant(e) de violences basées sur le genre',
  },
  torture_survivor: {
    en: 'Survivor of torture',
    ar: 'ناجٍ أو ناجية من التعذيب',
    fr: 'Survivant(e) de la torture',
  },
};

export const RISK_LEVEL_LABELS: Record<RiskLevel, LocalisedText> = {
  low: { en: 'Low', ar: 'منخفض', fr: 'Faible' },
  medium: { en: 'Medium', ar: 'متوسط', fr: 'Moyen' },
  high: { en: 'High', ar: 'مرتفع', fr: 'Élevé' },
  critical: { en: 'Critical', ar: 'حرج', fr: 'Critique' },
};
