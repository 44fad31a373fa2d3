// The return case's state machine (voluntary humanitarian return / assisted voluntary return and
// reintegration). Pure: the server gathers the facts (consent, protection gate, documents,
// fitness, movement) and asks `checkTransition`; the same answer drives `allowedActions`.
//
// Guards are cumulative: entering a state needs what every earlier forward state needed, checked
// again with today's facts (a consent withdrawn after `consented` stops the case at the next step),
// so no path reaches `departed` without consent, protection clearance, a valid travel document,
// exit clearance and fitness to travel on the departure date.

export const RETURN_STATES = [
  'requested',
  'counselled',
  'consented',
  'protection_cleared',
  'nationality_confirmed',
  'travel_document_issued',
  'exit_cleared',
  'fit_to_travel',
  'booked',
  'departed',
  'arrived',
  'reintegration_planned',
  'reintegration_in_progress',
  'closed',
  'withdrawn',
  'ineligible',
  'no_show',
] as const;
export type ReturnState = (typeof RETURN_STATES)[number];

/** The forward path, in order. */
export const FORWARD: readonly ReturnState[] = RETURN_STATES.slice(0, 14);
export const EXITS = ['withdrawn', 'ineligible', 'no_show'] as const;
/** A case in one of these states is over. */
export const FINAL_STATES: readonly ReturnState[] = ['closed', 'withdrawn', 'ineligible'];
/** Before departure: the person may still withdraw or be found ineligible. */
export const BEFORE_DEPARTURE: readonly ReturnState[] = FORWARD.slice(0, FORWARD.indexOf('departed'));

export const rank = (s: ReturnState): number => FORWARD.indexOf(s);

/** Whether the person may need international protection, and what cleared them. */
export type ProtectionGate =
  /** no possible need for international protection flagged */
  | 'not_flagged'
  /** flagged, and neither UNHCR's outcome nor a protection officer's clearance is recorded */
  | 'blocked'
  /** flagged; UNHCR's outcome is recorded on a referral */
  | 'unhcr_outcome'
  /** flagged; a protection officer documented why return is still appropriate */
  | 'officer_cleared';

/** Validity of a dated document or certificate: the last day it is valid, or none recorded. */
export type ValidUntil = string | null;

/** What the server knows about a case when a transition is asked for. */
export type ReturnFacts = {
  today: string;
  /** a given, unwithdrawn consent with purpose `return` */
  consent: boolean;
  protection: ProtectionGate;
  /** an embassy answered "confirmed" or a consular interview confirmed the nationality */
  nationalityConfirmed: boolean;
  /** the latest expiry among the person's valid travel documents for this return */
  travelDocumentValidUntil: ValidUntil;
  /** the exit visa (exit clearance) from the authorities: last valid day */
  exitClearanceValidUntil: ValidUntil;
  /** fitness to travel from the clinic: `fit` or `fit_with_escort` and until when; null if none or not fit */
  fitnessValidUntil: ValidUntil;
  /** the departure date of the movement the person is booked on */
  departureDate: string | null;
  /** the movement is confirmed departed for this person */
  departureConfirmed: boolean;
  arrivalConfirmed: boolean;
  reintegrationPlanned: boolean;
  reintegrationStarted: boolean;
};

export const NO_FACTS: ReturnFacts = {
  today: '1970-01-01',
  consent: false,
  protection: 'not_flagged',
  nationalityConfirmed: false,
  travelDocumentValidUntil: null,
  exitClearanceValidUntil: null,
  fitnessValidUntil: null,
  departureDate: null,
  departureConfirmed: false,
  arrivalConfirmed: false,
  reintegrationPlanned: false,
  reintegrationStarted: false,
};

/** Why a transition is refused: a code the web app and the API both label. */
export const BLOCKERS = [
  'not_allowed',
  'no_consent',
  'protection_not_cleared',
  'nationality_not_confirmed',
  'no_travel_document',
  'travel_document_expired',
  'no_exit_clearance',
  'exit_clearance_expired',
  'not_fit_to_travel',
  'fitness_expires_before_departure',
  'not_booked',
  'departure_not_confirmed',
  'arrival_not_confirmed',
  'no_reintegration_plan',
  'reintegration_not_started',
  'reason_required',
] as const;
export type Blocker = (typeof BLOCKERS)[number];

/** The states each state may move to (guards aside). */
export const TRANSITIONS: Readonly<Record<ReturnState, readonly ReturnState[]>> = (() => {
  const t = {} as Record<ReturnState, ReturnState[]>;
  for (const s of RETURN_STATES) t[s] = [];
  FORWARD.forEach((s, i) => {
    const next = FORWARD[i + 1];
    if (next) t[s].push(next);
  });
  for (const s of BEFORE_DEPARTURE) t[s].push('withdrawn', 'ineligible');
  // no reintegration (the person declined it, or the programme offers none): close on arrival;
  // a plan that never started (the person moved on, contact lost) is closed too
  t.arrived.push('closed');
  t.reintegration_planned.push('closed');
  t.booked.push('no_show');
  t.no_show.push('booked', 'withdrawn', 'ineligible');
  return t;
})();

/** The transitions that need a written reason. */
export const NEEDS_REASON: readonly ReturnState[] = ['withdrawn', 'ineligible', 'no_show'];

const validOn = (until: ValidUntil, day: string) => until !== null && until >= day;

/** What entering a forward state needs, given the facts (cumulative along the path). */
function blockersFor(to: ReturnState, f: ReturnFacts): Blocker[] {
  const r = rank(to);
  if (r < 0) return [];
  const out: Blocker[] = [];
  // after departure the documents did their work: only what happened is checked
  const travelling = r <= rank('departed');
  const on = f.departureDate ?? f.today;
  if (travelling && r >= rank('consented') && !f.consent) out.push('no_consent');
  if (travelling && r >= rank('protection_cleared') && f.protection === 'blocked')
    out.push('protection_not_cleared');
  if (travelling && r >= rank('nationality_confirmed') && !f.nationalityConfirmed)
    out.push('nationality_not_confirmed');
  if (travelling && r >= rank('travel_document_issued')) {
    if (f.travelDocumentValidUntil === null) out.push('no_travel_document');
    else if (!validOn(f.travelDocumentValidUntil, on)) out.push('travel_document_expired');
  }
  if (travelling && r >= rank('exit_cleared')) {
    if (f.exitClearanceValidUntil === null) out.push('no_exit_clearance');
    else if (!validOn(f.exitClearanceValidUntil, on)) out.push('exit_clearance_expired');
  }
  if (travelling && r >= rank('fit_to_travel')) {
    if (f.fitnessValidUntil === null || !validOn(f.fitnessValidUntil, f.today)) out.push('not_fit_to_travel');
    else if (!validOn(f.fitnessValidUntil, on)) out.push('fitness_expires_before_departure');
  }
  if (travelling && r >= rank('booked') && f.departureDate === null) out.push('not_booked');
  if (r >= rank('departed') && !f.departureConfirmed) out.push('departure_not_confirmed');
  if (r >= rank('arrived') && !f.arrivalConfirmed) out.push('arrival_not_confirmed');
  if (r >= rank('reintegration_planned') && to !== 'closed' && !f.reintegrationPlanned)
    out.push('no_reintegration_plan');
  if (to === 'reintegration_in_progress' && !f.reintegrationStarted) out.push('reintegration_not_started');
  return out;
}

export type TransitionCheck = { ok: true } | { ok: false; blockers: Blocker[] };

/**
 * Whether a case in `from` may move to `to` with these facts. `reason` is the written reason the
 * exits need. Refusals list every blocker, so the officer sees all that is missing at once.
 */
export function checkTransition(
  from: ReturnState,
  to: ReturnState,
  facts: ReturnFacts,
  reason?: string | null,
): TransitionCheck {
  if (!TRANSITIONS[from].includes(to)) return { ok: false, blockers: ['not_allowed'] };
  const blockers = blockersFor(to, facts);
  if (NEEDS_REASON.includes(to) && !reason?.trim()) blockers.push('reason_required');
  return blockers.length ? { ok: false, blockers } : { ok: true };
}

/** The next states a case could be moved to now, for `allowedActions` (reasons assumed given). */
export const possibleNext = (from: ReturnState, facts: ReturnFacts): ReturnState[] =>
  TRANSITIONS[from].filter((to) => checkTransition(from, to, facts, 'x').ok);

/** Days between two instants, for the time spent in a state. */
export const daysBetween = (from: Date, to: Date): number =>
  Math.max(0, (to.getTime() - from.getTime()) / 86_400_000);
