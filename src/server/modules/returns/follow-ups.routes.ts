import { and, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  followUp,
  followUpList,
  followUpListQuery,
  returnsSettingsUpdate,
  returnsSettingsView,
  surveySubmission,
} from '../../../domain/returns/reintegration';
import { storedSurvey } from '../../../domain/returns/sustainability';
import { returnsSettings } from '../../db/schema/index';
import { staleVersion } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { allowedActions, authorize } from '../../platform/policy';
import { auditListRead } from '../../platform/read-audit';
import { changedFields, created } from '../../platform/records';
import { dueFollowUps, followUpsOfCase, presentFollowUp } from './follow-ups.queries';
import { recordSurvey } from './follow-ups.service';
import { reintegrationFollowUpPolicy, returnsSettingsPolicy } from './reintegration.policy';
import { returnsSettingsOf } from './reintegration.queries';
import { loadReturnCase } from './return-cases.queries';
import { activeSurvey } from './surveys.queries';

// Follow-ups after arrival, the sustainability survey they are scored with, and the mission's
// returns settings (the follow-up schedule).

const tags = ['returns'];
const params = z.strictObject({ id: uuid });

const settingsView = async (w: Work) => ({
  ...(await returnsSettingsOf(w)),
  allowedActions: allowedActions(w.actor, returnsSettingsPolicy, undefined),
});

export const reintegrationFollowUpRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reintegration-follow-ups',
    {
      schema: {
        tags,
        description:
          'Follow-ups not yet done of the cases the reader reaches, soonest due first: `due=overdue` (before today), `upcoming` (today or later) or `open` (both). The read is audited with the ids listed.',
        querystring: followUpListQuery,
        response: { 200: followUpList, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, reintegrationFollowUpPolicy, 'list');
        const items = await dueFollowUps(w, req.query.due);
        await auditListRead(
          w,
          'reintegration_follow_up',
          items.map((f) => f.id),
          { filters: req.query },
        );
        return { items };
      }),
  );

  app.get(
    '/returns/:id/follow-ups',
    {
      schema: {
        tags,
        description:
          "The case's follow-ups (scheduled when its plan was made), with answers and scores when done.",
        params,
        response: { 200: followUpList, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, reintegrationFollowUpPolicy, 'read');
        const row = await loadReturnCase(w, req.params.id);
        return { items: await followUpsOfCase(w, row.id) };
      }),
  );

  app.post(
    '/reintegration-follow-ups/:id/survey',
    {
      schema: {
        tags,
        description:
          'Records the follow-up: answers (question id → option value) to the active sustainability survey, checked against it (400 with `answers.<question>` per wrong or missing answer), scored per dimension (mean 0–1) and as the weighted composite, and stored with the survey version.',
        params,
        body: surveySubmission,
        response: { 200: followUp, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        authorize(w.actor, reintegrationFollowUpPolicy, 'record_survey');
        await recordSurvey(w, req.params.id, req.body);
        return presentFollowUp(w, req.params.id);
      }),
  );

  // the contract's path (returns-api) and the explicit one: the same answer
  for (const path of ['/sustainability-surveys', '/sustainability-surveys/active'])
    app.get(
      path,
      {
        schema: {
          tags,
          description:
            "The mission's active sustainability survey: dimensions and their weights, questions with their answer options and scores, in English, Arabic and French (stored from the default on first use).",
          response: { 200: storedSurvey, ...errorResponses },
        },
      },
      (req) =>
        read(req, async (w) => {
          authorize(w.actor, reintegrationFollowUpPolicy, 'read');
          return activeSurvey(w);
        }),
    );

  app.get(
    '/returns-settings',
    {
      schema: {
        tags,
        description: "The mission's returns settings (version 0: never saved, the defaults).",
        response: { 200: returnsSettingsView, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, returnsSettingsPolicy, 'read');
        return settingsView(w);
      }),
  );

  app.put(
    '/returns-settings',
    {
      schema: {
        tags,
        description:
          'Sets the months after arrival at which follow-ups are due (plans made from now on use them; follow-ups already scheduled stay). Mission-wide returns writers only; `version` 0 for the first save, 409 when stale.',
        body: returnsSettingsUpdate,
        response: { 200: returnsSettingsView, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        authorize(w.actor, returnsSettingsPolicy, 'update');
        const { version } = req.body;
        const followUpMonths = [...req.body.followUpMonths].sort((a, b) => a - b);
        const current = await returnsSettingsOf(w);
        if (current.version !== version) throw staleVersion();
        const mine = eq(returnsSettings.missionId, w.actor.missionId);
        // the first save creates the row; a concurrent first save finds it made (409)
        const [row] =
          version === 0
            ? await w.tx
                .insert(returnsSettings)
                .values({ ...created(w), followUpMonths })
                .onConflictDoNothing()
                .returning()
            : await w.tx
                .update(returnsSettings)
                .set({
                  followUpMonths,
                  version: sql`${returnsSettings.version} + 1`,
                  updatedAt: w.now,
                  updatedBy: w.actor.userId,
                })
                .where(and(mine, eq(returnsSettings.version, version)))
                .returning();
        if (!row) throw staleVersion();
        await w.audit({
          action: version === 0 ? 'create' : 'update',
          entityType: 'returns_settings',
          entityId: w.actor.missionId,
          changedFields: changedFields({ followUpMonths: current.followUpMonths }, { followUpMonths }),
        });
        return settingsView(w);
      }),
  );
};
