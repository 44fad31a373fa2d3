import type { Syndrome } from '../../../../domain/health/syndromes';
import { int, type Rng, weighted } from '../../registry/demo/demo-people';

// What the demo clinic sees, as data: the conditions of a detention centre's weekly clinic with
// their weights (scabies first, then respiratory infections, watery diarrhoea, skin infections,
// injuries, teeth, pain, mental health; tuberculosis rare; no measles), what the nurse writes,
// what the doctor prescribes from the clinic pharmacy's catalogue, and how often they refer.
// Pure and seeded: demo-clinics.ts turns each visit into a consultation through the service.

export interface Rx {
  /** the supplies demo's catalogue code */
  item: string;
  dose: string;
  frequency: 'once' | 'od' | 'bd' | 'tds' | 'qds' | 'nocte' | 'prn';
  days: number;
  /** base units handed over */
  quantity: number;
}

export interface Condition {
  code: string;
  weight: number;
  complaint: string;
  /** the surveillance syndrome it counts for (the weekly cap applies) */
  syndrome?: Syndrome;
  fever?: boolean;
  /** chance of a referral out (hospital, dentist, psychiatrist) */
  referral?: number;
  /** chance of a follow-up visit a week later */
  followUp?: number;
  /** one of these, by weight */
  rx: readonly (readonly [readonly Rx[], number])[];
  women?: boolean;
  children?: boolean;
}

const para: Rx = { item: 'MED-PARA', dose: '1 g', frequency: 'tds', days: 3, quantity: 18 };
const ibu: Rx = { item: 'MED-IBU', dose: '400 mg', frequency: 'tds', days: 5, quantity: 15 };
const amox: Rx = { item: 'MED-AMOX', dose: '500 mg', frequency: 'tds', days: 5, quantity: 15 };
const gauze: Rx = { item: 'MDS-GAUZE', dose: 'dressing', frequency: 'od', days: 5, quantity: 10 };
const chlorh: Rx = { item: 'MED-CHLORH', dose: 'wash, diluted', frequency: 'bd', days: 7, quantity: 1 };
const ors: Rx = { item: 'MED-ORS', dose: '1 sachet in 1 L', frequency: 'prn', days: 3, quantity: 6 };
const omep: Rx = { item: 'MED-OMEP', dose: '20 mg', frequency: 'od', days: 14, quantity: 14 };
const none: readonly Rx[] = [];

export const CONDITIONS: readonly Condition[] = [
  {
    code: 'B86',
    weight: 26,
    syndrome: 'scabies',
    complaint: 'Itching for two weeks, worse at night; cell mates itch too',
    rx: [
      [
        [
          {
            item: 'MED-PERM',
            dose: 'whole body, wash off after 12 h',
            frequency: 'once',
            days: 1,
            quantity: 1,
          },
        ],
        7,
      ],
      [[{ item: 'MED-BENZ', dose: 'whole body, two nights', frequency: 'nocte', days: 2, quantity: 1 }], 3],
    ],
  },
  {
    code: 'J06.9',
    weight: 11,
    syndrome: 'respiratory_infection_fever',
    fever: true,
    complaint: 'Fever, sore throat and cough for three days',
    rx: [[[para], 1]],
  },
  {
    code: 'J11.1',
    weight: 3,
    syndrome: 'respiratory_infection_fever',
    fever: true,
    complaint: 'Fever, aches and dry cough; several in the same room',
    rx: [[[para], 1]],
  },
  {
    code: 'J20.9',
    weight: 3,
    syndrome: 'respiratory_infection_fever',
    fever: true,
    complaint: 'Productive cough and fever for a week',
    rx: [
      [[para], 2],
      [[para, { item: 'MED-SALB', dose: '2 puffs', frequency: 'prn', days: 7, quantity: 1 }], 1],
    ],
  },
  {
    code: 'J18.9',
    weight: 1,
    syndrome: 'respiratory_infection_fever',
    fever: true,
    referral: 0.35,
    complaint: 'High fever, cough and breathlessness',
    rx: [[[amox, para], 1]],
  },
  {
    code: 'J00',
    weight: 4,
    complaint: 'Runny nose and cough',
    rx: [
      [none, 1],
      [[para], 1],
    ],
  },
  {
    code: 'A09.0',
    weight: 9,
    syndrome: 'acute_watery_diarrhoea',
    complaint: 'Watery stools five times a day since yesterday',
    rx: [
      [[ors], 2],
      [[ors, { item: 'MED-ZINC', dose: '20 mg', frequency: 'od', days: 10, quantity: 10 }], 1],
    ],
  },
  {
    code: 'L01.0',
    weight: 4,
    complaint: 'Crusted sores on the face and hands',
    rx: [
      [[chlorh], 2],
      [[chlorh, amox], 1],
    ],
  },
  { code: 'L02.9', weight: 2, complaint: 'Painful swelling on the thigh', rx: [[[amox, gauze], 1]] },
  { code: 'L03.9', weight: 2, complaint: 'Red hot swollen leg', referral: 0.1, rx: [[[amox, para], 1]] },
  { code: 'B35.4', weight: 2, complaint: 'Itchy round patches on the body', rx: [[none, 1]] },
  { code: 'T14.0', weight: 4, complaint: 'Bruises after a beating during transfer', rx: [[[ibu], 1]] },
  {
    code: 'T14.1',
    weight: 2,
    followUp: 0.4,
    complaint: 'Cut on the forearm',
    rx: [[[gauze, chlorh], 1]],
  },
  { code: 'T14.3', weight: 2, complaint: 'Twisted ankle playing football', rx: [[[ibu], 1]] },
  {
    code: 'T14.2',
    weight: 0.4,
    referral: 1,
    complaint: 'Swollen deformed wrist after a fall',
    rx: [[[ibu], 1]],
  },
  { code: 'K08.8', weight: 3, complaint: 'Toothache for a week', rx: [[[ibu], 1]] },
  {
    code: 'K04.7',
    weight: 2,
    referral: 0.3,
    complaint: 'Swollen jaw and tooth pain',
    rx: [[[amox, { item: 'MED-METRO', dose: '500 mg', frequency: 'tds', days: 5, quantity: 30 }, ibu], 1]],
  },
  { code: 'K02.9', weight: 1, referral: 0.5, complaint: 'Broken painful tooth', rx: [[[para], 1]] },
  { code: 'R51', weight: 5, complaint: 'Headache every day, poor sleep', rx: [[[para], 1]] },
  { code: 'M54.5', weight: 3, complaint: 'Low back pain from sleeping on the floor', rx: [[[ibu], 1]] },
  { code: 'M79.1', weight: 1, complaint: 'Aching muscles', rx: [[[para], 1]] },
  {
    code: 'F43.2',
    weight: 2,
    referral: 0.3,
    complaint: 'Cannot sleep, thinks of home all the time',
    rx: [[none, 1]],
  },
  { code: 'F41.1', weight: 1, referral: 0.2, complaint: 'Palpitations and worry', rx: [[none, 1]] },
  { code: 'F32.9', weight: 1, referral: 0.4, complaint: 'Low mood, stopped eating', rx: [[none, 1]] },
  { code: 'K29.7', weight: 3, complaint: 'Burning pain in the stomach after meals', rx: [[[omep], 1]] },
  {
    code: 'B82.9',
    weight: 1,
    complaint: 'Abdominal pain, worms seen in stool',
    rx: [[[{ item: 'MED-ALBEN', dose: '400 mg', frequency: 'once', days: 1, quantity: 1 }], 1]],
  },
  {
    code: 'N39.0',
    weight: 1,
    complaint: 'Burning on passing urine',
    rx: [[[{ item: 'MED-COTRI', dose: '960 mg', frequency: 'bd', days: 3, quantity: 12 }], 1]],
  },
  {
    code: 'I10',
    weight: 1,
    followUp: 0.8,
    complaint: 'Known high blood pressure, no tablets since arrest',
    rx: [[none, 1]],
  },
  { code: 'H10.9', weight: 1, complaint: 'Red sticky eyes', rx: [[none, 1]] },
  {
    code: 'D50.9',
    weight: 1,
    women: true,
    complaint: 'Tired and dizzy',
    rx: [[[{ item: 'MED-FERRO', dose: '1 tablet', frequency: 'od', days: 30, quantity: 30 }], 1]],
  },
  {
    code: 'Z34.9',
    weight: 1,
    women: true,
    followUp: 1,
    complaint: 'Pregnant, about five months, first check',
    rx: [[[{ item: 'MED-FERRO', dose: '1 tablet', frequency: 'od', days: 30, quantity: 30 }], 1]],
  },
  {
    code: 'A16.9',
    weight: 0.15,
    syndrome: 'tuberculosis',
    fever: true,
    referral: 1,
    complaint: 'Cough for a month, night sweats, weight loss',
    rx: [[none, 1]],
  },
];

/**
 * The most cases of a syndrome one centre's clinic records in an ordinary week: below each
 * default alert rule's minimum (rate and count rules need three, doubling rules five), so that
 * only the demo's one surge raises an alert.
 */
export const WEEKLY_CAP: Partial<Record<Syndrome, number>> = {
  scabies: 2,
  acute_watery_diarrhoea: 2,
  respiratory_infection_fever: 4,
  tuberculosis: 1,
};

export interface Patient {
  sex: string;
  age: number;
}

/** A condition for this patient, within the week's caps (`seen`: cases so far per syndrome). */
export function conditionFor(rng: Rng, p: Patient, seen: Map<string, number>): Condition {
  const fits = CONDITIONS.filter(
    (c) =>
      (!c.women || (p.sex === 'female' && p.age >= 16)) &&
      (!c.syndrome || (seen.get(c.syndrome) ?? 0) < (WEEKLY_CAP[c.syndrome] ?? Number.POSITIVE_INFINITY)),
  );
  return weighted(
    rng,
    fits.map((c) => [c, c.weight] as const),
  );
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Plausible vital signs for the patient's age and whether the condition brings fever. */
export function vitalsFor(rng: Rng, p: Patient, c: Condition) {
  const fever = c.fever ?? false;
  const child = p.age < 12;
  const weight = child
    ? round1(3 + p.age * 2.8 + rng() * 4)
    : round1(52 + rng() * 30 - (p.sex === 'female' ? 8 : 0));
  const systolic = int(rng, 105, c.code === 'I10' ? 172 : 138);
  return {
    temperatureC: round1(fever ? 38 + rng() * 1.6 : 36.4 + rng() * 0.8),
    pulse: int(rng, 64, 92) + (fever ? 14 : 0) + (child ? 20 : 0),
    ...(child
      ? {}
      : { systolic, diastolic: Math.min(systolic - 30, int(rng, 62, c.code === 'I10' ? 104 : 88)) }),
    respiratoryRate: int(rng, 14, 20) + (c.code === 'J18.9' ? 10 : 0) + (child ? 8 : 0),
    spo2: c.code === 'J18.9' ? int(rng, 90, 94) : int(rng, 96, 99),
    weightKg: weight,
    ...(p.age < 5 ? { muacMm: int(rng, 128, 158) } : {}),
  };
}

/** A condition of the table by its diagnosis code. */
export function conditionOf(code: string): Condition {
  const c = CONDITIONS.find((x) => x.code === code);
  if (!c) throw new Error(`No demo condition ${code}`);
  return c;
}
