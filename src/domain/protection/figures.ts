import { z } from 'zod';

/** Counts over the reader's scope; null where the reader may not list that kind of record. */
export const protectionFigures = z.object({
  /** people whose latest screening raised a flag */
  flaggedPeople: z.number(),
  /** of them, those with no referral under way or done */
  awaitingReferral: z.number(),
  overdueReferrals: z.number().nullable(),
  openCases: z.number().nullable(),
});
export type ProtectionFigures = z.infer<typeof protectionFigures>;
