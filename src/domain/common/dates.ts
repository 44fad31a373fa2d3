/** ISO date `n` days after `iso` (negative: before); whole days in UTC, as dates are stored. */
export const addDays = (iso: string, n: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
