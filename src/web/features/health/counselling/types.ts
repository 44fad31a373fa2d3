// The counselling lists' shapes, from the domain schemas the server answers with.
import type { z } from 'zod';
import type { counsellingSessionListItem } from '../../../../domain/health/counselling-lists.ts';

export type { PersonCounselling } from '../../../../domain/health/counselling-lists.ts';
export type { MhpssFollowUp } from '../../../../domain/health/mhpss-follow-ups.ts';
export type CounsellingSessionListItem = z.infer<typeof counsellingSessionListItem>;
