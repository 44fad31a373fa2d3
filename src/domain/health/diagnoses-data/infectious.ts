import type { Diagnosis } from '../diagnoses';
import { entriesOf } from './entry';

// Communicable diseases outside the digestive and respiratory groups: the notifiable ones
// (measles, meningitis, acute flaccid paralysis, jaundice), blood-borne and sexually transmitted
// infections, vector-borne diseases of the migration routes, and louse-borne fevers of crowding.
const d = entriesOf('infectious');

export const INFECTIOUS: readonly Diagnosis[] = [
  d('A16.9', 'Tuberculosis (suspected)', 'سل (مشتبه به)', 'Tuberculose (suspicion)', [
    'TB',
    'chronic cough',
    'night sweats',
    'درن',
    'تعرق ليلي',
    'BK',
  ]),
  d('A15.0', 'Pulmonary tuberculosis (confirmed)', 'سل رئوي (مؤكد)', 'Tuberculose pulmonaire (confirmée)', [
    'TB',
    'sputum positive',
    'درن',
    'bacillifère',
  ]),
  d(
    'B05.9',
    'Fever with rash (suspected measles)',
    'حمى مع طفح (اشتباه حصبة)',
    'Fièvre éruptive (suspicion de rougeole)',
    ['measles', 'حصبة', 'rougeole'],
  ),
  d('B01.9', 'Chickenpox (varicella)', 'جدري الماء (الحماق)', 'Varicelle', ['varicella', 'جديري']),
  d('B26.9', 'Mumps', 'النكاف', 'Oreillons', ['parotitis', 'أبو كعب']),
  d('A37.9', 'Whooping cough (pertussis)', 'السعال الديكي', 'Coqueluche', ['pertussis']),
  d('A36.9', 'Diphtheria', 'الدفتيريا (الخانوق)', 'Diphtérie', ['membrane']),
  d('A35', 'Tetanus', 'الكزاز', 'Tétanos', ['lockjaw', 'كزاز']),
  d('R17', 'Acute jaundice syndrome', 'متلازمة اليرقان الحاد', "Syndrome d'ictère aigu", [
    'jaundice',
    'yellow eyes',
    'يرقان',
    'صفار',
    'ictère',
    'jaunisse',
  ]),
  d('B15.9', 'Hepatitis A', 'التهاب الكبد الفيروسي أ', 'Hépatite A', ['HAV', 'jaundice', 'يرقان', 'ictère']),
  d('B17.2', 'Hepatitis E', 'التهاب الكبد الفيروسي هـ', 'Hépatite E', ['HEV', 'jaundice', 'يرقان', 'ictère']),
  d('B16.9', 'Acute hepatitis B', 'التهاب الكبد الفيروسي ب الحاد', 'Hépatite B aiguë', [
    'HBV',
    'jaundice',
    'يرقان',
  ]),
  d('B18.1', 'Chronic hepatitis B', 'التهاب الكبد الفيروسي ب المزمن', 'Hépatite B chronique', [
    'HBV',
    'HBsAg',
  ]),
  d('B18.2', 'Chronic hepatitis C', 'التهاب الكبد الفيروسي ج المزمن', 'Hépatite C chronique', ['HCV']),
  d(
    'B19.9',
    'Viral hepatitis (unspecified)',
    'التهاب الكبد الفيروسي (غير محدد)',
    'Hépatite virale (non précisée)',
    ['jaundice', 'يرقان'],
  ),
  d(
    'Z21',
    'HIV infection without symptoms',
    'عدوى فيروس نقص المناعة البشرية دون أعراض',
    'Infection à VIH asymptomatique',
    ['HIV positive', 'séropositif'],
  ),
  d('B24', 'HIV disease', 'مرض فيروس نقص المناعة البشرية', 'Maladie à VIH', ['AIDS', 'الإيدز', 'SIDA']),
  d('B50.9', 'Falciparum malaria', 'ملاريا المتصورة المنجلية', 'Paludisme à falciparum', [
    'malaria',
    'ملاريا',
    'paludisme',
  ]),
  d('B54', 'Malaria (unspecified)', 'ملاريا (غير محددة)', 'Paludisme (non précisé)', ['palu']),
  d('G03.9', 'Meningitis (suspected)', 'التهاب السحايا (مشتبه به)', 'Méningite (suspicion)', [
    'stiff neck',
    'تيبس الرقبة',
    'raideur de nuque',
  ]),
  d('A39.0', 'Meningococcal meningitis', 'التهاب السحايا بالمكورات السحائية', 'Méningite à méningocoque', [
    'meningococcus',
    'méningocoque',
  ]),
  d('A87.9', 'Viral meningitis', 'التهاب السحايا الفيروسي', 'Méningite virale'),
  d(
    'A80.9',
    'Acute flaccid paralysis (suspected poliomyelitis)',
    'شلل رخو حاد (اشتباه شلل الأطفال)',
    'Paralysie flasque aiguë (suspicion de poliomyélite)',
    ['AFP', 'polio', 'PFA'],
  ),
  d('A01.0', 'Typhoid fever', 'حمى التيفوئيد', 'Fièvre typhoïde', ['enteric fever', 'تيفود']),
  d('A23.9', 'Brucellosis', 'داء البروسيلات (الحمى المالطية)', 'Brucellose', [
    'Malta fever',
    'fièvre de Malte',
  ]),
  d(
    'A75.0',
    'Louse-borne typhus',
    'التيفوس الوبائي المنقول بالقمل',
    'Typhus épidémique (transmis par les poux)',
    ['epidemic typhus', 'قمل'],
  ),
  d('A68.0', 'Louse-borne relapsing fever', 'الحمى الراجعة المنقولة بالقمل', 'Fièvre récurrente à poux', [
    'borrelia',
    'قمل',
  ]),
  d('B65.9', 'Schistosomiasis (bilharzia)', 'داء البلهارسيات', 'Schistosomiase (bilharziose)', [
    'blood in urine',
    'بلهارسيا',
    'bilharzia',
  ]),
  d('N39.0', 'Urinary tract infection', 'التهاب المسالك البولية', 'Infection urinaire', [
    'UTI',
    'cystitis',
    'حرقة البول',
    'cystite',
  ]),
  d('A64', 'Sexually transmitted infection', 'عدوى منقولة جنسياً', 'Infection sexuellement transmissible', [
    'STI',
    'STD',
    'discharge',
    'إفرازات',
    'IST',
  ]),
  d('A54.9', 'Gonorrhoea', 'السيلان', 'Gonococcie', ['urethral discharge', 'blennorragie', 'chaude-pisse']),
  d('A56.2', 'Chlamydia infection', 'عدوى المتدثرة (الكلاميديا)', 'Infection à chlamydia', ['chlamydia']),
  d('A53.9', 'Syphilis', 'الزهري', 'Syphilis', ['chancre']),
  d('N73.9', 'Pelvic inflammatory disease', 'مرض التهاب الحوض', 'Maladie inflammatoire pelvienne', [
    'PID',
    'lower abdominal pain',
    'salpingite',
  ]),
  d('H10.9', 'Conjunctivitis', 'التهاب الملتحمة', 'Conjonctivite', [
    'red eye',
    'pink eye',
    'رمد',
    'احمرار العين',
    'œil rouge',
  ]),
  d('A71.9', 'Trachoma', 'التراخوما (الرمد الحبيبي)', 'Trachome'),
  d('U07.1', 'COVID-19', 'كوفيد-19', 'COVID-19', ['coronavirus', 'SARS-CoV-2', 'كورونا']),
  d('A82.9', 'Rabies', 'داء الكلب', 'Rage', ['animal bite', 'عضة']),
  d('A41.9', 'Sepsis', 'إنتان الدم (تعفن الدم)', 'Sepsis', ['septicaemia', 'تسمم الدم', 'septicémie']),
];
