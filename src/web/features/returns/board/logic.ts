// The board's pure rules: the periods offered for the headline, and the states grouped in the
// order a case moves through them (the exits last).
import { EXITS, FORWARD, type ReturnState } from '../../../../domain/returns/states.ts';

export const PERIODS = ['thisYear', 'lastYear', 'last12Months', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The dates of a preset period, as of `today` (YYYY-MM-DD); a custom one is the user's. */
export function periodDates(period: Exclude<Period, 'custom'>, today: string): { from: string; to: string } {
  const year = Number(today.slice(0, 4));
  if (period === 'thisYear') return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (period === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return { from: iso(d), to: today };
}

/** A custom period is usable when both dates are set and in order. */
export const validPeriod = (p: { from?: string; to?: string }): p is { from: string; to: string } =>
  !!p.from &&
  !!p.to &&
  /^\d{4}-\d{2}-\d{2}$/.test(p.from) &&
  /^\d{4}-\d{2}-\d{2}$/.test(p.to) &&
  p.from <= p.to;

/** Each phase's and period's title (literal keys, so the strings tests see them used). */
export const PHASE_KEYS = {
  preparation: 'returnsBoard.phases.preparation',
  travel: 'returnsBoard.phases.travel',
  reintegration: 'returnsBoard.phases.reintegration',
  exits: 'returnsBoard.phases.exits',
} as const;
export const PERIOD_KEYS: Record<Period, string> = {
  thisYear: 'returnsBoard.figures.periods.thisYear',
  lastYear: 'returnsBoard.figures.periods.lastYear',
  last12Months: 'returnsBoard.figures.periods.last12Months',
  custom: 'returnsBoard.figures.periods.custom',
};

/** The board's phases: before departure, the journey and after, and the exits. */
export const PHASES: { key: keyof typeof PHASE_KEYS; states: ReturnState[] }[] = [
  { key: 'preparation', states: FORWARD.slice(0, FORWARD.indexOf('booked')) as ReturnState[] },
  { key: 'travel', states: ['booked', 'departed', 'arrived'] },
  { key: 'reintegration', states: ['reintegration_planned', 'reintegration_in_progress', 'closed'] },
  { key: 'exits', states: [...EXITS] },
];

/** Days as shown: whole days from 10 up, one decimal below (1.5 days is not 2). */
export const roundDays = (d: number) => (d >= 10 ? Math.round(d) : Math.round(d * 10) / 10);
