import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Noto Sans (Latin, Greek, Cyrillic), Noto Sans Arabic and Noto Sans Ethiopic, static TTF instances
 * shipped by the @expo-google-fonts packages (SIL Open Font License 1.1). No single font covers all
 * three scripts, so text is split into runs and each run gets the font of its script.
 */
export type FontFamily = 'latin' | 'arabic' | 'ethiopic';
export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontFamily, Record<FontWeight, string>> = {
  latin: {
    regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  },
  arabic: {
    regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  },
  ethiopic: {
    regular: '@expo-google-fonts/noto-sans-ethiopic/400Regular/NotoSansEthiopic_400Regular.ttf',
    bold: '@expo-google-fonts/noto-sans-ethiopic/700Bold/NotoSansEthiopic_700Bold.ttf',
  },
};

export const FAMILIES: readonly FontFamily[] = ['latin', 'arabic', 'ethiopic'];
export const WEIGHTS: readonly FontWeight[] = ['regular', 'bold'];

export function fontName(family: FontFamily, weight: FontWeight): string {
  return `${family}-${weight}`;
}

let cache: Map<string, Buffer> | undefined;

/** Font files read once per process (about 1 MB together); PDFKit subsets them per document. */
export function fontBuffers(): Map<string, Buffer> {
  if (!cache) {
    const require = createRequire(import.meta.url);
    const loaded = new Map<string, Buffer>();
    for (const family of FAMILIES) {
      for (const weight of WEIGHTS) {
        loaded.set(fontName(family, weight), readFileSync(require.resolve(FILES[family][weight])));
      }
    }
    cache = loaded;
  }
  return cache;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ETHIOPIC = /[\u1200-\u139F\u2D80-\u2DDF\uAB00-\uAB2F]|\uD839[\uDFE0-\uDFFF]/;
/** Characters every one of the three fonts has: they join the run around them instead of splitting it. */
const SHARED = /[\0-@[-`{-\x7F\u00A0\u200B-\u200F\u2060]|\p{M}/u;

/**
 * Font family for each UTF-16 unit of `text`. Spaces, digits, ASCII punctuation and combining marks
 * take the family of the character before them (or after, at the start), so an Arabic name with spaces
 * stays one shaping run rather than being cut at every word.
 */
export function familiesOf(text: string): FontFamily[] {
  const out: (FontFamily | null)[] = new Array(text.length).fill(null);
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const family = ARABIC.test(ch)
      ? 'arabic'
      : ETHIOPIC.test(ch)
        ? 'ethiopic'
        : SHARED.test(ch)
          ? null
          : 'latin';
    out[i] = family;
    if (cp > 0xffff) out[++i] = family;
  }
  let next: FontFamily = 'latin';
  for (let i = out.length - 1; i >= 0; i--) next = out[i] ?? next;
  let prev = next;
  return out.map((f) => {
    prev = f ?? prev;
    return prev;
  });
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
