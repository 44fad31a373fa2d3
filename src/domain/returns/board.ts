import { z } from 'zod';
import { calendarDate, iso3, uuid } from '../common/schemas';
import { RETURN_STATES } from './states';

// The pipeline board (how many cases wait in each state, for how long, and who waits longest)
// and the headline figures ("N people returned to M countries"). Shared by the server's routes
// and the web app.

export const boardQuery = z.strictObject({
  nationality: iso3.optional(),
  centreId: uuid.optional(),
  projectId: uuid.optional(),
});
export type BoardQuery = z.infer<typeof boardQuery>;

/** How many stuck cases the board lists. */
export const STUCK_LIMIT = 20;

export const boardState = z.object({
  state: z.enum(RETURN_STATES),
  count: z.number().int(),
  /** median days in the current state of the cases now in it (null when none) */
  medianDays: z.number().nullable(),
});

export const stuckCase = z.object({
  id: uuid,
  reference: z.string(),
  personId: uuid,
  personName: z.string(),
  state: z.enum(RETURN_STATES),
  /** whole days since the case entered its state */
  daysInState: z.number().int(),
});

export const board = z.object({
  states: z.array(boardState),
  stuck: z.array(stuckCase),
});
export type Board = z.infer<typeof board>;
export type StuckCase = z.infer<typeof stuckCase>;

/** The period of departures (default: this calendar year). */
export const figuresQuery = z.strictObject({ from: calendarDate.optional(), to: calendarDate.optional() });

/** A published count: null when hidden from a reader who sees no one (DESIGN §8). */
const cell = z.number().int().nullable();

export const figures = z.object({
  from: calendarDate,
  to: calendarDate,
  /** unique people whose return departed in the period (twice returned: once) */
  people: cell,
  /** destination countries of those departures */
  countries: z.number().int(),
  /** each person under the country of their latest departure in the period */
  byCountry: z.array(z.object({ country: z.string(), people: cell })),
  /** some cells are hidden (small counts, and their complements) */
  suppressed: z.boolean(),
});
export type Figures = z.infer<typeof figures>;
