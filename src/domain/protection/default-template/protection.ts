import type { IndicatorRuleInput, SectionInput } from '../template';
import { any, includes, t, yes } from './text';

// A possible need for international protection is for UNHCR to assess, not the screener: any
// stated fear of return, a Refugee Convention ground, conflict at home or an earlier UNHCR
// registration raises the flag so that the person can be referred. Alone it is medium; combined
// with another vulnerability it is high (see the combined rules in default-template.ts).

const CONVENTION_GROUNDS = ['race', 'religion', 'nationality', 'political_opinion', 'social_group'] as const;

export const protectionSection: SectionInput = {
  key: 'international_protection',
  title: t('International protection', 'الحماية الدولية', 'Protection internationale'),
  questions: [
    {
      key: 'ip_fear_of_return',
      type: 'yes_no',
      required: true,
      label: t(
        'Is the person afraid to return to their country of origin?',
        'هل يخشى الشخص العودة إلى بلده الأصلي؟',
        'La personne a-t-elle peur de retourner dans son pays d’origine ?',
      ),
      help: t(
        'Record what the person says; do not judge whether the fear is well founded.',
        'سجّل ما يقوله الشخص دون الحكم على ما إذا كان خوفه مبرَّراً.',
        'Noter ce que dit la personne, sans juger si sa crainte est fondée.',
      ),
    },
    {
      key: 'ip_fear_reasons',
      type: 'multi_choice',
      required: true,
      showIf: yes('ip_fear_of_return'),
      label: t(
        'Why is the person afraid to return? (all that apply)',
        'لماذا يخشى الشخص العودة؟ (اختر كل ما ينطبق)',
        'Pourquoi la personne a-t-elle peur de retourner ? (tout ce qui s’applique)',
      ),
      options: [
        {
          value: 'race',
          label: t('Race or ethnic group', 'العرق أو الانتماء الإثني', 'Race ou appartenance ethnique'),
        },
        { value: 'religion', label: t('Religion', 'الدين', 'Religion') },
        { value: 'nationality', label: t('Nationality', 'الجنسية', 'Nationalité') },
        { value: 'political_opinion', label: t('Political opinion', 'الرأي السياسي', 'Opinions politiques') },
        {
          value: 'social_group',
          label: t(
            'A particular social group (e.g. gender, sexual orientation, family, caste)',
            'الانتماء إلى فئة اجتماعية معيّنة (مثل النوع الاجتماعي أو التوجّه الجنسي أو الأسرة أو الطبقة)',
            'Appartenance à un certain groupe social (par ex. genre, orientation sexuelle, famille, caste)',
          ),
        },
        {
          value: 'armed_conflict',
          label: t(
            'Armed conflict or generalised violence',
            'النزاع المسلح أو العنف المعمَّم',
            'Conflit armé ou violence généralisée',
          ),
        },
        { value: 'other', label: t('Other', 'أخرى', 'Autre') },
      ],
    },
    {
      key: 'ip_origin_conflict',
      type: 'yes_no_unknown',
      required: true,
      label: t(
        'Is the person’s country or region of origin affected by armed conflict or generalised violence?',
        'هل يتأثر البلد الأصلي للشخص أو منطقته بنزاع مسلح أو عنف معمَّم؟',
        'Le pays ou la région d’origine de la personne est-il touché par un conflit armé ou une violence généralisée ?',
      ),
    },
    {
      key: 'ip_unhcr_registered',
      type: 'yes_no_unknown',
      required: true,
      label: t(
        'Has the person been registered with UNHCR before, in Libya or elsewhere?',
        'هل سبق تسجيل الشخص لدى المفوضية السامية للأمم المتحدة لشؤون اللاجئين، في ليبيا أو في مكان آخر؟',
        'La personne a-t-elle déjà été enregistrée auprès du HCR, en Libye ou ailleurs ?',
      ),
    },
    {
      key: 'ip_unhcr_number',
      type: 'text',
      maxLength: 40,
      showIf: yes('ip_unhcr_registered'),
      label: t(
        'UNHCR registration or case number, if known',
        'رقم التسجيل أو رقم الملف لدى المفوضية، إن كان معروفاً',
        'Numéro d’enregistrement ou de dossier du HCR, s’il est connu',
      ),
    },
    {
      key: 'ip_notes',
      type: 'text',
      sensitive: true,
      label: t(
        'Notes on the reasons for fear (encrypted)',
        'ملاحظات حول أسباب الخوف (مشفّرة)',
        'Notes sur les raisons de la crainte (chiffrées)',
      ),
    },
  ],
};

const MEDIUM = t(
  ' Possible need for international protection: refer to UNHCR. At least medium.',
  ' احتمال الحاجة إلى الحماية الدولية: الإحالة إلى المفوضية. المستوى متوسط على الأقل.',
  ' Besoin possible de protection internationale : orienter vers le HCR. Niveau au moins moyen.',
);
const rule = (key: string, when: IndicatorRuleInput['when'], en: string, ar: string, fr: string) => ({
  key,
  flag: 'international_protection_need' as const,
  level: 'medium' as const,
  when,
  description: t(en + MEDIUM.en, ar + MEDIUM.ar, fr + MEDIUM.fr),
});

export const protectionRules: IndicatorRuleInput[] = [
  rule(
    'ip_fear_of_return',
    yes('ip_fear_of_return'),
    'Afraid to return to the country of origin.',
    'يخشى العودة إلى بلده الأصلي.',
    'Peur de retourner dans le pays d’origine.',
  ),
  rule(
    'ip_convention_ground',
    any(...CONVENTION_GROUNDS.map((g) => includes('ip_fear_reasons', g))),
    'Fear for reasons of race, religion, nationality, political opinion or a particular social group (Refugee Convention).',
    'خوف لأسباب تتعلق بالعرق أو الدين أو الجنسية أو الرأي السياسي أو الانتماء إلى فئة اجتماعية معيّنة (اتفاقية اللاجئين).',
    'Crainte en raison de la race, de la religion, de la nationalité, des opinions politiques ou de l’appartenance à un certain groupe social (Convention relative au statut des réfugiés).',
  ),
  rule(
    'ip_conflict',
    any(includes('ip_fear_reasons', 'armed_conflict'), yes('ip_origin_conflict')),
    'Armed conflict or generalised violence in the country or region of origin.',
    'نزاع مسلح أو عنف معمَّم في البلد الأصلي أو المنطقة الأصلية.',
    'Conflit armé ou violence généralisée dans le pays ou la région d’origine.',
  ),
  rule(
    'ip_unhcr_registered',
    yes('ip_unhcr_registered'),
    'Registered with UNHCR before.',
    'سبق تسجيله لدى المفوضية.',
    'Déjà enregistré(e) auprès du HCR.',
  ),
];
