import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Blocker,
  checkTransition,
  NO_FACTS,
  possibleNext,
  RETURN_STATES,
  type ReturnFacts,
  type ReturnState,
} from './states';

// The return case's state machine, pair by pair against issue 13's table written out here (not
// read from TRANSITIONS), each guard's blocker, and a property: no random walk reaches `departed`
// unless, at that very step, consent, the protection gate, the travel document, the exit visa and
// fitness to travel all hold on the departure date.

const W = ['withdrawn', 'ineligible'] as const;
/** Issue 13: the forward path, exits before departure, no-show back to booked or out. */
const TABLE: Record<ReturnState, readonly ReturnState[]> = {
  requested: ['counselled', ...W],
  counselled: ['consented', ...W],
  consented: ['protection_cleared', ...W],
  protection_cleared: ['nationality_confirmed', ...W],
  nationality_confirmed: ['travel_document_issued', ...W],
  travel_document_issued: ['exit_cleared', ...W],
  exit_cleared: ['fit_to_travel', ...W],
  fit_to_travel: ['booked', ...W],
  booked: ['departed', 'no_show', ...W],
  departed: ['arrived'],
  arrived: ['reintegration_planned', 'closed'],
  reintegration_planned: ['reintegration_in_progress', 'closed'],
  reintegration_in_progress: ['closed'],
  closed: [],
  withdrawn: [],
  ineligible: [],
  no_show: ['booked', ...W],
};

const TODAY = '2026-11-02';
const DEPARTS = '2026-11-20';
/** Every fact a case could have: every transition of the table passes its guards. */
const ALL: ReturnFacts = {
  today: TODAY,
  consent: true,
  protection: 'not_flagged',
  nationalityConfirmed: true,
  travelDocumentValidUntil: '2027-02-01',
  exitClearanceValidUntil: '2027-01-15',
  fitnessValidUntil: '2026-12-31',
  departureDate: DEPARTS,
  departureConfirmed: true,
  arrivalConfirmed: true,
  reintegrationPlanned: true,
  reintegrationStarted: true,
};

describe('every pair of states (17 × 17)', () => {
  const pairs = RETURN_STATES.flatMap((from) => RETURN_STATES.map((to) => [from, to] as const));
  it('covers 289 pairs', () => expect(pairs).toHaveLength(289));
  it.each(pairs)('%s → %s', (from, to) => {
    const check = checkTransition(from, to, ALL, 'The person asked');
    if (TABLE[from].includes(to)) expect(check).toEqual({ ok: true });
    else expect(check).toEqual({ ok: false, blockers: ['not_allowed'] });
  });
  it('offers exactly the table’s next states when every fact holds', () => {
    for (const s of RETURN_STATES) expect(possibleNext(s, ALL).sort()).toEqual([...TABLE[s]].sort());
  });
});

const blockersOf = (from: ReturnState, to: ReturnState, f: Partial<ReturnFacts>, reason = 'x') => {
  const c = checkTransition(from, to, { ...ALL, ...f }, reason);
  return c.ok ? [] : c.blockers;
};

describe('each guard names its blocker', () => {
  const cases: [ReturnState, ReturnState, Partial<ReturnFacts>, Blocker][] = [
    ['counselled', 'consented', { consent: false }, 'no_consent'],
    ['consented', 'protection_cleared', { protection: 'blocked' }, 'protection_not_cleared'],
    [
      'protection_cleared',
      'nationality_confirmed',
      { nationalityConfirmed: false },
      'nationality_not_confirmed',
    ],
    [
      'nationality_confirmed',
      'travel_document_issued',
      { travelDocumentValidUntil: null },
      'no_travel_document',
    ],
    [
      'nationality_confirmed',
      'travel_document_issued',
      { travelDocumentValidUntil: '2026-11-19' },
      'travel_document_expired',
    ],
    ['travel_document_issued', 'exit_cleared', { exitClearanceValidUntil: null }, 'no_exit_clearance'],
    [
      'travel_document_issued',
      'exit_cleared',
      { exitClearanceValidUntil: '2026-11-19' },
      'exit_clearance_expired',
    ],
    ['exit_cleared', 'fit_to_travel', { fitnessValidUntil: null }, 'not_fit_to_travel'],
    ['exit_cleared', 'fit_to_travel', { fitnessValidUntil: '2026-11-01' }, 'not_fit_to_travel'],
    [
      'exit_cleared',
      'fit_to_travel',
      { fitnessValidUntil: '2026-11-19' },
      'fitness_expires_before_departure',
    ],
    ['fit_to_travel', 'booked', { departureDate: null }, 'not_booked'],
    ['booked', 'departed', { departureConfirmed: false }, 'departure_not_confirmed'],
    ['departed', 'arrived', { arrivalConfirmed: false }, 'arrival_not_confirmed'],
    ['arrived', 'reintegration_planned', { reintegrationPlanned: false }, 'no_reintegration_plan'],
    [
      'reintegration_planned',
      'reintegration_in_progress',
      { reintegrationStarted: false },
      'reintegration_not_started',
    ],
  ];
  it.each(cases)('%s → %s refused without the fact: %o → %s', (from, to, f, blocker) => {
    expect(blockersOf(from, to, f)).toEqual([blocker]);
    expect(blockersOf(from, to, {})).toEqual([]);
  });

  it.each(['withdrawn', 'ineligible'] as const)('%s needs a written reason', (to) => {
    expect(blockersOf('requested', to, {}, '')).toEqual(['reason_required']);
    expect(blockersOf('requested', to, {}, '   ')).toEqual(['reason_required']);
    expect(blockersOf('booked', to, { consent: false }, 'Changed their mind')).toEqual([]);
  });
  it('a no-show needs a reason too', () => {
    expect(blockersOf('booked', 'no_show', {}, '')).toEqual(['reason_required']);
    expect(blockersOf('booked', 'no_show', {}, 'Did not come to the bus')).toEqual([]);
  });

  it('UNHCR’s outcome or an officer’s clearance opens the protection gate', () => {
    expect(blockersOf('consented', 'protection_cleared', { protection: 'unhcr_outcome' })).toEqual([]);
    expect(blockersOf('consented', 'protection_cleared', { protection: 'officer_cleared' })).toEqual([]);
  });

  it('is cumulative: a consent withdrawn later stops the next step', () => {
    expect(blockersOf('exit_cleared', 'fit_to_travel', { consent: false })).toEqual(['no_consent']);
    expect(blockersOf('booked', 'departed', { protection: 'blocked' })).toEqual(['protection_not_cleared']);
  });

  it('checks documents on the departure date once booked, on today before', () => {
    const expiring = { travelDocumentValidUntil: '2026-11-10' };
    expect(
      blockersOf('travel_document_issued', 'exit_cleared', { ...expiring, departureDate: null }),
    ).toEqual([]);
    expect(blockersOf('travel_document_issued', 'exit_cleared', expiring)).toEqual([
      'travel_document_expired',
    ]);
  });

  it('after departure the documents did their work: only what happened is checked', () => {
    const gone = { consent: false, protection: 'blocked', travelDocumentValidUntil: null } as const;
    expect(blockersOf('departed', 'arrived', gone)).toEqual([]);
    expect(blockersOf('arrived', 'closed', { reintegrationPlanned: false })).toEqual([]);
  });

  it('lists every blocker at once', () => {
    expect(checkTransition('fit_to_travel', 'booked', { ...NO_FACTS, today: TODAY })).toEqual({
      ok: false,
      blockers: [
        'no_consent',
        'nationality_not_confirmed',
        'no_travel_document',
        'no_exit_clearance',
        'not_fit_to_travel',
        'not_booked',
      ],
    });
  });
});

const day = fc
  .integer({ min: -40, max: 120 })
  .map((n) => new Date(Date.UTC(2026, 10, 2) + n * 86_400_000).toISOString().slice(0, 10));
const facts: fc.Arbitrary<ReturnFacts> = fc.record({
  today: fc.constant(TODAY),
  consent: fc.boolean(),
  protection: fc.constantFrom('not_flagged', 'blocked', 'unhcr_outcome', 'officer_cleared'),
  nationalityConfirmed: fc.boolean(),
  travelDocumentValidUntil: fc.option(day, { nil: null }),
  exitClearanceValidUntil: fc.option(day, { nil: null }),
  fitnessValidUntil: fc.option(day, { nil: null }),
  departureDate: fc.option(
    day.filter((d) => d >= TODAY),
    { nil: null },
  ),
  departureConfirmed: fc.boolean(),
  arrivalConfirmed: fc.boolean(),
  reintegrationPlanned: fc.boolean(),
  reintegrationStarted: fc.boolean(),
});
/** Every fact, with a few of them replaced by random ones: walks go far and meet the edges. */
const KEYS = Object.keys(ALL) as (keyof ReturnFacts)[];
const nearlyAll = fc
  .tuple(facts, fc.subarray(KEYS, { maxLength: 3 }))
  .map(([f, changed]) => ({ ...ALL, ...Object.fromEntries(changed.map((k) => [k, f[k]])) }) as ReturnFacts);
const step = fc.record({
  /** ask for one of the table's next states, or for any state at all */
  steer: fc.integer({ min: 0, max: 9 }).map((n) => n < 9),
  pick: fc.integer({ min: 0, max: 9 }),
  any: fc.constantFrom(...RETURN_STATES),
  facts: fc.oneof({ arbitrary: nearlyAll, weight: 4 }, { arbitrary: facts, weight: 1 }),
  reason: fc.constantFrom('', 'Changed their mind'),
});

describe('no random walk departs without what departure needs', () => {
  it('holds for random states asked and facts changing between steps', () => {
    let departures = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 20, maxLength: 80 }), (steps) => {
        let state: ReturnState = 'requested';
        for (const { steer, pick, any, facts: f, reason } of steps) {
          const forward: readonly ReturnState[] = TABLE[state];
          // mostly the path forward (the first of the table's next states), sometimes an exit
          const to: ReturnState =
            steer && forward.length ? (forward[pick < 8 ? 0 : pick % forward.length] as ReturnState) : any;
          if (!checkTransition(state, to, f, reason).ok) continue;
          if (to === 'departed') {
            departures++;
            const on = f.departureDate as string;
            expect(f.departureDate).not.toBeNull();
            expect(f.consent).toBe(true);
            expect(f.protection).not.toBe('blocked');
            expect(f.nationalityConfirmed).toBe(true);
            expect(f.travelDocumentValidUntil! >= on).toBe(true);
            expect(f.exitClearanceValidUntil! >= on).toBe(true);
            expect(f.fitnessValidUntil! >= on && f.fitnessValidUntil! >= f.today).toBe(true);
            expect(f.departureConfirmed).toBe(true);
          }
          state = to;
        }
      }),
      { numRuns: 3000 },
    );
    // the property is worth something only if walks do depart
    expect(departures).toBeGreaterThan(100);
  });
});
