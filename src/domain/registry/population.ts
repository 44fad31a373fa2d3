/** A stay as the population rules see it: dates are whole days, the end day is not counted. */
export interface Stay {
  centreId: string;
  admittedOn: string;
  endedOn: string | null;
}

/** In the centre on `date`: admitted on or before it, and not yet gone (an end date is exclusive). */
export const presentOn = (s: Stay, date: string) =>
  s.admittedOn <= date && (s.endedOn === null || s.endedOn > date);

export const populationOn = (stays: Stay[], centreId: string, date: string) =>
  stays.filter((s) => s.centreId === centreId && presentOn(s, date)).length;

/** Counts under this are hidden from those who may not see people (DESIGN §8). */
export const DISCLOSURE_THRESHOLD = 5;
export const suppress = (n: number): number | null => (n > 0 && n < DISCLOSURE_THRESHOLD ? null : n);
