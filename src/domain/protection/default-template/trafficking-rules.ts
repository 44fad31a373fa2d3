import type { Condition, IndicatorRuleInput } from '../template';
import { all, any, includes, t, yes } from './text';

// Level logic: one sign of force, threat or coercion → suspected trafficking, at least high.
// A softer sign alone (deception, a family arrangement, a debt, documents or wages kept) → medium,
// without the flag: many migrants owe a smuggler. Two or more signs of any kind → suspected, high.
// For a child, a sign of deceptive recruitment or exploitation suffices (the Palermo Protocol
// needs no means of coercion for children) → suspected; with the child flag that is critical.
// A debt alone is not such a sign for a child: owing a smuggler is smuggling, not exploitation.

type Text = ReturnType<typeof t>;

const deception = any(
  includes('tr_recruitment', 'deceived_job'),
  includes('tr_recruitment', 'deceived_conditions'),
);
/** The softer signs: each alone is medium; a child with one is a suspected victim. */
const softSigns: Condition[] = [
  deception,
  includes('tr_recruitment', 'family_arrangement'),
  yes('tr_documents_taken'),
  yes('tr_wages_withheld'),
];
/** Every sign once, for the "two or more" rule. */
export const TRAFFICKING_SIGNS: Condition[] = [
  ...softSigns,
  yes('tr_debt'),
  includes('tr_recruitment', 'abducted'),
  includes('tr_recruitment', 'sold'),
  yes('tr_debt_bondage'),
  yes('tr_threats_violence'),
  yes('tr_forced_labour'),
  yes('tr_sexual_exploitation'),
  yes('tr_forced_begging_crime'),
  yes('tr_confinement'),
  yes('tr_ransom'),
];

const force = (key: string, when: Condition, description: Text): IndicatorRuleInput => ({
  key,
  flag: 'trafficking_victim_suspected',
  level: 'high',
  when,
  description,
});
const soft = (key: string, when: Condition, description: Text): IndicatorRuleInput => ({
  key,
  level: 'medium',
  when,
  description,
});
const HIGH = t(
  ' Suspected trafficking, at least high.',
  ' يُشتبه في الاتجار بالبشر، والمستوى مرتفع على الأقل.',
  ' Traite présumée, niveau au moins élevé.',
);
const MEDIUM = t(
  ' Alone, at least medium; with another sign, suspected trafficking.',
  ' بمفرده: المستوى متوسط على الأقل؛ ومع مؤشر آخر: يُشتبه في الاتجار بالبشر.',
  ' Seul : niveau au moins moyen ; avec un autre indicateur : traite présumée.',
);
const say = (base: Text, tail: Text): Text => t(base.en + tail.en, base.ar + tail.ar, base.fr + tail.fr);

export const traffickingRules: IndicatorRuleInput[] = [
  force(
    'tr_abducted',
    includes('tr_recruitment', 'abducted'),
    say(t('Taken by force or kidnapped.', 'أُخذ بالقوة أو اختُطف.', 'Emmené(e) de force ou enlevé(e).'), HIGH),
  ),
  force(
    'tr_sold',
    includes('tr_recruitment', 'sold'),
    say(
      t(
        'Sold or handed over for money.',
        'بِيع أو سُلِّم مقابل المال.',
        'Vendu(e) ou remis(e) contre de l’argent.',
      ),
      HIGH,
    ),
  ),
  force(
    'tr_debt_bondage',
    yes('tr_debt_bondage'),
    say(t('Debt bondage.', 'عبودية الدين.', 'Servitude pour dettes.'), HIGH),
  ),
  force(
    'tr_threats_violence',
    yes('tr_threats_violence'),
    say(
      t(
        'Threats or violence against the person or their family.',
        'تهديد أو عنف ضد الشخص أو أسرته.',
        'Menaces ou violences contre la personne ou sa famille.',
      ),
      HIGH,
    ),
  ),
  force(
    'tr_forced_labour',
    yes('tr_forced_labour'),
    say(t('Forced labour.', 'العمل القسري.', 'Travail forcé.'), HIGH),
  ),
  force(
    'tr_sexual_exploitation',
    yes('tr_sexual_exploitation'),
    say(t('Forced sexual exploitation.', 'الاستغلال الجنسي القسري.', 'Exploitation sexuelle forcée.'), HIGH),
  ),
  force(
    'tr_forced_begging_crime',
    yes('tr_forced_begging_crime'),
    say(
      t('Forced begging or crime.', 'الإجبار على التسوّل أو ارتكاب الجرائم.', 'Mendicité ou délits forcés.'),
      HIGH,
    ),
  ),
  force(
    'tr_confinement',
    yes('tr_confinement'),
    say(
      t(
        'Confined or kept from leaving, outside official detention.',
        'الحبس أو المنع من المغادرة خارج الاحتجاز الرسمي.',
        'Enfermement ou interdiction de partir, hors détention officielle.',
      ),
      HIGH,
    ),
  ),
  force(
    'tr_ransom',
    yes('tr_ransom'),
    say(
      t(
        'Held for ransom or extortion.',
        'الاحتجاز مقابل فدية أو الابتزاز.',
        'Retenu(e) contre rançon ou extorsion.',
      ),
      HIGH,
    ),
  ),
  soft(
    'tr_deception',
    deception,
    say(
      t(
        'Deceived about the job or its conditions.',
        'خداع بشأن العمل أو شروطه.',
        'Tromperie sur l’emploi ou ses conditions.',
      ),
      MEDIUM,
    ),
  ),
  soft(
    'tr_family_arrangement',
    includes('tr_recruitment', 'family_arrangement'),
    say(
      t(
        'Journey arranged by family or community.',
        'رحلة رتّبتها الأسرة أو المجتمع.',
        'Voyage arrangé par la famille ou la communauté.',
      ),
      MEDIUM,
    ),
  ),
  soft(
    'tr_debt',
    yes('tr_debt'),
    say(
      t(
        'Owes money to a smuggler or employer.',
        'دين لمهرّب أو لصاحب عمل.',
        'Dette envers un passeur ou un employeur.',
      ),
      MEDIUM,
    ),
  ),
  soft(
    'tr_documents_taken',
    yes('tr_documents_taken'),
    say(
      t(
        'Identity documents taken or kept.',
        'أُخذت وثائق الهوية أو احتُجزت.',
        'Papiers d’identité pris ou retenus.',
      ),
      MEDIUM,
    ),
  ),
  soft(
    'tr_wages_withheld',
    yes('tr_wages_withheld'),
    say(t('Wages withheld.', 'حجز الأجور.', 'Salaire retenu.'), MEDIUM),
  ),
  force(
    'tr_two_or_more_signs',
    { count: TRAFFICKING_SIGNS, atLeast: 2 },
    t(
      'Two or more signs of trafficking of any kind: suspected trafficking, at least high.',
      'مؤشران أو أكثر من مؤشرات الاتجار بالبشر من أي نوع: يُشتبه في الاتجار بالبشر، والمستوى مرتفع على الأقل.',
      'Deux indicateurs de traite ou plus, de tout type : traite présumée, niveau au moins élevé.',
    ),
  ),
  force(
    'tr_child_sign',
    all({ flag: 'child' }, any(...softSigns)),
    t(
      'A child deceived, sent by family arrangement, or whose documents or wages were kept: for a child no force is needed for trafficking. Suspected trafficking, at least high.',
      'طفل تعرّض للخداع أو أُرسل بترتيب من الأسرة أو احتُجزت وثائقه أو أجوره: لا يُشترط استخدام القوة لاعتبار الطفل ضحية اتجار. يُشتبه في الاتجار بالبشر، والمستوى مرتفع على الأقل.',
      'Enfant trompé, envoyé par arrangement familial, ou dont les papiers ou le salaire ont été retenus : pour un enfant, la traite n’exige pas de contrainte. Traite présumée, niveau au moins élevé.',
    ),
  ),
];
