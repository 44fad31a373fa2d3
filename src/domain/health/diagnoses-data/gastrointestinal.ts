import type { Diagnosis } from '../diagnoses';
import { entriesOf } from './entry';

// Digestive system, mouth and teeth. Diarrhoeal diseases live here (clinicians pick them by
// presentation); the surveillance syndromes find them by code wherever they are filed.
const d = entriesOf('gastrointestinal');

export const GASTROINTESTINAL: readonly Diagnosis[] = [
  d('A09.0', 'Acute watery diarrhoea', 'إسهال مائي حاد', 'Diarrhée aqueuse aiguë', [
    'AWD',
    'gastroenteritis',
    'diarrhea',
    'إسهال',
    'gastro-entérite',
  ]),
  d('A00.9', 'Cholera (suspected)', 'كوليرا (مشتبه بها)', 'Choléra (suspicion)', [
    'rice-water stools',
    'الهيضة',
  ]),
  d(
    'A03.9',
    'Bloody diarrhoea (suspected shigellosis)',
    'إسهال دموي (اشتباه داء الشيغيلات)',
    'Diarrhée sanglante (suspicion de shigellose)',
    ['dysentery', 'blood in stool', 'زحار', 'dysenterie'],
  ),
  d('A06.0', 'Amoebic dysentery', 'زحار أميبي', 'Dysenterie amibienne', ['amoeba', 'أميبا', 'amibe']),
  d('A07.1', 'Giardiasis', 'داء الجيارديات', 'Giardiase', ['giardia', 'جيارديا']),
  d('A08.4', 'Viral gastroenteritis', 'التهاب المعدة والأمعاء الفيروسي', 'Gastro-entérite virale', [
    'rotavirus',
    'norovirus',
    'vomiting',
    'تقيؤ',
    'vomissements',
  ]),
  d('A05.9', 'Food poisoning', 'تسمم غذائي', 'Intoxication alimentaire', ['toxi-infection']),
  d('K29.7', 'Gastritis', 'التهاب المعدة', 'Gastrite', ['stomach ache', 'ألم المعدة', "mal d'estomac"]),
  d('K30', 'Dyspepsia (indigestion)', 'عسر الهضم', 'Dyspepsie', [
    'indigestion',
    'bloating',
    'انتفاخ',
    'ballonnements',
  ]),
  d('K21.9', 'Gastro-oesophageal reflux', 'الارتداد المعدي المريئي', 'Reflux gastro-œsophagien', [
    'GERD',
    'heartburn',
    'حموضة',
    'حرقة المعدة',
    'RGO',
    'pyrosis',
  ]),
  d('K27.9', 'Peptic ulcer', 'قرحة هضمية', 'Ulcère gastroduodénal', ['ulcer', 'قرحة المعدة', 'ulcère']),
  d('K59.0', 'Constipation', 'إمساك', 'Constipation'),
  d('K64.9', 'Haemorrhoids', 'البواسير', 'Hémorroïdes', ['piles', 'hemorrhoids', 'بواسير']),
  d('B82.9', 'Intestinal worms', 'ديدان معوية', 'Parasitose intestinale (vers)', [
    'parasites',
    'helminths',
    'طفيليات',
    'vers',
  ]),
  d('B77.9', 'Ascariasis (roundworm)', 'داء الصفر (الديدان الأسطوانية)', 'Ascaridiose', [
    'roundworm',
    'أسكارس',
    'ascaris',
  ]),
  d('B80', 'Pinworm (enterobiasis)', 'داء السرميات (الدودة الدبوسية)', 'Oxyurose', [
    'threadworm',
    'anal itch',
    'حكة شرجية',
    'oxyures',
  ]),
  d('K02.9', 'Dental caries', 'تسوس الأسنان', 'Carie dentaire', ['tooth decay', 'cavity', 'تسوس', 'carie']),
  d('K04.7', 'Dental abscess', 'خراج سني', 'Abcès dentaire', ['tooth abscess', 'swollen jaw', 'تورم الفك']),
  d('K05.1', 'Gingivitis', 'التهاب اللثة', 'Gingivite', ['gums', 'bleeding gums', 'نزيف اللثة', 'gencives']),
  d('K12.0', 'Mouth ulcers (aphthae)', 'تقرحات الفم القلاعية', 'Aphtes', [
    'aphthous',
    'canker sores',
    'aphte',
  ]),
  d('B37.0', 'Oral thrush', 'سلاق الفم (مبيضات فموية)', 'Muguet buccal', ['candida', 'مبيضات', 'candidose']),
  d('K35.8', 'Acute appendicitis', 'التهاب الزائدة الدودية الحاد', 'Appendicite aiguë', [
    'appendix',
    'زائدة',
  ]),
  d('K40.9', 'Inguinal hernia', 'فتق إربي', 'Hernie inguinale', ['hernia', 'فتق', 'hernie']),
  d('R10.4', 'Abdominal pain', 'ألم البطن', 'Douleur abdominale', [
    'stomach ache',
    'colic',
    'مغص',
    'mal de ventre',
  ]),
  d('R11', 'Nausea and vomiting', 'غثيان وتقيؤ', 'Nausées et vomissements', ['vomit', 'استفراغ', 'vomir']),
];
