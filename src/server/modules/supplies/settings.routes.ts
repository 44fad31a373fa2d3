import { and, asc, eq, notInArray, type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  type EligibilityRule,
  eligibilityRules as eligibilityRulesOut,
  eligibilityRulesSet,
  ITEM_CATEGORIES,
  suppliesSettings as suppliesSettingsOut,
  suppliesSettingsUpdate,
} from '../../../domain/supplies/catalogue';
import { eligibilityRules, suppliesSettings } from '../../db/schema/index';
import { staleVersion, unprocessable } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { changedFields, created } from '../../platform/records';
import { settingsOf } from './lots.service';
import { cataloguePolicy } from './stock.policy';

// The mission's supplies settings (one row, made by the first save: version 0 means "never saved",
// the defaults) and its eligibility rules per item category (replaced as a whole).

const tags = ['supplies'];
type Settings = z.infer<typeof suppliesSettingsOut>;

type Stored = { nearExpiryBlockDays: number; nearExpiryBlockCategories: string[]; version: number };

const presentSettings = (s: Stored): Settings => ({
  nearExpiryBlockDays: s.nearExpiryBlockDays,
  nearExpiryBlockCategories: s.nearExpiryBlockCategories as Settings['nearExpiryBlockCategories'],
  version: s.version,
});

/** The categories in the catalogue's order, once each. */
const categoriesOf = (cs: readonly string[]) => ITEM_CATEGORIES.filter((c) => cs.includes(c));

async function rulesOf(w: Work): Promise<EligibilityRule[]> {
  const rows = await w.tx
    .select()
    .from(eligibilityRules)
    .where(eq(eligibilityRules.missionId, w.actor.missionId))
    .orderBy(asc(eligibilityRules.category));
  return rows.map((r) => ({
    category: r.category as EligibilityRule['category'],
    intervalDays: r.intervalDays,
    allowed: r.allowed,
  }));
}

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stock/settings',
    {
      schema: {
        tags,
        description: "The mission's supplies settings (version 0: never saved, the defaults).",
        response: { 200: suppliesSettingsOut, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, cataloguePolicy, 'read');
        return presentSettings(await settingsOf(w));
      }),
  );

  app.patch(
    '/stock/settings',
    {
      schema: {
        tags,
        body: suppliesSettingsUpdate,
        response: { 200: suppliesSettingsOut, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        authorize(w.actor, cataloguePolicy, 'update');
        const { version, ...rest } = req.body;
        const patch = {
          ...rest,
          ...(rest.nearExpiryBlockCategories
            ? { nearExpiryBlockCategories: categoriesOf(rest.nearExpiryBlockCategories) }
            : {}),
        };
        const current = await settingsOf(w);
        if (current.version !== version) throw staleVersion();
        const mine = eq(suppliesSettings.missionId, w.actor.missionId);
        // the first save creates the row; a concurrent first save finds it made (409)
        const [row] =
          version === 0
            ? await w.tx
                .insert(suppliesSettings)
                .values({ ...created(w), ...patch })
                .onConflictDoNothing()
                .returning()
            : await w.tx
                .update(suppliesSettings)
                .set({
                  ...patch,
                  version: sql`${suppliesSettings.version} + 1`,
                  updatedAt: w.now,
                  updatedBy: w.actor.userId,
                })
                .where(and(mine, eq(suppliesSettings.version, version)))
                .returning();
        if (!row) throw staleVersion();
        await w.audit({
          action: version === 0 ? 'create' : 'update',
          entityType: 'supplies_settings',
          entityId: w.actor.missionId,
          changedFields: changedFields({ ...current }, patch),
        });
        return presentSettings(row);
      }),
  );

  app.get(
    '/distributions/rules',
    {
      schema: {
        tags,
        description: 'How many distributions of a category a person may receive per interval.',
        response: { 200: eligibilityRulesOut, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, cataloguePolicy, 'read');
        return { items: await rulesOf(w) };
      }),
  );

  app.put(
    '/distributions/rules',
    {
      schema: {
        tags,
        description: "Replaces the mission's eligibility rules (one per category at most).",
        body: eligibilityRulesSet,
        response: { 200: eligibilityRulesOut, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        authorize(w.actor, cataloguePolicy, 'update');
        const { items } = req.body;
        const twice = items.flatMap((r, i) =>
          items.findIndex((o) => o.category === r.category) < i
            ? [{ path: `items.${i}.category`, message: 'One rule per category' }]
            : [],
        );
        if (twice.length) throw unprocessable('A category has more than one rule', twice);
        const before = new Map((await rulesOf(w)).map((r) => [r.category, r]));
        const mine = eq(eligibilityRules.missionId, w.actor.missionId);
        const kept = items.map((r) => r.category);
        await w.tx
          .delete(eligibilityRules)
          .where(and(mine, kept.length ? notInArray(eligibilityRules.category, kept) : undefined) as SQL);
        for (const r of items)
          await w.tx
            .insert(eligibilityRules)
            .values({ ...r, ...created(w) })
            .onConflictDoUpdate({
              target: [eligibilityRules.missionId, eligibilityRules.category],
              set: {
                intervalDays: r.intervalDays,
                allowed: r.allowed,
                updatedAt: w.now,
                updatedBy: w.actor.userId,
                version: sql`${eligibilityRules.version} + 1`,
              },
            });
        // the categories whose rule was added, changed or removed
        const changed = ITEM_CATEGORIES.filter((c) => {
          const a = before.get(c);
          const b = items.find((r) => r.category === c);
          return a?.intervalDays !== b?.intervalDays || a?.allowed !== b?.allowed;
        });
        await w.audit({
          action: 'update',
          entityType: 'eligibility_rules',
          entityId: w.actor.missionId,
          changedFields: changed,
        });
        return { items: await rulesOf(w) };
      }),
  );
};
