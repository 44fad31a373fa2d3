// The renderers of what leaves the system about people (PDF with shaped Arabic, XLSX), for the
// modules that send lists to a recipient (returns: embassy lists, manifests). Protection owns
// them (the referral packet came first); other modules reach them only through this file.

export { renderPacketPdf } from './packet/pdf';
export type { Packet, PacketField, PacketLocale, PacketSection } from './packet/types';
export { renderPacketXlsx } from './packet/xlsx';
