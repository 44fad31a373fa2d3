// A small lexicon of names common among the people Sanad registers, each with its usual Latin
// spellings and its Arabic spelling. Spelling rules (keys.ts) handle most variants on their own;
// the lexicon is for what rules cannot do: restore the short vowels that Arabic does not write
// (محمد is "muhammad", not "mhmd"), tie irregular forms (Md, Boubacar, Mahamat, Fatoumata) to
// their name, and know that two close spellings are different names (see KNOWN_DIFFERENT).
//
// Line format: "canonical: latin variants | arabic spellings". The canonical form is also a
// variant. Regional forms are listed under the Arabic name they come from when people use them
// interchangeably for the same person (Mamadou stays separate: it is a name of its own).
// Treated as DIFFERENT names, on purpose: Muhammad / Mahmud / Hamid / Ahmad; Hasan / Husayn;
// Umar / Amir; Said / Sayyid; Salih / Salah; Amin / Amina; Mamadou / Muhammad. Somali
// "Mohamud" is Mahmud (Maxamuud), not Muhammad.

import { normaliseArabic, normaliseLatin } from './normalise';

const ENTRIES = [
  'muhammad: muhammad mohamed mohammed mohamad mohammad muhamad muhammed muhamed mouhamed mouhammad mohammod mohamedi muhammadu mahamat mahamad mohd muhd md mhd moh | محمد',
  'mamadou: mamadou mamadu mohamadou mouhamadou muhammadou mamoudou',
  'mahmud: mahmoud mahmud mahmood mahmod mahmut mohamud | محمود',
  'ahmad: ahmed ahmad ahmet ahmat ahamed | أحمد',
  'hamid: hamid hamed hameed | حامد',
  'hamdi: hamdi hamdy | حمدي',
  'umar: omar umar oumar omer umer | عمر',
  'amir: amir amer aamir aamer ameer | عامر أمير',
  'hasan: hassan hasan hassane hasane | حسن',
  'husayn: hussein husayn hussain husein houssein hossein husain hossain hosain hossen hissein hussien | حسين',
  'ibrahim: ibrahim ebrahim brahim ibrahima ibraheem ibrahem ibrahimu | إبراهيم',
  'yunus: yunus younes younous yunis younis | يونس',
  'yusuf: yusuf youssef yousef yousif youcef yousuf yusef youssouf yousouf yussuf | يوسف',
  'uthman: uthman ousmane usman osman othman ousman otman usmane osmane | عثمان',
  'abubakr: abubakr abubakar aboubakar aboubacar boubacar boubakar abubakari aboubakr abakar babiker babikir babikr abubaker | أبو بكر بابكر',
  'bakr: bakr bakar | بكر',
  'awad: awad awadh awwad | عوض',
  'khalid: khalid khaled halid khaleed kalid | خالد',
  'khalil: khalil khaleel kalil | خليل',
  'fatima: fatima fatimah fatma fatouma fatimata fatoumata fadima fatuma | فاطمة',
  'aisha: aisha aicha aysha ayesha aishah aischa aissata aisatou | عائشة',
  'ali: ali aly | علي',
  'amin: amin ameen amine lamine | أمين',
  'amina: amina aminata aminah | أمينة',
  'rahman: rahman rahmane rahaman | رحمن',
  'rahim: rahim raheem | رحيم',
  'aziz: aziz azeez | عزيز',
  'karim: karim kareem | كريم',
  'qadir: qadir kader kadir qader gadir kadeer | قادر',
  'latif: latif lateef | لطيف',
  'majid: majid majeed madjid majed | مجيد ماجد',
  'salam: salam salaam | سلام',
  'allah: allah alla | الله',
  'abdallah: abdallah abdullah abdalla abdulla abdullahi abdellah abdoulaye abdallahi abdulahi | عبدالله',
  'nasir: nasir nasser naser nacer nassir | ناصر',
  'wahab: wahab wahhab | وهاب',
  'hakim: hakim hakeem | حكيم',
  'halim: halim haleem | حليم',
  'jalil: jalil jaleel djalil | جليل',
  'ghani: ghani gani | غني',
  'razzaq: razzaq razak razzak razaq | رزاق',
  'malik: malik malek | مالك',
  'fattah: fattah fatah | فتاح',
  'hadi: hadi | هادي',
  'samad: samad | صمد',
  'wahid: wahid | واحد',
  'basit: basit | باسط',
  'munim: munim moneim monem | منعم',
  'hafiz: hafiz hafez | حافظ',
  'din: din deen dine uddin uddeen eddine eddin | دين',
  'salih: salih saleh | صالح',
  'salah: salah | صلاح',
  'said: said saeed saide | سعيد',
  'sayyid: sayyid sayed seyed sayyed | سيد',
  'mustafa: mustafa moustafa mostafa mustapha moustapha | مصطفى',
  'musa: musa moussa mousa | موسى',
  'isa: isa issa eisa aissa | عيسى',
  'idris: idris idriss driss idrissa | إدريس',
  'ismail: ismail ismael smail ismaila | إسماعيل',
  'yahya: yahya yahia yehia yaya | يحيى',
  'adam: adam adama adoum | آدم',
  'sulayman: sulayman suleiman souleymane sulaiman soliman slimane suleyman souleiman | سليمان',
  'dawud: dawud daoud daud dawood daouda | داود',
  'yaqub: yaqub yacoub yakub yacouba yakubu | يعقوب',
  'ishaq: ishaq ishak issak ishag | إسحاق',
  'qasim: qasim kassim kasim gasim qassim | قاسم',
  'hamza: hamza hamzah | حمزة',
  'bilal: bilal belal | بلال',
  'jamal: jamal gamal djamal jamel | جمال',
  'jibril: jibril djibril jibreel gibril | جبريل',
  'abbas: abbas | عباس',
  'hashim: hashim hashem hachem | هاشم',
  'tariq: tariq tarek tarik | طارق',
  'walid: walid waleed | وليد',
  'zakariya: zakariya zakaria zakariyya zakari | زكريا',
  'nur: nur nour noor | نور',
  'zaynab: zaynab zainab zeinab | زينب',
  'maryam: maryam mariam meriem mariama | مريم',
  'khadija: khadija khadidja khadijah kadidja kadiatou hadija | خديجة',
  'halima: halima | حليمة',
  'hawa: hawa awa | حواء',
  'salma: salma | سلمى',
  'asma: asma | أسماء',
  'taha: taha | طه',
  'habib: habib | حبيب',
  'bashir: bashir bachir bechir | بشير',
  'mansur: mansur mansour | منصور',
  'kamal: kamal kamel | كمال',
  'faysal: faysal faisal | فيصل',
  'rashid: rashid rachid rasheed | رشيد',
  'sadiq: sadiq sadik | صادق',
  'siddiq: siddiq siddig siddik seddik sidiq | صديق',
  'harun: harun haroun haruna | هارون',
  'tayyib: tayyib tayeb tayib | طيب',
  'islam: islam eslam | إسلام',
  'hajj: hajj hadj hadji hajji alhaji alhadji elhadj elhadji | حاج',
  'yohannes: yohannes yohanes johannes yohanis',
  'haile: haile haili',
  'tesfay: tesfay tesfaye tesfai',
  'gebre: gebre ghebre gebri',
  'miah: miah mia miya',
];

export interface LexiconEntry {
  canonical: string;
  latin: readonly string[];
  arabic: readonly string[];
}

export const LEXICON: readonly LexiconEntry[] = ENTRIES.map((line) => {
  const [head = '', rest = ''] = line.split(':');
  const [latin = '', arabic = ''] = rest.split('|');
  return {
    canonical: head.trim(),
    latin: latin.split(' ').filter(Boolean).map(normaliseLatin),
    arabic: arabic.split(' ').filter(Boolean).map(normaliseArabic),
  };
});

const BY_LATIN = new Map<string, string>();
const BY_ARABIC = new Map<string, string>();
for (const e of LEXICON) {
  BY_LATIN.set(e.canonical, e.canonical);
  for (const v of e.latin) BY_LATIN.set(v, e.canonical);
  // Arabic "أبو بكر" is also typed as one word
  for (const v of e.arabic) BY_ARABIC.set(v.replaceAll(' ', ''), e.canonical);
}

/** The canonical form of a Latin spelling ("mouhamed" is found by its shape, see keys.ts). */
export function lookupLatin(normalised: string): string | undefined {
  return BY_LATIN.get(normalised);
}

/** The canonical form of a normalised Arabic spelling. */
export function lookupArabic(normalised: string): string | undefined {
  return BY_ARABIC.get(normalised);
}

/** Divine names that follow ʿAbd: "Abdi Rahman" binds, "Abdi Hassan" (Somali: Abdi, son of Hassan) does not. */
export const DIVINE_NAMES: ReadonlySet<string> = new Set([
  'rahman',
  'rahim',
  'aziz',
  'karim',
  'qadir',
  'latif',
  'majid',
  'salam',
  'allah',
  'nasir',
  'wahab',
  'hakim',
  'halim',
  'jalil',
  'ghani',
  'razzaq',
  'malik',
  'fattah',
  'hadi',
  'samad',
  'wahid',
  'basit',
  'munim',
  'hafiz',
  'hamid',
]);
