// The referral packet's PDF renderer (PDFKit, embedded fonts, shaped Arabic, right-to-left pages)
// as other modules may use it: a document of label/value sections (returns' movement manifests).
export { renderPacketPdf } from './packet/pdf';
export type { Packet, PacketField, PacketLocale, PacketSection } from './packet/types';
