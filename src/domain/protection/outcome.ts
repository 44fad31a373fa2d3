import { z } from 'zod';
import { type AnyAnswers, evaluate, visibility } from './conditions';
import { FLAGS, type Flag, flag, maxLevel, type RiskLevel, riskLevel } from './flags';
import type { ScreeningTemplate } from './template';

// The outcome of a screening, derived only from the template's rules, which are data anyone can
// read (see default-template/rules.ts for the level logic in words):
//   - flags = every flag raised by a matching rule;
//   - risk level = the highest level among the matching rules, 'low' when none match;
//   - matchedRules = the keys of the matching rules, in template order: the "why".
// Rules are evaluated once, in order; a rule may test flags raised by earlier rules (e.g.
// "suspected trafficking and a child → critical"). Conditions have no negation, and answers to
// questions that were not asked are ignored, so a positive answer can only add matches: flags
// only grow and the level never drops.

export interface ScreeningOutcome {
  flags: Flag[];
  riskLevel: RiskLevel;
  matchedRules: string[];
}

export function screeningOutcome(template: ScreeningTemplate, answers: AnyAnswers): ScreeningOutcome {
  const asked = visibility(template, answers).answers;
  const raised = new Set<Flag>();
  let level: RiskLevel = 'low';
  const matchedRules: string[] = [];
  for (const rule of template.rules) {
    if (!evaluate(rule.when, asked, raised)) continue;
    matchedRules.push(rule.key);
    if (rule.flag) raised.add(rule.flag);
    if (rule.level) level = maxLevel(level, rule.level);
  }
  return { flags: FLAGS.filter((f) => raised.has(f)), riskLevel: level, matchedRules };
}

export const OVERRIDE_REASON_MIN = 10;

/** A protection officer's correction of the computed outcome; the reason is kept with it. */
export const outcomeOverride = z
  .strictObject({
    /** the level the officer sets; left out, the computed level stands */
    riskLevel: riskLevel.optional(),
    flagsAdded: z.array(flag).max(FLAGS.length).default([]),
    flagsRemoved: z.array(flag).max(FLAGS.length).default([]),
    reason: z.string().trim().min(OVERRIDE_REASON_MIN, { error: 'Say why, in a sentence' }).max(1000),
  })
  .refine((o) => !o.flagsAdded.some((f) => o.flagsRemoved.includes(f)), {
    path: ['flagsRemoved'],
    error: 'A flag cannot be both added and removed',
  });
export type OutcomeOverride = z.input<typeof outcomeOverride>;

/** What a screening records: the outcome that stands, and the computed one beside it. */
export interface FinalOutcome extends ScreeningOutcome {
  computedFlags: Flag[];
  computedRisk: RiskLevel;
  /** null when the computed outcome stands */
  overrideReason: string | null;
}

/**
 * Applies an officer's override. The override is validated here too (throws a ZodError with
 * paths), so an override without a reason can never reach a stored outcome.
 */
export function applyOverride(outcome: ScreeningOutcome, override: OutcomeOverride): FinalOutcome {
  const o = outcomeOverride.parse(override);
  const flags = new Set<Flag>([...outcome.flags, ...o.flagsAdded]);
  for (const f of o.flagsRemoved) flags.delete(f);
  return {
    flags: FLAGS.filter((f) => flags.has(f)),
    riskLevel: o.riskLevel ?? outcome.riskLevel,
    matchedRules: outcome.matchedRules,
    computedFlags: outcome.flags,
    computedRisk: outcome.riskLevel,
    overrideReason: o.reason,
  };
}

/** The final outcome with or without an override. */
export const finalOutcome = (outcome: ScreeningOutcome, override?: OutcomeOverride | null): FinalOutcome =>
  override
    ? applyOverride(outcome, override)
    : { ...outcome, computedFlags: outcome.flags, computedRisk: outcome.riskLevel, overrideReason: null };
