import type { IndicatorRuleInput, SectionInput } from '../template';
import { t, yes } from './text';

// Survivors of torture and of gender-based violence. The GBV question is asked only after the
// person agrees to be asked (an answer without that consent is refused by validation), offers
// "prefers not to say", and records no details: those belong to a specialised GBV service.

export const violenceSection: SectionInput = {
  key: 'violence',
  title: t('Survivors of violence', 'الناجون من العنف', 'Survivants de violences'),
  questions: [
    {
      key: 'vi_torture',
      type: 'yes_no_unknown',
      required: true,
      label: t(
        'Has the person been tortured or seriously ill-treated, for example in captivity, in detention or on the journey?',
        'هل تعرّض الشخص للتعذيب أو لسوء معاملة جسيم، مثلاً في الأسر أو الاحتجاز أو أثناء الرحلة؟',
        'La personne a-t-elle été torturée ou gravement maltraitée, par exemple en captivité, en détention ou pendant le voyage ?',
      ),
      help: t(
        'Do not ask for details: visible injuries and what the person says of their own accord are enough.',
        'لا تطلب تفاصيل: تكفي الإصابات الظاهرة وما يذكره الشخص من تلقاء نفسه.',
        'Ne pas demander de détails : les blessures visibles et ce que la personne dit d’elle-même suffisent.',
      ),
    },
    {
      key: 'vi_gbv_consent',
      type: 'yes_no',
      required: true,
      label: t(
        'Does the person agree to be asked about sexual or gender-based violence?',
        'هل يوافق الشخص على أن يُسأل عن العنف الجنسي أو العنف القائم على النوع الاجتماعي؟',
        'La personne accepte-t-elle qu’on lui pose des questions sur les violences sexuelles ou basées sur le genre ?',
      ),
      help: t(
        'Ask only in private, with an interviewer and interpreter of the same sex where possible. If not, do not ask; give information on the services available.',
        'لا تطرح السؤال إلا على انفراد، ومع مُحاور ومترجم من الجنس نفسه قدر الإمكان. إذا لم يوافق، فلا تسأل، وقدّم معلومات عن الخدمات المتاحة.',
        'Poser la question uniquement en privé, avec un intervieweur et un interprète du même sexe si possible. Sinon, ne pas la poser ; informer sur les services disponibles.',
      ),
    },
    {
      key: 'vi_gbv',
      type: 'single_choice',
      required: true,
      showIf: yes('vi_gbv_consent'),
      label: t(
        'Has the person experienced sexual or gender-based violence?',
        'هل تعرّض الشخص للعنف الجنسي أو العنف القائم على النوع الاجتماعي؟',
        'La personne a-t-elle subi des violences sexuelles ou basées sur le genre ?',
      ),
      help: t(
        'Do not record what happened. With consent, refer to a GBV service.',
        'لا تسجّل تفاصيل ما حدث. بعد الحصول على الموافقة، أحِل الشخص إلى خدمة متخصصة في العنف القائم على النوع الاجتماعي.',
        'Ne pas noter ce qui s’est passé. Avec son consentement, orienter la personne vers un service de prise en charge des VBG.',
      ),
      options: [
        { value: 'yes', indicator: true, label: t('Yes', 'نعم', 'Oui') },
        { value: 'no', label: t('No', 'لا', 'Non') },
        {
          value: 'prefers_not_to_say',
          label: t('Prefers not to say', 'يفضّل عدم الإجابة', 'Préfère ne pas répondre'),
        },
      ],
    },
    {
      key: 'vi_notes',
      type: 'text',
      sensitive: true,
      label: t(
        'Notes (encrypted; no details of sexual violence)',
        'ملاحظات (مشفّرة؛ دون تفاصيل العنف الجنسي)',
        'Notes (chiffrées ; sans détails sur les violences sexuelles)',
      ),
    },
  ],
};

export const violenceRules: IndicatorRuleInput[] = [
  {
    key: 'torture_survivor',
    flag: 'torture_survivor',
    level: 'high',
    when: yes('vi_torture'),
    description: t(
      'Tortured or seriously ill-treated: survivor of torture, needs medical and psychosocial care. At least high.',
      'تعرّض للتعذيب أو لسوء معاملة جسيم: ناجٍ من التعذيب، يحتاج إلى رعاية طبية ودعم نفسي واجتماعي. المستوى مرتفع على الأقل.',
      'Torturé(e) ou gravement maltraité(e) : survivant(e) de la torture, a besoin de soins médicaux et psychosociaux. Niveau au moins élevé.',
    ),
  },
  {
    key: 'gbv_survivor',
    flag: 'gbv_survivor',
    level: 'high',
    when: { answer: 'vi_gbv', equals: 'yes' },
    description: t(
      'Disclosed sexual or gender-based violence: survivor of GBV, refer to a GBV service with consent. At least high.',
      'أفصح عن تعرّضه للعنف الجنسي أو القائم على النوع الاجتماعي: ناجٍ أو ناجية من العنف القائم على النوع الاجتماعي، تجب الإحالة إلى خدمة متخصصة بعد الموافقة. المستوى مرتفع على الأقل.',
      'A révélé des violences sexuelles ou basées sur le genre : survivant(e) de VBG, à orienter avec son consentement vers un service spécialisé. Niveau au moins élevé.',
    ),
  },
];
