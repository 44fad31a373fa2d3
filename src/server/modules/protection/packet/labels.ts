import type { PacketLocale } from './types';

/** The few words the renderers add themselves; everything else comes translated in the packet. */
export interface PacketChrome {
  reference: string;
  date: string;
  from: string;
  to: string;
  section: string;
  field: string;
  value: string;
  page: (n: number, total: number) => string;
}

export const CHROME: Record<PacketLocale, PacketChrome> = {
  en: {
    reference: 'Reference',
    date: 'Date',
    from: 'From',
    to: 'To',
    section: 'Section',
    field: 'Field',
    value: 'Value',
    page: (n, total) => `Page ${n} of ${total}`,
  },
  fr: {
    reference: 'Référence',
    date: 'Date',
    from: 'De',
    to: 'À',
    section: 'Section',
    field: 'Champ',
    value: 'Valeur',
    page: (n, total) => `Page ${n} sur ${total}`,
  },
  ar: {
    reference: 'المرجع',
    date: 'التاريخ',
    from: 'من',
    to: 'إلى',
    section: 'القسم',
    field: 'الحقل',
    value: 'القيمة',
    page: (n, total) => `صفحة ${n} من ${total}`,
  },
};

/** Recipient name with its Arabic form, when given, on a second line. */
export function recipientText(recipient: { organisation: string; organisationAr?: string }): string {
  const ar = recipient.organisationAr?.trim();
  return ar ? `${recipient.organisation}\n${ar}` : recipient.organisation;
}
