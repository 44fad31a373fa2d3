// What the return pages show, decided from what the server answered (pure, unit-tested): the
// next steps from `next` and `allowedActions`, the history's days, a person's returns, the new
// case form's payload and the list's filters. No rule of the state machine is re-implemented
// here: the server's blockers and allowed actions say what may happen.
import type { PROGRAMMES, REQUEST_ORIGINS } from '../../../domain/returns/cases.ts';
import { BLOCKER_LABELS } from '../../../domain/returns/labels.ts';
import { type Blocker, EXITS, NEEDS_REASON, type ReturnState } from '../../../domain/returns/states.ts';
import type { PersonReturns, ReturnCase, ReturnCaseSummary, StateSpan } from './types.ts';

export interface Step {
  state: ReturnState;
  /** the button works: the server allows transitions and nothing blocks this one */
  offered: boolean;
  /** why it cannot be taken now (shown under the disabled button) */
  blockers: Blocker[];
  /** withdraw, ineligible, no-show: the officer writes why */
  needsReason: boolean;
  /** leaves the forward path */
  exit: boolean;
}

const isExit = (s: ReturnState) => (EXITS as readonly ReturnState[]).includes(s);

/**
 * The next steps as the case page shows them. A step is offered only when the server allows
 * `transition` and lists no blocker for it; a blocked step is shown disabled with its blockers;
 * a step that is neither (the reader may not move cases) is not shown. The reason an exit needs
 * is asked for by the page, so `reason_required` is no blocker here. Forward steps come first.
 */
export function caseSteps(c: Pick<ReturnCase, 'allowedActions' | 'next'>): Step[] {
  const may = c.allowedActions.includes('transition');
  const steps = c.next.flatMap((n): Step[] => {
    const blockers = n.blockers.map((b) => b.code).filter((b) => b !== 'reason_required');
    // the machine has no such edge from here: nothing to explain to the officer
    if (blockers.includes('not_allowed')) return [];
    const offered = may && blockers.length === 0;
    if (!offered && blockers.length === 0) return [];
    return [
      {
        state: n.state,
        offered,
        blockers,
        needsReason: NEEDS_REASON.includes(n.state),
        exit: isExit(n.state),
      },
    ];
  });
  return [...steps.filter((s) => !s.exit), ...steps.filter((s) => s.exit)];
}

const DAY = 86_400_000;

/** Whole days a span lasted (or has lasted until `now`, for the current one). */
export function spanDays(span: Pick<StateSpan, 'enteredAt' | 'leftAt'>, now: Date): number {
  const end = span.leftAt ? new Date(span.leftAt) : now;
  return Math.max(0, Math.floor((end.getTime() - new Date(span.enteredAt).getTime()) / DAY));
}

export interface TimelineEntry extends StateSpan {
  days: number;
  current: boolean;
}

/** The case's history, oldest first, each state with its days and whether the case is in it now. */
export function timeline(history: readonly StateSpan[], now: Date): TimelineEntry[] {
  return [...history]
    .sort((a, b) => a.enteredAt.localeCompare(b.enteredAt))
    .map((s) => ({ ...s, days: spanDays(s, now), current: s.leftAt === null }));
}

export type PersonReturnsView =
  | { kind: 'cases'; items: ReturnCaseSummary[] }
  | { kind: 'flag'; inProgress: boolean; state: ReturnState | null };

/** The person tab's content, whichever of the two answers the server gave this reader. */
export function personReturnsView(data: PersonReturns | undefined): PersonReturnsView | null {
  if (!data) return null;
  if ('items' in data) return { kind: 'cases', items: data.items };
  const flag = 'flag' in data ? data.flag : data;
  return { kind: 'flag', inProgress: flag.inProgress, state: flag.inProgress ? flag.state : null };
}

/** Whether the person tab is worth showing: cases exist, or a return is in progress. */
export const showsReturnsTab = (v: PersonReturnsView | null): boolean =>
  v !== null && (v.kind === 'cases' ? v.items.length > 0 : v.inProgress);

export interface PickedPerson {
  id: string;
  name: string;
  registrationNumber: string;
  nationality: string;
}

export interface NewCaseValues extends Record<string, unknown> {
  person: PickedPerson | null;
  programme: (typeof PROGRAMMES)[number];
  origin: (typeof REQUEST_ORIGINS)[number];
  destinationCountry: string | null;
  embassyOrganisationId: string | null;
  projectId: string | null;
  requestedOn: string;
}

export const emptyCase = (today: string): NewCaseValues => ({
  person: null,
  programme: 'vhr',
  origin: 'person',
  destinationCountry: null,
  embassyOrganisationId: null,
  projectId: null,
  requestedOn: today,
});

type Embassy = { id: string; countryCode?: string | null };

/**
 * A person picked: the country of return defaults to their nationality, and the embassy to the
 * one (if only one) of that country, unless the officer already chose them.
 */
export function withPerson(v: NewCaseValues, p: PickedPerson, embassies: readonly Embassy[]): NewCaseValues {
  const destinationCountry = v.destinationCountry ?? p.nationality;
  return {
    ...v,
    person: p,
    destinationCountry,
    embassyOrganisationId: v.embassyOrganisationId ?? embassyOf(embassies, destinationCountry),
  };
}

/** The embassy of a country, when exactly one is known. */
export function embassyOf(embassies: readonly Embassy[], country: string | null): string | null {
  if (!country) return null;
  const found = embassies.filter((e) => e.countryCode?.toUpperCase() === country.toUpperCase());
  return found.length === 1 ? found[0]!.id : null;
}

/** The body of POST /returns (checked with the shared schema before sending). */
export const newCasePayload = (v: NewCaseValues) => ({
  personId: v.person?.id,
  programme: v.programme,
  origin: v.origin,
  destinationCountry: v.destinationCountry ?? undefined,
  embassyOrganisationId: v.embassyOrganisationId,
  projectId: v.projectId,
  requestedOn: v.requestedOn,
});

export interface ReturnsSearch {
  state?: ReturnState;
  nationality?: string;
  centre?: string;
  project?: string;
  q?: string;
}

/** The list's query from the address's filters (names kept short in the address). */
export const listFilters = (s: ReturnsSearch) => ({
  state: s.state,
  nationality: s.nationality,
  centreId: s.centre,
  projectId: s.project,
  q: s.q,
});

/** Days in a state, "today" when under one. */
export const daysKey = (days: number): { key: string; n: number } =>
  days < 1 ? { key: 'returns.days.today', n: 0 } : { key: 'returns.days.count', n: Math.floor(days) };

/**
 * A refused transition (422, `errors[].path = 'to'`) as blocker codes the page labels in the
 * reader's language; a message the table does not know is kept as the server wrote it.
 */
export function refusal(errors: readonly { path: string; message: string }[]): (Blocker | string)[] {
  const byText = new Map(Object.entries(BLOCKER_LABELS).map(([code, l]) => [l.en, code as Blocker]));
  return errors.filter((e) => e.path === 'to').map((e) => byText.get(e.message) ?? e.message);
}

export const isBlocker = (b: string): b is Blocker => Object.hasOwn(BLOCKER_LABELS, b);

/** A form's values as the shared schema reads them: an empty field is a missing one ("required"). */
export const blankToUndefined = <V extends Record<string, unknown>>(v: V): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(v).map(([k, x]) => [
      k,
      x === null || (typeof x === 'string' && x.trim() === '') ? undefined : x,
    ]),
  );
