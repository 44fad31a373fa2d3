import { describe, expect, it } from 'vitest';
import { embassyAnswers, embassyLanguage, embassyRequestCreate } from './embassy';

describe('the language of an embassy’s list', () => {
  it('is Arabic for Arabic-speaking countries, French for francophone ones, English otherwise', () => {
    expect(embassyLanguage('SDN')).toBe('ar');
    expect(embassyLanguage('EGY')).toBe('ar');
    expect(embassyLanguage('SEN')).toBe('fr');
    expect(embassyLanguage('NER')).toBe('fr');
    expect(embassyLanguage('NGA')).toBe('en');
    expect(embassyLanguage(null)).toBe('en');
  });
});

describe('embassy request input', () => {
  const id = '01a2338e-5dde-7615-9b05-23a415880162';
  it('takes a country code and an optional language, nothing else', () => {
    expect(embassyRequestCreate.safeParse({ embassyOrganisationId: id, nationality: 'SDN' }).success).toBe(
      true,
    );
    expect(embassyRequestCreate.safeParse({ embassyOrganisationId: id, nationality: 'sd' }).success).toBe(
      false,
    );
    expect(
      embassyRequestCreate.safeParse({ embassyOrganisationId: id, nationality: 'SDN', phone: 'x' }).success,
    ).toBe(false);
  });

  it('takes one answer per case', () => {
    const answer = { caseId: id, answer: 'confirmed' };
    const body = (answers: unknown[]) => ({ version: 1, answeredOn: '2026-11-02', answers });
    expect(embassyAnswers.safeParse(body([answer])).success).toBe(true);
    expect(embassyAnswers.safeParse(body([answer, answer])).success).toBe(false);
    expect(embassyAnswers.safeParse(body([])).success).toBe(false);
    expect(embassyAnswers.safeParse(body([{ caseId: id, answer: 'maybe' }])).success).toBe(false);
  });
});
