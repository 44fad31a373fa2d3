import bidiFactory from 'bidi-js';
import { type FontFamily, familiesOf, shaperReverses } from './fonts';

/**
 * Line breaking and the Unicode Bidirectional Algorithm for the PDF. PDFKit draws strings left to
 * right and does no bidi itself (its shaper, fontkit, only reverses a run that is wholly of an RTL
 * script), so text is cut into runs of one font and one embedding level, wrapped in logical order,
 * and each line's runs are put into visual order here.
 */
const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

/** A piece of a line to draw with one font, left to right, in the order given. */
export interface Run {
  /** What to hand to PDFKit: visual order, except runs fontkit will reverse itself (logical order). */
  text: string;
  family: FontFamily;
  width: number;
}

export interface Line {
  runs: Run[];
  width: number;
  /** Direction of the paragraph the line belongs to: RTL lines are right-aligned. */
  direction: Direction;
}

/** Width in points of `text` drawn in `family` at the caller's size and weight. */
export type Measure = (text: string, family: FontFamily) => number;

/** Paragraph direction from its first strong character (rule P2), else `fallback`. */
export function directionOf(text: string, fallback: Direction): Direction {
  for (const ch of text) {
    const type = bidi.getBidiCharTypeName(ch);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return fallback;
}

/** `text` without C0 controls other than tab and newline, DEL and the non-characters U+FFFE/U+FFFF. */
export function withoutControls(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f || c === 0xfffe || c === 0xffff) continue;
    out += ch;
  }
  return out;
}

/** Lays out `text` (may hold newlines) in lines of at most `maxWidth` points. */
export function layoutText(text: string, maxWidth: number, fallback: Direction, measure: Measure): Line[] {
  const lines: Line[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    // Tabs and other breaks would be .notdef boxes; a space says the same. Other controls go.
    const paragraph = withoutControls(raw.replace(/[\t\v\f\u0085\u2028\u2029]/g, ' '));
    lines.push(...layoutParagraph(paragraph, maxWidth, directionOf(paragraph, fallback), measure));
  }
  return lines;
}

function layoutParagraph(text: string, maxWidth: number, direction: Direction, measure: Measure): Line[] {
  if (text.trim() === '') return [{ runs: [], width: 0, direction }];
  const levels = bidi.getEmbeddingLevels(text, direction);
  const families = familiesOf(text);
  const widthOf = (start: number, end: number) => sumSegments(text, families, start, end, measure);

  // Greedy wrapping on words in logical order; a word wider than a line is cut between characters.
  const ranges: [number, number][] = [];
  let line: { start: number; end: number; width: number } | undefined;
  for (const word of text.matchAll(/\S+/g)) {
    const start = word.index;
    const end = start + word[0].length;
    const width = widthOf(start, end);
    if (line) {
      const grown = line.width + widthOf(line.end, start) + width;
      if (grown <= maxWidth) {
        line = { start: line.start, end, width: grown };
        continue;
      }
      ranges.push([line.start, line.end]);
    }
    line = { start, end, width };
    while (line.width > maxWidth && line.end - line.start > 1) {
      const cut = fitPrefix(text, line.start, line.end, maxWidth, widthOf);
      ranges.push([line.start, cut]);
      line = { start: cut, end: line.end, width: widthOf(cut, line.end) };
    }
  }
  if (line) ranges.push([line.start, line.end]);

  return ranges.map(([start, end]) => {
    const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end - 1);
    const runs = visualRuns(text, levels, families, start, end).map(({ indices, family }) => {
      const ordered = shaperReverses(indices.map((i) => text[i]).join('')) ? [...indices].reverse() : indices;
      const runText = ordered.map((i) => mirrored.get(i) ?? text[i]).join('');
      return { text: runText, family, width: measure(runText, family) };
    });
    return { runs, width: runs.reduce((sum, r) => sum + r.width, 0), direction };
  });
}

/** Longest prefix of [start, end) that fits (binary search), at least one character, not inside a pair. */
function fitPrefix(
  text: string,
  start: number,
  end: number,
  maxWidth: number,
  widthOf: (s: number, e: number) => number,
): number {
  let lo = start + 1;
  let hi = end - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (widthOf(start, mid) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return isLowSurrogate(text.charCodeAt(lo)) ? lo + 1 : lo;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Width of [start, end) measured per font segment in logical order (shaping does not cross fonts). */
function sumSegments(text: string, families: FontFamily[], start: number, end: number, measure: Measure) {
  let width = 0;
  let segStart = start;
  for (let i = start + 1; i <= end; i++) {
    if (i === end || families[i] !== families[segStart]) {
      width += measure(text.slice(segStart, i), families[segStart] ?? 'latin');
      segStart = i;
    }
  }
  return width;
}

/**
 * Characters of one line in visual order (rule L2), grouped into runs of one font and one level. A run of
 * one level is a contiguous logical range, so its indices reversed are its logical order.
 */
function visualRuns(
  text: string,
  levels: ReturnType<typeof bidi.getEmbeddingLevels>,
  families: FontFamily[],
  start: number,
  end: number,
): { indices: number[]; family: FontFamily }[] {
  // bidi-js returns the whole string's indices with only [start, end) reordered.
  const order = bidi.getReorderedIndices(text, levels, start, end - 1).slice(start, end);
  // Reversal turns a surrogate pair around; put each pair back in order.
  for (let k = 0; k + 1 < order.length; k++) {
    const a = order[k]!;
    const b = order[k + 1]!;
    if (b === a - 1 && isLowSurrogate(text.charCodeAt(a))) {
      order[k] = b;
      order[k + 1] = a;
      k++;
    }
  }
  const runs: { indices: number[]; family: FontFamily; level: number }[] = [];
  for (const i of order) {
    const family = families[i] ?? 'latin';
    const level = levels.levels[i] ?? 0;
    const last = runs.at(-1);
    const adjacent = last && Math.abs((last.indices.at(-1) ?? -2) - i) === 1;
    if (last && adjacent && last.family === family && last.level === level) last.indices.push(i);
    else runs.push({ indices: [i], family, level });
  }
  return runs;
}
