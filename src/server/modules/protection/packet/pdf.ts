import PDFDocument from 'pdfkit';
import { type Direction, type Line, layoutText } from './bidi-layout';
import { type FontWeight, fontName, fontsForDocument, shaperReverses, widthOf } from './fonts';
import { CHROME, recipientText } from './labels';
import type { Packet } from './types';

/**
 * Referral packet as an A4 PDF: header, sections as label/value tables, a confidentiality footer and page
 * numbers on every page. Text is real text in embedded, subsetted fonts with ToUnicode maps, so it can
 * be searched, copied and extracted; Arabic is shaped by fontkit and ordered by bidi-layout.
 */

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 42;
const CONTENT = PAGE.width - 2 * MARGIN;
const PAD_X = 6;
const PAD_Y = 4;
const LINE = 1.55; // line height as a multiple of the size: Arabic needs room above and below
const GREY = '#555555';
const RULE = '#bbbbbb';
const SHADE = '#eeeeee';

interface Style {
  size: number;
  weight: FontWeight;
  color: string;
}

const TITLE: Style = { size: 16, weight: 'bold', color: '#000000' };
const META_LABEL: Style = { size: 9, weight: 'bold', color: GREY };
const META_VALUE: Style = { size: 10, weight: 'regular', color: '#000000' };
const SECTION: Style = { size: 11, weight: 'bold', color: '#000000' };
const LABEL: Style = { size: 9, weight: 'bold', color: '#333333' };
const VALUE: Style = { size: 10, weight: 'regular', color: '#000000' };
const EMPTY: Style = { size: 10, weight: 'regular', color: '#999999' };
const FOOTER: Style = { size: 7.5, weight: 'regular', color: GREY };

export async function renderPacketPdf(packet: Packet): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true, // footers need the page count, known only at the end
    lang: packet.locale,
    displayTitle: true,
    info: { Title: packet.title, Subject: packet.reference, Creator: 'Sanad' },
  });
  // PDFKit takes parsed fontkit fonts (its CHANGELOG, 0.16); its types only know buffers and paths.
  for (const [name, font] of fontsForDocument()) doc.registerFont(name, font as unknown as Buffer);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  new PacketLayout(doc, packet).render();
  doc.end();
  return done;
}

/** Where to draw lines: `align` is the side they hug ('rtl' = right); `step` the line height. */
interface Box {
  x: number;
  width: number;
  top: number;
  align?: Direction;
  step?: number;
}

class PacketLayout {
  private readonly dir: Direction;
  private readonly bottom: number;
  private readonly footerLines: Line[];
  private y = MARGIN;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly packet: Packet,
  ) {
    this.dir = packet.locale === 'ar' ? 'rtl' : 'ltr';
    this.footerLines = this.lines(packet.footer, CONTENT, FOOTER);
    const footerHeight = (this.footerLines.length + 1) * FOOTER.size * LINE + 8;
    this.bottom = PAGE.height - MARGIN - footerHeight;
  }

  render(): void {
    this.header();
    for (const section of this.packet.sections) {
      this.sectionTitle(section.title);
      for (const field of section.fields) {
        const value = field.value?.trim() ? field.value : null;
        this.row(field.label, value ?? '—', LABEL, value === null ? EMPTY : VALUE, true);
      }
      this.y += 10;
    }
    this.footers();
  }

  private header(): void {
    const chrome = CHROME[this.packet.locale];
    const title = this.lines(this.packet.title, CONTENT, TITLE);
    this.draw(title, TITLE, { x: MARGIN, width: CONTENT, top: this.y });
    this.y += title.length * TITLE.size * LINE + 6;
    const meta: [string, string][] = [
      [chrome.reference, this.packet.reference],
      [chrome.date, this.packet.generatedAt],
      [chrome.from, this.packet.sender.organisation],
      [chrome.to, recipientText(this.packet.recipient)],
    ];
    for (const [label, value] of meta) this.row(label, value, META_LABEL, META_VALUE, false);
    this.y += 4;
    this.rule(this.y, 1, '#000000');
    this.y += 12;
  }

  private sectionTitle(text: string): void {
    const lines = this.lines(text, CONTENT - 2 * PAD_X, SECTION);
    const height = lines.length * SECTION.size * LINE + 2 * PAD_Y;
    // Keep a title with at least one row under it.
    if (this.y + height + VALUE.size * LINE * 2 > this.bottom) this.newPage();
    this.doc.rect(MARGIN, this.y, CONTENT, height).fill(SHADE);
    this.draw(lines, SECTION, {
      x: MARGIN + PAD_X,
      width: CONTENT - 2 * PAD_X,
      top: this.y + PAD_Y,
      align: this.dir,
    });
    this.y += height;
  }

  /** A label/value row; the label column is on the page's start side (the right in Arabic). */
  private row(label: string, value: string, labelStyle: Style, valueStyle: Style, ruled: boolean): void {
    const labelWidth = Math.round(CONTENT * 0.34);
    const valueWidth = CONTENT - labelWidth;
    const labelX = this.dir === 'rtl' ? MARGIN + valueWidth : MARGIN;
    const valueX = this.dir === 'rtl' ? MARGIN : MARGIN + labelWidth;
    let labelLines = this.lines(label, labelWidth - 2 * PAD_X, labelStyle);
    let valueLines = this.lines(value, valueWidth - 2 * PAD_X, valueStyle);
    const step = Math.max(labelStyle.size, valueStyle.size) * LINE;
    const rows = () => Math.max(labelLines.length, valueLines.length);
    // Move the row to a fresh page if it fits there; a row longer than a page is split between lines.
    if (
      this.y + rows() * step + 2 * PAD_Y > this.bottom &&
      rows() * step + 2 * PAD_Y <= this.bottom - MARGIN
    ) {
      this.newPage();
    }
    while (rows() > 0) {
      let fit = Math.floor((this.bottom - this.y - 2 * PAD_Y) / step);
      if (fit < 1) {
        this.newPage();
        fit = Math.floor((this.bottom - this.y - 2 * PAD_Y) / step);
      }
      const take = Math.min(fit, rows());
      const top = this.y + PAD_Y;
      const label = { x: labelX + PAD_X, width: labelWidth - 2 * PAD_X, top, step, align: this.dir };
      this.draw(labelLines.slice(0, take), labelStyle, label);
      this.draw(valueLines.slice(0, take), valueStyle, {
        x: valueX + PAD_X,
        width: valueWidth - 2 * PAD_X,
        top,
        step,
      });
      labelLines = labelLines.slice(take);
      valueLines = valueLines.slice(take);
      this.y += take * step + 2 * PAD_Y;
      if (ruled) this.rule(this.y, 0.5, RULE);
    }
  }

  private footers(): void {
    const chrome = CHROME[this.packet.locale];
    const { start, count } = this.doc.bufferedPageRange();
    const top = this.bottom + 8;
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.rule(top - 4, 0.5, RULE);
      this.draw(this.footerLines, FOOTER, { x: MARGIN, width: CONTENT, top, align: this.dir });
      const page = this.lines(chrome.page(i - start + 1, count), CONTENT, FOOTER);
      const y = top + this.footerLines.length * FOOTER.size * LINE;
      // Page numbers sit at the page's end side: bottom right in English, bottom left in Arabic.
      this.draw(page, FOOTER, {
        x: MARGIN,
        width: CONTENT,
        top: y,
        align: this.dir === 'rtl' ? 'ltr' : 'rtl',
      });
    }
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = MARGIN;
  }

  private rule(y: number, width: number, color: string): void {
    this.doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + CONTENT, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
  }

  private lines(text: string, width: number, style: Style): Line[] {
    return layoutText(text, width, this.dir, (t, family) => widthOf(t, family, style.weight, style.size));
  }

  /**
   * Draws lines aligned to `box.align`, else to the right on an RTL page, else by each line's own
   * direction (an Arabic value on an English page is right-aligned). Runs share a baseline; `features`
   * makes PDFKit shape a run whole instead of word by word (word by word, fontkit would reverse each
   * Arabic word but keep the words in logical order).
   */
  private draw(lines: Line[], style: Style, box: Box): void {
    const { x, width, top, align } = box;
    const lineHeight = box.step ?? style.size * LINE;
    lines.forEach((line, n) => {
      const side = align ?? (this.dir === 'rtl' ? 'rtl' : line.direction);
      let cx = side === 'rtl' ? x + width - line.width : x;
      const baseline = top + n * lineHeight + style.size * 1.15;
      for (const run of line.runs) {
        this.doc.font(fontName(run.family, style.weight));
        reverseRtlLigatureText(this.doc);
        this.doc
          .fontSize(style.size)
          .fillColor(style.color)
          .text(run.text, cx, baseline, { lineBreak: false, baseline: 'alphabetic', features: [] });
        cx += run.width;
      }
    });
  }
}

/** What PDFKit keeps on its current font (not in its public API; pinned by package-lock and tested). */
interface EmbeddedFontInternals {
  encode(text: string, features?: unknown): [string[], unknown[]];
  unicode?: number[][];
}

const patchedFonts = new WeakSet<object>();

/**
 * PDFKit maps each glyph to the code points it came from, in logical order, but the glyphs of an RTL run
 * are stored in visual order, and extractors (pdf.js, poppler) restore logical order by reversing the
 * characters. A lam-alef ligature (لا) mapped to "لا" thus comes out as "ال". Mapping a ligature of an
 * RTL run to its code points reversed makes the reversal come out right.
 */
function reverseRtlLigatureText(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font?: EmbeddedFontInternals })._font;
  if (!font || patchedFonts.has(font) || typeof font.encode !== 'function' || !Array.isArray(font.unicode))
    return;
  patchedFonts.add(font);
  const encode = font.encode.bind(font);
  const unicode = font.unicode;
  const settled = new Set<number>(); // PDFKit keeps the first mapping of a glyph; so do we
  font.encode = (text, features) => {
    const result = encode(text, features);
    const rtl = shaperReverses(text);
    for (const hex of result[0]) {
      const gid = Number.parseInt(hex, 16);
      if (settled.has(gid)) continue;
      settled.add(gid);
      const codePoints = unicode[gid];
      if (rtl && codePoints && codePoints.length > 1) unicode[gid] = [...codePoints].reverse();
    }
    return result;
  };
}

/**
 * Parses the fonts and their shaping tables ahead of the first packet (about half a second on a
 * loaded machine), e.g. when the server starts; later packets reuse them.
 */
export async function warmUpPacketPdf(): Promise<void> {
  const sample = 'Sanad محمد ዮሃንስ';
  await renderPacketPdf({
    locale: 'en',
    title: sample,
    generatedAt: '',
    reference: '',
    sender: { organisation: '' },
    recipient: { organisation: '' },
    sections: [{ title: sample, fields: [{ key: 'k', label: sample, value: sample }] }],
    footer: sample,
  });
}
