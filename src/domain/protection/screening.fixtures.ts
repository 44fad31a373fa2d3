import type { Answers, AnswerValue } from './conditions';

// Answer sets shared by the protection tests.

/** An adult who answered no to everything: nothing to flag (the pregnancy question, asked of women only, is left out). */
export const BASE: Answers = {
  age: 30,
  ch_minor: 'no',
  he_urgent_care: 'no',
  he_serious_condition: 'no',
  he_disability: 'no',
  tr_recruitment: ['own_decision'],
  tr_debt: 'no',
  tr_documents_taken: 'no',
  tr_threats_violence: 'no',
  tr_forced_labour: 'no',
  tr_sexual_exploitation: 'no',
  tr_forced_begging_crime: 'no',
  tr_confinement: 'no',
  tr_wages_withheld: 'no',
  tr_ransom: 'no',
  ip_fear_of_return: 'no',
  ip_origin_conflict: 'no',
  ip_unhcr_registered: 'no',
  vi_torture: 'no',
  vi_gbv_consent: 'no',
};

/** Changes to answers; undefined takes an answer out. */
export type Patch = Record<string, AnswerValue | undefined>;
export const patch = (answers: Answers, p: Patch): Answers => {
  const out: Answers = { ...answers };
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
};
