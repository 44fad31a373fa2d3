import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  followUpComplete,
  followUpListQuery,
  followUpPage,
  mhpssFollowUp,
} from '../../../domain/health/mhpss-follow-ups';
import { mhpssFollowUps } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import { read, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { auditListRead } from '../../platform/read-audit';
import { updateVersioned } from '../../platform/records';
import { personReach } from '../registry/persons.scope';
import { followUpPolicy } from './counselling.policy';
import { followUpRecord, listFollowUps, loadFollowUp, presentFollowUps } from './follow-ups.queries';

const tags = ['health'];
const params = z.strictObject({ id: uuid });

export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/mhpss-follow-ups',
    {
      schema: {
        tags,
        description:
          'Counselling follow-ups: the reader’s own (`mine=false`: every one of the people they reach), open before done, earliest due first, urgent first on a day. Counsellors only; the read is audited with the ids listed.',
        querystring: followUpListQuery,
        response: { 200: followUpPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, followUpPolicy, 'list');
        const p = await listFollowUps(w, req.query);
        await auditListRead(
          w,
          'mhpss_follow_up',
          p.items.map((r) => r.f.id),
          { mine: req.query.mine },
        );
        return { ...p, items: await presentFollowUps(w, p.items) };
      }),
  );

  app.post(
    '/mhpss-follow-ups/:id/complete',
    {
      schema: {
        tags,
        description: 'Marks an open follow-up done (with its `version`). Only its assignee may.',
        params,
        body: followUpComplete,
        response: { 200: mhpssFollowUp, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        authorize(w.actor, followUpPolicy, 'complete');
        const row = await loadFollowUp(w, req.params.id, true);
        if (row.f.status !== 'open')
          throw unprocessable('This follow-up is already done', undefined, 'follow_up_done');
        authorize(
          w.actor,
          followUpPolicy,
          'complete',
          followUpRecord(w, row.f, await personReach(w, row.f.personId)),
        );
        const f = await updateVersioned(w, mhpssFollowUps, row.f.id, req.body.version, {
          status: 'done',
          doneAt: w.now,
        });
        await w.audit({
          action: 'close',
          entityType: 'mhpss_follow_up',
          entityId: f.id,
          changedFields: ['status', 'doneAt'],
          detail: { sessionId: f.sessionId, personId: f.personId },
        });
        return (await presentFollowUps(w, [{ ...row, f }]))[0]!;
      }),
  );
};
