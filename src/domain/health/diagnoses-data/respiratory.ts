import type { Diagnosis } from '../diagnoses';
import { entriesOf } from './entry';

// Respiratory tract, ears, nose and throat.
const d = entriesOf('respiratory');

export const RESPIRATORY: readonly Diagnosis[] = [
  d(
    'J06.9',
    'Acute upper respiratory infection with fever',
    'عدوى حادة في الجهاز التنفسي العلوي مع حمى',
    'Infection aiguë des voies respiratoires supérieures avec fièvre',
    ['URTI', 'URI', 'cough', 'fever', 'حمى', 'سعال', 'IRA', 'fièvre'],
  ),
  d('J11.1', 'Influenza-like illness', 'مرض شبيه بالإنفلونزا', 'Syndrome grippal', [
    'ILI',
    'flu',
    'influenza',
    'إنفلونزا',
    'نزلة وافدة',
    'grippe',
  ]),
  d('J18.9', 'Pneumonia', 'التهاب رئوي', 'Pneumonie', ['chest infection', 'ذات الرئة', 'pneumopathie']),
  d('J20.9', 'Acute bronchitis', 'التهاب القصبات الحاد', 'Bronchite aiguë', ['cough', 'سعال', 'toux']),
  d(
    'J22',
    'Acute lower respiratory infection',
    'عدوى حادة في الجهاز التنفسي السفلي',
    'Infection aiguë des voies respiratoires inférieures',
    ['LRTI', 'chest infection', 'IRAB'],
  ),
  d('J00', 'Common cold', 'الزكام (نزلة البرد)', 'Rhume', ['runny nose', 'رشح', 'rhinopharyngite']),
  d('J02.9', 'Sore throat (acute pharyngitis)', 'التهاب البلعوم الحاد', 'Pharyngite aiguë', [
    'pharyngitis',
    'ألم الحلق',
    'mal de gorge',
    'angine',
  ]),
  d('J02.0', 'Streptococcal sore throat', 'التهاب البلعوم العقدي', 'Angine streptococcique', [
    'strep throat',
    'ألم الحلق',
    'angine',
  ]),
  d('J03.9', 'Acute tonsillitis', 'التهاب اللوزتين الحاد', 'Amygdalite aiguë', [
    'tonsils',
    'لوزتين',
    'angine',
  ]),
  d('J01.9', 'Acute sinusitis', 'التهاب الجيوب الأنفية الحاد', 'Sinusite aiguë', ['sinus', 'جيوب']),
  d('J32.9', 'Chronic sinusitis', 'التهاب الجيوب الأنفية المزمن', 'Sinusite chronique', ['sinus', 'جيوب']),
  d('H66.9', 'Middle ear infection (otitis media)', 'التهاب الأذن الوسطى', 'Otite moyenne', [
    'earache',
    'ألم الأذن',
    "mal d'oreille",
  ]),
  d('H60.9', 'Outer ear infection (otitis externa)', 'التهاب الأذن الخارجية', 'Otite externe', [
    'earache',
    "swimmer's ear",
    'ألم الأذن',
  ]),
  d('J45.9', 'Asthma', 'الربو', 'Asthme', ['wheeze', 'inhaler', 'أزيز', 'بخاخ', 'sifflement']),
  d('J46', 'Acute severe asthma', 'نوبة ربو حادة شديدة', 'Asthme aigu grave', [
    'status asthmaticus',
    'asthma attack',
    "crise d'asthme",
  ]),
  d(
    'J44.9',
    'Chronic obstructive pulmonary disease',
    'الداء الرئوي الانسدادي المزمن',
    'Bronchopneumopathie chronique obstructive',
    ['COPD', 'emphysema', 'انتفاخ الرئة', 'BPCO', 'emphysème'],
  ),
  d('J30.4', 'Allergic rhinitis', 'التهاب الأنف التحسسي', 'Rhinite allergique', [
    'hay fever',
    'sneezing',
    'عطاس',
    'حساسية الأنف',
    'rhume des foins',
  ]),
  d('J21.9', 'Acute bronchiolitis', 'التهاب القصيبات الحاد', 'Bronchiolite aiguë', ['RSV', 'infant wheeze']),
  d('J05.0', 'Croup', 'التهاب الحنجرة الانسدادي الحاد', 'Laryngite aiguë obstructive', [
    'stridor',
    'barking cough',
    'صرير',
  ]),
  d('J04.0', 'Acute laryngitis', 'التهاب الحنجرة الحاد', 'Laryngite aiguë', [
    'hoarse voice',
    'بحة',
    'enrouement',
  ]),
  d('R05', 'Cough', 'سعال', 'Toux', ['كحة']),
  d('R06.0', 'Shortness of breath', 'ضيق التنفس', 'Dyspnée', ['dyspnoea', 'breathless', 'essoufflement']),
  d('J90', 'Pleural effusion', 'انصباب جنبي', 'Épanchement pleural'),
  d('J93.9', 'Pneumothorax', 'استرواح الصدر', 'Pneumothorax', ['collapsed lung']),
];
