import type { LabelTable, LocalisedText } from '../common/labels';
import type { EscortKind, MovementKind, MovementStatus, PassengerStatus } from './movements';

// Movements' words in the three languages (glossary: movement = رحلة / mouvement, manifest =
// قائمة الركاب / manifeste, no-show = عدم الحضور / absent au départ), for the web app and the
// server's manifests.

export const MOVEMENT_KIND_LABELS: Record<MovementKind, LocalisedText> = {
  charter: { en: 'Charter flight', ar: 'رحلة مستأجرة', fr: 'Vol affrété' },
  scheduled: { en: 'Scheduled flight', ar: 'رحلة منتظمة', fr: 'Vol régulier' },
  road: { en: 'Road convoy', ar: 'قافلة برية', fr: 'Convoi routier' },
};

export const MOVEMENT_STATUS_LABELS: Record<MovementStatus, LocalisedText> = {
  planned: { en: 'Planned', ar: 'مخطط لها', fr: 'Prévu' },
  departed: { en: 'Departed', ar: 'غادرت', fr: 'Parti' },
  cancelled: { en: 'Cancelled', ar: 'ملغاة', fr: 'Annulé' },
};

export const PASSENGER_STATUS_LABELS: Record<PassengerStatus, LocalisedText> = {
  booked: { en: 'Booked', ar: 'محجوز', fr: 'Réservé' },
  departed: { en: 'Departed', ar: 'غادر', fr: 'Parti' },
  no_show: { en: 'Did not show', ar: 'لم يحضر', fr: 'Absent au départ' },
  removed: { en: 'Removed', ar: 'أُزيل', fr: 'Retiré' },
};

export const ESCORT_KIND_LABELS: Record<EscortKind, LocalisedText> = {
  medical: { en: 'Medical escort', ar: 'مرافق طبي', fr: 'Escorte médicale' },
  operational: { en: 'Operational escort', ar: 'مرافق عملياتي', fr: 'Escorte opérationnelle' },
};

/** The manifest's headings and columns. */
export const MANIFEST_LABELS = {
  title: { en: 'Passenger manifest', ar: 'قائمة الركاب', fr: 'Manifeste des passagers' },
  movement: { en: 'Movement', ar: 'الرحلة', fr: 'Mouvement' },
  kind: { en: 'Kind', ar: 'النوع', fr: 'Type' },
  departsOn: { en: 'Departure date', ar: 'تاريخ المغادرة', fr: 'Date de départ' },
  route: { en: 'Route', ar: 'المسار', fr: 'Itinéraire' },
  carrier: { en: 'Carrier', ar: 'الناقل', fr: 'Transporteur' },
  flightNumber: { en: 'Flight number', ar: 'رقم الرحلة', fr: 'Numéro de vol' },
  seats: { en: 'Seats', ar: 'المقاعد', fr: 'Places' },
  passengers: { en: 'Passengers', ar: 'الركاب', fr: 'Passagers' },
  escorts: { en: 'Escorts', ar: 'المرافقون', fr: 'Escortes' },
  name: { en: 'Name', ar: 'الاسم', fr: 'Nom' },
  sex: { en: 'Sex', ar: 'الجنس', fr: 'Sexe' },
  birthDate: { en: 'Date of birth', ar: 'تاريخ الميلاد', fr: 'Date de naissance' },
  nationality: { en: 'Nationality', ar: 'الجنسية', fr: 'Nationalité' },
  documentType: { en: 'Travel document', ar: 'وثيقة السفر', fr: 'Document de voyage' },
  documentNumber: { en: 'Document number', ar: 'رقم الوثيقة', fr: 'Numéro du document' },
  needsMedicalEscort: {
    en: 'Needs a medical escort',
    ar: 'يحتاج إلى مرافق طبي',
    fr: 'Escorte médicale requise',
  },
  yes: { en: 'Yes', ar: 'نعم', fr: 'Oui' },
  no: { en: 'No', ar: 'لا', fr: 'Non' },
  footer: {
    en: 'Confidential: personal data of the passengers, for this movement only.',
    ar: 'سري: بيانات شخصية للركاب، لهذه الرحلة فقط.',
    fr: 'Confidentiel : données personnelles des passagers, pour ce mouvement uniquement.',
  },
} satisfies LabelTable;

export const MOVEMENTS_LABEL_TABLES = {
  movementKind: MOVEMENT_KIND_LABELS,
  movementStatus: MOVEMENT_STATUS_LABELS,
  passengerStatus: PASSENGER_STATUS_LABELS,
  escortKind: ESCORT_KIND_LABELS,
} satisfies Record<string, LabelTable>;
