import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { directionOf, layoutText } from './bidi-layout';
import { familiesOf, loadedFonts } from './fonts';
import { CHROME } from './labels';
import { renderPacketPdf } from './pdf';
import type { Packet } from './types';
import { renderPacketXlsx } from './xlsx';

const ARABIC_NAME = 'محمد عبد الرحمن';
const TIGRINYA_NAME = 'ዮሃንስ ተስፋይ';
const FRENCH_NAME = 'Hélène Dupré-Lefèvre, née Ngoué';
const FORMULA = '=HYPERLINK("http://x","y")';

const english: Packet = {
  locale: 'en',
  title: 'Referral to UNHCR: international protection',
  generatedAt: '2025-03-14 10:32 UTC',
  reference: 'REF-2025-000123',
  sender: { organisation: 'Sanad Protection Desk, Tariq al-Sikka' },
  recipient: { organisation: 'UNHCR Libya', organisationAr: 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين' },
  sections: [
    {
      title: 'Identity',
      fields: [
        { key: 'fullName', label: 'Full name', value: ARABIC_NAME },
        { key: 'otherName', label: 'Name in Tigrinya', value: TIGRINYA_NAME },
        { key: 'latinName', label: 'Name as written by the interpreter', value: FRENCH_NAME },
        { key: 'phone', label: 'Phone', value: null },
      ],
    },
    {
      title: 'Referral',
      fields: [
        { key: 'service', label: 'Service', value: 'Refugee status determination' },
        { key: 'notes', label: 'Notes', value: FORMULA },
        { key: 'plus', label: 'Reported debt', value: '+1500 LYD; -200 paid @ centre' },
      ],
    },
  ],
  footer: 'CONFIDENTIAL: personal data shared with the consent of the person concerned. Do not forward.',
};

const arabic: Packet = {
  ...english,
  locale: 'ar',
  title: 'إحالة إلى المفوضية: الحماية الدولية',
  sections: [
    {
      title: 'الهوية',
      fields: [
        { key: 'fullName', label: 'الاسم الكامل', value: ARABIC_NAME },
        { key: 'otherName', label: 'الاسم بالتغرينية', value: TIGRINYA_NAME },
        { key: 'latinName', label: 'الاسم بالحروف اللاتينية', value: FRENCH_NAME },
        { key: 'dob', label: 'تاريخ الميلاد', value: '1998-04-02' },
      ],
    },
  ],
  footer: 'سري: بيانات شخصية تمت مشاركتها بموافقة الشخص المعني. لا يجوز إعادة الإرسال.',
};

/** Strings a rendered packet must show, besides which it may show nothing. */
function expectedTexts(packet: Packet, pages: number): string[] {
  const chrome = CHROME[packet.locale];
  const { reference, generatedAt, sender, recipient } = packet;
  const fields = packet.sections.flatMap((s) => [
    s.title,
    ...s.fields.flatMap((f) => [f.label, f.value ?? '—']),
  ]);
  const pageLabels = Array.from({ length: pages }, (_, i) => chrome.page(i + 1, pages));
  return [packet.title, chrome.reference, reference, chrome.date, generatedAt, chrome.from, chrome.to]
    .concat([sender.organisation, recipient.organisation, recipient.organisationAr ?? ''], fields)
    .concat(packet.footer, pageLabels)
    .filter((t) => t !== '');
}

/** NFKC turns Arabic presentation forms back into letters; bidi controls and spacing carry no text. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Forms in which an extractor may return `text`. A PDF stores RTL glyphs in visual order; pdf.js puts
 * each text run back in logical order, but other extractors return visual order (every character
 * reversed), and some reverse the characters of each word only, leaving the words in visual order.
 */
function readings(text: string): string[] {
  const t = normalise(text);
  const reversed = [...t].reverse().join('');
  const wordsReversed = t.split(' ').reverse().join(' ');
  return [...new Set([t, reversed, wordsReversed])];
}

async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  return { text: normalise(text), pages: totalPages };
}

/** Asserts each expected string is in the text, then that nothing but them (and spaces) is. */
function expectExactly(text: string, expected: string[]): void {
  let rest = text;
  for (const item of [...new Set(expected)].sort((a, b) => b.length - a.length)) {
    const found = readings(item).find((form) => rest.includes(form));
    expect(found, `"${item}" in the PDF text:\n${text}`).toBeDefined();
    rest = rest.split(found!).join(' ');
  }
  expect(rest.replace(/\s+/g, '')).toBe('');
}

async function readSheet(xlsx: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Referral');
  expect(sheet).toBeDefined();
  return sheet!;
}

/** The table below the Section/Field/Value header, up to the first blank row. */
function tableRows(sheet: ExcelJS.Worksheet, packet: Packet): ExcelJS.Row[] {
  const chrome = CHROME[packet.locale];
  const rows: ExcelJS.Row[] = [];
  let header = 0;
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = [1, 2, 3].map((c) => row.getCell(c).value);
    if (!header && values.join('|') === [chrome.section, chrome.field, chrome.value].join('|')) header = n;
  });
  expect(header).toBeGreaterThan(0);
  for (let n = header + 1; sheet.getRow(n).getCell(1).value !== null; n++) rows.push(sheet.getRow(n));
  return rows;
}

describe('referral packet PDF', () => {
  it('holds every label and value of an English packet, and nothing else', async () => {
    const pdf = await renderPacketPdf(english);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Real text in embedded fonts with ToUnicode maps, not pictures of text.
    expect(pdf.includes('/FontFile2')).toBe(true);
    expect(pdf.includes('/ToUnicode')).toBe(true);
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    expectExactly(text, expectedTexts(english, pages));
  });

  it('lays an Arabic packet out right to left and keeps its text extractable', async () => {
    const { text, pages } = await pdfText(await renderPacketPdf(arabic));
    // Labels with the لا ligature: extracted as written, not as "اال".
    expect(text).toContain('الاسم الكامل');
    expect(text).toContain('اللاتينية');
    expectExactly(text, expectedTexts(arabic, pages));
  });

  it('extracts the same text whatever was rendered before (fonts are shared between documents)', async () => {
    // A document with Arabic first: its font subset reads glyphs (parts of composite glyphs) that the
    // next document's text then uses.
    await renderPacketPdf({ ...english, footer: `${english.footer} ${arabic.footer}` });
    const { text, pages } = await pdfText(await renderPacketPdf(arabic));
    expectExactly(text, expectedTexts(arabic, pages));
  });

  it('renders a two-page packet well under a second, fonts parsed once', async () => {
    const many = structuredClone(english);
    const values = [ARABIC_NAME, TIGRINYA_NAME, 'Documents taken on arrival; debt to smugglers reported.'];
    many.sections[1]!.fields = Array.from({ length: 34 }, (_, i) => ({
      key: `indicator${i}`,
      label: `Indicator ${i + 1}`,
      value: values[i % 3]!,
    }));
    await renderPacketPdf(many); // first render parses the fonts
    const pdf = await renderPacketPdf(many);
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(2);
    expectExactly(text, expectedTexts(many, 2));
  });
});

const BENGALI_NAMES = ['মোহাম্মদ রহমান', 'রহিম উদ্দিন'];

/**
 * A Bengali name as a PDF extractor reads it: the vowel signs ি ে ৈ (and the first half of ো ৌ) are
 * drawn before their consonant cluster, and each glyph maps to its own text, so they come out first.
 */
function bengaliVisual(text: string): string {
  const cluster =
    '(?:[\u0995-\u09B9\u09CE\u09DC-\u09DF]\u09BC?\u09CD)*[\u0995-\u09B9\u09CE\u09DC-\u09DF]\u09BC?';
  return text.normalize('NFD').replace(new RegExp(`(${cluster})([\u09BF\u09C7\u09C8])`, 'g'), '$2$1');
}

describe('Bengali names in the packet PDF', () => {
  it('draws a Bengali-script name with a Bengali font (no missing-glyph boxes), and the text extracts', async () => {
    const bengali = loadedFonts().get('bengali-regular');
    for (const name of BENGALI_NAMES) {
      expect(new Set(familiesOf(name).filter((_, i) => name[i] !== ' '))).toEqual(new Set(['bengali']));
      // glyph 0 is .notdef, the box
      expect(bengali?.layout(name).glyphs.some((g) => g.id === 0)).toBe(false);
    }
    const packet = structuredClone(english);
    packet.sections[0]!.fields = BENGALI_NAMES.map((value, i) => ({
      key: `bn${i}`,
      label: `Name ${i}`,
      value,
    }));
    const pdf = await renderPacketPdf(packet);
    expect(pdf.includes('NotoSansBengali')).toBe(true);
    const { text } = await pdfText(pdf);
    const extracted = text.normalize('NFD');
    for (const name of BENGALI_NAMES) expect(extracted).toContain(bengaliVisual(name));
  });
});

describe('referral packet XLSX', () => {
  it('has one row per field with exactly the given values, formulas kept as text', async () => {
    const sheet = await readSheet(await renderPacketXlsx(english));
    const rows = tableRows(sheet, english);
    const expected = english.sections.flatMap((s) => s.fields.map((f) => [s.title, f.label, f.value]));
    expect(rows.map((r) => [1, 2, 3].map((c) => r.getCell(c).value))).toEqual(expected);

    const formula = rows.find((r) => r.getCell(2).value === 'Notes')!.getCell(3);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.formula).toBeUndefined();
    expect(formula.value).toBe(FORMULA);
    expect(formula.numFmt).toBe('@');
    for (const r of rows)
      expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Null]).toContain(r.getCell(3).type);

    const header = [1, 2, 3, 4, 5].map((n) => sheet.getRow(n).values);
    expect(JSON.stringify(header)).toContain(english.reference);
    expect(sheet.views[0]?.rightToLeft).toBeFalsy();
  });

  it('turns the sheet right to left for an Arabic packet', async () => {
    const sheet = await readSheet(await renderPacketXlsx(arabic));
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    const rows = tableRows(sheet, arabic);
    expect(rows.map((r) => [1, 2, 3].map((c) => r.getCell(c).value))).toEqual(
      arabic.sections.flatMap((s) => s.fields.map((f) => [s.title, f.label, f.value])),
    );
    expect(rows[0]!.getCell(3).alignment?.readingOrder).toBe('rtl');
  });

  it("prints the notice in the page footer within Excel's 255 characters, ampersands escaped", async () => {
    const sheet = await readSheet(
      await renderPacketXlsx({ ...english, footer: 'Confidential & private. '.repeat(20) }),
    );
    const footer = sheet.headerFooter.oddFooter ?? '';
    expect(footer.length).toBeLessThanOrEqual(255);
    expect(footer).toMatch(/^&LConfidential && private\. /);
    expect(footer.endsWith('&R&P / &N')).toBe(true);
  });

  it('drops characters XML cannot hold instead of writing a corrupt file', async () => {
    const odd = structuredClone(english);
    odd.sections[0]!.fields[0]!.value = `a\u0000b\u0007c\r\nd`;
    const rows = tableRows(await readSheet(await renderPacketXlsx(odd)), odd);
    expect(rows[0]!.getCell(3).value).toBe('abc\nd');
  });
});

describe('bidi layout', () => {
  const measure = (text: string) => text.length * 5;

  it('takes the paragraph direction from the first strong letter', () => {
    expect(directionOf(ARABIC_NAME, 'ltr')).toBe('rtl');
    expect(directionOf(`(${FRENCH_NAME})`, 'rtl')).toBe('ltr');
    expect(directionOf('1998-04-02', 'rtl')).toBe('rtl');
  });

  it('keeps an Arabic name one run in logical order, for the shaper to join and reverse', () => {
    expect(new Set(familiesOf(ARABIC_NAME))).toEqual(new Set(['arabic']));
    const [line] = layoutText(ARABIC_NAME, 500, 'ltr', measure);
    expect(line?.direction).toBe('rtl');
    expect(line?.runs.map((r) => [r.family, r.text])).toEqual([['arabic', ARABIC_NAME]]);
  });

  it('orders mixed runs visually and mirrors brackets inside right-to-left text', () => {
    const [ltr] = layoutText(`Mohamed ${ARABIC_NAME} born`, 500, 'ltr', measure);
    expect(ltr?.runs.map((r) => r.text)).toEqual(['Mohamed ', ARABIC_NAME, ' ', 'born']);
    // Digits after Arabic letters are Arabic numbers (rule W2): they stay with the Arabic, on its left.
    const [number] = layoutText(`Mohamed ${ARABIC_NAME} 1998`, 500, 'ltr', measure);
    expect(number?.runs.map((r) => r.text)).toEqual(['Mohamed ', '1998', `${ARABIC_NAME} `]);
    // RTL paragraph, runs left to right: the last word first. Runs of Arabic letters stay in logical
    // order (fontkit reverses them when shaping); brackets at an RTL level are swapped, so the "(" typed
    // before Hélène is drawn as ")" on its right, inside the Arabic run "الاسم (".
    const [rtl] = layoutText('الاسم (Hélène) هنا', 500, 'ltr', measure);
    expect(rtl?.runs.map((r) => r.text)).toEqual(['هنا', ' (', 'Hélène', 'الاسم )']);
  });

  it('wraps on spaces within the width and cuts words longer than a line', () => {
    const lines = layoutText(`${'word '.repeat(30)}${'x'.repeat(80)}`, 100, 'ltr', measure);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100);
    const joined = lines.map((l) => l.runs.map((r) => r.text).join('')).join('');
    expect(joined.replace(/\s/g, '')).toBe(`${'word'.repeat(30)}${'x'.repeat(80)}`);
    expect(lines.length).toBeGreaterThan(5);
  });
});
