// Script-level normalisation of personal names. Pure and isomorphic: the registration form, the
// duplicate check and the database search key must all see the same letters.

/** Invisible characters that sneak in when names are pasted between RTL and LTR text. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u061C\uFEFF]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D_]/g;
// ʻ ʼ ʾ ʿ ‘ ’ ‛ ′ ` ´: transliterations mark hamza and ʿayn with any of these
const APOSTROPHES = /[\u2018\u2019\u201B\u2032\u02B9\u02BB\u02BC\u02BE\u02BF\u0060\u00B4]/g;
/** Latin letters that NFKD does not decompose into a base letter plus a mark. */
const LATIN_EXTRA: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
};

/**
 * Latin-script name → lower case without diacritics ("Aïcha" → "aicha", "ÇİSSÉ" → "cisse"), with
 * one kind of hyphen, one kind of apostrophe and single spaces. Punctuation is kept so that the
 * tokeniser can still split "El-Amin" and join "Sa'id".
 */
export function normaliseLatin(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðłıþħ]/g, (c) => LATIN_EXTRA[c] ?? c)
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(APOSTROPHES, "'")
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

// Harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation marks.
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF]/g;
const TATWEEL = /\u0640/g;
/**
 * Letter variants that people type interchangeably (or that Persian/Urdu keyboards produce).
 * Hamza seats collapse onto their carrier; ة and ى lose the distinction that spelling rules, not
 * people, make.
 */
const ARABIC_VARIANTS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ة: 'ه',
  ۃ: 'ه',
  ۀ: 'ه',
  ہ: 'ه',
  ھ: 'ه',
  ە: 'ه',
  ى: 'ي',
  ی: 'ي',
  ې: 'ي',
  ێ: 'ي',
  ے: 'ي',
  ئ: 'ي',
  ؤ: 'و',
  ۄ: 'و',
  ۆ: 'و',
  ۇ: 'و',
  ۈ: 'و',
  ک: 'ك',
  ڪ: 'ك',
  ء: '',
};
const ARABIC_VARIANT_RE = new RegExp(`[${Object.keys(ARABIC_VARIANTS).join('')}]`, 'g');

/**
 * Arabic-script name → a canonical spelling: no short vowels or tatweel, one alef, ة→ه, ى→ي,
 * ؤ→و, ئ→ي, Persian/Urdu ک ی ہ folded, Arabic-Indic digits as ASCII. NFKC first folds
 * presentation forms (ﻣﺤﻤﺪ) into ordinary letters.
 */
export function normaliseArabic(s: string): string {
  return s
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(TASHKEEL, '')
    .replace(TATWEEL, '')
    .replace(ARABIC_VARIANT_RE, (c) => ARABIC_VARIANTS[c] ?? c)
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Consonants. Emphatics fold onto their plain counterparts, as they do in Latin spellings. */
const AR_LATIN: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  ڤ: 'v',
  گ: 'g',
  ع: 'a', // ʿayn: Latin spellings show it as a vowel or not at all (Omar, Ali, Saad)
};

/** Persian/Urdu letter shapes folded before transliteration; ة and ى are kept (they say "a"). */
const AR_FOLD: Record<string, string> = {
  ک: 'ك',
  ڪ: 'ك',
  ی: 'ي',
  ې: 'ي',
  ێ: 'ي',
  ے: 'ي',
  ۀ: 'ه',
  ہ: 'ه',
  ھ: 'ه',
  ە: 'ه',
  ۃ: 'ة',
  ٲ: 'ا',
  ٳ: 'ا',
  ۄ: 'و',
  ۆ: 'و',
  ۇ: 'و',
  ۈ: 'و',
};

/** One Arabic word (already without harakat) → Latin; the vowel letters depend on position. */
function transliterateArabicWord(w: string): string {
  const letters = [...w].map((c) => AR_FOLD[c] ?? c);
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const c = letters[i]!;
    const first = i === 0;
    const last = i === letters.length - 1;
    if (c === 'ا' || c === 'أ' || c === 'آ' || c === 'ٱ' || c === 'ة' || c === 'ى') out += 'a';
    else if (c === 'إ') out += 'i';
    else if (c === 'و' || c === 'ؤ') out += first ? 'w' : 'u';
    else if (c === 'ي' || c === 'ئ') out += first ? 'y' : 'i';
    else if (c === 'ه')
      // final ه after a consonant is almost always ta marbuta written without its dots (فاطمه)
      out += last && letters.length > 2 && !'اويى'.includes(letters[i - 1] ?? '') ? 'a' : 'h';
    else if (/[0-9a-z]/.test(c)) out += c;
    else out += AR_LATIN[c] ?? ''; // hamza on the line, stray marks, Arabic punctuation
  }
  return out;
}

/**
 * Arabic script → a plain Latin transliteration, letter by letter. Arabic does not write short
 * vowels, so the result is a consonant skeleton with the long vowels only: محمد → "mhmd",
 * عبد الرحمن → "abd al-rhmn", يوسف → "yusf". That is what the phonetic keys compare; readable
 * vocalised forms for common names come from the lexicon (see keys.ts). The article ال is written
 * "al-" so that the name tokeniser can drop it.
 */
export function transliterateArabic(s: string): string {
  const words = s
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(TASHKEEL, '')
    .replace(TATWEEL, '')
    .split(/[\s\u060C\u061B\u061F.,;:-]+/)
    .filter(Boolean);
  return words
    .map((w) => {
      const bare = normaliseArabic(w);
      if (bare === 'الله') return 'allah';
      if (bare.startsWith('ال') && bare.length >= 4)
        return `al-${transliterateArabicWord([...w].slice(2).join(''))}`;
      return transliterateArabicWord(w);
    })
    .join(' ');
}

export type Script = 'arabic' | 'ethiopic' | 'bengali' | 'latin';

const ARABIC_CHARS = '\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF';
const ETHIOPIC_CHARS = '\u1200-\u139F\u2D80-\u2DDF';
const BENGALI_CHARS = '\u0980-\u09FF';
/** Runs of one script; everything else (Latin, other scripts, punctuation) forms the last kind. */
export const SCRIPT_RUNS = new RegExp(
  `[${ARABIC_CHARS}]+|[${ETHIOPIC_CHARS}]+|[${BENGALI_CHARS}]+|[^${ARABIC_CHARS}${ETHIOPIC_CHARS}${BENGALI_CHARS}]+`,
  'gu',
);

/** The script of a run produced by SCRIPT_RUNS (judged by its first character). */
export function scriptOf(run: string): Script {
  const c = run.codePointAt(0) ?? 0;
  if (
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  )
    return 'arabic';
  if ((c >= 0x1200 && c <= 0x139f) || (c >= 0x2d80 && c <= 0x2ddf)) return 'ethiopic';
  if (c >= 0x0980 && c <= 0x09ff) return 'bengali';
  return 'latin';
}
