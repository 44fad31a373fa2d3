import { describe, expect, it } from 'vitest';
import { answersFor, validateAnswers } from './answers';
import { DEFAULT_TEMPLATE } from './default-template';
import { screeningOutcome } from './outcome';
import { BASE, type Patch, patch } from './screening.fixtures';
import { question, type ScreeningTemplate } from './template';

const errorsFor = (p: Patch) => validateAnswers(DEFAULT_TEMPLATE, patch(BASE, p));

describe('validateAnswers', () => {
  it('accepts a complete screening', () => {
    expect(validateAnswers(DEFAULT_TEMPLATE, BASE)).toEqual([]);
  });

  it.each<[string, Patch, string]>([
    ['an unknown question', { tr_smuggler_name: 'x' }, 'Not a question of this template'],
    ['yes/no with another word', { ip_fear_of_return: 'unknown' }, 'Answer yes, no'],
    ['yes/no/unknown with a boolean', { tr_ransom: true as never }, 'Answer yes, no, unknown'],
    ['a number as a string', { age: '15' }, 'Enter a number'],
    ['a number out of range', { age: 150 }, 'At most 120'],
    ['a fraction where whole years are asked', { age: 45.5 }, 'Enter a whole number'],
    ['a single choice not offered', { he_pregnant: 'yes', he_trimester: 'fourth' }, 'Not an option: fourth'],
    ['a multi-choice not offered', { tr_recruitment: ['own_decision', 'lottery'] }, 'Not an option: lottery'],
    ['a multi-choice as a string', { tr_recruitment: 'abducted' }, 'Choose a list of options'],
    ['a multi-choice chosen twice', { tr_recruitment: ['sold', 'sold'] }, 'An option is chosen twice'],
    ['a required multi-choice left empty', { tr_recruitment: [] }, 'Choose at least one'],
    ['blank text', { tr_notes: '   ' }, 'Enter some text or leave the question out'],
    ['text with control characters', { tr_notes: 'a\u0007b' }, 'Control characters are not allowed'],
    [
      'text too long',
      { ip_unhcr_registered: 'yes', ip_unhcr_number: 'x'.repeat(41) },
      'At most 40 characters',
    ],
  ])('refuses %s', (_, p, message) => {
    const key = Object.keys(p).at(-1)!;
    expect(errorsFor(p)).toEqual([{ path: `answers.${key}`, message: expect.stringContaining(message) }]);
  });

  it('requires questions when they are shown, and only then', () => {
    expect(errorsFor({ age: 15 })).toEqual([{ path: 'answers.ch_separated', message: 'Required' }]);
    expect(errorsFor({ ch_minor: undefined })).toEqual([{ path: 'answers.ch_minor', message: 'Required' }]);
    expect(errorsFor({ ip_fear_of_return: 'yes' })).toEqual([
      { path: 'answers.ip_fear_reasons', message: 'Required' },
    ]);
    expect(errorsFor({ he_pregnant: undefined, age: undefined })).toEqual([]);
  });

  it('refuses answers to questions that were not asked: no GBV answer without consent to ask', () => {
    expect(errorsFor({ vi_gbv: 'yes' })).toEqual([
      { path: 'answers.vi_gbv', message: 'Not asked: an earlier answer hides this question' },
    ]);
    expect(errorsFor({ vi_gbv_consent: 'yes', vi_gbv: 'yes' })).toEqual([]);
    // a hidden question hides those that depend on it
    expect(errorsFor({ ch_with_whom: 'alone' }).map((e) => e.path)).toEqual(['answers.ch_with_whom']);
  });

  it('lists every error, in interview order, unknown keys last', () => {
    const errors = validateAnswers(DEFAULT_TEMPLATE, { zz: 1, age: -1 });
    expect(errors[0]).toEqual({ path: 'answers.age', message: 'At least 0' });
    expect(errors.at(-1)).toEqual({ path: 'answers.zz', message: 'Not a question of this template' });
    expect(errors.length).toBeGreaterThan(15);
  });

  it('refuses what is not an object', () => {
    for (const bad of [null, [], 'yes', 3])
      expect(validateAnswers(DEFAULT_TEMPLATE, bad)).toEqual([
        { path: 'answers', message: 'Answers are an object of question keys' },
      ]);
  });

  it('exists as a Zod schema for forms, with the question key as the path', () => {
    const schema = answersFor(DEFAULT_TEMPLATE);
    expect(schema.parse(BASE)).toEqual(BASE);
    const r = schema.safeParse(patch(BASE, { age: 200 }));
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['age', 'At most 120']]);
  });
});

describe('date answers', () => {
  const arrivedOn = question.parse({
    key: 'arrived_on',
    label: { en: 'Arrived on', ar: 'تاريخ الوصول', fr: 'Arrivé le' },
    type: 'date',
  });
  const template: ScreeningTemplate = {
    ...DEFAULT_TEMPLATE,
    sections: [
      ...DEFAULT_TEMPLATE.sections,
      { key: 'journey', title: { en: 'Journey', ar: 'الرحلة', fr: 'Parcours' }, questions: [arrivedOn] },
    ],
  };
  const problems = (v: string) =>
    validateAnswers(template, { ...BASE, arrived_on: v }).filter((e) => e.path === 'answers.arrived_on');

  it('takes a real, plausible date and refuses impossible or implausible ones', () => {
    expect(problems('2019-07-14')).toEqual([]);
    expect(problems('2026-02-30')).toEqual([
      { path: 'answers.arrived_on', message: 'Use a date as YYYY-MM-DD' },
    ]);
    for (const v of ['0001-01-01', '9999-12-31'])
      expect(problems(v)).toEqual([
        { path: 'answers.arrived_on', message: 'Not a plausible date: before 1900 or in the future' },
      ]);
  });
});

describe('answers to questions not asked', () => {
  it('count for nothing in the outcome', () => {
    const hidden = { ...BASE, vi_gbv: 'yes', ch_with_whom: 'alone' };
    expect(screeningOutcome(DEFAULT_TEMPLATE, hidden).flags).toEqual([]);
  });
});
