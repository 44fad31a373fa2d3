import type { Diagnosis } from '../diagnoses';
import { entriesOf } from './entry';

// Mental health and substance use: mhGAP's priority conditions, plus the reactions to detention,
// violence and loss that most consultations are about.
const d = entriesOf('mental_health');

export const MENTAL_HEALTH: readonly Diagnosis[] = [
  d('F43.0', 'Acute stress reaction', 'رد فعل الكرب الحاد', 'Réaction aiguë au stress', [
    'shock',
    'صدمة',
    'choc',
  ]),
  d(
    'F43.1',
    'Post-traumatic stress disorder',
    'اضطراب الكرب التالي للصدمة',
    'Trouble de stress post-traumatique',
    ['PTSD', 'flashbacks', 'nightmares', 'كوابيس', 'TSPT', 'cauchemars'],
  ),
  d('F43.2', 'Adjustment disorder', 'اضطراب التكيف', "Trouble de l'adaptation"),
  d('F32.9', 'Depressive episode', 'نوبة اكتئاب', 'Épisode dépressif', [
    'depression',
    'sadness',
    'حزن',
    'tristesse',
  ]),
  d('F53.0', 'Postnatal depression', 'اكتئاب ما بعد الولادة', 'Dépression du post-partum', ['postpartum']),
  d('F41.1', 'Generalised anxiety disorder', 'اضطراب القلق المعمم', 'Trouble anxieux généralisé', [
    'worry',
    'توتر',
  ]),
  d('F41.0', 'Panic disorder', 'اضطراب الهلع', 'Trouble panique', [
    'panic attack',
    'نوبة هلع',
    'attaque de panique',
  ]),
  d('F41.9', 'Anxiety disorder (unspecified)', 'اضطراب القلق (غير محدد)', 'Trouble anxieux (non précisé)', [
    'anxiety',
    'nervousness',
    'anxiété',
  ]),
  d('F23.9', 'Acute psychotic episode', 'نوبة ذهانية حادة', 'Épisode psychotique aigu', [
    'hallucinations',
    'delusions',
    'هلوسة',
    'délire',
  ]),
  d('F29', 'Psychosis (unspecified)', 'ذهان (غير محدد)', 'Psychose (non précisée)', ['psychotic', 'ذهاني']),
  d('F20.9', 'Schizophrenia', 'الفصام', 'Schizophrénie', ['schizophrenic', 'شيزوفرينيا']),
  d('F31.9', 'Bipolar disorder', 'الاضطراب الوجداني ثنائي القطب', 'Trouble bipolaire', [
    'mania',
    'هوس',
    'manie',
  ]),
  d('F10.2', 'Alcohol dependence', 'الاعتماد على الكحول', "Dépendance à l'alcool", [
    'alcoholism',
    'كحول',
    'alcoolisme',
  ]),
  d('F11.2', 'Opioid dependence', 'الاعتماد على الأفيونات', 'Dépendance aux opioïdes', [
    'tramadol',
    'heroin',
    'ترامادول',
    'هيروين',
    'héroïne',
  ]),
  d('F12.1', 'Harmful cannabis use', 'تعاطي القنب الضار', 'Usage nocif de cannabis', [
    'hashish',
    'حشيش',
    'marijuana',
  ]),
  d(
    'F18.1',
    'Harmful inhalant use (glue, solvents)',
    'تعاطي المذيبات الطيارة (الغراء)',
    'Usage nocif de solvants (colle)',
    ['glue sniffing', 'غراء', 'colle'],
  ),
  d('F19.2', 'Dependence on several drugs', 'الاعتماد على مواد متعددة', 'Dépendance à plusieurs substances', [
    'drugs',
    'pills',
    'substance use',
    'مخدرات',
    'حبوب',
    'drogues',
  ]),
  d('F17.2', 'Tobacco dependence', 'الاعتماد على التبغ', 'Dépendance au tabac', [
    'smoking',
    'تدخين',
    'tabagisme',
  ]),
  d('F51.0', 'Insomnia', 'الأرق', 'Insomnie', ['sleeplessness', 'sleep', 'نوم', 'sommeil']),
  d(
    'R45.8',
    'Suicidal or self-harm thoughts',
    'أفكار انتحارية أو أفكار إيذاء النفس',
    "Idées suicidaires ou d'automutilation",
    ['suicidal ideation', 'انتحار', 'suicide'],
  ),
  d(
    'F44.9',
    'Dissociative (conversion) disorder',
    'اضطراب انشقاقي (تحويلي)',
    'Trouble dissociatif (de conversion)',
    ['conversion', 'pseudo-seizures', 'هستيريا'],
  ),
  d(
    'F45.9',
    'Unexplained physical symptoms (somatoform)',
    'أعراض جسدية غير مفسرة (جسدنة)',
    'Symptômes physiques inexpliqués (somatisation)',
    ['somatic complaints', 'جسدنة'],
  ),
  d('F79.9', 'Intellectual disability', 'إعاقة ذهنية', 'Déficience intellectuelle', [
    'learning disability',
    'تخلف عقلي',
  ]),
  d(
    'Z63.4',
    'Grief (loss or disappearance of a relative)',
    'حزن على فقدان قريب أو اختفائه',
    "Deuil (perte ou disparition d'un proche)",
    ['bereavement', 'missing relative', 'مفقود', 'disparu'],
  ),
];
