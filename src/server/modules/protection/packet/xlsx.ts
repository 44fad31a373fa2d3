import ExcelJS from 'exceljs';
import { type Direction, directionOf, withoutControls } from './bidi-layout';
import { CHROME, recipientText } from './labels';
import type { Packet } from './types';

/**
 * Referral packet as one XLSX sheet, "Referral": header rows, then a table with one row per field
 * (section, label, value) and the confidentiality notice below it and in the printed footer.
 *
 * Every value is written as a text cell. ExcelJS only writes a formula for a `{ formula }` object, never
 * for a string, so `=HYPERLINK(...)` stays inert text; the cells also get the Text number format so that
 * editing one in Excel does not turn it into a formula. No leading apostrophe is added: the recipient
 * gets the value exactly as recorded.
 */

const SHEET = 'Referral';
const MAX_CELL_TEXT = 32_767; // Excel's limit per cell
const MAX_PRINT_FOOTER = 230; // Excel refuses header/footer text over 255 characters, codes included

export async function renderPacketXlsx(packet: Packet): Promise<Buffer> {
  const chrome = CHROME[packet.locale];
  const pageDir: Direction = packet.locale === 'ar' ? 'rtl' : 'ltr';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sanad';
  workbook.title = cleanText(packet.title);
  workbook.subject = cleanText(packet.reference);

  const headerRows = 6; // title, four header lines, blank
  const sheet = workbook.addWorksheet(SHEET, {
    views: [{ state: 'frozen', ySplit: headerRows + 1, rightToLeft: pageDir === 'rtl' }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });

  const put = (row: number, col: number, text: string, bold = false) => {
    const cell = sheet.getCell(row, col);
    setText(cell, text, pageDir);
    if (bold) cell.font = { bold: true };
    return cell;
  };

  put(1, 1, packet.title, true).font = { bold: true, size: 14 };
  const meta: [string, string][] = [
    [chrome.reference, packet.reference],
    [chrome.date, packet.generatedAt],
    [chrome.from, packet.sender.organisation],
    [chrome.to, recipientText(packet.recipient)],
  ];
  meta.forEach(([label, value], i) => {
    put(2 + i, 1, label, true);
    put(2 + i, 2, value);
    sheet.mergeCells(2 + i, 2, 2 + i, 3);
  });

  const tableHeader = headerRows + 1;
  [chrome.section, chrome.field, chrome.value].forEach((text, i) => {
    const cell = put(tableHeader, i + 1, text, true);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.border = { bottom: { style: 'thin' } };
  });

  let row = tableHeader;
  for (const section of packet.sections) {
    for (const field of section.fields) {
      row++;
      put(row, 1, section.title);
      put(row, 2, field.label, true);
      // null stays an empty cell: the field may be shared but nothing is recorded
      if (field.value !== null) put(row, 3, field.value);
    }
  }
  put(row + 2, 1, packet.footer).font = { italic: true, color: { argb: 'FF555555' } };
  sheet.mergeCells(row + 2, 1, row + 2, 3);
  sheet.getRow(row + 2).height = Math.min(409, 15 * Math.ceil(cleanText(packet.footer).length / 110));

  sheet.columns.forEach((column, i) => {
    column.width = columnWidth(sheet, i + 1, tableHeader, [18, 22, 30][i] ?? 20, [30, 40, 80][i] ?? 60);
  });
  sheet.pageSetup.printTitlesRow = `${tableHeader}:${tableHeader}`;
  sheet.headerFooter.oddFooter = `&L${headerFooterText(cleanText(packet.footer))}&R&P / &N`;

  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** The one place cells get text: always a string, Text format, reading order from its first strong letter. */
function setText(cell: ExcelJS.Cell, text: string, fallback: Direction): void {
  let value = cleanText(String(text));
  if (value.length > MAX_CELL_TEXT) value = value.slice(0, MAX_CELL_TEXT).replace(/[\uD800-\uDBFF]$/, '');
  cell.value = value;
  cell.numFmt = '@';
  const dir = directionOf(value, fallback);
  cell.alignment = {
    vertical: 'top',
    wrapText: true,
    readingOrder: dir,
    horizontal: fallback === 'rtl' || dir === 'rtl' ? 'right' : 'left',
  };
}

/**
 * Control characters other than tab and newline are not allowed in XML 1.0: ExcelJS would write them
 * and Excel would then call the file corrupt. CR LF becomes LF.
 */
function cleanText(text: string): string {
  return withoutControls(text.replace(/\r\n?/g, '\n'));
}

/** `&` starts a code in Excel header/footer text, so a literal one is `&&`; cut to fit Excel's limit. */
function headerFooterText(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ')) {
    const escaped = ch === '&' ? '&&' : ch;
    if (out.length + escaped.length > MAX_PRINT_FOOTER) return `${out}…`;
    out += escaped;
  }
  return out;
}

/** Width in characters from the longest line below the header row, within [min, max]. */
function columnWidth(
  sheet: ExcelJS.Worksheet,
  col: number,
  fromRow: number,
  min: number,
  max: number,
): number {
  let longest = 0;
  sheet.getColumn(col).eachCell({ includeEmpty: false }, (cell, rowNumber) => {
    if (rowNumber < fromRow || cell.isMerged) return;
    for (const line of String(cell.value ?? '').split('\n')) longest = Math.max(longest, line.length);
  });
  return Math.max(min, Math.min(max, longest + 2));
}
