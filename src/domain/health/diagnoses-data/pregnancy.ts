import type { Diagnosis } from '../diagnoses';
import { entriesOf } from './entry';

// Pregnancy, childbirth and reproductive health (menstrual complaints and family planning too).
const d = entriesOf('pregnancy');

export const PREGNANCY: readonly Diagnosis[] = [
  d('Z34.9', 'Supervised normal pregnancy', 'حمل طبيعي تحت المتابعة', 'Suivi de grossesse normale', [
    'antenatal care',
    'ANC',
    'pregnant',
    'حمل',
    'حامل',
    'grossesse',
    'CPN',
  ]),
  d('Z32.1', 'Pregnancy confirmed', 'تأكيد الحمل', 'Grossesse confirmée', [
    'pregnancy test',
    'اختبار الحمل',
    'test de grossesse',
  ]),
  d('O21.0', 'Hyperemesis gravidarum', 'القيء الحملي المفرط', 'Hyperémèse gravidique', [
    'morning sickness',
    'vomiting',
    'وحام',
    'vomissements',
  ]),
  d('O13', 'Gestational hypertension', 'ارتفاع ضغط الدم الحملي', 'Hypertension gravidique', [
    'high blood pressure',
  ]),
  d('O14.9', 'Pre-eclampsia', 'ما قبل الارتعاج (تسمم الحمل)', 'Pré-éclampsie', ['toxaemia', 'proteinuria']),
  d('O15.9', 'Eclampsia', 'الارتعاج', 'Éclampsie', ['seizures in pregnancy', 'تشنجات الحمل']),
  d('O24.4', 'Gestational diabetes', 'سكري الحمل', 'Diabète gestationnel', ['diabetes', 'diabète']),
  d('O99.0', 'Anaemia in pregnancy', 'فقر الدم أثناء الحمل', 'Anémie de la grossesse', ['anemia', 'أنيميا']),
  d(
    'O23.4',
    'Urinary infection in pregnancy',
    'التهاب المسالك البولية أثناء الحمل',
    'Infection urinaire de la grossesse',
    ['UTI', 'cystitis'],
  ),
  d('O20.0', 'Threatened miscarriage', 'إجهاض منذر', 'Menace de fausse couche', [
    'bleeding in pregnancy',
    'نزيف',
  ]),
  d('O03.9', 'Miscarriage', 'إجهاض تلقائي', 'Fausse couche', ['spontaneous abortion', 'إسقاط']),
  d('O00.9', 'Ectopic pregnancy', 'حمل خارج الرحم', 'Grossesse extra-utérine', ['GEU']),
  d(
    'O46.9',
    'Bleeding in late pregnancy (antepartum haemorrhage)',
    'نزف ما قبل الولادة',
    'Hémorragie anténatale',
    ['antepartum', 'placenta praevia', 'نزيف'],
  ),
  d('O60.0', 'Preterm labour', 'مخاض مبكر', "Menace d'accouchement prématuré", [
    'premature contractions',
    'MAP',
  ]),
  d('O42.9', 'Premature rupture of membranes', 'تمزق الأغشية الباكر', 'Rupture prématurée des membranes', [
    'waters broke',
    'نزول ماء الرأس',
    'RPM',
  ]),
  d('O80.9', 'Normal delivery', 'ولادة طبيعية', 'Accouchement normal', [
    'birth',
    'labour',
    'ولادة',
    'naissance',
  ]),
  d('O72.1', 'Postpartum haemorrhage', 'نزف ما بعد الولادة', 'Hémorragie du post-partum', [
    'PPH',
    'HPP',
    'نزيف',
  ]),
  d('O85', 'Puerperal sepsis', 'حمى النفاس', 'Infection puerpérale', ['postpartum infection', 'نفاس']),
  d('Z39.2', 'Postnatal check', 'متابعة ما بعد الولادة', 'Consultation postnatale', [
    'postpartum',
    'نفاس',
    'post-partum',
  ]),
  d('Z30.0', 'Family planning counselling', 'استشارة تنظيم الأسرة', 'Conseil en planification familiale', [
    'contraception',
    'منع الحمل',
    'contraceptive',
  ]),
  d(
    'N94.6',
    'Painful periods (dysmenorrhoea)',
    'عسر الطمث (آلام الدورة الشهرية)',
    'Règles douloureuses (dysménorrhée)',
    ['period pain', 'menstruation', 'الدورة'],
  ),
  d('N91.2', 'Absent periods (amenorrhoea)', 'انقطاع الطمث', 'Aménorrhée', [
    'no periods',
    'absence de règles',
  ]),
];
