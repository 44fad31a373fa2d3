import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import { alertRule, alertTransition } from '../../../domain/health/alert-rules';
import { alertListQuery, alertPage, alertView } from '../../../domain/health/surveillance';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { alertRecord, presentAlert } from './alerts.presenter';
import { effectiveRules, listAlerts, loadAlert } from './alerts.queries';
import { saveRules, transitionAlert } from './alerts.service';
import { alertPolicy, surveillancePolicy } from './health.policy';

// Outbreak alerts (raised by alerts.service.ts when a consultation crosses a rule) and the rules.

const tags = ['health'];
const params = z.strictObject({ id: uuid });

/** The mission's rules as the alerts apply them; `defaults`: none saved, the built-in ones apply. */
export const alertRuleSet = z.object({ rules: z.array(alertRule), defaults: z.boolean() });
export const alertRulesUpdate = z.strictObject({ rules: z.array(alertRule).max(200) });

const presentOne = async (w: Work, id: string) => presentAlert(w, await loadAlert(w, id));

export const alertRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/alerts',
    {
      schema: {
        tags,
        description:
          'Alerts in the reader’s centres, newest first; filter by status, centre, syndrome and week.',
        querystring: alertListQuery,
        response: { 200: alertPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, alertPolicy, 'list');
        return listAlerts(w, req.query);
      }),
  );

  app.get(
    '/alerts/:id',
    {
      schema: {
        tags,
        description: 'One alert, with who last acted on it and the actions the reader may take.',
        params,
        response: { 200: alertView, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, alertPolicy, 'list');
        const row = await loadAlert(w, req.params.id);
        authorize(w.actor, alertPolicy, 'read', alertRecord(row));
        return presentAlert(w, row);
      }),
  );

  app.post(
    '/alerts/:id/transition',
    {
      schema: {
        tags,
        description:
          'Verifies or discards a new alert (clinicians at the centre), or records the response to a verified one (clinicians and managers); records who acted and when. 422 `alert_transition_not_allowed` for a move the status does not allow, 409 on a stale version.',
        params,
        body: alertTransition,
        response: { 200: alertView, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const action = { verified: 'verify', discarded: 'discard', responded: 'respond' } as const;
        authorize(w.actor, alertPolicy, action[req.body.status]);
        await transitionAlert(w, await loadAlert(w, req.params.id), req.body);
        return presentOne(w, req.params.id);
      }),
  );

  app.get(
    '/alert-rules',
    {
      schema: {
        tags,
        description: 'The rules alerts are raised by: the mission’s own, or the defaults when it has none.',
        response: { 200: alertRuleSet, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, surveillancePolicy, 'read');
        return effectiveRules(w);
      }),
  );

  app.put(
    '/alert-rules',
    {
      schema: {
        tags,
        description:
          'Replaces the mission’s alert rules, all or nothing (a mission-wide clinician); an empty list goes back to the defaults. Alerts already raised keep their figures.',
        body: alertRulesUpdate,
        response: { 200: alertRuleSet, ...errorResponses },
      },
    },
    (req, reply) =>
      write(
        req,
        reply,
        200,
        async (w) => {
          authorize(w.actor, surveillancePolicy, 'set_rules');
          await saveRules(w, req.body.rules);
          return effectiveRules(w);
        },
        { reread: effectiveRules },
      ),
  );
};
