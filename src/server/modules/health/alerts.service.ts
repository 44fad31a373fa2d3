import type { Work } from '../../platform/http';

// Alerts are raised in the transaction of the consultation that crosses a rule, so the mission
// learns of a suspected measles case when it is recorded, not at the end of the week.

export interface CasesRecorded {
  centreId: string;
  /** ISO week, e.g. 2026-W53 */
  week: string;
  /** the syndromes the consultation counted for */
  syndromes: readonly string[];
}

/**
 * Evaluates the mission's alert rules for these syndromes at this centre and week (and the weeks
 * after it, for a backdated consultation, whose doubling baseline it changes), inserting or
 * updating alerts. Called by the consultation service after it writes `surveillance_cases`.
 */
export async function evaluateAlerts(_w: Work, _recorded: CasesRecorded): Promise<void> {
  // implemented with the surveillance routes (alerts.service.ts is theirs)
}
