import { describe, expect, it } from 'vitest';
import { validateAnswers } from './answers';
import { personFacts, sensitiveKeys, visibility } from './conditions';
import { DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_V1 } from './default-template';
import { FLAG_LABELS, FLAGS, type LocalisedText, RISK_LEVEL_LABELS, RISK_LEVELS } from './flags';
import { BASE } from './screening.fixtures';
import {
  type PersonFacts,
  type ScreeningTemplateInput,
  screeningTemplate,
  templateProblems,
} from './template';
import { findTemplate, SCREENING_TEMPLATES } from './templates';

const text = (en: string): LocalisedText => ({ en, ar: 'نص', fr: en });

/** A small valid template to break in one place at a time. */
const small = (): ScreeningTemplateInput => ({
  key: 'small',
  version: 1,
  title: text('Small'),
  sections: [
    {
      key: 's',
      title: text('S'),
      questions: [
        { key: 'a', type: 'yes_no', label: text('A?') },
        { key: 'n', type: 'number', label: text('N?') },
        {
          key: 'c',
          type: 'single_choice',
          label: text('C?'),
          options: [
            { value: 'x', label: text('X'), indicator: true },
            { value: 'y', label: text('Y') },
          ],
        },
        {
          key: 'm',
          type: 'multi_choice',
          label: text('M?'),
          showIf: { answer: 'a', equals: 'yes' },
          options: [
            { value: 'p', label: text('P') },
            { value: 'q', label: text('Q') },
          ],
        },
        { key: 'note', type: 'text', label: text('Note'), sensitive: true },
      ],
    },
  ],
  rules: [
    { key: 'r1', flag: 'child', when: { answer: 'a', equals: 'yes' }, description: text('R1') },
    { key: 'r2', level: 'high', when: { flag: 'child' }, description: text('R2') },
  ],
});

/** The issues of the small template with one value replaced (undefined: taken out). */
const issues = (path: (string | number)[], value: unknown): string[] => {
  const t = small();
  let at = t as unknown as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined) delete at[last];
  else at[last] = value;
  const r = screeningTemplate.safeParse(t);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};
const Q = (i: number, field: string) => ['sections', 0, 'questions', i, field];
const WHEN = ['rules', 0, 'when'];

describe('screening template schema', () => {
  it('accepts a valid template, with defaults filled in', () => {
    const t = screeningTemplate.parse(small());
    expect(t.sections[0]!.questions[0]!.required).toBe(false);
    expect(sensitiveKeys(t)).toEqual(['note']);
  });

  // biome-ignore format: a table reads best one row a line
  it.each<[string, (string | number)[], unknown, string]>([
    ['duplicate question', Q(1, 'key'), 'a', 'sections.0.questions.1.key: Duplicate question a'],
    ['duplicate rule', ['rules', 1, 'key'], 'r1', 'rules.1.key: Duplicate rule r1'],
    ['a yes/no tested for "no"', WHEN, { answer: 'a', equals: 'no' }, 'rules.0.when: A yes/no condition can only test "yes"'],
    ['a choice not marked indicator', WHEN, { answer: 'c', equals: 'y' }, 'rules.0.when: Option y of c is not marked as an indicator'],
    ['includes on a missing option', WHEN, { answer: 'm', includes: 'z' }, 'rules.0.when: z is not an option of m'],
    ['a comparison on text', WHEN, { answer: 'note', lt: 3 }, 'rules.0.when: Comparisons apply only to a number question'],
    ['an unknown question', WHEN, { any: [{ answer: 'zz', gte: 1 }] }, 'rules.0.when.any.0.answer: No question zz'],
    ['a flag raised only later', ['rules'], small().rules.reverse(), 'rules.0.when: No earlier rule raises the flag child'],
    ['count above its conditions', WHEN, { count: [{ answer: 'n', gt: 1 }], atLeast: 2 }, 'rules.0.when.atLeast: More than there are conditions to count'],
    ['showIf on a later question', Q(0, 'showIf'), { answer: 'n', gt: 1 }, 'sections.0.questions.0.showIf.answer: showIf may only test an earlier question'],
    ['showIf on a flag', Q(1, 'showIf'), { flag: 'child' }, 'sections.0.questions.1.showIf: showIf may only test answers'],
    ['a choice without options', Q(2, 'options'), undefined, 'sections.0.questions.2.options: A choice needs options'],
    ['options on a number', Q(1, 'options'), small().sections[0]!.questions[3]!.options, 'sections.0.questions.1.options: Only choices have options'],
    ['a rule with neither flag nor level', ['rules', 0, 'flag'], undefined, 'rules.0: A rule raises a flag, a level or both'],
    ['negation', WHEN, { not: { answer: 'a', equals: 'yes' } }, 'rules.0.when: Invalid input'],
    ['a key that is not snake_case', Q(0, 'key'), 'Has Space', 'sections.0.questions.0.key: Use a snake_case key: a-z, 0-9 and _, up to 60'],
    ['a label missing its Arabic', Q(0, 'label'), { en: 'A?', fr: 'A ?' }, 'sections.0.questions.0.label.ar: Invalid input: expected string, received undefined'],
  ])('refuses %s', (_, path, value, expected) => {
    expect(issues(path, value)).toContain(expected);
  });
});

describe('default template', () => {
  it('is valid, versioned and registered', () => {
    expect(screeningTemplate.safeParse(DEFAULT_TEMPLATE).success).toBe(true);
    expect([DEFAULT_TEMPLATE.key, DEFAULT_TEMPLATE.version]).toEqual(['vulnerability', 2]);
    expect(findTemplate('vulnerability')).toBe(DEFAULT_TEMPLATE);
    expect(findTemplate('vulnerability', 2)).toBe(DEFAULT_TEMPLATE);
    expect(findTemplate('vulnerability', 1)).toBe(DEFAULT_TEMPLATE_V1);
    expect(findTemplate('vulnerability', 3)).toBeUndefined();
    expect(SCREENING_TEMPLATES.map((t) => `${t.key}@${t.version}`)).toEqual([
      'vulnerability@1',
      'vulnerability@2',
    ]);
  });

  it('asks about pregnancy only of women and girls of ten or more, or when the record does not say', () => {
    const asked = (facts?: PersonFacts) =>
      visibility(DEFAULT_TEMPLATE, {}, facts).shown.includes('he_pregnant');
    expect(asked({ sex: 'male', age: 30 })).toBe(false);
    expect(asked({ sex: 'female', age: 30 })).toBe(true);
    expect(asked({ sex: 'female', age: 6 })).toBe(false);
    expect(asked({ sex: 'female', age: null })).toBe(true);
    expect(asked({ sex: 'unknown', age: 25 })).toBe(true);
    expect(asked({ sex: null, age: null })).toBe(true);
    expect(asked()).toBe(true);
    // the trimester follows the pregnancy question: hidden with it for a man
    const man = { sex: 'male', age: 30 } as const;
    expect(validateAnswers(DEFAULT_TEMPLATE, { ...BASE, he_pregnant: 'no' }, man)).toEqual([
      { path: 'answers.he_pregnant', message: 'Not asked: it does not apply to this person' },
    ]);
    expect(
      validateAnswers(DEFAULT_TEMPLATE, { ...BASE, he_pregnant: 'no' }, { sex: 'female', age: 30 }),
    ).toEqual([]);
    // version 1 asked everyone: its answers stay valid as they were
    expect(validateAnswers(DEFAULT_TEMPLATE_V1, { ...BASE, he_pregnant: 'no' }, man)).toEqual([]);
    expect(personFacts({ sex: 'female', birthDate: '2010-06-01' }, '2026-11-01')).toEqual({
      sex: 'female',
      age: 16,
    });
    expect(personFacts({ sex: 'x' }, '2026-11-01')).toEqual({ sex: null, age: null });
  });

  it('lets only showIf test the person, never a rule', () => {
    const problems = templateProblems({
      sections: DEFAULT_TEMPLATE.sections,
      rules: [
        {
          key: 'by_sex',
          level: 'high',
          description: { en: 'x', ar: 'x', fr: 'x' },
          when: { person: 'sex', in: ['female'] },
        },
      ],
    });
    expect(problems).toEqual([{ path: ['rules', 0, 'when'], message: 'Only showIf may test the person' }]);
  });

  it('covers the five areas, and leaves interview metadata out', () => {
    expect(DEFAULT_TEMPLATE.sections.map((s) => s.key)).toEqual([
      'children',
      'health',
      'trafficking',
      'international_protection',
      'violence',
    ]);
    const keys = DEFAULT_TEMPLATE.sections.flatMap((s) => s.questions.map((q) => q.key));
    expect(keys.filter((k) => /interpret|language|consent_given/.test(k))).toEqual([]);
    expect(sensitiveKeys(DEFAULT_TEMPLATE)).toEqual(['he_notes', 'tr_notes', 'ip_notes', 'vi_notes']);
  });

  it('raises every flag through some rule', () => {
    expect(new Set(DEFAULT_TEMPLATE.rules.map((r) => r.flag).filter(Boolean))).toEqual(new Set(FLAGS));
  });

  it('has every text in English, Arabic and French', () => {
    const texts: [string, LocalisedText][] = [['title', DEFAULT_TEMPLATE.title]];
    for (const s of DEFAULT_TEMPLATE.sections) {
      texts.push([`${s.key}.title`, s.title]);
      for (const q of s.questions) {
        texts.push([`${q.key}.label`, q.label]);
        if (q.help) texts.push([`${q.key}.help`, q.help]);
        for (const o of q.options ?? []) texts.push([`${q.key}.${o.value}`, o.label]);
      }
    }
    for (const r of DEFAULT_TEMPLATE.rules) texts.push([`rule ${r.key}`, r.description]);
    for (const f of FLAGS) texts.push([`flag ${f}`, FLAG_LABELS[f]]);
    for (const l of RISK_LEVELS) texts.push([`level ${l}`, RISK_LEVEL_LABELS[l]]);
    expect(texts.length).toBeGreaterThan(120);
    const arabic = /[\u0621-\u064A]/;
    const problems = texts.flatMap(([where, t]) => [
      ...(['en', 'ar', 'fr'] as const).filter((l) => t[l].trim() === '').map((l) => `${where}: no ${l}`),
      ...(arabic.test(t.ar) ? [] : [`${where}: ar has no Arabic letters`]),
      ...(arabic.test(t.en) || arabic.test(t.fr) ? [`${where}: Arabic in en or fr`] : []),
    ]);
    expect(problems).toEqual([]);
  });
});
