import type { Diagnosis } from '../diagnoses';
import { entriesOf } from './entry';

// Symptoms, pain, eyes and ears, the effects of heat, and the visits that are not for an illness.
const d = entriesOf('other');

export const OTHER: readonly Diagnosis[] = [
  d('R51', 'Headache', 'صداع', 'Céphalée', ['head pain', 'ألم الرأس', 'mal de tête']),
  d('G43.9', 'Migraine', 'الشقيقة (الصداع النصفي)', 'Migraine'),
  d('M54.5', 'Low back pain', 'ألم أسفل الظهر', 'Lombalgie', ['lumbago', 'backache', 'ظهر', 'mal de dos']),
  d('M54.2', 'Neck pain', 'ألم الرقبة', 'Cervicalgie', ['stiff neck', 'رقبة', 'mal au cou']),
  d('M79.1', 'Muscle pain (myalgia)', 'ألم عضلي', 'Myalgie', [
    'body aches',
    'musculoskeletal',
    'courbatures',
  ]),
  d('M25.5', 'Joint pain', 'ألم المفاصل', 'Arthralgie', ['arthralgia', 'douleur articulaire']),
  d('K08.8', 'Toothache', 'ألم الأسنان', 'Mal de dents', ['dental pain', 'ضرس', 'odontalgie']),
  d('H52.7', 'Poor vision (refractive error)', 'ضعف البصر (خطأ انكساري)', 'Trouble de la réfraction', [
    'glasses',
    'نظارات',
    'lunettes',
    'baisse de vision',
  ]),
  d('H26.9', 'Cataract', 'الساد (الماء الأبيض)', 'Cataracte'),
  d('H00.0', 'Stye', 'شحاذ العين', 'Orgelet', ['hordeolum', 'eyelid lump', 'جدجد']),
  d('T15.9', 'Foreign body in the eye', 'جسم غريب في العين', "Corps étranger dans l'œil", [
    'dust',
    'eye injury',
  ]),
  d('H61.2', 'Ear wax', 'شمع الأذن المنحشر', 'Bouchon de cérumen', ['cerumen', 'blocked ear', 'صملاخ']),
  d('H91.9', 'Hearing loss', 'فقدان السمع', 'Perte auditive', ['deaf', 'صمم', 'surdité']),
  d('R50.9', 'Fever of unknown origin', 'حمى مجهولة السبب', "Fièvre d'origine inconnue", [
    'fever',
    'حمى',
    'سخونة',
    'fièvre',
  ]),
  d('E86', 'Dehydration', 'جفاف (تجفاف)', 'Déshydratation', ['thirst', 'volume depletion', 'عطش', 'soif']),
  d('T67.5', 'Heat exhaustion', 'الإنهاك الحراري', 'Épuisement dû à la chaleur', [
    'heat',
    'حرارة',
    'chaleur',
  ]),
  d('T67.0', 'Heatstroke', 'ضربة الشمس', 'Coup de chaleur', ['sunstroke', 'ضربة حر', 'insolation']),
  d('R42', 'Dizziness', 'دوخة', 'Vertiges', ['vertigo', 'دوار', 'étourdissements']),
  d('R55', 'Fainting', 'إغماء', 'Syncope', ['syncope', 'collapse', 'فقدان الوعي', 'évanouissement']),
  d('R53', 'Fatigue', 'إرهاق', 'Fatigue', ['tiredness', 'weakness', 'malaise', 'تعب', 'faiblesse']),
  d('R07.4', 'Chest pain', 'ألم الصدر', 'Douleur thoracique', ['chest tightness']),
  d('R63.4', 'Weight loss', 'فقدان الوزن', 'Perte de poids', ['thin', 'نحافة', 'amaigrissement']),
  d('R04.0', 'Nosebleed', 'رعاف', 'Épistaxis', ['epistaxis', 'نزيف الأنف', 'saignement de nez']),
  d('R30.0', 'Painful urination', 'ألم عند التبول', 'Brûlures mictionnelles', [
    'dysuria',
    'حرقة البول',
    'dysurie',
  ]),
  d('N20.0', 'Kidney stone', 'حصى الكلى', 'Calcul rénal', ['renal colic', 'مغص كلوي', 'colique néphrétique']),
  d('T78.2', 'Anaphylaxis', 'صدمة تأقية', 'Choc anaphylactique', ['allergic shock', 'حساسية', 'allergie']),
  d('Z00.0', 'General health check', 'فحص طبي عام', 'Examen médical général', [
    'screening',
    'new arrival',
    'فحص',
    'وصول',
    'bilan',
    'dépistage',
  ]),
  d('Z76.0', 'Repeat prescription', 'تجديد الوصفة الطبية', "Renouvellement d'ordonnance", [
    'refill',
    'وصفة',
    'ordonnance',
  ]),
];
