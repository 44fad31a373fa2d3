import { z } from 'zod';

export const uuid = z.uuid();
export const iso3 = z
  .string()
  .regex(/^[A-Z]{3}$/, { error: 'Use an ISO 3166-1 alpha-3 country code, e.g. LBY' });
export const LOCALES = ['en', 'ar', 'fr'] as const;
export const locale = z.enum(LOCALES);
export type Locale = z.infer<typeof locale>;

/** A trimmed, bounded, non-empty line of text: no control characters. */
export const line = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'Control characters are not allowed' });

export const version = z.number().int().min(1).max(2_147_483_647);

// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
/** Free text in a query string (search, filters): bounded, no control characters. */
export const queryText = (max = 200) =>
  z.string().max(max).regex(NO_CONTROL, { error: 'Control characters are not allowed' });

/**
 * A calendar date as YYYY-MM-DD within the years the database and the JavaScript Date handle
 * alike: `9999-12-31` is a valid ISO date, yet the day after it (used for an inclusive upper
 * bound) is not, and would become a 500 instead of a field error.
 */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2999-12-31';
export const calendarDate = z.iso
  .date({ error: 'Use a date as YYYY-MM-DD' })
  .refine((d) => d >= MIN_DATE && d <= MAX_DATE, {
    message: `Use a date between ${MIN_DATE} and ${MAX_DATE}`,
  });

export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: queryText(500).optional(),
  q: queryText(200).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Most rows a list counts exactly; beyond it `total` is this and `totalCapped` is true. */
export const LIST_TOTAL_CAP = 10_000;

/**
 * A list's sort parameters: one of its columns, either way. `defaultOrder` is for a list read
 * newest first (the audit log).
 */
export const sortParams = <const S extends readonly [string, ...string[]]>(
  columns: S,
  defaultOrder: 'asc' | 'desc' = 'asc',
) => ({
  /** column to sort by; without it the list's own default order */
  sort: z.enum(columns).optional(),
  order: z.enum(['asc', 'desc']).default(defaultOrder),
});

/** A page that also says how many rows match the list's filters (for the reader). */
export const countedPage = <T extends z.ZodType>(item: T) =>
  page(item).extend({
    /** rows matching the filters that the reader may see: exact up to LIST_TOTAL_CAP, then the cap */
    total: z.number().int(),
    /** true when there are more than LIST_TOTAL_CAP (and `total` is the cap) */
    totalCapped: z.boolean(),
  });

export const allowedActions = z.array(z.string());

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  code: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problem>;
