import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALERT_RULE_KIND_LABELS,
  ALERT_RULE_KINDS,
  ALERT_STATUS_LABELS,
  ALERT_STATUSES,
  ALERT_TRANSITIONS,
  type AlertRule,
  alertRule,
  alertTransition,
  type CentreWeek,
  canTransition,
  countCases,
  DEFAULT_ALERT_RULE_LABELS,
  DEFAULT_ALERT_RULES,
  evaluateRule,
  evaluateRules,
  RULE_OUTCOME_REASON_LABELS,
  RULE_OUTCOME_REASONS,
  type SurveillanceCase,
} from './alert-rules';
import type { Syndrome } from './syndromes';
import { addWeeks } from './weeks';

/** A default rule by its code, checked to be of the kind the test expects. */
const rule = <K extends AlertRule['kind'] = AlertRule['kind']>(code: string, kind?: K) => {
  const r = DEFAULT_ALERT_RULES.find((x) => x.code === code);
  if (!r || (kind && r.kind !== kind)) throw new Error(code);
  return r as Extract<AlertRule, { kind: K }>;
};
const person = (i: number) => `p${i}`;
/** `n` different people with the syndrome, aged 30, not dehydrated unless said. */
const cases = (syndrome: Syndrome, n: number, extra: Partial<SurveillanceCase> = {}, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    personId: person(from + i),
    syndrome,
    ageYears: 30,
    severeDehydration: false,
    ...extra,
  }));
const week = (
  w: string,
  c: SurveillanceCase[],
  population: number | null = 500,
  consultations = 100,
): CentreWeek => ({
  centreId: 'c1',
  week: w,
  population,
  consultations,
  cases: c,
});
/** The three weeks before `current`, oldest first, with these case counts. */
const history = (current: string, syndrome: Syndrome, counts: [number, number, number]) =>
  counts.map((n, i) => week(addWeeks(current, i - 3), cases(syndrome, n)));

describe('count rules', () => {
  it('one suspected measles case is an alert; none is not', () => {
    const hit = evaluateRule(rule('measles_case'), week('2026-W10', cases('measles', 1)), []);
    expect(hit).toMatchObject({
      fired: true,
      reason: 'crossed',
      value: 1,
      cases: 1,
      threshold: 1,
      kind: 'count',
    });
    const miss = evaluateRule(rule('measles_case'), week('2026-W10', cases('scabies', 4)), []);
    expect(miss).toMatchObject({ fired: false, reason: 'below', value: 0, cases: 0 });
  });

  it('bloody diarrhoea fires at 3 people, not 2', () => {
    const r = rule('bloody_diarrhoea_cluster');
    expect(evaluateRule(r, week('2026-W10', cases('bloody_diarrhoea', 2)), []).fired).toBe(false);
    expect(evaluateRule(r, week('2026-W10', cases('bloody_diarrhoea', 3)), []).fired).toBe(true);
  });

  it('needs no population, consultations or history', () => {
    const w = week('2026-W01', cases('acute_flaccid_paralysis', 1), null, 0);
    expect(evaluateRule(rule('afp_case'), w, [])).toMatchObject({ fired: true, reason: 'crossed' });
  });
});

describe('the cholera alert', () => {
  const cholera = rule('cholera_alert');
  const awd = (personId: string, ageYears: number | null, severeDehydration: boolean): SurveillanceCase => ({
    personId,
    syndrome: 'acute_watery_diarrhoea',
    ageYears,
    severeDehydration,
  });
  const run = (c: SurveillanceCase[]) => evaluateRule(cholera, week('2026-W20', c), []);

  it('fires on two people aged 2+ with severe dehydration', () => {
    expect(run([awd('a', 2, true), awd('b', 40, true)])).toMatchObject({ fired: true, cases: 2 });
  });
  it('does not count a child aged 1', () => {
    expect(run([awd('a', 1, true), awd('b', 40, true)])).toMatchObject({ fired: false, cases: 1 });
  });
  it('does not count an unknown age', () => {
    expect(run([awd('a', null, true), awd('b', 40, true)])).toMatchObject({ fired: false, cases: 1 });
  });
  it('does not count someone without severe dehydration', () => {
    expect(run([awd('a', 30, false), awd('b', 40, true)])).toMatchObject({ fired: false, cases: 1 });
  });
  it('counts the same person seen twice once', () => {
    expect(run([awd('a', 30, true), awd('a', 30, true)])).toMatchObject({ fired: false, cases: 1 });
  });
  it('counts only its syndrome', () => {
    const other = { ...awd('b', 40, true), syndrome: 'bloody_diarrhoea' as const };
    expect(run([awd('a', 30, true), other])).toMatchObject({ fired: false, cases: 1 });
  });
});

describe('countCases', () => {
  it('counts people, not visits, and applies each filter', () => {
    const c = [
      ...cases('scabies', 3),
      ...cases('scabies', 3),
      ...cases('scabies', 2, { ageYears: null }, 10),
    ];
    expect(countCases(c, 'scabies')).toBe(5);
    expect(countCases(c, 'scabies', { minAgeYears: 18 })).toBe(3);
    expect(countCases(c, 'scabies', { severeDehydration: true })).toBe(0);
    expect(countCases(c, 'measles')).toBe(0);
  });
});

describe('rate rules', () => {
  const scabies = rule('scabies_rate'); // 20 per 1,000, at least 3 cases

  it('fires at the rate per 1,000 of the population that week', () => {
    const hit = evaluateRule(scabies, week('2026-W10', cases('scabies', 3), 150), []);
    expect(hit).toMatchObject({ fired: true, reason: 'crossed', value: 20, cases: 3 });
    const miss = evaluateRule(scabies, week('2026-W10', cases('scabies', 3), 151), []);
    expect(miss.fired).toBe(false);
    expect(miss.reason).toBe('below');
    expect(miss.value).toBeCloseTo(19.87, 2);
  });

  it('needs its minimum of cases in a small centre', () => {
    const out = evaluateRule(scabies, week('2026-W10', cases('scabies', 2), 50), []);
    expect(out).toMatchObject({ fired: false, reason: 'below', value: 40 });
  });

  it.each([null, 0])('with population %s says so instead of dividing by zero', (population) => {
    const out = evaluateRule(scabies, week('2026-W10', cases('scabies', 30), population), []);
    expect(out).toMatchObject({ fired: false, reason: 'no_population', value: null, cases: 30 });
  });

  it('takes a minimum of 1 case when a rule does not say', () => {
    const parsed = alertRule.parse({ code: 'r1', syndrome: 'scabies', kind: 'rate', threshold: 5 });
    expect(parsed).toMatchObject({ minCases: 1, active: true });
    expect(evaluateRule(parsed, week('2026-W10', cases('scabies', 1), 100), []).fired).toBe(true);
  });
});

describe('share rules', () => {
  const share = rule('awd_share'); // 20% of consultations, at least 5 cases

  it('fires at the share of the week consultations', () => {
    const hit = evaluateRule(share, week('2026-W10', cases('acute_watery_diarrhoea', 6), 500, 30), []);
    expect(hit).toMatchObject({ fired: true, value: 0.2, reason: 'crossed' });
    const miss = evaluateRule(share, week('2026-W10', cases('acute_watery_diarrhoea', 6), 500, 31), []);
    expect(miss).toMatchObject({ fired: false, reason: 'below' });
  });

  it('needs its minimum of cases', () => {
    const out = evaluateRule(share, week('2026-W10', cases('acute_watery_diarrhoea', 4), 500, 5), []);
    expect(out).toMatchObject({ fired: false, value: 0.8, reason: 'below' });
  });

  it('with no consultations says so', () => {
    const out = evaluateRule(share, week('2026-W10', [], 500, 0), []);
    expect(out).toMatchObject({ fired: false, reason: 'no_consultations', value: null });
  });
});

describe('doubling rules', () => {
  const resp = rule('respiratory_doubling', 'doubling'); // ×2 over the mean of 3 weeks, at least 5 cases
  const syn = 'respiratory_infection_fever' as const;

  it('fires at twice the three-week mean, not below', () => {
    const prev = history('2026-W10', syn, [3, 4, 5]); // mean 4
    const hit = evaluateRule(resp, week('2026-W10', cases(syn, 8)), prev);
    expect(hit).toMatchObject({ fired: true, reason: 'crossed', value: 2, baseline: 4, cases: 8 });
    const miss = evaluateRule(resp, week('2026-W10', cases(syn, 7)), prev);
    expect(miss).toMatchObject({ fired: false, reason: 'below', value: 1.75, baseline: 4 });
  });

  it('compares with the exact mean (no rounding of a third)', () => {
    // 7 is exactly 2.1 × 10/3, yet 2.1 × (10 / 3) in floating point is just above 7.
    const r: AlertRule = { ...resp, threshold: 2.1, minCases: 1 };
    const prev = history('2026-W10', syn, [3, 3, 4]);
    expect(evaluateRule(r, week('2026-W10', cases(syn, 7)), prev)).toMatchObject({ fired: true, value: 2.1 });
    expect(evaluateRule(r, week('2026-W10', cases(syn, 6)), prev).fired).toBe(false);
  });

  it('needs its minimum of cases: 0 → 1 is not an outbreak', () => {
    const prev = history('2026-W10', syn, [0, 0, 0]);
    const one = evaluateRule(resp, week('2026-W10', cases(syn, 1)), prev);
    expect(one).toMatchObject({ fired: false, reason: 'below', value: null, baseline: 0 });
    const five = evaluateRule(resp, week('2026-W10', cases(syn, 5)), prev);
    expect(five).toMatchObject({ fired: true, reason: 'crossed', value: null, baseline: 0 });
  });

  it('waits for three weeks of history, then fires in the 4th week', () => {
    const weeks = ['2026-W10', '2026-W11', '2026-W12', '2026-W13'];
    const centre = weeks.map((w, i) => week(w, cases(syn, i === 3 ? 20 : 2)));
    for (let i = 0; i < 3; i++) {
      const out = evaluateRule(resp, centre[i]!, centre.slice(0, i));
      expect(out).toMatchObject({ fired: false, reason: 'insufficient_history', value: null });
      expect(out.baseline).toBeUndefined();
    }
    expect(evaluateRule(resp, centre[3]!, centre.slice(0, 3))).toMatchObject({
      fired: true,
      reason: 'crossed',
      baseline: 2,
      value: 10,
    });
  });

  it('treats a missing week as a gap in the history', () => {
    const prev = history('2026-W10', syn, [2, 2, 2]);
    const gap = [prev[0]!, prev[2]!];
    expect(evaluateRule(resp, week('2026-W10', cases(syn, 20)), gap).reason).toBe('insufficient_history');
  });

  it('reads week 53 and the weeks before it across the year end', () => {
    // 2026-W53 itself, with 2026-W50..W52 before it.
    const w53 = evaluateRule(resp, week('2026-W53', cases(syn, 12)), history('2026-W53', syn, [2, 3, 4]));
    expect(w53).toMatchObject({ fired: true, baseline: 3, value: 4 });
    // 2027-W01 compares with 2026-W51, W52 and W53.
    const prev = history('2027-W01', syn, [4, 4, 10]);
    expect(prev.map((w) => w.week)).toEqual(['2026-W51', '2026-W52', '2026-W53']);
    expect(evaluateRule(resp, week('2027-W01', cases(syn, 12)), prev)).toMatchObject({
      fired: true,
      baseline: 6,
    });
    expect(evaluateRule(resp, week('2027-W01', cases(syn, 11)), prev)).toMatchObject({
      fired: false,
      baseline: 6,
    });
    // Without week 53 the history has a gap: 2026-W52 is not the week before 2027-W01.
    expect(evaluateRule(resp, week('2027-W01', cases(syn, 30)), prev.slice(0, 2)).reason).toBe(
      'insufficient_history',
    );
  });

  it('applies its filter to the previous weeks too', () => {
    const r: AlertRule = { ...resp, minCases: 1, filter: { minAgeYears: 18 } };
    const prev = [10, 10, 10].map((n, i) =>
      week(addWeeks('2026-W10', i - 3), cases(syn, n, { ageYears: 5 })),
    );
    expect(evaluateRule(r, week('2026-W10', cases(syn, 1)), prev)).toMatchObject({
      fired: true,
      baseline: 0,
    });
  });
});

describe('evaluateRules', () => {
  it('evaluates the active rules in order and skips the inactive', () => {
    const rules: AlertRule[] = [
      { code: 'on', syndrome: 'measles', kind: 'count', threshold: 1, active: true },
      { code: 'off', syndrome: 'measles', kind: 'count', threshold: 1, active: false },
      { code: 'rate', syndrome: 'measles', kind: 'rate', threshold: 1, minCases: 1, active: true },
    ];
    const out = evaluateRules(rules, week('2026-W10', cases('measles', 1), null), []);
    expect(out.map((o) => [o.ruleCode, o.fired, o.reason])).toEqual([
      ['on', true, 'crossed'],
      ['rate', false, 'no_population'],
    ]);
  });

  it('runs the default rules on a quiet week without firing', () => {
    const out = evaluateRules(
      DEFAULT_ALERT_RULES,
      week('2026-W10', []),
      history('2026-W10', 'scabies', [0, 0, 0]),
    );
    expect(out).toHaveLength(DEFAULT_ALERT_RULES.length);
    expect(out.filter((o) => o.fired)).toEqual([]);
  });
});

describe('the rules as data', () => {
  it('the defaults are valid rules with unique codes and names', () => {
    for (const r of DEFAULT_ALERT_RULES) expect(alertRule.parse(r)).toEqual(r);
    const codes = DEFAULT_ALERT_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(DEFAULT_ALERT_RULE_LABELS).sort()).toEqual([...codes].sort());
  });

  it.each([
    [{ code: 'x1', syndrome: 'measles', kind: 'count', threshold: 0 }, false],
    [{ code: 'x1', syndrome: 'measles', kind: 'count', threshold: 1.5 }, false],
    [{ code: 'x1', syndrome: 'measles', kind: 'count', threshold: 1 }, true],
    [{ code: 'x1', syndrome: 'measles', kind: 'rate', threshold: 0 }, false],
    [{ code: 'x1', syndrome: 'measles', kind: 'rate', threshold: 0.5 }, true],
    [{ code: 'x1', syndrome: 'measles', kind: 'doubling', threshold: 1, minCases: 5 }, false],
    [{ code: 'x1', syndrome: 'measles', kind: 'doubling', minCases: 0 }, false],
    [{ code: 'x1', syndrome: 'measles', kind: 'doubling' }, false],
    [{ code: 'x1', syndrome: 'measles', kind: 'share', threshold: 1.2, minCases: 5 }, false],
    [{ code: 'x1', syndrome: 'measles', kind: 'share', threshold: 0.3, minCases: 5 }, true],
    [{ code: 'x1', syndrome: 'plague', kind: 'count', threshold: 1 }, false],
    [{ code: 'X 1', syndrome: 'measles', kind: 'count', threshold: 1 }, false],
    [
      { code: 'x1', syndrome: 'measles', kind: 'count', threshold: 1, filter: { severeDehydration: false } },
      false,
    ],
    [{ code: 'x1', syndrome: 'measles', kind: 'count', threshold: 1, extra: 1 }, false],
  ])('%j valid: %s', (input, ok) => {
    expect(alertRule.safeParse(input).success).toBe(ok);
  });

  it('a doubling is ×2 unless said', () => {
    expect(alertRule.parse({ code: 'd1', syndrome: 'scabies', kind: 'doubling', minCases: 5 })).toMatchObject(
      {
        threshold: 2,
      },
    );
  });
});

describe('alert statuses', () => {
  it('follow new → verified | discarded, verified → responded | discarded', () => {
    expect(canTransition('new', 'verified')).toBe(true);
    expect(canTransition('new', 'discarded')).toBe(true);
    expect(canTransition('new', 'responded')).toBe(false);
    expect(canTransition('verified', 'responded')).toBe(true);
    expect(canTransition('verified', 'discarded')).toBe(true);
    expect(canTransition('responded', 'discarded')).toBe(false);
    expect(canTransition('discarded', 'verified')).toBe(false);
    expect(Object.keys(ALERT_TRANSITIONS)).toEqual([...ALERT_STATUSES]);
  });

  it('a transition names a later status and the version read', () => {
    expect(alertTransition.safeParse({ status: 'verified', version: 1 }).success).toBe(true);
    expect(
      alertTransition.parse({ status: 'discarded', note: '  rash was an allergy ', version: 2 }).note,
    ).toBe('rash was an allergy');
    expect(alertTransition.safeParse({ status: 'new', version: 1 }).success).toBe(false);
    expect(alertTransition.safeParse({ status: 'verified' }).success).toBe(false);
    expect(alertTransition.safeParse({ status: 'verified', note: ' ', version: 1 }).success).toBe(false);
  });

  it('labels every kind, status and reason in three languages', () => {
    const tables = [
      [ALERT_RULE_KIND_LABELS, ALERT_RULE_KINDS],
      [ALERT_STATUS_LABELS, ALERT_STATUSES],
      [RULE_OUTCOME_REASON_LABELS, RULE_OUTCOME_REASONS],
    ] as const;
    for (const [table, codes] of tables) {
      expect(Object.keys(table)).toEqual([...codes]);
      for (const { en, ar, fr } of Object.values(table)) {
        expect(new Set([en, ar, fr]).size).toBe(3);
        expect(ar).toMatch(/[\u0600-\u06ff]/);
      }
    }
  });
});

describe('rate rule property', () => {
  it('never fires and never throws without a population', () => {
    const anyCase = fc.record({
      personId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      syndrome: fc.constantFrom<Syndrome>('scabies', 'acute_watery_diarrhoea', 'measles'),
      ageYears: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      severeDehydration: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(anyCase, { maxLength: 40 }),
        fc.constantFrom(null, 0),
        fc.nat(1000),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        fc.integer({ min: 1, max: 50 }),
        (c, population, consultations, threshold, minCases) => {
          const r: AlertRule = {
            code: 'r',
            syndrome: 'scabies',
            kind: 'rate',
            threshold,
            minCases,
            active: true,
          };
          const out = evaluateRule(r, week('2026-W53', c, population, consultations), []);
          expect(out).toMatchObject({ fired: false, reason: 'no_population', value: null });
          expect(out.cases).toBe(countCases(c, 'scabies'));
        },
      ),
    );
  });
});
