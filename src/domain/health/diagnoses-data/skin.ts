import type { Diagnosis } from '../diagnoses';
import { entriesOf } from './entry';

// Skin: crowding, shared bedding and scarce water make parasitic and bacterial skin disease the
// commonest complaint in detention.
const d = entriesOf('skin');

export const SKIN: readonly Diagnosis[] = [
  d('B86', 'Scabies (suspected)', 'جرب (مشتبه به)', 'Gale (suspicion)', [
    'itch',
    'itching',
    'mites',
    'حكة',
    'هرش',
    'démangeaisons',
    'sarcopte',
  ]),
  d('L01.0', 'Impetigo', 'القوباء', 'Impétigo', ['crusts', 'school sores', 'حصف', 'قشور', 'croûtes']),
  d('L08.0', 'Pyoderma', 'تقيح الجلد', 'Pyodermite', ['skin infection', 'pus', 'صديد', 'عدوى جلدية']),
  d('L03.9', 'Cellulitis', 'التهاب النسيج الخلوي', 'Cellulite infectieuse', [
    'erysipelas',
    'red swollen skin',
    'الحمرة',
    'érysipèle',
  ]),
  d('L02.9', 'Skin abscess (boil)', 'خراج جلدي (دمل)', 'Abcès cutané (furoncle)', [
    'furuncle',
    'carbuncle',
    'pus',
    'دمل',
    'صديد',
    'furoncle',
  ]),
  d('B35.0', 'Tinea capitis (scalp ringworm)', 'سعفة الرأس', 'Teigne du cuir chevelu', [
    'ringworm',
    'fungal',
    'قراع',
    'فطريات',
    'mycose',
  ]),
  d('B35.4', 'Tinea corporis (body ringworm)', 'سعفة الجسم', 'Dermatophytose de la peau glabre', [
    'ringworm',
    'fungal',
    'فطريات',
    'mycose',
  ]),
  d('B35.3', "Athlete's foot (tinea pedis)", 'سعفة القدم', "Pied d'athlète", ['fungal', 'فطريات', 'mycose']),
  d('B36.0', 'Pityriasis versicolor', 'النخالية المبرقشة', 'Pityriasis versicolor', [
    'tinea versicolor',
    'white patches',
    'بقع',
    'taches',
  ]),
  d('B37.2', 'Candidiasis of skin or nails', 'داء المبيضات الجلدي', 'Candidose cutanée ou unguéale', [
    'yeast',
    'intertrigo',
    'مبيضات',
    'فطريات',
    'mycose',
  ]),
  d('B85.0', 'Head lice', 'قمل الرأس', 'Poux de tête', [
    'pediculosis',
    'nits',
    'صيبان',
    'pédiculose',
    'lentes',
  ]),
  d('B85.1', 'Body lice', 'قمل الجسم', 'Poux de corps', ['pediculosis', 'clothes', 'pédiculose']),
  d('B85.3', 'Pubic lice', 'قمل العانة', 'Poux du pubis (phtiriase)', ['crabs', 'morpions']),
  d(
    'W57',
    'Insect bites (bed bugs, fleas)',
    'لدغات الحشرات (بق الفراش، البراغيث)',
    "Piqûres d'insectes (punaises, puces)",
    ['bedbugs', 'mosquito', 'بق', 'بعوض', 'moustique'],
  ),
  d('L30.9', 'Dermatitis (eczema)', 'التهاب الجلد (إكزيما)', 'Dermatite (eczéma)', ['rash', 'طفح', 'eczéma']),
  d('L20.9', 'Atopic dermatitis', 'التهاب الجلد التأتبي', 'Dermatite atopique', [
    'eczema',
    'allergy',
    'حساسية',
  ]),
  d('L23.9', 'Allergic contact dermatitis', 'التهاب الجلد التماسي التحسسي', 'Eczéma de contact allergique', [
    'soap',
    'detergent',
    'صابون',
    'savon',
  ]),
  d('L50.9', 'Urticaria (hives)', 'الشرى', 'Urticaire', ['hives', 'wheals', 'allergy', 'أرتكاريا', 'حساسية']),
  d('L74.0', 'Heat rash (prickly heat)', 'طفح حراري (حمو النيل)', 'Miliaire (bourbouille)', [
    'sweat rash',
    'حمو',
    'bourbouille',
  ]),
  d('B00.1', 'Cold sores (herpes simplex)', 'هربس الشفة (الحلأ البسيط)', 'Herpès labial', [
    'fever blister',
    'هربس',
    'bouton de fièvre',
  ]),
  d('B02.9', 'Shingles (herpes zoster)', 'الحزام الناري (الهربس النطاقي)', 'Zona', ['zoster', 'هربس']),
  d('B07', 'Viral warts', 'ثآليل فيروسية', 'Verrues', ['wart', 'ثؤلول', 'verrue']),
  d('L70.0', 'Acne', 'حب الشباب', 'Acné', ['pimples', 'بثور', 'boutons']),
  d('L21.9', 'Seborrhoeic dermatitis', 'التهاب الجلد الدهني', 'Dermatite séborrhéique', [
    'dandruff',
    'قشرة الرأس',
    'pellicules',
  ]),
  d('L40.9', 'Psoriasis', 'الصدفية', 'Psoriasis', ['plaques']),
  d('B55.1', 'Cutaneous leishmaniasis', 'داء الليشمانيات الجلدي', 'Leishmaniose cutanée', [
    'sandfly',
    'حبة حلب',
    'حبة بغداد',
    "bouton d'Orient",
  ]),
  d('L29.9', 'Pruritus (itching)', 'حكة جلدية', 'Prurit', ['itch', 'حكاك', 'démangeaisons']),
  d('R21', 'Rash (unspecified)', 'طفح جلدي', 'Éruption cutanée', ['spots', 'بقع', 'boutons']),
];
