import type { LocalisedText } from '../common/labels';
import type { CLINIC_SESSION_STATUSES, QUEUE_STATUSES } from './clinic';
import type {
  DEHYDRATION,
  DIAGNOSIS_CERTAINTIES,
  FITNESS,
  FREQUENCIES,
  OUTCOMES,
  Vital,
} from './consultations';

// Labels of the clinic and consultation enums (web pages, exports): domain/common/labels.ts.

type Table<T extends readonly string[]> = Record<T[number], LocalisedText>;

export const CLINIC_SESSION_STATUS_LABELS: Table<typeof CLINIC_SESSION_STATUSES> = {
  open: { en: 'Open', ar: 'مفتوحة', fr: 'Ouverte' },
  closed: { en: 'Closed', ar: 'مغلقة', fr: 'Clôturée' },
};

export const QUEUE_STATUS_LABELS: Table<typeof QUEUE_STATUSES> = {
  waiting: { en: 'Waiting', ar: 'في الانتظار', fr: 'En attente' },
  seen: { en: 'Seen', ar: 'تمت المعاينة', fr: 'Vu' },
  referred: { en: 'Referred', ar: 'محال', fr: 'Référé' },
  left: { en: 'Left', ar: 'غادر', fr: 'Parti' },
};

export const DEHYDRATION_LABELS: Table<typeof DEHYDRATION> = {
  none: { en: 'No dehydration', ar: 'لا جفاف', fr: 'Pas de déshydratation' },
  some: { en: 'Some dehydration', ar: 'جفاف متوسط', fr: 'Déshydratation modérée' },
  severe: { en: 'Severe dehydration', ar: 'جفاف شديد', fr: 'Déshydratation sévère' },
};

export const CERTAINTY_LABELS: Table<typeof DIAGNOSIS_CERTAINTIES> = {
  suspected: { en: 'Suspected', ar: 'مشتبه', fr: 'Suspecté' },
  confirmed: { en: 'Confirmed', ar: 'مؤكد', fr: 'Confirmé' },
};

export const FREQUENCY_LABELS: Table<typeof FREQUENCIES> = {
  once: { en: 'Once', ar: 'مرة واحدة', fr: 'Une fois' },
  od: { en: 'Once a day', ar: 'مرة يومياً', fr: 'Une fois par jour' },
  bd: { en: 'Twice a day', ar: 'مرتين يومياً', fr: 'Deux fois par jour' },
  tds: { en: 'Three times a day', ar: 'ثلاث مرات يومياً', fr: 'Trois fois par jour' },
  qds: { en: 'Four times a day', ar: 'أربع مرات يومياً', fr: 'Quatre fois par jour' },
  nocte: { en: 'At night', ar: 'ليلاً', fr: 'Le soir' },
  prn: { en: 'When needed', ar: 'عند الحاجة', fr: 'Si besoin' },
  weekly: { en: 'Once a week', ar: 'مرة أسبوعياً', fr: 'Une fois par semaine' },
};

export const OUTCOME_LABELS: Table<typeof OUTCOMES> = {
  treated: { en: 'Treated', ar: 'عولج', fr: 'Traité' },
  referred: { en: 'Referred to hospital', ar: 'أحيل إلى المستشفى', fr: "Référé à l'hôpital" },
  follow_up: { en: 'Follow-up', ar: 'متابعة', fr: 'Suivi' },
};

export const FITNESS_LABELS: Table<typeof FITNESS> = {
  fit: { en: 'Fit to travel', ar: 'لائق للسفر', fr: 'Apte à voyager' },
  fit_with_escort: {
    en: 'Fit to travel with an escort',
    ar: 'لائق للسفر مع مرافق',
    fr: 'Apte à voyager accompagné',
  },
  not_fit: { en: 'Not fit to travel', ar: 'غير لائق للسفر', fr: 'Inapte à voyager' },
};

export const VITAL_LABELS: Record<Vital, LocalisedText> = {
  temperatureC: { en: 'Temperature (°C)', ar: 'الحرارة (°م)', fr: 'Température (°C)' },
  pulse: { en: 'Pulse (/min)', ar: 'النبض (/د)', fr: 'Pouls (/min)' },
  systolic: { en: 'Systolic BP (mmHg)', ar: 'الضغط الانقباضي (ملم زئبق)', fr: 'PA systolique (mmHg)' },
  diastolic: { en: 'Diastolic BP (mmHg)', ar: 'الضغط الانبساطي (ملم زئبق)', fr: 'PA diastolique (mmHg)' },
  respiratoryRate: {
    en: 'Respiratory rate (/min)',
    ar: 'معدل التنفس (/د)',
    fr: 'Fréquence respiratoire (/min)',
  },
  spo2: { en: 'SpO₂ (%)', ar: 'تشبع الأكسجين (%)', fr: 'SpO₂ (%)' },
  weightKg: { en: 'Weight (kg)', ar: 'الوزن (كغ)', fr: 'Poids (kg)' },
  heightCm: { en: 'Height (cm)', ar: 'الطول (سم)', fr: 'Taille (cm)' },
  muacMm: { en: 'MUAC (mm)', ar: 'محيط منتصف الذراع (ملم)', fr: 'PB (mm)' },
};
