import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { eligibilityRules, stockBalances } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { created } from '../../platform/records';
import { buildPerson } from '../../test/factories';
import { type Client, json, type TestApp } from '../../test/harness';

// Small builders for the distribution tests (people through the registry's API, rules and on hand
// straight from the database: they are set up, not under test here).

export type Line = {
  id: string;
  personId: string | null;
  personName: string | null;
  registrationNumber: string | null;
  itemId: string;
  lotId: string;
  quantity: number;
  projectId: string | null;
  overridden: boolean;
  cancelled: boolean;
  allowedActions: string[];
};
export type Dist = {
  id: string;
  reference: string;
  status: string;
  kind: string;
  version: number;
  recipients: number;
  lines: Line[];
  allowedActions: string[];
};

export const register = async (
  c: Client,
  centreId: string,
  o: Partial<ReturnType<typeof buildPerson>> = {},
): Promise<string> => {
  const res = await c.post('/api/v1/persons', buildPerson(centreId, o));
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
};

export const ruleOf = (t: TestApp, category: string, intervalDays: number, allowed = 1) =>
  asSystem(t.ctx, t.missionId, (w) =>
    w.tx
      .insert(eligibilityRules)
      .values({ ...created(w), category, intervalDays, allowed })
      .onConflictDoNothing(),
  );

export const onHand = (t: TestApp, stockPointId: string, lotId: string) =>
  asSystem(t.ctx, t.missionId, async (w) => {
    const [b] = await w.tx
      .select({ onHand: stockBalances.onHand })
      .from(stockBalances)
      .where(and(eq(stockBalances.stockPointId, stockPointId), eq(stockBalances.lotId, lotId)));
    return b?.onHand ?? 0;
  });

/** Opens a distribution and returns it (fails the test unless 201). */
export async function open(
  c: Client,
  body: { centreId: string; stockPointId: string; itemIds: string[]; occurredOn?: string; kind?: string },
): Promise<Dist> {
  const res = await c.post('/api/v1/distributions', {
    occurredOn: '2026-10-15',
    kind: 'individual',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<Dist>(res);
}
