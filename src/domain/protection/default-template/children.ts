import type { IndicatorRuleInput, SectionInput } from '../template';
import { any, t, yes } from './text';

// Age first: it decides whether the child questions are asked, and the older-person rule reads it.
// A person who says they are a child is treated as one until an age assessment (benefit of the doubt).

const isChild = any({ answer: 'age', lt: 18 }, yes('ch_minor'));

export const childrenSection: SectionInput = {
  key: 'children',
  title: t('Age and children', 'العمر والأطفال', 'Âge et enfants'),
  questions: [
    {
      key: 'age',
      type: 'number',
      integer: true,
      min: 0,
      max: 120,
      label: t(
        'Age in years (as stated, or estimated if not known)',
        'العمر بالسنوات (كما يصرّح به الشخص، أو تقديرياً إن لم يكن معروفاً)',
        'Âge en années (déclaré, ou estimé s’il n’est pas connu)',
      ),
      help: t(
        'Leave blank if no estimate is possible, and answer the next question.',
        'اتركه فارغاً إذا تعذّر التقدير، وأجب عن السؤال التالي.',
        'Laisser vide si aucune estimation n’est possible, et répondre à la question suivante.',
      ),
    },
    {
      key: 'ch_minor',
      type: 'yes_no_unknown',
      required: true,
      label: t(
        'Is the person under 18, or do they say they are?',
        'هل الشخص دون سن 18 سنة، أو يقول إنه كذلك؟',
        'La personne a-t-elle moins de 18 ans, ou dit-elle avoir moins de 18 ans ?',
      ),
      help: t(
        'If in doubt, give the benefit of the doubt: treat the person as a child until an age assessment is done.',
        'في حال الشك، يُمنح الشخص ميزة الشك ويُعامَل كطفل إلى حين إجراء تقييم للعمر.',
        'En cas de doute, accorder le bénéfice du doute : traiter la personne comme un enfant jusqu’à l’évaluation de l’âge.',
      ),
    },
    {
      key: 'ch_separated',
      type: 'yes_no_unknown',
      required: true,
      showIf: isChild,
      label: t(
        'Is the child without both parents and without the adult who usually cares for them?',
        'هل الطفل بعيد عن والديه كليهما وعن الشخص البالغ الذي يتولى رعايته عادةً؟',
        'L’enfant est-il sans ses deux parents et sans l’adulte qui s’occupe habituellement de lui ?',
      ),
      help: t(
        'The parents, or the previous legal or customary caregiver.',
        'الوالدان، أو مقدّم الرعاية السابق بحكم القانون أو العرف.',
        'Les parents, ou la personne qui en avait la charge selon la loi ou la coutume.',
      ),
    },
    {
      key: 'ch_with_whom',
      type: 'single_choice',
      required: true,
      showIf: yes('ch_separated'),
      label: t(
        'Who is the child with now?',
        'مع من يوجد الطفل حالياً؟',
        'Avec qui l’enfant se trouve-t-il actuellement ?',
      ),
      options: [
        {
          value: 'adult_relative',
          indicator: true,
          label: t(
            'With an adult relative (not a parent)',
            'مع قريب بالغ (من غير الوالدين)',
            'Avec un membre adulte de la famille (autre que le père ou la mère)',
          ),
        },
        {
          value: 'unrelated_adult',
          indicator: true,
          label: t(
            'With an adult who is not a relative',
            'مع شخص بالغ ليس من أقاربه',
            'Avec un adulte qui n’est pas de la famille',
          ),
        },
        {
          value: 'other_children',
          indicator: true,
          label: t('Only with other children', 'مع أطفال آخرين فقط', 'Uniquement avec d’autres enfants'),
        },
        { value: 'alone', indicator: true, label: t('Alone', 'بمفرده', 'Seul(e)') },
      ],
    },
  ],
};

export const childrenRules: IndicatorRuleInput[] = [
  {
    key: 'child_by_age',
    flag: 'child',
    level: 'medium',
    when: { answer: 'age', lt: 18 },
    description: t(
      'Under 18 by stated or estimated age: a child in detention. At least medium.',
      'دون 18 سنة حسب العمر المصرَّح به أو التقديري: طفل محتجز. المستوى متوسط على الأقل.',
      'Moins de 18 ans selon l’âge déclaré ou estimé : un enfant en détention. Niveau au moins moyen.',
    ),
  },
  {
    key: 'child_stated',
    flag: 'child',
    level: 'medium',
    when: yes('ch_minor'),
    description: t(
      'Is or says they are under 18: treated as a child (benefit of the doubt). At least medium.',
      'دون 18 سنة أو يقول ذلك: يُعامَل كطفل (ميزة الشك). المستوى متوسط على الأقل.',
      'A ou dit avoir moins de 18 ans : traité(e) comme un enfant (bénéfice du doute). Niveau au moins moyen.',
    ),
  },
  {
    key: 'separated_child',
    flag: 'separated_child',
    level: 'high',
    when: { answer: 'ch_with_whom', equals: 'adult_relative' },
    description: t(
      'A child without parents or usual caregiver, with an adult relative: separated child. At least high.',
      'طفل بعيد عن والديه أو مقدّم الرعاية المعتاد، برفقة قريب بالغ: طفل منفصل عن ذويه. المستوى مرتفع على الأقل.',
      'Enfant sans ses parents ni la personne qui s’en occupe, avec un membre adulte de la famille : enfant séparé. Niveau au moins élevé.',
    ),
  },
  {
    key: 'unaccompanied_child',
    flag: 'unaccompanied_child',
    level: 'high',
    when: any(
      { answer: 'ch_with_whom', equals: 'alone' },
      { answer: 'ch_with_whom', equals: 'unrelated_adult' },
      { answer: 'ch_with_whom', equals: 'other_children' },
    ),
    description: t(
      'A child alone, only with other children, or with unrelated adults: unaccompanied child. At least high.',
      'طفل بمفرده أو مع أطفال آخرين فقط أو مع بالغين ليسوا من أقاربه: طفل غير مصحوب. المستوى مرتفع على الأقل.',
      'Enfant seul, uniquement avec d’autres enfants ou avec des adultes qui ne sont pas de la famille : enfant non accompagné. Niveau au moins élevé.',
    ),
  },
];
