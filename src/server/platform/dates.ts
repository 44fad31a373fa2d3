import type { Work } from './http';

/** The request's calendar day (UTC), from the clock of its unit of work so tests can pin it. */
export const today = (w: Pick<Work, 'now'>) => w.now.toISOString().slice(0, 10);
