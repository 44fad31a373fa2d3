import type { IndicatorRuleInput, SectionInput } from '../template';
import { t, yes } from './text';

// Asked early so that urgent care is arranged during the interview, not after it.
// The disability question follows the Washington Group short set of functional difficulties.

export const healthSection: SectionInput = {
  key: 'health',
  title: t('Health', 'الصحة', 'Santé'),
  questions: [
    {
      key: 'he_urgent_care',
      type: 'yes_no_unknown',
      required: true,
      label: t(
        'Does the person need urgent medical care now (e.g. severe pain, bleeding, difficulty breathing, high fever, a recent injury, unable to eat or drink)?',
        'هل يحتاج الشخص إلى رعاية طبية عاجلة الآن (مثل ألم شديد أو نزيف أو صعوبة في التنفس أو حمى مرتفعة أو إصابة حديثة أو عدم القدرة على الأكل أو الشرب)؟',
        'La personne a-t-elle besoin de soins médicaux urgents maintenant (par ex. douleur intense, saignement, difficulté à respirer, forte fièvre, blessure récente, incapacité à manger ou à boire) ?',
      ),
      help: t(
        'If yes, alert the clinic team now; do not wait for the end of the interview.',
        'إذا كانت الإجابة نعم، أبلغ فريق العيادة فوراً ولا تنتظر انتهاء المقابلة.',
        'Si oui, alerter immédiatement l’équipe médicale, sans attendre la fin de l’entretien.',
      ),
    },
    {
      key: 'he_serious_condition',
      type: 'yes_no_unknown',
      required: true,
      label: t(
        'Does the person have a serious or long-term illness or injury (e.g. tuberculosis, HIV, diabetes, heart or kidney disease, epilepsy, war wounds)?',
        'هل يعاني الشخص من مرض أو إصابة خطيرة أو مزمنة (مثل السل أو فيروس نقص المناعة البشرية أو السكري أو أمراض القلب أو الكلى أو الصرع أو إصابات الحرب)؟',
        'La personne souffre-t-elle d’une maladie ou d’une blessure grave ou chronique (par ex. tuberculose, VIH, diabète, maladie cardiaque ou rénale, épilepsie, blessures de guerre) ?',
      ),
    },
    {
      key: 'he_disability',
      type: 'yes_no_unknown',
      required: true,
      label: t(
        'Does the person have difficulty seeing, hearing, walking, remembering or concentrating, caring for themselves, or communicating?',
        'هل يجد الشخص صعوبة في الرؤية أو السمع أو المشي أو التذكّر أو التركيز أو العناية بنفسه أو التواصل؟',
        'La personne a-t-elle des difficultés à voir, entendre, marcher, se souvenir ou se concentrer, prendre soin d’elle-même ou communiquer ?',
      ),
      help: t(
        'Washington Group questions: answer yes for a lot of difficulty, or cannot do it at all.',
        'أسئلة مجموعة واشنطن: أجب بنعم إذا كانت الصعوبة كبيرة أو إذا كان الشخص عاجزاً تماماً.',
        'Questions du Groupe de Washington : répondre oui en cas de grande difficulté ou d’incapacité totale.',
      ),
    },
    {
      key: 'he_disability_types',
      type: 'multi_choice',
      required: true,
      showIf: yes('he_disability'),
      label: t('Which kinds of disability?', 'ما نوع الإعاقة؟', 'Quel(s) type(s) de handicap ?'),
      options: [
        { value: 'physical', label: t('Physical', 'جسدية', 'Physique') },
        {
          value: 'sensory',
          label: t('Sensory (seeing, hearing)', 'حسية (البصر، السمع)', 'Sensoriel (vue, ouïe)'),
        },
        { value: 'intellectual', label: t('Intellectual', 'ذهنية', 'Intellectuel') },
        {
          value: 'psychosocial',
          label: t(
            'Psychosocial (mental health)',
            'نفسية اجتماعية (الصحة النفسية)',
            'Psychosocial (santé mentale)',
          ),
        },
      ],
    },
    {
      key: 'he_pregnant',
      type: 'yes_no_unknown',
      label: t(
        'For women and girls: is she pregnant?',
        'للنساء والفتيات: هل هي حامل؟',
        'Pour les femmes et les filles : est-elle enceinte ?',
      ),
    },
    {
      key: 'he_trimester',
      type: 'single_choice',
      required: true,
      showIf: yes('he_pregnant'),
      label: t('How far along is the pregnancy?', 'في أي مرحلة من الحمل؟', 'À quel stade est la grossesse ?'),
      options: [
        {
          value: 'first',
          label: t(
            'First trimester (up to 3 months)',
            'الثلث الأول (حتى 3 أشهر)',
            'Premier trimestre (jusqu’à 3 mois)',
          ),
        },
        {
          value: 'second',
          label: t(
            'Second trimester (4 to 6 months)',
            'الثلث الثاني (من 4 إلى 6 أشهر)',
            'Deuxième trimestre (4 à 6 mois)',
          ),
        },
        {
          value: 'third',
          indicator: true,
          label: t(
            'Third trimester (7 months or more)',
            'الثلث الثالث (7 أشهر فأكثر)',
            'Troisième trimestre (7 mois ou plus)',
          ),
        },
        { value: 'unknown', label: t('Not known', 'غير معروف', 'Inconnu') },
      ],
    },
    {
      key: 'he_notes',
      type: 'text',
      sensitive: true,
      label: t(
        'Health notes (encrypted; only what a referral needs)',
        'ملاحظات صحية (مشفّرة؛ فقط ما تحتاجه الإحالة)',
        'Notes de santé (chiffrées ; uniquement ce qui est utile à l’orientation)',
      ),
    },
  ],
};

export const healthRules: IndicatorRuleInput[] = [
  {
    key: 'urgent_medical_need',
    flag: 'urgent_medical_need',
    level: 'critical',
    when: yes('he_urgent_care'),
    description: t(
      'Needs urgent medical care now: critical, act today.',
      'بحاجة إلى رعاية طبية عاجلة الآن: حرج، يجب التصرف اليوم.',
      'Besoin de soins médicaux urgents maintenant : critique, agir aujourd’hui.',
    ),
  },
  {
    key: 'serious_medical_condition',
    flag: 'serious_medical_condition',
    level: 'high',
    when: yes('he_serious_condition'),
    description: t(
      'Serious or long-term illness or injury: care is rarely possible in detention. At least high.',
      'مرض أو إصابة خطيرة أو مزمنة: نادراً ما تتوفر الرعاية في الاحتجاز. المستوى مرتفع على الأقل.',
      'Maladie ou blessure grave ou chronique : les soins sont rarement possibles en détention. Niveau au moins élevé.',
    ),
  },
  {
    key: 'disability',
    flag: 'disability',
    level: 'medium',
    when: yes('he_disability'),
    description: t(
      'A lot of difficulty in a basic function (Washington Group): person with a disability. At least medium.',
      'صعوبة كبيرة في وظيفة أساسية (مجموعة واشنطن): شخص ذو إعاقة. المستوى متوسط على الأقل.',
      'Grande difficulté dans une fonction de base (Groupe de Washington) : personne en situation de handicap. Niveau au moins moyen.',
    ),
  },
  {
    key: 'pregnant',
    flag: 'pregnant',
    level: 'medium',
    when: yes('he_pregnant'),
    description: t(
      'Pregnant: needs antenatal care. At least medium.',
      'حامل: تحتاج إلى رعاية ما قبل الولادة. المستوى متوسط على الأقل.',
      'Enceinte : a besoin de soins prénatals. Niveau au moins moyen.',
    ),
  },
  {
    key: 'pregnant_third_trimester',
    flag: 'pregnant',
    level: 'high',
    when: { answer: 'he_trimester', equals: 'third' },
    description: t(
      'Third trimester: the birth must be planned outside detention. At least high.',
      'الثلث الثالث من الحمل: يجب التخطيط للولادة خارج الاحتجاز. المستوى مرتفع على الأقل.',
      'Troisième trimestre : l’accouchement doit être prévu hors de la détention. Niveau au moins élevé.',
    ),
  },
  {
    key: 'older_person',
    flag: 'older_person',
    level: 'medium',
    when: { answer: 'age', gte: 60 },
    description: t(
      'Aged 60 or over: older person. At least medium.',
      'يبلغ من العمر 60 سنة فأكثر: شخص مسن. المستوى متوسط على الأقل.',
      'Âgé(e) de 60 ans ou plus : personne âgée. Niveau au moins moyen.',
    ),
  },
];
