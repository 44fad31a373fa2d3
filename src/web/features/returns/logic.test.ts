import { describe, expect, it } from 'vitest';
import { createReturnCase } from '../../../domain/returns/cases.ts';
import {
  blankToUndefined,
  caseSteps,
  daysKey,
  embassyOf,
  emptyCase,
  listFilters,
  newCasePayload,
  personReturnsView,
  refusal,
  showsReturnsTab,
  spanDays,
  timeline,
  withPerson,
} from './logic.ts';
import type { ReturnCaseSummary } from './types.ts';

const block = (code: string) => ({ code, message: code }) as never;

describe('the case page’s next steps', () => {
  const next = [
    { state: 'protection_cleared' as const, blockers: [block('protection_not_cleared')] },
    { state: 'withdrawn' as const, blockers: [] },
    { state: 'ineligible' as const, blockers: [block('reason_required')] },
  ];

  it('offers the unblocked steps when the server allows transitions, exits after forward steps', () => {
    const steps = caseSteps({ allowedActions: ['transition'], next });
    expect(steps.map((s) => [s.state, s.offered])).toEqual([
      ['protection_cleared', false],
      ['withdrawn', true],
      ['ineligible', true],
    ]);
  });

  it('shows a blocked step disabled with its blockers', () => {
    const [blocked] = caseSteps({ allowedActions: ['transition'], next });
    expect(blocked).toMatchObject({ offered: false, blockers: ['protection_not_cleared'], exit: false });
  });

  it('never offers a step without `transition` in allowedActions', () => {
    const steps = caseSteps({ allowedActions: ['update'], next });
    expect(steps.filter((s) => s.offered)).toEqual([]);
    // the blocked one still says what is missing; the others are not shown to this reader
    expect(steps.map((s) => s.state)).toEqual(['protection_cleared']);
  });

  it('asks for a reason on withdrawn, ineligible and no-show, which is no blocker', () => {
    const steps = caseSteps({ allowedActions: ['transition'], next });
    expect(steps.find((s) => s.state === 'ineligible')).toMatchObject({ needsReason: true, blockers: [] });
    expect(steps.find((s) => s.state === 'protection_cleared')?.needsReason).toBe(false);
    const booked = caseSteps({
      allowedActions: ['transition'],
      next: [{ state: 'no_show', blockers: [] }],
    });
    expect(booked[0]).toMatchObject({ needsReason: true, exit: true });
  });

  it('leaves out a step the machine has no edge to', () => {
    const steps = caseSteps({
      allowedActions: ['transition'],
      next: [{ state: 'departed', blockers: [block('not_allowed')] }],
    });
    expect(steps).toEqual([]);
  });
});

describe('the history', () => {
  const now = new Date('2026-03-20T12:00:00Z');
  const spans = [
    {
      state: 'counselled' as const,
      enteredAt: '2026-03-05T09:00:00Z',
      leftAt: null,
      byName: 'B',
      reason: null,
    },
    {
      state: 'requested' as const,
      enteredAt: '2026-03-01T09:00:00Z',
      leftAt: '2026-03-05T09:00:00Z',
      byName: 'A',
      reason: null,
    },
  ];

  it('counts whole days, until now for the current state', () => {
    expect(spanDays(spans[1]!, now)).toBe(4);
    expect(spanDays(spans[0]!, now)).toBe(15);
    expect(spanDays({ enteredAt: '2026-03-20T11:00:00Z', leftAt: null }, now)).toBe(0);
  });

  it('lists the states oldest first, marking the current one', () => {
    const t = timeline(spans, now);
    expect(t.map((s) => [s.state, s.days, s.current, s.byName])).toEqual([
      ['requested', 4, false, 'A'],
      ['counselled', 15, true, 'B'],
    ]);
  });

  it('says "today" under a day', () => {
    expect(daysKey(0.4)).toEqual({ key: 'returns.days.today', n: 0 });
    expect(daysKey(3.7)).toEqual({ key: 'returns.days.count', n: 3 });
  });
});

describe('a person’s returns', () => {
  const summary = { id: 'c1', state: 'counselled' } as ReturnCaseSummary;

  it('shows the cases to returns readers and the flag to clinicians', () => {
    expect(personReturnsView({ items: [summary] })).toEqual({ kind: 'cases', items: [summary] });
    expect(personReturnsView({ inProgress: true, state: 'booked' })).toEqual({
      kind: 'flag',
      inProgress: true,
      state: 'booked',
    });
    expect(personReturnsView({ flag: { inProgress: false, state: 'closed' } })).toEqual({
      kind: 'flag',
      inProgress: false,
      state: null,
    });
    expect(personReturnsView(undefined)).toBeNull();
    // the server's answer to a returns reader carries the flag too: the cases win
    expect(personReturnsView({ items: [summary], inProgress: true, state: 'counselled' })).toEqual({
      kind: 'cases',
      items: [summary],
    });
  });

  it('shows the tab only when there is something to see', () => {
    expect(showsReturnsTab(personReturnsView({ items: [summary] }))).toBe(true);
    expect(showsReturnsTab(personReturnsView({ items: [] }))).toBe(false);
    expect(showsReturnsTab(personReturnsView({ inProgress: true, state: 'booked' }))).toBe(true);
    expect(showsReturnsTab(personReturnsView({ inProgress: false, state: null }))).toBe(false);
    expect(showsReturnsTab(null)).toBe(false);
  });
});

describe('the new case form', () => {
  const person = {
    id: '0b6f7a4e-4c1e-4f7e-9a53-1d2c3b4a5e6f',
    name: 'A B',
    registrationNumber: 'R1',
    nationality: 'NGA',
  };
  const embassies = [
    { id: 'e-nga', countryCode: 'NGA' },
    { id: 'e-ner', countryCode: 'NER' },
    { id: 'e-ner2', countryCode: 'NER' },
  ];

  it('defaults the country of return to the nationality and the embassy to that country’s', () => {
    const v = withPerson(emptyCase('2026-03-01'), person, embassies);
    expect(v.destinationCountry).toBe('NGA');
    expect(v.embassyOrganisationId).toBe('e-nga');
  });

  it('keeps what the officer chose, and picks no embassy when several could be meant', () => {
    const chosen = { ...emptyCase('2026-03-01'), destinationCountry: 'NER' };
    const v = withPerson(chosen, person, embassies);
    expect(v.destinationCountry).toBe('NER');
    expect(v.embassyOrganisationId).toBeNull();
    expect(embassyOf(embassies, null)).toBeNull();
  });

  it('builds a body the shared schema accepts, and one it refuses without a person', () => {
    const v = withPerson(emptyCase('2026-03-01'), person, []);
    const ok = createReturnCase.safeParse(newCasePayload(v));
    expect(ok.success).toBe(true);
    const missing = createReturnCase.safeParse(newCasePayload(emptyCase('2026-03-01')));
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path[0])).toEqual(
      expect.arrayContaining(['personId', 'destinationCountry']),
    );
  });
});

describe('the list’s filters', () => {
  it('maps the address’s short names to the API’s', () => {
    expect(listFilters({ state: 'booked', centre: 'c', project: 'p', nationality: 'NGA', q: 'x' })).toEqual({
      state: 'booked',
      nationality: 'NGA',
      centreId: 'c',
      projectId: 'p',
      q: 'x',
    });
  });
});

describe('a refused step', () => {
  it('names each blocker the server gave, so the page labels it in the reader’s language', () => {
    const errors = [
      { path: 'to', message: 'No valid consent to return is recorded' },
      { path: 'to', message: 'Something new' },
      { path: 'version', message: 'stale' },
    ];
    expect(refusal(errors)).toEqual(['no_consent', 'Something new']);
  });
});

describe('the document forms', () => {
  it('send an empty field as missing, so the schema says it is required', () => {
    expect(
      blankToUndefined({ number: ' ', issuedOn: '', issuingOrganisationId: null, type: 'passport' }),
    ).toEqual({
      number: undefined,
      issuedOn: undefined,
      issuingOrganisationId: undefined,
      type: 'passport',
    });
  });
});
