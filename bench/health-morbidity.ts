// The health benchmark's data: 8 more centres beside the demo's 4, the clinic pharmacy's
// medicines, and a morbidity table for detention centres (scabies the most common complaint;
// respiratory infections, watery diarrhoea, other skin disease and injuries next; measles,
// meningitis and acute flaccid paralysis rare), with the usual prescription for each.
import { DIAGNOSES, type DiagnosisGroup, diagnosisByCode } from '../src/domain/health/diagnoses';
import type { Rng } from '../src/server/modules/registry/demo/demo-people';

export const MORE_CENTRES = [
  ['Zawiya Detention Centre', 'مركز الزاوية للاحتجاز', 'Centre de détention de Zaouïa', 'Zawiya', 350],
  ['Misrata Holding Centre', 'مركز مصراتة للإيواء', 'Centre d’hébergement de Misrata', 'Misrata', 300],
  ['Sabratha Reception Centre', 'مركز صبراتة للاستقبال', 'Centre d’accueil de Sabratha', 'Sabratha', 200],
  ['Gharyan Detention Centre', 'مركز غريان للاحتجاز', 'Centre de détention de Gharyan', 'Gharyan', 250],
  ['Khoms Holding Centre', 'مركز الخمس للإيواء', 'Centre d’hébergement de Khoms', 'Khoms', 200],
  ['Zuwara Reception Centre', 'مركز زوارة للاستقبال', 'Centre d’accueil de Zouara', 'Zuwara', 150],
  ['Sebha Detention Centre', 'مركز سبها للاحتجاز', 'Centre de détention de Sebha', 'Sebha', 450],
  ['Ganfouda Detention Centre', 'مركز قنفودة للاحتجاز', 'Centre de détention de Ganfouda', 'Benghazi', 400],
] as const;

/** code, name, base unit, form, strength, ATC */
export const MEDICINES = [
  ['MED-PERM-5', 'Permethrin 5% cream, 30 g', 'tube', 'cream', '5%', 'P03AC04'],
  ['MED-BENZ-25', 'Benzyl benzoate 25% lotion, 100 ml', 'bottle', 'other', '25%', 'P03AX01'],
  ['MED-PARA-500', 'Paracetamol 500 mg', 'tablet', 'tablet', '500 mg', 'N02BE01'],
  ['MED-AMOX-500', 'Amoxicillin 500 mg', 'capsule', 'capsule', '500 mg', 'J01CA04'],
  ['MED-ORS', 'Oral rehydration salts, 1 L sachet', 'sachet', 'oral_powder', '20.5 g', 'A07CA'],
  ['MED-ZINC-20', 'Zinc sulfate 20 mg', 'tablet', 'tablet', '20 mg', 'A12CB01'],
  ['MED-CIPRO-500', 'Ciprofloxacin 500 mg', 'tablet', 'tablet', '500 mg', 'J01MA02'],
  ['MED-IBU-400', 'Ibuprofen 400 mg', 'tablet', 'tablet', '400 mg', 'M01AE01'],
  ['MED-CLOT-1', 'Clotrimazole 1% cream, 20 g', 'tube', 'cream', '1%', 'D01AC01'],
  ['MED-CHLOR-4', 'Chlorphenamine 4 mg', 'tablet', 'tablet', '4 mg', 'R06AB04'],
  ['MED-OMEP-20', 'Omeprazole 20 mg', 'capsule', 'capsule', '20 mg', 'A02BC01'],
  ['MED-AMLO-5', 'Amlodipine 5 mg', 'tablet', 'tablet', '5 mg', 'C08CA01'],
  ['MED-MET-500', 'Metformin 500 mg', 'tablet', 'tablet', '500 mg', 'A10BA02'],
  ['MED-ALB-400', 'Albendazole 400 mg', 'tablet', 'tablet', '400 mg', 'P02CA03'],
] as const;
export type MedicineCode = (typeof MEDICINES)[number][0];

/** A prescription: item, dose, frequency, days, base units handed over. */
export type Rx = readonly [MedicineCode, string, string, number, number];
const PARA: Rx = ['MED-PARA-500', '2 tablets', 'tds', 3, 18];
const RX: Record<string, readonly Rx[]> = {
  B86: [
    ['MED-PERM-5', 'apply whole body', 'once', 7, 1],
    ['MED-BENZ-25', 'apply whole body', 'od', 3, 1],
  ],
  skin: [
    ['MED-CLOT-1', 'apply', 'bd', 14, 1],
    ['MED-CHLOR-4', '1 tablet', 'tds', 5, 15],
  ],
  J: [PARA, ['MED-AMOX-500', '1 capsule', 'tds', 7, 21]],
  'A09.0': [['MED-ORS', '1 sachet', 'prn', 3, 6]],
  'A00.9': [['MED-ORS', '1 sachet', 'prn', 3, 10]],
  A03: [['MED-CIPRO-500', '1 tablet', 'bd', 3, 6]],
  gastrointestinal: [
    ['MED-OMEP-20', '1 capsule', 'od', 14, 14],
    ['MED-ALB-400', '1 tablet', 'once', 1, 1],
  ],
  injury: [['MED-IBU-400', '1 tablet', 'tds', 4, 12]],
  chronic: [
    ['MED-AMLO-5', '1 tablet', 'od', 30, 30],
    ['MED-MET-500', '1 tablet', 'bd', 30, 60],
  ],
  other: [PARA, ['MED-IBU-400', '1 tablet', 'tds', 4, 12]],
};

/** The prescription usually given for a diagnosis (none for some, as in a real clinic). */
export function rxFor(rng: Rng, code: string): readonly Rx[] {
  const d = diagnosisByCode.get(code);
  const options =
    RX[code] ??
    RX[code.slice(0, 3)] ??
    (code.startsWith('J') ? RX.J : undefined) ??
    RX[d?.group ?? 'other'] ??
    RX.other;
  if (code === 'A09.0' && rng() < 0.6)
    return [...(RX['A09.0'] ?? []), ['MED-ZINC-20', '1 tablet', 'od', 10, 10]];
  return options?.length ? [options[Math.floor(rng() * options.length)] as Rx] : [];
}

/**
 * Diagnoses counted by surveillance, as a share of consultations, with a seasonal swing
 * (`winter`: ×(1+winter) in January, ×(1−winter) in July; negative for summer diseases).
 */
const SYNDROMIC: readonly (readonly [string, number, number])[] = [
  ['B86', 0.2, 0],
  ['J06.9', 0.09, 0.5],
  ['J11.1', 0.025, 0.9],
  ['J20.9', 0.015, 0.4],
  ['J18.9', 0.006, 0.4],
  ['J22', 0.004, 0.4],
  ['A09.0', 0.055, -0.6],
  ['A00.9', 0.0004, -0.9],
  ['A03.9', 0.006, -0.5],
  ['A06.0', 0.002, -0.5],
  ['A16.9', 0.0025, 0],
  ['A15.0', 0.0004, 0],
  ['B05.9', 0.0002, 0.5],
  ['R17', 0.001, -0.3],
  ['B15.9', 0.0005, -0.3],
  ['B17.2', 0.0003, -0.3],
  ['G03.9', 0.00008, 0.5],
  ['A80.9', 0.00002, 0],
];
/** The rest of the consultations by group (diagnoses of no syndrome, drawn evenly in the group). */
const OTHER_GROUPS: readonly (readonly [DiagnosisGroup, number])[] = [
  ['skin', 0.13],
  ['injury', 0.1],
  ['gastrointestinal', 0.07],
  ['respiratory', 0.05],
  ['chronic', 0.06],
  ['mental_health', 0.04],
  ['other', 0.11],
  ['pregnancy', 0.015],
  ['infectious', 0.02],
];

export function morbidity(isSyndromic: (code: string) => boolean) {
  for (const [code] of SYNDROMIC)
    if (!diagnosisByCode.has(code)) throw new Error(`the diagnosis list has no ${code}`);
  const pools = new Map(
    OTHER_GROUPS.map(([g]) => [
      g,
      DIAGNOSES.filter((d) => d.group === g && !isSyndromic(d.code)).map((d) => d.code),
    ]),
  );
  const otherTotal = OTHER_GROUPS.reduce((s, [, w]) => s + w, 0);
  /** One diagnosis for a consultation in `month` (1–12); `outbreak` multiplies scabies. */
  return (rng: Rng, month: number, outbreak: number): string => {
    const season = Math.cos(((month - 1) / 12) * 2 * Math.PI); // 1 in January, −1 in July
    const weights = SYNDROMIC.map(
      ([code, w, winter]) => [code, w * (1 + winter * season) * (code === 'B86' ? outbreak : 1)] as const,
    );
    const syndromic = weights.reduce((s, [, w]) => s + w, 0);
    let x = rng() * (syndromic + otherTotal);
    for (const [code, w] of weights) {
      x -= w;
      if (x < 0) return code;
    }
    for (const [g, w] of OTHER_GROUPS) {
      x -= w;
      if (x >= 0) continue;
      const pool = pools.get(g) as string[];
      return pool[Math.floor(rng() * pool.length)] as string;
    }
    return 'R51';
  };
}

/** A second diagnosis, of no syndrome (one consultation in five has one). */
export function secondDiagnosis(rng: Rng, isSyndromic: (code: string) => boolean) {
  const pool = DIAGNOSES.filter(
    (d) => ['other', 'skin', 'gastrointestinal'].includes(d.group) && !isSyndromic(d.code),
  );
  return () => (pool[Math.floor(rng() * pool.length)] as (typeof pool)[number]).code;
}

export const COMPLAINTS: Record<string, string> = {
  B86: 'Itching for two weeks, worse at night; cell mates itch too',
  J: 'Cough and fever for three days',
  A0: 'Watery stools since yesterday, several a day',
  injury: 'Pain after a fall',
  other: 'Headache and body pains',
};
export const complaintFor = (code: string) =>
  COMPLAINTS[code] ??
  (code.startsWith('J') ? COMPLAINTS.J : code.startsWith('A0') ? COMPLAINTS.A0 : undefined) ??
  (/^[STXYW]/.test(code) ? COMPLAINTS.injury : COMPLAINTS.other) ??
  '';
