import { childrenRules, childrenSection } from './default-template/children';
import { healthRules, healthSection } from './default-template/health';
import { protectionRules, protectionSection } from './default-template/protection';
import { all, any, t } from './default-template/text';
import { traffickingSection } from './default-template/trafficking';
import { traffickingRules } from './default-template/trafficking-rules';
import { violenceRules, violenceSection } from './default-template/violence';
import type { Flag } from './flags';
import { type IndicatorRuleInput, type ScreeningTemplate, screeningTemplate } from './template';

// The default vulnerability screening, version 1. Interview metadata (language, interpreter,
// consent) is recorded on the screening itself, not asked here.
//
// Level logic, in short (each rule's description says the same in en/ar/fr):
//   critical  urgent medical care needed now; suspected trafficking of a child; a child survivor
//             of torture or GBV
//   high      a sign of trafficking by force, threat or coercion, or two or more signs of any
//             kind; an unaccompanied or separated child; a serious medical condition; third
//             trimester of pregnancy; survivor of torture or GBV; a possible international
//             protection need together with another vulnerability
//   medium    a child; a disability; pregnancy; an older person (60+); a possible international
//             protection need alone; a single softer sign of trafficking
//   low       none of the above
// Rules testing flags come after the rules that raise them (the schema enforces it).

/** Who is asked about pregnancy: not men, nor young children (an unknown sex or age asks). */
const MAY_BE_PREGNANT = all(
  { person: 'sex', in: ['female', 'other', 'unknown'] },
  { person: 'age', gte: 10 },
);

const flagged = (...flags: Flag[]) => flags.map((f) => ({ flag: f }));

const combinedRules: IndicatorRuleInput[] = [
  {
    key: 'trafficking_and_child',
    level: 'critical',
    when: all(...flagged('trafficking_victim_suspected', 'child')),
    description: t(
      'A child who may be a victim of trafficking: critical, refer today.',
      'طفل قد يكون ضحية للاتجار بالبشر: حرج، تجب الإحالة اليوم.',
      'Enfant pouvant être victime de la traite : critique, orienter aujourd’hui.',
    ),
  },
  {
    key: 'child_survivor_of_violence',
    level: 'critical',
    when: all({ flag: 'child' }, any(...flagged('gbv_survivor', 'torture_survivor'))),
    description: t(
      'A child survivor of torture or gender-based violence: critical, refer today.',
      'طفل ناجٍ من التعذيب أو من العنف القائم على النوع الاجتماعي: حرج، تجب الإحالة اليوم.',
      'Enfant survivant de la torture ou de violences basées sur le genre : critique, orienter aujourd’hui.',
    ),
  },
  {
    key: 'ip_with_vulnerability',
    level: 'high',
    when: all(
      { flag: 'international_protection_need' },
      any(
        ...flagged(
          'child',
          'older_person',
          'disability',
          'pregnant',
          'serious_medical_condition',
          'gbv_survivor',
          'torture_survivor',
        ),
      ),
    ),
    description: t(
      'A possible need for international protection together with another vulnerability (a child, an older person, a disability, pregnancy, a serious illness, a survivor of torture or GBV): a priority for UNHCR. At least high.',
      'احتمال الحاجة إلى الحماية الدولية مع عامل ضعف آخر (طفل، شخص مسن، إعاقة، حمل، مرض خطير، ناجٍ من التعذيب أو من العنف القائم على النوع الاجتماعي): أولوية للمفوضية. المستوى مرتفع على الأقل.',
      'Besoin possible de protection internationale associé à une autre vulnérabilité (enfant, personne âgée, handicap, grossesse, maladie grave, survivant(e) de la torture ou de VBG) : prioritaire pour le HCR. Niveau au moins élevé.',
    ),
  },
];

const rules = [
  ...childrenRules,
  ...healthRules,
  ...traffickingRules,
  ...protectionRules,
  ...violenceRules,
  ...combinedRules,
];
const title = t('Vulnerability screening', 'فحص مواطن الضعف', 'Évaluation de la vulnérabilité');

/** Version 1 (kept: screenings answered with it are read with it). */
export const DEFAULT_TEMPLATE_V1: ScreeningTemplate = screeningTemplate.parse({
  key: 'vulnerability',
  version: 1,
  title,
  sections: [childrenSection, healthSection, traffickingSection, protectionSection, violenceSection],
  rules,
});

/**
 * Version 2: the pregnancy question is asked only of women and girls of ten or more (or when the
 * record does not say), from the person's registered sex and age. Questions and rules otherwise
 * as in version 1.
 */
export const DEFAULT_TEMPLATE: ScreeningTemplate = screeningTemplate.parse({
  key: 'vulnerability',
  version: 2,
  title,
  sections: [
    childrenSection,
    {
      ...healthSection,
      questions: healthSection.questions.map((q) =>
        q.key === 'he_pregnant' ? { ...q, showIf: MAY_BE_PREGNANT } : q,
      ),
    },
    traffickingSection,
    protectionSection,
    violenceSection,
  ],
  rules,
});
