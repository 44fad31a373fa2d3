import { describe, expect, it } from 'vitest';
import { validateAnswers } from './answers';
import { DEFAULT_TEMPLATE } from './default-template';
import { type Flag, levelRank, type RiskLevel } from './flags';
import { screeningOutcome } from './outcome';
import { BASE, type Patch, patch } from './screening.fixtures';

// One row per indicator rule of the default template (some rules have more than one): an answer
// set that triggers the rule with the flags and level expected, and the same set with the
// triggering answer taken back, which must not trigger it. A rule without a row fails coverage.

interface Row {
  rule: string;
  answers: Patch;
  flags: Flag[];
  level: RiskLevel;
  /** applied on top of `answers`: the triggering answer taken back */
  without: Patch;
  withoutLevel: RiskLevel;
}

const TF: Flag = 'trafficking_victim_suspected';
const IPN: Flag = 'international_protection_need';
const child15 = { age: 15, ch_separated: 'no' };
const fear = (...reasons: string[]) => ({ ip_fear_of_return: 'yes', ip_fear_reasons: reasons });
const noFear = { ip_fear_of_return: 'no', ip_fear_reasons: undefined };
const yesNo = (rule: string, key: string, flags: Flag[], level: RiskLevel): Row => ({
  rule,
  answers: { [key]: 'yes' },
  flags,
  level,
  without: { [key]: 'no' },
  withoutLevel: 'low',
});

// biome-ignore format: a table reads best one row a line
const ROWS: Row[] = [
  // age and children
  { rule: 'child_by_age', answers: child15, flags: ['child'], level: 'medium', without: { age: 30, ch_separated: undefined }, withoutLevel: 'low' },
  { rule: 'child_stated', answers: { ch_minor: 'yes', ch_separated: 'no' }, flags: ['child'], level: 'medium', without: { ch_minor: 'unknown', ch_separated: undefined }, withoutLevel: 'low' },
  { rule: 'separated_child', answers: { age: 15, ch_separated: 'yes', ch_with_whom: 'adult_relative' }, flags: ['child', 'separated_child'], level: 'high', without: { ch_separated: 'no', ch_with_whom: undefined }, withoutLevel: 'medium' },
  { rule: 'unaccompanied_child', answers: { age: 15, ch_separated: 'yes', ch_with_whom: 'alone' }, flags: ['child', 'unaccompanied_child'], level: 'high', without: { ch_separated: 'unknown', ch_with_whom: undefined }, withoutLevel: 'medium' },
  { rule: 'unaccompanied_child', answers: { ch_minor: 'yes', ch_separated: 'yes', ch_with_whom: 'unrelated_adult' }, flags: ['child', 'unaccompanied_child'], level: 'high', without: { ch_separated: 'no', ch_with_whom: undefined }, withoutLevel: 'medium' },
  { rule: 'unaccompanied_child', answers: { age: 12, ch_separated: 'yes', ch_with_whom: 'other_children' }, flags: ['child', 'unaccompanied_child'], level: 'high', without: { ch_separated: 'no', ch_with_whom: undefined }, withoutLevel: 'medium' },
  // health
  { ...yesNo('urgent_medical_need', 'he_urgent_care', ['urgent_medical_need'], 'critical'), without: { he_urgent_care: 'unknown' } },
  yesNo('serious_medical_condition', 'he_serious_condition', ['serious_medical_condition'], 'high'),
  { rule: 'disability', answers: { he_disability: 'yes', he_disability_types: ['physical'] }, flags: ['disability'], level: 'medium', without: { he_disability: 'no', he_disability_types: undefined }, withoutLevel: 'low' },
  { rule: 'pregnant', answers: { he_pregnant: 'yes', he_trimester: 'first' }, flags: ['pregnant'], level: 'medium', without: { he_pregnant: 'no', he_trimester: undefined }, withoutLevel: 'low' },
  { rule: 'pregnant_third_trimester', answers: { he_pregnant: 'yes', he_trimester: 'third' }, flags: ['pregnant'], level: 'high', without: { he_trimester: 'second' }, withoutLevel: 'medium' },
  { rule: 'older_person', answers: { age: 67 }, flags: ['older_person'], level: 'medium', without: { age: 59 }, withoutLevel: 'low' },
  // trafficking: force, threat or coercion
  { rule: 'tr_abducted', answers: { tr_recruitment: ['own_decision', 'abducted'] }, flags: [TF], level: 'high', without: { tr_recruitment: ['own_decision'] }, withoutLevel: 'low' },
  { rule: 'tr_sold', answers: { tr_recruitment: ['sold'] }, flags: [TF], level: 'high', without: { tr_recruitment: ['own_decision'] }, withoutLevel: 'low' },
  { rule: 'tr_debt_bondage', answers: { tr_debt: 'yes', tr_debt_bondage: 'yes' }, flags: [TF], level: 'high', without: { tr_debt_bondage: 'no' }, withoutLevel: 'medium' },
  yesNo('tr_threats_violence', 'tr_threats_violence', [TF], 'high'),
  yesNo('tr_forced_labour', 'tr_forced_labour', [TF], 'high'),
  yesNo('tr_sexual_exploitation', 'tr_sexual_exploitation', [TF], 'high'),
  yesNo('tr_forced_begging_crime', 'tr_forced_begging_crime', [TF], 'high'),
  yesNo('tr_confinement', 'tr_confinement', [TF], 'high'),
  yesNo('tr_ransom', 'tr_ransom', [TF], 'high'),
  // trafficking: softer signs, and their combinations
  { rule: 'tr_deception', answers: { tr_recruitment: ['deceived_job'] }, flags: [], level: 'medium', without: { tr_recruitment: ['own_decision'] }, withoutLevel: 'low' },
  { rule: 'tr_deception', answers: { tr_recruitment: ['own_decision', 'deceived_conditions'] }, flags: [], level: 'medium', without: { tr_recruitment: ['own_decision'] }, withoutLevel: 'low' },
  { rule: 'tr_family_arrangement', answers: { tr_recruitment: ['family_arrangement'] }, flags: [], level: 'medium', without: { tr_recruitment: ['own_decision'] }, withoutLevel: 'low' },
  { rule: 'tr_debt', answers: { tr_debt: 'yes', tr_debt_bondage: 'no' }, flags: [], level: 'medium', without: { tr_debt: 'no', tr_debt_bondage: undefined }, withoutLevel: 'low' },
  yesNo('tr_documents_taken', 'tr_documents_taken', [], 'medium'),
  yesNo('tr_wages_withheld', 'tr_wages_withheld', [], 'medium'),
  { rule: 'tr_two_or_more_signs', answers: { tr_documents_taken: 'yes', tr_wages_withheld: 'yes' }, flags: [TF], level: 'high', without: { tr_wages_withheld: 'no' }, withoutLevel: 'medium' },
  { rule: 'tr_two_or_more_signs', answers: { tr_recruitment: ['deceived_job', 'family_arrangement'] }, flags: [TF], level: 'high', without: { tr_recruitment: ['deceived_job'] }, withoutLevel: 'medium' },
  { rule: 'tr_child_sign', answers: { ch_minor: 'yes', ch_separated: 'no', tr_documents_taken: 'yes' }, flags: [TF, 'child'], level: 'critical', without: { tr_documents_taken: 'no' }, withoutLevel: 'medium' },
  { rule: 'tr_child_sign', answers: { ...child15, tr_recruitment: ['family_arrangement'] }, flags: [TF, 'child'], level: 'critical', without: { tr_recruitment: ['own_decision'] }, withoutLevel: 'medium' },
  // international protection
  { rule: 'ip_fear_of_return', answers: fear('other'), flags: [IPN], level: 'medium', without: noFear, withoutLevel: 'low' },
  { rule: 'ip_convention_ground', answers: fear('political_opinion'), flags: [IPN], level: 'medium', without: { ip_fear_reasons: ['other'] }, withoutLevel: 'medium' },
  { rule: 'ip_convention_ground', answers: fear('race', 'religion', 'nationality', 'social_group'), flags: [IPN], level: 'medium', without: { ip_fear_reasons: ['other'] }, withoutLevel: 'medium' },
  { rule: 'ip_conflict', answers: { ip_origin_conflict: 'yes' }, flags: [IPN], level: 'medium', without: { ip_origin_conflict: 'unknown' }, withoutLevel: 'low' },
  { rule: 'ip_conflict', answers: fear('armed_conflict'), flags: [IPN], level: 'medium', without: { ip_fear_reasons: ['other'] }, withoutLevel: 'medium' },
  { rule: 'ip_unhcr_registered', answers: { ip_unhcr_registered: 'yes', ip_unhcr_number: 'LBY-21C01234' }, flags: [IPN], level: 'medium', without: { ip_unhcr_registered: 'no', ip_unhcr_number: undefined }, withoutLevel: 'low' },
  // survivors of violence
  { ...yesNo('torture_survivor', 'vi_torture', ['torture_survivor'], 'high'), without: { vi_torture: 'unknown' } },
  { rule: 'gbv_survivor', answers: { vi_gbv_consent: 'yes', vi_gbv: 'yes' }, flags: ['gbv_survivor'], level: 'high', without: { vi_gbv: 'prefers_not_to_say' }, withoutLevel: 'low' },
  // combined
  { rule: 'trafficking_and_child', answers: { ...child15, tr_ransom: 'yes' }, flags: [TF, 'child'], level: 'critical', without: { tr_ransom: 'no' }, withoutLevel: 'medium' },
  { rule: 'child_survivor_of_violence', answers: { ...child15, vi_torture: 'yes' }, flags: ['child', 'torture_survivor'], level: 'critical', without: { vi_torture: 'no' }, withoutLevel: 'medium' },
  { rule: 'child_survivor_of_violence', answers: { ...child15, vi_gbv_consent: 'yes', vi_gbv: 'yes' }, flags: ['child', 'gbv_survivor'], level: 'critical', without: { vi_gbv: 'no' }, withoutLevel: 'medium' },
  { rule: 'ip_with_vulnerability', answers: { ...fear('religion'), he_disability: 'yes', he_disability_types: ['sensory'] }, flags: [IPN, 'disability'], level: 'high', without: noFear, withoutLevel: 'medium' },
  { rule: 'ip_with_vulnerability', answers: { ip_origin_conflict: 'yes', age: 72 }, flags: [IPN, 'older_person'], level: 'high', without: { age: 45 }, withoutLevel: 'medium' },
];

const sorted = (flags: readonly Flag[]) => [...flags].sort();

describe('indicator rules of the default template', () => {
  it('has a row for every rule, and no row for a rule that does not exist', () => {
    const ruleKeys = DEFAULT_TEMPLATE.rules.map((r) => r.key);
    expect(new Set(ROWS.map((r) => r.rule))).toEqual(new Set(ruleKeys));
  });

  it('flags nothing for an adult who answered no to everything', () => {
    expect(validateAnswers(DEFAULT_TEMPLATE, BASE)).toEqual([]);
    expect(screeningOutcome(DEFAULT_TEMPLATE, BASE)).toEqual({
      flags: [],
      riskLevel: 'low',
      matchedRules: [],
    });
  });

  describe.each(ROWS.map((row, i) => [`${row.rule} #${i}`, row] as const))('%s', (_, row) => {
    const rule = DEFAULT_TEMPLATE.rules.find((r) => r.key === row.rule)!;
    const triggering = patch(BASE, row.answers);
    const without = patch(triggering, row.without);

    it(`triggers: ${row.flags.join(', ') || 'no flag'}, ${row.level}`, () => {
      expect(validateAnswers(DEFAULT_TEMPLATE, triggering)).toEqual([]);
      const outcome = screeningOutcome(DEFAULT_TEMPLATE, triggering);
      expect(outcome.matchedRules).toContain(row.rule);
      expect(sorted(outcome.flags)).toEqual(sorted(row.flags));
      expect(outcome.riskLevel).toBe(row.level);
      if (rule.flag) expect(outcome.flags).toContain(rule.flag);
      if (rule.level) expect(levelRank(outcome.riskLevel)).toBeGreaterThanOrEqual(levelRank(rule.level));
    });

    it(`does not trigger without the answer (${row.withoutLevel})`, () => {
      expect(validateAnswers(DEFAULT_TEMPLATE, without)).toEqual([]);
      const outcome = screeningOutcome(DEFAULT_TEMPLATE, without);
      expect(outcome.matchedRules).not.toContain(row.rule);
      expect(outcome.riskLevel).toBe(row.withoutLevel);
    });
  });
});
