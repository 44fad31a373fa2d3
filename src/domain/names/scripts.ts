// Rough Latin transliteration of Ge'ez (Tigrinya, Amharic) and Bengali names. Both scripts write
// their vowels, so the output can go through the same Latin spelling rules as a typed name.
// Limits: common letters only; labialised Ge'ez rows are approximated by consonant + vowel; Bengali
// conjuncts are spelled letter by letter (ba-/ya-phala as gemination is not modelled), and the
// inherent vowel is written "a" except at the end of a word, where names usually drop it.

/** First code point of each Ge'ez consonant row (8 vowel orders per row) → its Latin consonant. */
const GEEZ_ROWS: Record<number, string> = {
  4608: 'h',
  4616: 'l',
  4624: 'h',
  4632: 'm',
  4640: 's',
  4648: 'r',
  4656: 's',
  4664: 'sh',
  4672: 'q',
  4680: 'qw',
  4688: 'q',
  4696: 'qw',
  4704: 'b',
  4712: 'v',
  4720: 't',
  4728: 'ch',
  4736: 'h',
  4744: 'hw',
  4752: 'n',
  4760: 'ny',
  4768: '', // glottal stop: a vowel carrier
  4776: 'k',
  4784: 'kw',
  4792: 'kh',
  4800: 'khw',
  4808: 'w',
  4816: '', // ʿayn: a vowel carrier in Latin spellings
  4824: 'z',
  4832: 'zh',
  4840: 'y',
  4848: 'd',
  4856: 'd',
  4864: 'j',
  4872: 'g',
  4880: 'gw',
  4888: 'g',
  4896: 't',
  4904: 'ch',
  4912: 'p',
  4920: 'ts',
  4928: 'ts',
  4936: 'f',
  4944: 'p',
};
/** Vowel orders: ä, u, i, a, e, ə (usually silent), o, wa. ä is spelled "e" (Tesfaye, Selam). */
const GEEZ_VOWELS = ['e', 'u', 'i', 'a', 'e', '', 'o', 'wa'];
/** On the vowel carriers the first and sixth orders are heard as a and i (አብርሃም Abraham). */
const GEEZ_CARRIER_VOWELS = ['a', 'u', 'i', 'a', 'e', 'i', 'o', 'wa'];

/** Ge'ez (Ethiopic) script → Latin: ተስፋዬ → "tesfaye", ዮሐንስ → "yohens", ኃይሌ → "hayle". */
export function transliterateEthiopic(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x1360 && c <= 0x1368) {
      out += ' '; // word space ፡, full stop ።, comma ፣ …
      continue;
    }
    const base = c - ((c - 0x1200) % 8);
    const consonant = c >= 0x1200 && c < 0x1358 ? GEEZ_ROWS[base] : undefined;
    if (consonant === undefined) {
      out += c >= 0x1200 && c <= 0x139f ? '' : ch;
      continue;
    }
    const order = (c - 0x1200) % 8;
    out += consonant + ((consonant === '' ? GEEZ_CARRIER_VOWELS : GEEZ_VOWELS)[order] ?? '');
  }
  return out;
}

const BN_VOWELS: Record<string, string> = {
  অ: 'a',
  আ: 'a',
  ই: 'i',
  ঈ: 'i',
  উ: 'u',
  ঊ: 'u',
  ঋ: 'ri',
  এ: 'e',
  ঐ: 'oi',
  ও: 'o',
  ঔ: 'ou',
};
const BN_SIGNS: Record<string, string> = {
  'া': 'a',
  'ি': 'i',
  'ী': 'i',
  'ু': 'u',
  'ূ': 'u',
  'ৃ': 'ri',
  'ে': 'e',
  'ৈ': 'oi',
  'ো': 'o',
  'ৌ': 'ou',
};
// Aspirates that Latin spellings of Bengali names rarely mark (থ, ধ) are plain, so that the
// Arabic-oriented rules downstream (th → s, dh → z) do not misread them.
const BN_CONSONANTS: Record<string, string> = {
  ক: 'k',
  খ: 'kh',
  গ: 'g',
  ঘ: 'gh',
  ঙ: 'ng',
  চ: 'ch',
  ছ: 'ch',
  জ: 'j',
  ঝ: 'j',
  ঞ: 'n',
  ট: 't',
  ঠ: 't',
  ড: 'd',
  ঢ: 'd',
  ণ: 'n',
  ত: 't',
  থ: 't',
  দ: 'd',
  ধ: 'd',
  ন: 'n',
  প: 'p',
  ফ: 'f',
  ব: 'b',
  ভ: 'bh',
  ম: 'm',
  য: 'j',
  র: 'r',
  ল: 'l',
  শ: 'sh',
  ষ: 'sh',
  স: 's',
  হ: 'h',
  ড়: 'r',
  ঢ়: 'r',
  য়: 'y',
  ৎ: 't',
};
const BN_NUKTA: Record<string, string> = { ড: 'r', ঢ: 'r', য: 'y' };
const VIRAMA = '্';
const NUKTA = '়';

/** Bengali script → Latin: মোহাম্মদ → "mohammad", রহমান → "rahaman", হোসেন → "hosen". */
export function transliterateBengali(s: string): string {
  const chars = [...s.normalize('NFC')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    let cons = BN_CONSONANTS[c];
    if (cons !== undefined) {
      if (chars[i + 1] === NUKTA) {
        cons = BN_NUKTA[c] ?? cons;
        i++;
      }
      const next = chars[i + 1];
      out += cons;
      if (next !== undefined && BN_SIGNS[next] !== undefined) {
        out += BN_SIGNS[next];
        i++;
      } else if (next === VIRAMA) i++;
      else if (next !== undefined && (BN_CONSONANTS[next] !== undefined || next === 'ং' || next === 'ঃ'))
        out += 'a'; // inherent vowel inside the word; dropped at its end
      continue;
    }
    if (BN_VOWELS[c] !== undefined) out += BN_VOWELS[c];
    else if (c === 'ং') out += 'ng';
    else if (c === 'ঃ') out += 'h';
    else if (c === '।') out += ' ';
    else if (!/[\u0980-\u09FF]/.test(c)) out += c; // ঁ, stray signs and digits are dropped
  }
  return out;
}
