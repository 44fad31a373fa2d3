import type { LocalisedText } from '../common/labels';
import type { BASE_UNITS, ITEM_CATEGORIES, MEDICINE_FORMS, STOCK_POINT_KINDS } from './catalogue';
import type { COUNT_STATUSES } from './counts';
import type { AGE_GROUPS, DISTRIBUTION_KINDS, DISTRIBUTION_STATUSES } from './distributions';
import type { MovementKind, ReasonCode } from './reasons';
import type { STOCK_ALERT_KINDS } from './reports';
import type { TRANSFER_STATUSES } from './transfers';

// Labels of the supplies enums (web pages, exports): domain/common/labels.ts.

type Table<T extends readonly string[]> = Record<T[number], LocalisedText>;

export const ITEM_CATEGORY_LABELS: Table<typeof ITEM_CATEGORIES> = {
  clothing: { en: 'Clothing', ar: 'ملابس', fr: 'Vêtements' },
  bedding: { en: 'Bedding', ar: 'أفرشة', fr: 'Literie' },
  hygiene: { en: 'Hygiene', ar: 'مستلزمات النظافة', fr: 'Hygiène' },
  medicine: { en: 'Medicine', ar: 'أدوية', fr: 'Médicaments' },
  medical_disposable: { en: 'Medical disposables', ar: 'مستهلكات طبية', fr: 'Consommables médicaux' },
  food: { en: 'Food', ar: 'أغذية', fr: 'Alimentation' },
  other: { en: 'Other', ar: 'أخرى', fr: 'Autre' },
};

/** Base units, as counted ("240 tablets"). */
export const UNIT_LABELS: Table<typeof BASE_UNITS> = {
  piece: { en: 'pieces', ar: 'قطعة', fr: 'pièces' },
  pair: { en: 'pairs', ar: 'زوج', fr: 'paires' },
  set: { en: 'sets', ar: 'طقم', fr: 'ensembles' },
  tablet: { en: 'tablets', ar: 'قرص', fr: 'comprimés' },
  capsule: { en: 'capsules', ar: 'كبسولة', fr: 'gélules' },
  sachet: { en: 'sachets', ar: 'كيس', fr: 'sachets' },
  bottle: { en: 'bottles', ar: 'زجاجة', fr: 'flacons' },
  vial: { en: 'vials', ar: 'قارورة', fr: 'flacons-ampoules' },
  ampoule: { en: 'ampoules', ar: 'أمبولة', fr: 'ampoules' },
  tube: { en: 'tubes', ar: 'أنبوب', fr: 'tubes' },
  roll: { en: 'rolls', ar: 'لفة', fr: 'rouleaux' },
  box: { en: 'boxes', ar: 'علبة', fr: 'boîtes' },
  kg: { en: 'kg', ar: 'كغ', fr: 'kg' },
  litre: { en: 'litres', ar: 'لتر', fr: 'litres' },
};

export const MEDICINE_FORM_LABELS: Table<typeof MEDICINE_FORMS> = {
  tablet: { en: 'Tablet', ar: 'أقراص', fr: 'Comprimé' },
  capsule: { en: 'Capsule', ar: 'كبسولات', fr: 'Gélule' },
  oral_powder: { en: 'Oral powder', ar: 'مسحوق فموي', fr: 'Poudre orale' },
  syrup: { en: 'Syrup', ar: 'شراب', fr: 'Sirop' },
  suspension: { en: 'Suspension', ar: 'معلق', fr: 'Suspension' },
  injection: { en: 'Injection', ar: 'حقن', fr: 'Injectable' },
  cream: { en: 'Cream', ar: 'كريم', fr: 'Crème' },
  ointment: { en: 'Ointment', ar: 'مرهم', fr: 'Pommade' },
  eye_drops: { en: 'Eye drops', ar: 'قطرة عين', fr: 'Collyre' },
  inhaler: { en: 'Inhaler', ar: 'بخاخ', fr: 'Inhalateur' },
  suppository: { en: 'Suppository', ar: 'تحاميل', fr: 'Suppositoire' },
  other: { en: 'Other', ar: 'أخرى', fr: 'Autre' },
};

export const STOCK_POINT_KIND_LABELS: Table<typeof STOCK_POINT_KINDS> = {
  warehouse: { en: 'Warehouse', ar: 'مستودع', fr: 'Entrepôt' },
  centre_store: { en: 'Centre store', ar: 'مخزن المركز', fr: 'Magasin du centre' },
  clinic_pharmacy: { en: 'Clinic pharmacy', ar: 'صيدلية العيادة', fr: 'Pharmacie de la clinique' },
};

export const MOVEMENT_KIND_LABELS: Record<MovementKind, LocalisedText> = {
  receipt: { en: 'Receipt', ar: 'استلام', fr: 'Réception' },
  transfer_out: { en: 'Transfer out', ar: 'تحويل صادر', fr: 'Transfert sortant' },
  transfer_in: { en: 'Transfer in', ar: 'تحويل وارد', fr: 'Transfert entrant' },
  dispense: { en: 'Dispensed', ar: 'صرف', fr: 'Dispensation' },
  distribution: { en: 'Distribution', ar: 'توزيع', fr: 'Distribution' },
  loss: { en: 'Loss or damage', ar: 'فقدان أو تلف', fr: 'Perte ou dommage' },
  expiry_write_off: { en: 'Expiry write-off', ar: 'إتلاف منتهي الصلاحية', fr: 'Mise au rebut (péremption)' },
  count_adjustment: { en: 'Count adjustment', ar: 'تسوية الجرد', fr: "Ajustement d'inventaire" },
  reversal: { en: 'Reversal', ar: 'قيد عكسي', fr: 'Contre-passation' },
};

export const REASON_LABELS: Record<ReasonCode, LocalisedText> = {
  donation: { en: 'Donation', ar: 'تبرع', fr: 'Don' },
  purchase: { en: 'Purchase', ar: 'شراء', fr: 'Achat' },
  returned_unused: { en: 'Returned unused', ar: 'مرتجع غير مستخدم', fr: 'Retour non utilisé' },
  transfer_dispatched: { en: 'Transfer dispatched', ar: 'تحويل مُرسل', fr: 'Transfert expédié' },
  transfer_received: { en: 'Transfer received', ar: 'تحويل مُستلم', fr: 'Transfert reçu' },
  dispensed: { en: 'Dispensed to a patient', ar: 'صُرف لمريض', fr: 'Dispensé à un patient' },
  distributed: { en: 'Distributed', ar: 'وُزّع', fr: 'Distribué' },
  damaged: { en: 'Damaged', ar: 'تالف', fr: 'Endommagé' },
  stolen: { en: 'Stolen', ar: 'مسروق', fr: 'Volé' },
  lost_in_transit: { en: 'Lost in transit', ar: 'فُقد أثناء النقل', fr: 'Perdu en transit' },
  spoiled: { en: 'Spoiled', ar: 'فاسد', fr: 'Avarié' },
  loss_other: { en: 'Other loss', ar: 'فقدان آخر', fr: 'Autre perte' },
  expired: { en: 'Expired', ar: 'منتهي الصلاحية', fr: 'Périmé' },
  recall: { en: 'Recalled by the manufacturer', ar: 'سحب من المصنّع', fr: 'Rappel du fabricant' },
  count_unrecorded_issue: { en: 'Unrecorded issue', ar: 'صرف غير مسجّل', fr: 'Sortie non enregistrée' },
  count_unrecorded_receipt: { en: 'Unrecorded receipt', ar: 'استلام غير مسجّل', fr: 'Entrée non enregistrée' },
  count_damaged: { en: 'Found damaged', ar: 'وُجد تالفاً', fr: 'Trouvé endommagé' },
  count_error: { en: 'Earlier counting error', ar: 'خطأ جرد سابق', fr: "Erreur d'inventaire antérieure" },
  count_other: { en: 'Other difference', ar: 'فرق آخر', fr: 'Autre écart' },
  reversal: { en: 'Reversal of an entry', ar: 'عكس قيد', fr: "Contre-passation d'une écriture" },
};

export const TRANSFER_STATUS_LABELS: Table<typeof TRANSFER_STATUSES> = {
  dispatched: { en: 'In transit', ar: 'قيد النقل', fr: 'En transit' },
  received: { en: 'Received', ar: 'مُستلم', fr: 'Reçu' },
};

export const COUNT_STATUS_LABELS: Table<typeof COUNT_STATUSES> = {
  open: { en: 'Counting', ar: 'قيد الجرد', fr: 'En cours' },
  approved: { en: 'Approved', ar: 'معتمد', fr: 'Approuvé' },
  cancelled: { en: 'Cancelled', ar: 'ملغى', fr: 'Annulé' },
};

export const DISTRIBUTION_KIND_LABELS: Table<typeof DISTRIBUTION_KINDS> = {
  individual: { en: 'To people', ar: 'للأفراد', fr: 'Aux personnes' },
  bulk: { en: 'Bulk to the centre', ar: 'جماعي للمركز', fr: 'En gros au centre' },
};

export const DISTRIBUTION_STATUS_LABELS: Table<typeof DISTRIBUTION_STATUSES> = {
  open: { en: 'Open', ar: 'مفتوح', fr: 'Ouverte' },
  closed: { en: 'Closed', ar: 'مغلق', fr: 'Clôturée' },
};

/** The stock officer's alerts (home panel). */
export const STOCK_ALERT_KIND_LABELS: Table<typeof STOCK_ALERT_KINDS> = {
  expired: { en: 'Expired', ar: 'منتهي الصلاحية', fr: 'Périmé' },
  expiring_soon: { en: 'Expiring soon', ar: 'تنتهي صلاحيته قريبًا', fr: 'Bientôt périmé' },
  below_minimum: { en: 'Below minimum', ar: 'دون الحد الأدنى', fr: 'Sous le minimum' },
};

/** The distribution report's dimensions, measures and empty cells (web table and XLSX alike). */
export const DISTRIBUTION_REPORT_LABELS = {
  centre: { en: 'Centre', ar: 'المركز', fr: 'Centre' },
  item: { en: 'Item', ar: 'الصنف', fr: 'Article' },
  project: { en: 'Project', ar: 'المشروع', fr: 'Projet' },
  sex: { en: 'Sex', ar: 'الجنس', fr: 'Sexe' },
  ageGroup: { en: 'Age group', ar: 'الفئة العمرية', fr: "Tranche d'âge" },
  month: { en: 'Month', ar: 'الشهر', fr: 'Mois' },
  people: { en: 'People (unique)', ar: 'الأشخاص (دون تكرار)', fr: 'Personnes (uniques)' },
  lines: { en: 'Lines', ar: 'البنود', fr: 'Lignes' },
  quantity: { en: 'Quantity (base units)', ar: 'الكمية (بالوحدة الأساسية)', fr: 'Quantité (unités de base)' },
  total: { en: 'Total', ar: 'المجموع', fr: 'Total' },
  noProject: { en: 'No project', ar: 'بدون مشروع', fr: 'Sans projet' },
} satisfies Record<string, LocalisedText>;

/** Age groups at the distribution date (the ranges read the same in every language). */
export const AGE_GROUP_LABELS: Table<typeof AGE_GROUPS> = {
  '0-4': { en: '0–4', ar: '0–4', fr: '0–4' },
  '5-11': { en: '5–11', ar: '5–11', fr: '5–11' },
  '12-17': { en: '12–17', ar: '12–17', fr: '12–17' },
  '18-59': { en: '18–59', ar: '18–59', fr: '18–59' },
  '60+': { en: '60+', ar: '60+', fr: '60+' },
  unknown: { en: 'Age unknown', ar: 'العمر غير معروف', fr: 'Âge inconnu' },
};
