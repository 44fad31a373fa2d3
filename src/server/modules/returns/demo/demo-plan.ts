// The returns caseload of the demo as a plan, drawn from the registry demo's stays so the two tell
// one story: everyone whose detention ended with reason `return` went home on a movement that day
// (a return case from request to departure, then arrival and reintegration), people held now of
// countries the programme returns to are somewhere in the pipeline, a few withdrew or were found
// ineligible, two missed a flight. Pure and seeded; demo.ts writes it.

import { addDays } from '../../../../domain/common/dates';
import {
  checkTransition,
  FORWARD,
  NO_FACTS,
  type ReturnFacts,
  type ReturnState,
} from '../../../../domain/returns/states';
import { int, pick } from '../../registry/demo/demo-people';

type Rng = () => number;

export interface DemoStay {
  personId: string;
  nationality: string;
  centreId: string;
  admittedOn: string;
  endedOn: string | null;
  endReason: string | null;
  /** flagged by the protection demo with a possible need for international protection */
  flagged: boolean;
}

export interface PlannedCase {
  personId: string;
  nationality: string;
  centreId: string;
  requestedOn: string;
  origin: 'person' | 'embassy';
  /** every state entered, in order, with its day (the first is `requested`) */
  steps: { state: ReturnState; on: string; reason?: string }[];
  consentOn: string | null;
  /** nationality confirmed through an embassy request's answer, or a consular interview */
  confirmed: { on: string; via: 'request' | 'interview' } | null;
  travelDocument: { type: string; issuedOn: string; expiresOn: string } | null;
  exit: { issuedOn: string; validUntil: string } | null;
  fitness: { on: string; status: 'fit' | 'fit_with_escort'; validUntil: string } | null;
  /** the movement: departure day (past for those who left, ahead for those booked) */
  departsOn: string | null;
  passenger: 'booked' | 'departed' | 'no_show' | null;
  protection: 'not_flagged' | 'blocked' | 'officer_cleared';
  reintegration: { agreedOn: string; started: string | null } | null;
}

/** Countries the programme returns people to (those who may need protection are not pressed). */
const PROTECTION_NATIONALITIES = new Set(['SDN', 'ERI', 'ETH', 'SOM', 'SYR']);
const WITHDRAWN_REASONS = [
  'Decided to stay and look for work in Libya',
  'Wants to wait for a brother still at sea',
  'Family at home advised against returning now',
];
const INELIGIBLE_REASONS = [
  'The embassy did not confirm the nationality',
  'Holds residence in a third country; referred to its consulate',
];
const NO_SHOW_REASON = 'Not at the centre when the bus left for the airport';

const ORDER = (s: ReturnState) => FORWARD.indexOf(s);
const later = (a: string, b: string) => (a > b ? a : b);

/** The facts of a planned case as they stood on `day` (for checking each step). */
export function factsOn(c: PlannedCase, day: string): ReturnFacts {
  const by = (d: string | null | undefined) => !!d && d <= day;
  return {
    ...NO_FACTS,
    today: day,
    consent: by(c.consentOn),
    protection: c.protection === 'blocked' ? 'blocked' : c.protection,
    nationalityConfirmed: by(c.confirmed?.on),
    travelDocumentValidUntil:
      c.travelDocument && by(c.travelDocument.issuedOn) ? c.travelDocument.expiresOn : null,
    exitClearanceValidUntil: c.exit && by(c.exit.issuedOn) ? c.exit.validUntil : null,
    fitnessValidUntil: c.fitness && by(c.fitness.on) ? c.fitness.validUntil : null,
    // known once booked (the last booking: a no-show is booked again)
    departureDate: c.steps.some((s) => s.state === 'booked' && s.on <= day) ? c.departsOn : null,
    departureConfirmed: c.passenger === 'departed' && by(c.departsOn),
    arrivalConfirmed: c.passenger === 'departed' && by(c.departsOn),
    reintegrationPlanned: by(c.reintegration?.agreedOn),
    reintegrationStarted: by(c.reintegration?.started),
  };
}

/** Each step of the plan, checked by the state machine on the facts of its day: [] when all pass. */
export function refusedSteps(c: PlannedCase): string[] {
  const out: string[] = [];
  c.steps.forEach((s, i) => {
    const prev = c.steps[i - 1];
    if (!prev) return;
    const check = checkTransition(prev.state, s.state, factsOn(c, s.on), s.reason);
    if (!check.ok) out.push(`${prev.state}→${s.state} on ${s.on}: ${check.blockers.join(', ')}`);
  });
  return out;
}

/** Days spread between two dates for `n` steps, increasing, the last one day before `to` at most. */
function spread(rng: Rng, from: string, to: string, n: number): string[] {
  const total = Math.max(n, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) - 1);
  const weights = Array.from({ length: n }, () => 0.5 + rng());
  const sum = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((wgt) => {
    acc += wgt;
    return addDays(from, Math.max(1, Math.min(total, Math.round((acc / sum) * total))));
  });
}

/** The forward states from `counselled` up to and including `last`, each on a day. */
function forward(rng: Rng, c: PlannedCase, last: ReturnState, until: string): void {
  const states = FORWARD.slice(ORDER('counselled'), ORDER(last) + 1);
  const days = spread(rng, c.requestedOn, until, states.length);
  states.forEach((state, i) => {
    const on = days[i] as string;
    c.steps.push({ state, on });
    if (state === 'consented') c.consentOn = on;
    if (state === 'nationality_confirmed') c.confirmed = { on, via: rng() < 0.7 ? 'request' : 'interview' };
    if (state === 'travel_document_issued')
      c.travelDocument =
        rng() < 0.2
          ? { type: 'passport', issuedOn: addDays(on, -400 - int(rng, 0, 900)), expiresOn: addDays(on, 1500) }
          : {
              type: pick(rng, ['emergency_travel_document', 'laissez_passer']),
              issuedOn: on,
              expiresOn: later(addDays(on, 90), addDays(until, 30)),
            };
    if (state === 'exit_cleared')
      c.exit = { issuedOn: on, validUntil: later(addDays(on, 45), addDays(until, 40)) };
    if (state === 'fit_to_travel')
      c.fitness = {
        on,
        status: rng() < 0.06 ? 'fit_with_escort' : 'fit',
        validUntil: later(addDays(on, 21), addDays(until, int(rng, 2, 10))),
      };
  });
}

function blank(s: DemoStay, requestedOn: string, rng: Rng): PlannedCase {
  return {
    personId: s.personId,
    nationality: s.nationality,
    centreId: s.centreId,
    requestedOn,
    origin: rng() < 0.12 ? 'embassy' : 'person',
    steps: [{ state: 'requested', on: requestedOn }],
    consentOn: null,
    confirmed: null,
    travelDocument: null,
    exit: null,
    fitness: null,
    departsOn: null,
    passenger: null,
    protection: s.flagged ? 'blocked' : 'not_flagged',
    reintegration: null,
  };
}

/** A stay that ended in a return: the whole way home, then what came after arrival. */
function returned(rng: Rng, s: DemoStay, today: string): PlannedCase {
  const departs = s.endedOn as string;
  const held = Math.round((Date.parse(departs) - Date.parse(s.admittedOn)) / 86_400_000);
  const requestedOn = addDays(
    s.admittedOn,
    Math.min(held - 10, int(rng, 2, Math.max(3, Math.floor(held / 3)))),
  );
  const c = blank(s, requestedOn < s.admittedOn ? s.admittedOn : requestedOn, rng);
  if (c.protection === 'blocked') c.protection = 'officer_cleared';
  c.departsOn = departs;
  c.passenger = 'departed';
  forward(rng, c, 'booked', departs);
  c.steps.push({ state: 'departed', on: departs });
  // the last flights' arrivals are not confirmed yet
  if (departs >= addDays(today, -1)) return c;
  c.steps.push({ state: 'arrived', on: departs });
  const agreedOn = addDays(departs, int(rng, 12, 35));
  if (agreedOn <= today && rng() < 0.9) {
    const started = addDays(agreedOn, int(rng, 5, 25));
    c.reintegration = { agreedOn, started: started <= today ? started : null };
    c.steps.push({ state: 'reintegration_planned', on: agreedOn });
    if (started <= today) c.steps.push({ state: 'reintegration_in_progress', on: started });
  } else if (agreedOn <= today) {
    // declined reintegration assistance: closed on arrival
    c.steps.push({ state: 'closed', on: addDays(departs, int(rng, 7, 20)) });
  }
  return c;
}

/** The state a case held now has reached, by how long it has been going. */
function pipelineState(rng: Rng, days: number): ReturnState {
  const reach = Math.min(ORDER('fit_to_travel'), Math.floor(days / 6 + rng() * 3));
  return FORWARD[Math.max(0, reach)] as ReturnState;
}

export interface DemoPlan {
  cases: PlannedCase[];
  /** the day of the upcoming charter those at `booked` are on */
  upcoming: string;
}

/**
 * The plan over the registry demo's stays. `today` is the app clock's day. Cases of a person are
 * in time order; a person who returned and came back has the earlier case closed.
 */
export function planReturns(rng: Rng, stays: DemoStay[], today: string): DemoPlan {
  const cases: PlannedCase[] = [];
  const upcoming = addDays(today, 9);
  const lastOf = new Map<string, PlannedCase>();
  const sorted = [...stays].sort(
    (a, b) => a.admittedOn.localeCompare(b.admittedOn) || a.personId.localeCompare(b.personId),
  );
  // a person back in detention after a return: the earlier case is closed on readmission (what
  // was planned after that day never happened); a request still pending lapses
  const closeEarlier = (personId: string, on: string) => {
    const prev = lastOf.get(personId);
    const last = prev?.steps.at(-1);
    if (!prev || !last || ['closed', 'withdrawn', 'ineligible'].includes(last.state)) return;
    if (prev.passenger !== 'departed') {
      prev.steps.push({ state: 'withdrawn', on: later(last.on, on), reason: 'The request lapsed' });
      return;
    }
    prev.steps = prev.steps.filter((s) => ORDER(s.state) <= ORDER('arrived') || s.on <= on);
    if (prev.reintegration && prev.reintegration.agreedOn > on) prev.reintegration = null;
    else if (prev.reintegration?.started && prev.reintegration.started > on)
      prev.reintegration.started = null;
    prev.steps.push({ state: 'closed', on: later(prev.steps.at(-1)!.on, on) });
  };
  for (const s of sorted) {
    let c: PlannedCase | null = null;
    if (s.endReason === 'return' && s.endedOn) {
      // requests need a few days to go the whole way; a very short stay still had one
      if (Math.round((Date.parse(s.endedOn) - Date.parse(s.admittedOn)) / 86_400_000) < 12) continue;
      c = returned(rng, s, today);
    } else if (
      s.endedOn === null &&
      (!PROTECTION_NATIONALITIES.has(s.nationality) || s.flagged) &&
      rng() < 0.9
    ) {
      const held = Math.round((Date.parse(today) - Date.parse(s.admittedOn)) / 86_400_000);
      if (held < 3) continue;
      c = blank(s, addDays(s.admittedOn, Math.min(held - 1, int(rng, 1, 10))), rng);
      const going = Math.round((Date.parse(today) - Date.parse(c.requestedOn)) / 86_400_000);
      let state = pipelineState(rng, going);
      // a flagged person stops at consent until a protection officer clears them
      if (c.protection === 'blocked' && ORDER(state) >= ORDER('consented')) state = 'consented';
      // the latest step was some days ago (never before the steps could fit, never after today)
      const until = addDays(today, -int(rng, 4, 14));
      const room = addDays(c.requestedOn, 12);
      if (state !== 'requested') forward(rng, c, state, room > until ? (room > today ? today : room) : until);
      const r = rng();
      if (r < 0.08) c.steps.push({ state: 'withdrawn', on: today, reason: pick(rng, WITHDRAWN_REASONS) });
      else if (r < 0.11 && ORDER(state) < ORDER('nationality_confirmed'))
        c.steps.push({ state: 'ineligible', on: today, reason: pick(rng, INELIGIBLE_REASONS) });
    } else if (
      s.endReason === 'release' &&
      s.endedOn &&
      !PROTECTION_NATIONALITIES.has(s.nationality) &&
      rng() < 0.6
    ) {
      // asked to go home, then released before it happened: withdrawn on release
      const requestedOn = addDays(s.admittedOn, 2);
      if (requestedOn >= s.endedOn) continue;
      c = blank(s, requestedOn, rng);
      c.steps.push({
        state: 'withdrawn',
        on: s.endedOn,
        reason: 'Released from detention before the return',
      });
    } else if (s.endReason === 'deportation' && s.endedOn && rng() < 0.5) {
      const requestedOn = addDays(s.admittedOn, 1);
      if (requestedOn >= s.endedOn) continue;
      c = blank(s, requestedOn, rng);
      c.steps.push({
        state: 'ineligible',
        on: s.endedOn,
        reason: 'Deported by the authorities before the return could take place',
      });
    }
    if (!c) continue;
    closeEarlier(s.personId, c.requestedOn);
    cases.push(c);
    lastOf.set(s.personId, c);
  }
  // one flagged person has been cleared by a protection officer since
  const cleared = cases.find((c) => c.protection === 'blocked' && c.steps.at(-1)?.state === 'consented');
  if (cleared) {
    cleared.protection = 'officer_cleared';
    cleared.steps.push({
      state: 'protection_cleared',
      on: later(addDays(cleared.consentOn ?? today, 1), today),
    });
  }
  bookUpcoming(rng, cases, today, upcoming);
  return { cases, upcoming };
}

/**
 * The pipeline's front: the most advanced open cases of the largest nationality get their
 * fitness and a seat on the charter in nine days; two of them missed an earlier flight.
 */
function bookUpcoming(rng: Rng, cases: PlannedCase[], today: string, upcoming: string): void {
  const at = (c: PlannedCase) => c.steps.at(-1)?.state;
  const ready = cases.filter((c) => at(c) === 'exit_cleared' || at(c) === 'fit_to_travel');
  // one of each stays where it is, for the pipeline to show both steps
  const fit = ready.filter((c) => at(c) === 'fit_to_travel');
  let cleared = ready.find((c) => at(c) === 'exit_cleared');
  if (!cleared && fit.length > 1) {
    // the clinic has not seen this one yet
    cleared = fit.pop() as PlannedCase;
    cleared.steps.pop();
    cleared.fitness = null;
  }
  const kept = [cleared, fit[0]];
  const byNat = new Map<string, PlannedCase[]>();
  for (const c of ready)
    if (!kept.includes(c)) byNat.set(c.nationality, [...(byNat.get(c.nationality) ?? []), c]);
  const [, group = []] = [...byNat.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  const missed = addDays(today, -5);
  let noShows = 0;
  for (const c of group) {
    const last = c.steps.at(-1)?.on ?? c.requestedOn;
    // two who were ready early were booked on last week's flight and not at the centre when it
    // left; they are booked again on this one
    const missing = noShows < 2 && last <= addDays(missed, -3);
    const fitOn = missing ? addDays(missed, -3) : later(addDays(today, -int(rng, 1, 4)), last);
    if (at(c) === 'fit_to_travel') c.steps.pop();
    c.fitness = { on: fitOn, status: 'fit', validUntil: addDays(upcoming, 14) };
    c.steps.push({ state: 'fit_to_travel', on: fitOn });
    c.departsOn = upcoming;
    c.passenger = 'booked';
    if (missing) {
      noShows++;
      c.steps.push(
        { state: 'booked', on: addDays(missed, -2) },
        { state: 'no_show', on: missed, reason: NO_SHOW_REASON },
      );
    }
    if (missing && noShows === 1) {
      // the first has not been booked again yet
      c.passenger = 'no_show';
      c.departsOn = missed;
      continue;
    }
    c.steps.push({ state: 'booked', on: today });
  }
}
