/**
 * Input of the referral-packet renderers, independent of the database: the caller has already
 * filtered the fields down to what the recipient's data-sharing profile and the person's consent
 * allow (DESIGN §6). The renderers print exactly these fields and nothing else.
 */
export type PacketLocale = 'en' | 'ar' | 'fr';

export interface PacketField {
  key: string;
  label: string;
  /** Latin, Arabic, Ge'ez or mixed; null = permitted field with no data. */
  value: string | null;
}

export interface PacketSection {
  title: string;
  fields: PacketField[];
}

export interface Packet {
  /** Language of the labels; 'ar' lays the whole page out right-to-left. */
  locale: PacketLocale;
  title: string;
  generatedAt: string;
  /** Referral reference. */
  reference: string;
  sender: { organisation: string };
  recipient: { organisation: string; organisationAr?: string };
  sections: PacketSection[];
  /** Confidentiality notice, printed on every page. */
  footer: string;
}
