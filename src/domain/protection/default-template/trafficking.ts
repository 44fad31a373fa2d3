import type { SectionInput } from '../template';
import { t, yes } from './text';

// Signs of trafficking, in the categories of IOM's Human Trafficking Case Data Standard (HTCDS):
// how the person was recruited, means of control (debt, documents, threats, confinement, wages)
// and the exploitation itself (labour, sex, begging or crime), plus ransom in captivity, which is
// common on the routes through Libya.
//
// The rules that read these answers are in trafficking-rules.ts.

type QuestionInput = SectionInput['questions'][number];
type Text = ReturnType<typeof t>;
/** A required yes / no / unknown question. */
const ask = (key: string, label: Text, extra: Partial<QuestionInput> = {}): QuestionInput => ({
  key,
  type: 'yes_no_unknown',
  required: true,
  label,
  ...extra,
});

export const traffickingSection: SectionInput = {
  key: 'trafficking',
  title: t('Signs of human trafficking', 'مؤشرات الاتجار بالبشر', 'Indicateurs de traite des personnes'),
  questions: [
    {
      key: 'tr_recruitment',
      type: 'multi_choice',
      required: true,
      label: t(
        'How did the journey or the work begin? (all that apply)',
        'كيف بدأت الرحلة أو العمل؟ (اختر كل ما ينطبق)',
        'Comment le voyage ou le travail a-t-il commencé ? (tout ce qui s’applique)',
      ),
      options: [
        {
          value: 'own_decision',
          label: t(
            'Own decision, alone or with a smuggler',
            'بقرار شخصي، بمفرده أو مع مهرّب',
            'Décision personnelle, seul(e) ou avec un passeur',
          ),
        },
        {
          value: 'deceived_job',
          label: t(
            'Promised a job that did not exist or was different',
            'وُعد بعمل غير موجود أو مختلف عمّا وُعد به',
            'Promesse d’un emploi qui n’existait pas ou qui était différent',
          ),
        },
        {
          value: 'deceived_conditions',
          label: t(
            'Lied to about pay, hours or living conditions',
            'تعرّض للخداع بشأن الأجر أو ساعات العمل أو ظروف المعيشة',
            'Trompé(e) sur le salaire, les horaires ou les conditions de vie',
          ),
        },
        {
          value: 'abducted',
          label: t('Taken by force or kidnapped', 'أُخذ بالقوة أو اختُطف', 'Emmené(e) de force ou enlevé(e)'),
        },
        {
          value: 'sold',
          label: t(
            'Sold or handed over to someone for money',
            'بِيع أو سُلِّم إلى شخص آخر مقابل المال',
            'Vendu(e) ou remis(e) à quelqu’un contre de l’argent',
          ),
        },
        {
          value: 'family_arrangement',
          label: t(
            'Arranged by family or community members',
            'رتّبه أفراد من الأسرة أو المجتمع',
            'Arrangé par la famille ou la communauté',
          ),
        },
      ],
    },
    ask(
      'tr_debt',
      t(
        'Does the person owe money to a smuggler, an employer or whoever organised the journey?',
        'هل على الشخص دين لمهرّب أو لصاحب عمل أو لمن نظّم الرحلة؟',
        'La personne doit-elle de l’argent à un passeur, à un employeur ou à celui qui a organisé le voyage ?',
      ),
    ),
    ask(
      'tr_debt_bondage',
      t(
        'Was the person made to work, or kept somewhere, until the debt was paid, or did the debt keep growing?',
        'هل أُجبر الشخص على العمل أو احتُجز في مكان ما حتى يسدّد الدين، أو ظلّ الدين يتزايد؟',
        'La personne a-t-elle été obligée de travailler, ou retenue quelque part, jusqu’au remboursement de la dette, ou la dette n’a-t-elle cessé d’augmenter ?',
      ),
      { showIf: yes('tr_debt') },
    ),
    ask(
      'tr_documents_taken',
      t(
        'Has an employer, a smuggler or anyone else taken or kept the person’s passport or identity documents against their will?',
        'هل أخذ صاحب عمل أو مهرّب أو أي شخص آخر جواز سفر الشخص أو وثائق هويته أو احتفظ بها رغماً عنه؟',
        'Un employeur, un passeur ou une autre personne a-t-il pris ou gardé le passeport ou les papiers d’identité de la personne contre sa volonté ?',
      ),
      {
        help: t(
          'Not documents held by the authorities of the centre.',
          'لا يشمل ذلك الوثائق التي تحتفظ بها سلطات المركز.',
          'Sans compter les documents conservés par les autorités du centre.',
        ),
      },
    ),
    ask(
      'tr_threats_violence',
      t(
        'Has anyone threatened or used violence against the person or their family, to control them or stop them leaving?',
        'هل هدّد أحدٌ الشخص أو أسرته أو استخدم العنف ضدهم للسيطرة عليه أو لمنعه من المغادرة؟',
        'Quelqu’un a-t-il menacé la personne ou sa famille, ou usé de violence, pour la contrôler ou l’empêcher de partir ?',
      ),
    ),
    ask(
      'tr_forced_labour',
      t(
        'Was the person forced to work, or to work in conditions they could not refuse or leave?',
        'هل أُجبر الشخص على العمل، أو على العمل في ظروف لم يكن بإمكانه رفضها أو تركها؟',
        'La personne a-t-elle été forcée à travailler, ou à travailler dans des conditions qu’elle ne pouvait ni refuser ni quitter ?',
      ),
    ),
    ask(
      'tr_sexual_exploitation',
      t(
        'Was the person forced or pressured into selling sex, or into sexual acts for someone else’s profit?',
        'هل أُجبر الشخص أو تعرّض للضغط لممارسة الجنس مقابل المال، أو لأفعال جنسية لتحقيق ربح لشخص آخر؟',
        'La personne a-t-elle été forcée ou poussée à se prostituer, ou à des actes sexuels au profit de quelqu’un d’autre ?',
      ),
      {
        help: t(
          'Ask in private, and only if the person is at ease; answer “unknown” if they prefer not to say.',
          'اطرح السؤال على انفراد، وفقط إذا كان الشخص مرتاحاً؛ اختر «غير معروف» إذا فضّل عدم الإجابة.',
          'Poser la question en privé, et seulement si la personne est à l’aise ; répondre « inconnu » si elle préfère ne pas répondre.',
        ),
      },
    ),
    ask(
      'tr_forced_begging_crime',
      t(
        'Was the person forced to beg, steal, sell drugs or commit other crimes?',
        'هل أُجبر الشخص على التسوّل أو السرقة أو بيع المخدرات أو ارتكاب جرائم أخرى؟',
        'La personne a-t-elle été forcée à mendier, voler, vendre de la drogue ou commettre d’autres délits ?',
      ),
    ),
    ask(
      'tr_confinement',
      t(
        'Outside official detention, was the person locked up, guarded, or not allowed to leave a place?',
        'خارج الاحتجاز الرسمي، هل حُبس الشخص أو وُضع تحت الحراسة أو مُنع من مغادرة مكان ما؟',
        'En dehors de la détention officielle, la personne a-t-elle été enfermée, surveillée, ou empêchée de quitter un lieu ?',
      ),
    ),
    ask(
      'tr_wages_withheld',
      t(
        'Did an employer keep the person’s wages, or pay far less than agreed?',
        'هل احتجز صاحب العمل أجر الشخص أو دفع له أقل بكثير مما اتُّفق عليه؟',
        'Un employeur a-t-il retenu le salaire de la personne, ou l’a-t-il payée beaucoup moins que convenu ?',
      ),
    ),
    ask(
      'tr_ransom',
      t(
        'Was the person held by people who demanded money (a ransom) from them or their family for their release?',
        'هل احتُجز الشخص لدى أشخاص طالبوه أو طالبوا أسرته بالمال (فدية) مقابل إطلاق سراحه؟',
        'La personne a-t-elle été retenue par des gens qui exigeaient de l’argent (une rançon) d’elle ou de sa famille pour la libérer ?',
      ),
    ),
    {
      key: 'tr_notes',
      type: 'text',
      sensitive: true,
      label: t(
        'Notes on these signs (encrypted)',
        'ملاحظات حول هذه المؤشرات (مشفّرة)',
        'Notes sur ces indicateurs (chiffrées)',
      ),
    },
  ],
};
