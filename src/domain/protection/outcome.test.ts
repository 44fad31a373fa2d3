import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { DEFAULT_TEMPLATE } from './default-template';
import {
  applyOverride,
  finalOutcome,
  type OutcomeOverride,
  type ScreeningOutcome,
  screeningOutcome,
} from './outcome';
import { BASE, patch } from './screening.fixtures';

const trafficked: ScreeningOutcome = screeningOutcome(
  DEFAULT_TEMPLATE,
  patch(BASE, { tr_debt: 'yes', tr_debt_bondage: 'yes', tr_ransom: 'yes' }),
);

describe('screeningOutcome', () => {
  it('explains itself: the rules that matched, in template order', () => {
    expect(trafficked).toEqual({
      flags: ['trafficking_victim_suspected'],
      riskLevel: 'high',
      matchedRules: ['tr_debt_bondage', 'tr_ransom', 'tr_debt', 'tr_two_or_more_signs'],
    });
  });

  it('lists flags in vocabulary order, once each', () => {
    const o = screeningOutcome(
      DEFAULT_TEMPLATE,
      patch(BASE, { vi_torture: 'yes', age: 16, ch_separated: 'yes', ch_with_whom: 'alone' }),
    );
    expect(o.flags).toEqual(['child', 'unaccompanied_child', 'torture_survivor']);
    expect(o.riskLevel).toBe('critical');
  });

  it('is pure: the same answers give the same outcome, and the answers are not changed', () => {
    const answers = patch(BASE, { he_urgent_care: 'yes' });
    const copy = structuredClone(answers);
    expect(screeningOutcome(DEFAULT_TEMPLATE, answers)).toEqual(screeningOutcome(DEFAULT_TEMPLATE, answers));
    expect(answers).toEqual(copy);
  });

  it('ignores answers of the wrong type rather than failing', () => {
    const o = screeningOutcome(DEFAULT_TEMPLATE, { age: '12', tr_recruitment: 'sold' });
    expect(o).toEqual({ flags: [], riskLevel: 'low', matchedRules: [] });
  });
});

describe('applyOverride', () => {
  const reason = 'Seen by the clinic: the injury is old and healed; ransom confirmed by UNHCR.';

  it('sets the level, adds and removes flags, and keeps the computed outcome beside it', () => {
    const final = applyOverride(trafficked, {
      riskLevel: 'critical',
      flagsAdded: ['torture_survivor', 'trafficking_victim_suspected'],
      flagsRemoved: [],
      reason: `  ${reason}  `,
    });
    expect(final).toEqual({
      flags: ['trafficking_victim_suspected', 'torture_survivor'],
      riskLevel: 'critical',
      matchedRules: trafficked.matchedRules,
      computedFlags: ['trafficking_victim_suspected'],
      computedRisk: 'high',
      overrideReason: reason,
    });
  });

  it('may lower the level and remove a flag, with a reason', () => {
    const final = applyOverride(trafficked, {
      riskLevel: 'medium',
      flagsRemoved: ['trafficking_victim_suspected'],
      reason,
    });
    expect([final.flags, final.riskLevel, final.computedRisk]).toEqual([[], 'medium', 'high']);
  });

  it('keeps the computed level when the override sets none', () => {
    expect(applyOverride(trafficked, { flagsAdded: ['disability'], reason }).riskLevel).toBe('high');
  });

  it.each<[string, OutcomeOverride, string]>([
    ['without a reason', { riskLevel: 'low' } as OutcomeOverride, 'reason'],
    ['with a blank reason', { riskLevel: 'low', reason: '            ' }, 'reason'],
    ['with a reason too short to say why', { riskLevel: 'low', reason: 'mistake' }, 'reason'],
    [
      'adding and removing one flag',
      { flagsAdded: ['child'], flagsRemoved: ['child'], reason },
      'flagsRemoved',
    ],
    ['with an unknown flag', { flagsAdded: ['vip' as never], reason }, 'flagsAdded.0'],
    ['with an unknown level', { riskLevel: 'extreme' as never, reason }, 'riskLevel'],
  ])('is refused %s, naming the field', (_, override, path) => {
    let error: unknown;
    try {
      applyOverride(trafficked, override);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.path.join('.'))).toContain(path);
  });

  it('finalOutcome without an override is the computed outcome', () => {
    expect(finalOutcome(trafficked)).toEqual({
      ...trafficked,
      computedFlags: trafficked.flags,
      computedRisk: 'high',
      overrideReason: null,
    });
    expect(finalOutcome(trafficked, { riskLevel: 'low', reason }).riskLevel).toBe('low');
  });
});
