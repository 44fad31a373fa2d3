import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from '../../../../domain/protection/default-template.ts';
import { questionsOf } from '../../../../domain/protection/template.ts';
import type { Localised } from '../labels.ts';
import { answerErrors, answerText, withAnswer } from './answers.ts';
import { overriddenOutcome } from './OverridePanel.tsx';

const t = ((key: string) => key) as unknown as TFunction;
const l = { text: (x?: { en: string }) => x?.en ?? '' } as unknown as Localised;
const question = (key: string) => questionsOf(DEFAULT_TEMPLATE).find((q) => q.key === key)!;

describe('screening answers in the form', () => {
  it('drops empty answers instead of sending them', () => {
    let a = withAnswer({}, 'age', 27);
    a = withAnswer(a, 'he_notes', '   ');
    a = withAnswer(a, 'tr_recruitment', []);
    expect(a).toEqual({ age: 27 });
    expect(withAnswer(a, 'age', undefined)).toEqual({});
  });

  it('marks unanswered required questions with the translated word, on answers.<key>', () => {
    const errors = answerErrors(DEFAULT_TEMPLATE, { ch_minor: 'no' }, t);
    expect(errors['answers.he_urgent_care']).toBe('validation.required');
    expect(errors['answers.ch_minor']).toBeUndefined();
    // hidden questions are not required: the GBV question waits for consent to ask
    expect(errors['answers.vi_gbv']).toBeUndefined();
  });

  it('keeps the domain’s reason for an answer that is not valid', () => {
    const errors = answerErrors(DEFAULT_TEMPLATE, { age: 400 }, t);
    expect(errors['answers.age']).toBe('validation.invalid — At most 120');
  });

  it('reads answers in words', () => {
    expect(answerText(question('tr_forced_labour'), 'yes', t, l)).toBe('screening.values.yes');
    expect(answerText(question('tr_recruitment'), ['abducted', 'sold'], t, l)).toBe(
      'Taken by force or kidnapped; Sold or handed over to someone for money',
    );
    expect(answerText(question('age'), undefined, t, l)).toBe('—');
  });

  it('applies an override as the server does: added and removed flags, the level set', () => {
    const computed = {
      riskLevel: 'high' as const,
      flags: ['trafficking_victim_suspected' as const],
      matchedRules: [],
    };
    const off = { on: false, riskLevel: null, flagsAdded: [], flagsRemoved: [], reason: '' };
    expect(overriddenOutcome(computed, off)).toBeNull();
    expect(
      overriddenOutcome(computed, {
        on: true,
        riskLevel: 'critical',
        flagsAdded: ['child'],
        flagsRemoved: ['trafficking_victim_suspected'],
        reason: 'Age assessment pending',
      }),
    ).toEqual({ riskLevel: 'critical', flags: ['child'] });
    // the domain refuses a flag both added and removed: no preview rather than a guess
    expect(
      overriddenOutcome(computed, {
        on: true,
        riskLevel: null,
        flagsAdded: ['child'],
        flagsRemoved: ['child'],
        reason: '',
      }),
    ).toBeNull();
  });
});
