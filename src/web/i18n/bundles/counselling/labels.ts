import {
  COUNSELLING_SESSION_KIND_LABELS,
  MHPSS_INTERVENTION_LABELS,
  PRESENTING_PROBLEM_LABELS,
} from '../../../../domain/health/counselling.ts';
import {
  DISTRESS_ANSWER_LABELS,
  DISTRESS_BAND_LABELS,
  DISTRESS_INSTRUMENT_LABELS,
  DISTRESS_ITEMS,
  SELF_HARM_ANSWER_LABELS,
  SELF_HARM_QUESTION,
} from '../../../../domain/health/distress.ts';
import { FOLLOW_UP_REASON_LABELS } from '../../../features/health/counselling/types.ts';
import type { LabelTables } from '../../shared-labels.ts';

/** An instrument's questions by their key (the K6 words one question its own way). */
const items = (instrument: keyof typeof DISTRESS_ITEMS) =>
  Object.fromEntries(DISTRESS_ITEMS[instrument].map((i) => [i.key, i.text]));

export const LABELS: LabelTables = {
  'counselling.kinds': COUNSELLING_SESSION_KIND_LABELS,
  'counselling.problems': PRESENTING_PROBLEM_LABELS,
  'counselling.interventions': MHPSS_INTERVENTION_LABELS,
  'counselling.instruments': DISTRESS_INSTRUMENT_LABELS,
  'counselling.answers': DISTRESS_ANSWER_LABELS,
  'counselling.bands': DISTRESS_BAND_LABELS,
  'counselling.selfHarmAnswers': SELF_HARM_ANSWER_LABELS,
  'counselling.selfHarm': { question: SELF_HARM_QUESTION },
  'counselling.items.k10': items('k10'),
  'counselling.items.k6': items('k6'),
  'counselling.followUpReasons': FOLLOW_UP_REASON_LABELS,
};
