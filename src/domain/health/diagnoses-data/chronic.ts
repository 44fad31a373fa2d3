import type { Diagnosis } from '../diagnoses';
import { entriesOf } from './entry';

// Long-term conditions whose treatment detention interrupts, and the deficiencies its diet causes.
const d = entriesOf('chronic');

export const CHRONIC: readonly Diagnosis[] = [
  d('I10', 'Hypertension', 'ارتفاع ضغط الدم', 'Hypertension artérielle', [
    'high blood pressure',
    'ضغط',
    'HTA',
  ]),
  d('E11.9', 'Type 2 diabetes', 'داء السكري من النوع الثاني', 'Diabète de type 2', [
    'diabetes',
    'سكري',
    'diabète',
  ]),
  d('E10.9', 'Type 1 diabetes', 'داء السكري من النوع الأول', 'Diabète de type 1', [
    'insulin',
    'أنسولين',
    'insuline',
  ]),
  d('G40.9', 'Epilepsy', 'الصرع', 'Épilepsie', ['seizures', 'fits', 'نوبات', 'تشنجات', 'convulsions']),
  d('D57.1', 'Sickle cell disease', 'فقر الدم المنجلي', 'Drépanocytose', ['SCD', 'منجلي']),
  d('D57.0', 'Sickle cell crisis', 'نوبة فقر الدم المنجلي', 'Crise drépanocytaire', [
    'vaso-occlusive',
    'pain crisis',
  ]),
  d('D56.9', 'Thalassaemia', 'الثلاسيميا', 'Thalassémie', ['thalassemia']),
  d('I50.9', 'Heart failure', 'قصور القلب', 'Insuffisance cardiaque', ['oedema', 'وذمة', 'œdème']),
  d('I20.9', 'Angina', 'الذبحة الصدرية', 'Angor (angine de poitrine)', ['chest pain', 'ألم الصدر']),
  d('I21.9', 'Acute myocardial infarction', 'احتشاء عضلة القلب الحاد', 'Infarctus du myocarde', [
    'heart attack',
    'نوبة قلبية',
    'جلطة قلبية',
    'crise cardiaque',
  ]),
  d('I64', 'Stroke', 'سكتة دماغية', 'Accident vasculaire cérébral', ['CVA', 'جلطة دماغية', 'AVC']),
  d('N18.9', 'Chronic kidney disease', 'مرض الكلى المزمن', 'Maladie rénale chronique', [
    'renal failure',
    'dialysis',
    'فشل كلوي',
    'غسيل الكلى',
    'insuffisance rénale',
  ]),
  d('D64.9', 'Anaemia', 'فقر الدم', 'Anémie', ['anemia', 'pallor', 'شحوب', 'أنيميا']),
  d('D50.9', 'Iron deficiency anaemia', 'فقر الدم بعوز الحديد', 'Anémie ferriprive', [
    'anemia',
    'iron',
    'حديد',
    'fer',
  ]),
  d('E43', 'Severe acute malnutrition', 'سوء التغذية الحاد الوخيم', 'Malnutrition aiguë sévère', [
    'SAM',
    'wasting',
    'هزال',
    'MAS',
  ]),
  d('E44.0', 'Moderate malnutrition', 'سوء التغذية المعتدل', 'Malnutrition modérée', [
    'MAM',
    'wasting',
    'هزال',
  ]),
  d('E46', 'Malnutrition (unspecified)', 'سوء التغذية (غير محدد)', 'Malnutrition (non précisée)', [
    'undernutrition',
    'weight loss',
    'dénutrition',
  ]),
  d('E51.9', 'Thiamine deficiency (beriberi)', 'عوز الثيامين (البري بري)', 'Carence en thiamine (béribéri)', [
    'vitamin B1',
    'فيتامين ب1',
  ]),
  d('E54', 'Vitamin C deficiency (scurvy)', 'عوز فيتامين ج (الإسقربوط)', 'Carence en vitamine C (scorbut)', [
    'bleeding gums',
    'نزيف اللثة',
  ]),
  d('E03.9', 'Hypothyroidism', 'قصور الغدة الدرقية', 'Hypothyroïdie', ['thyroid', 'درقية', 'thyroïde']),
  d('E66.9', 'Obesity', 'السمنة', 'Obésité', ['overweight', 'وزن زائد', 'surpoids']),
  d('K74.6', 'Liver cirrhosis', 'تشمع الكبد', 'Cirrhose du foie', ['cirrhosis', 'تليف الكبد']),
  d('M19.9', 'Osteoarthritis', 'الفصال العظمي (خشونة المفاصل)', 'Arthrose', ['joint pain', 'ألم المفاصل']),
];
