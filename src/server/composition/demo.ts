// Composition root of the demo (`sanad demo`): each module's demo step, in the order they build on
// each other (directory: mission, centres, accounts; registry: people; protection: their cases;
// supplies: the stock that reaches them; health: the clinics that dispense it, and counselling;
// returns: the way home of those whose detention ended in a return, and the pipeline).
// A new module adds its step here instead of being called from another module's demo.

import { loadDemo } from '../modules/directory/demo/demo';
import { loadHealthDemo } from '../modules/health/demo/demo';
import { loadProtectionDemo } from '../modules/protection/demo/demo';
import { loadRegistryDemo } from '../modules/registry/demo/demo';
import { loadReturnsDemo } from '../modules/returns/demo/demo';
import { loadSuppliesDemo } from '../modules/supplies/demo/demo';
import type { AppContext } from '../platform/context';

export interface DemoStep {
  area: string;
  /** loads the area's demo data (idempotent); returns a line for the operator, if any */
  load(ctx: AppContext, missionId: string): Promise<string | undefined>;
}

export const DEMO_STEPS: readonly DemoStep[] = [
  {
    area: 'directory',
    load: async (ctx, missionId) => {
      await loadDemo(ctx, missionId);
      return undefined;
    },
  },
  {
    area: 'registry',
    load: async (ctx, missionId) => {
      await loadRegistryDemo(ctx, missionId);
      return undefined;
    },
  },
  {
    area: 'protection',
    load: async (ctx, missionId) => {
      const p = await loadProtectionDemo(ctx, missionId);
      return p.skipped
        ? undefined
        : `Protection demo loaded: ${p.screened} screenings (${p.flagged} flagged), ${p.referrals} referrals.`;
    },
  },
  {
    area: 'supplies',
    load: async (ctx, missionId) => {
      const s = await loadSuppliesDemo(ctx, missionId);
      return s.skipped
        ? undefined
        : `Supplies demo loaded: ${s.items} items at ${s.stockPoints} stock points, ${s.receipts} receipts, ${s.transfers} transfers, ${s.counts} stock counts, ${s.distributions} distributions to ${s.recipients} recipients.`;
    },
  },
  {
    area: 'health',
    load: async (ctx, missionId) => {
      const h = await loadHealthDemo(ctx, missionId);
      return h.skipped
        ? undefined
        : `Health demo loaded: ${h.sessions} clinic sessions, ${h.consultations} consultations (${h.referred} referred), ${h.dispensed} prescriptions dispensed, ${h.alerts} alert verified and responded to, ${h.individual + h.group} counselling sessions (${h.seconds} s).`;
    },
  },
  {
    area: 'returns',
    load: async (ctx, missionId) => {
      const r = await loadReturnsDemo(ctx, missionId);
      return r.skipped
        ? undefined
        : `Returns demo loaded: ${r.cases} return cases; ${r.departed} people returned to ${r.countries} countries on ${r.movements} movements; ${r.requests} embassy requests, ${r.plans} reintegration plans, ${r.followUpsDone} follow-up surveys.`;
    },
  },
];
