import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

/**
 * Noto Sans (Latin, Greek, Cyrillic), Noto Sans Ethiopic and Noto Sans Bengali (Bangladeshi nationals
 * are among the people in detention) from the @expo-google-fonts packages, and Vazirmatn for Arabic:
 * static TTFs under the SIL Open Font License 1.1. No single font covers these scripts, so text is
 * split into runs and each run gets the font of its script.
 *
 * Not Noto Sans Arabic: it draws letters as a dotless skeleton plus dot glyphs, one skeleton shared by
 * ب ت ث ئ or ج ح خ, and a PDF maps each glyph to one text, so ح would be extracted as ج. Vazirmatn has a
 * glyph per letter and form, so the ToUnicode map, and hence search and copy, stay right.
 */
export type FontFamily = 'latin' | 'arabic' | 'ethiopic' | 'bengali';
export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontFamily, Record<FontWeight, string>> = {
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  arabic: {
    regular: 'vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf',
    bold: 'vazirmatn/fonts/ttf/Vazirmatn-Bold.ttf',
  },
  ethiopic: {
    regular: '@expo-google-fonts/noto-sans-ethiopic/400Regular/NotoSansEthiopic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-ethiopic/700Bold/NotoSansEthiopic_700Bold.ttf',
  },
  bengali: {
    regular: '@expo-google-fonts/noto-sans-bengali/400Regular/NotoSansBengali_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-bengali/700Bold/NotoSansBengali_700Bold.ttf',
  },
};

export const FAMILIES: readonly FontFamily[] = ['latin', 'arabic', 'ethiopic', 'bengali'];
export const WEIGHTS: readonly FontWeight[] = ['regular', 'bold'];

export function fontName(family: FontFamily, weight: FontWeight): string {
  return `${family}-${weight}`;
}

let cache: Map<string, Font> | undefined;

function parseFonts(): Map<string, Font> {
  const require = createRequire(import.meta.url);
  const fonts = new Map<string, Font>();
  for (const family of FAMILIES) {
    for (const weight of WEIGHTS) {
      fonts.set(fontName(family, weight), create(readFileSync(require.resolve(FILES[family][weight]))));
    }
  }
  return fonts;
}

/** Fonts read and parsed once per process, for measuring and coverage. */
export function loadedFonts(): Map<string, Font> {
  cache ??= parseFonts();
  return cache;
}

/**
 * Fonts for one PDF document. Parsing a font's GSUB/GPOS tables costs more than laying out a whole
 * packet, so documents share the parsed fonts (PDFKit accepts fontkit fonts) and each embeds its own
 * subset. But fontkit caches glyph objects with the code points of their first use, and a subset built
 * for one document looks up glyphs with none (components of composite glyphs): a later document would
 * map such a glyph to no text. So the glyph cache is emptied for each document; the build of a document
 * is synchronous, so documents cannot interleave. Should fontkit change that field, fonts are parsed
 * afresh per document: slower, still right.
 */
export function fontsForDocument(): Map<string, Font> {
  const fonts = loadedFonts();
  for (const f of fonts.values()) {
    const internals = f as unknown as { _glyphs?: unknown };
    if (typeof internals._glyphs !== 'object' || internals._glyphs === null) return parseFonts();
    internals._glyphs = {};
  }
  return fonts;
}

function font(family: FontFamily, weight: FontWeight): Font {
  return loadedFonts().get(fontName(family, weight))!;
}

function covers(family: FontFamily, codePoint: number): boolean {
  return font(family, 'regular').hasGlyphForCodePoint(codePoint);
}

const advances = new Map<string, number>();

/** Width of `text` shaped as one run, in points at `size`, as PDFKit will draw it. */
export function widthOf(text: string, family: FontFamily, weight: FontWeight, size: number): number {
  const key = `${family}-${weight}\u0000${text}`;
  let em = advances.get(key);
  if (em === undefined) {
    const f = font(family, weight);
    em = f.layout(text, []).advanceWidth / f.unitsPerEm;
    if (advances.size > 50_000) advances.clear(); // labels repeat across packets; free text does not
    advances.set(key, em);
  }
  return em * size;
}

const SCRIPT_FAMILY: [RegExp, FontFamily | null][] = [
  [/\p{Script=Arabic}/u, 'arabic'],
  [/\p{Script=Ethiopic}/u, 'ethiopic'],
  [/\p{Script=Bengali}/u, 'bengali'],
  [/[\p{Script=Common}\p{Script=Inherited}]/u, null],
];

/**
 * Font family for each UTF-16 unit of `text`. Letters take the font of their script; spaces, digits,
 * punctuation and marks take the font of the character before them (else after) when it has the glyph,
 * so an Arabic phrase with spaces and dashes stays one shaping run, which extractors also read as one.
 */
export function familiesOf(text: string): FontFamily[] {
  const codePoints: number[] = [];
  const strong: (FontFamily | null)[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const match = SCRIPT_FAMILY.find(([re]) => re.test(ch));
    const family = match ? match[1] : 'latin';
    const usable =
      family === null || covers(family, cp) ? family : (FAMILIES.find((f) => covers(f, cp)) ?? family);
    codePoints.push(cp);
    strong.push(usable);
  }
  const nextStrong: (FontFamily | null)[] = [];
  for (let k = strong.length - 1, next: FontFamily | null = null; k >= 0; k--) {
    nextStrong[k] = next;
    next = strong[k] ?? next;
  }
  const out: FontFamily[] = [];
  let prev: FontFamily | null = null;
  strong.forEach((family, k) => {
    const cp = codePoints[k]!;
    let chosen = family;
    if (chosen === null) {
      const candidates = [prev, nextStrong[k] ?? null, ...FAMILIES];
      chosen = candidates.find((f) => f !== null && covers(f, cp)) ?? 'latin';
    }
    prev = chosen;
    out.push(chosen);
    if (cp > 0xffff) out.push(chosen);
  });
  return out;
}

const FIRST_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * Whether fontkit (PDFKit's shaper) will lay `text` out right-to-left: it takes the direction from the
 * first character of a specific script and then reverses the glyphs into visual order itself.
 */
export function shaperReverses(text: string): boolean {
  const first = FIRST_SCRIPT.exec(text);
  return first !== null && RTL_SCRIPT.test(first[0]);
}
