import { and, asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  type ConsularInterview,
  type ConsularInterviewCreate,
  consularInterviewCreate,
  consularInterviewList,
} from '../../../domain/returns/embassy';
import { consularInterviews, embassyRequests, organisations } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { allowedActions, authorize } from '../../platform/policy';
import { iso } from '../../platform/records';
import { personReach } from '../registry/persons.scope';
import { consularInterviewPolicy, type InterviewRecord } from './embassy-requests.policy';
import { loadEmbassy } from './embassy-requests.queries';
import { confirmNationality } from './embassy-requests.service';
import { loadReturnCase, type ReturnCaseRow } from './return-cases.queries';

// Consular interviews of a case (in person or by video): an interview that confirms the
// nationality moves a protection-cleared case on, as an embassy's confirmation does.

const tags = ['returns'];
const params = z.strictObject({ id: uuid });

const interviewRecord = async (w: Work, row: ReturnCaseRow): Promise<InterviewRecord> => ({
  reach: await personReach(w, row.personId),
  state: row.state,
});

async function listOf(w: Work, row: ReturnCaseRow) {
  const found = await w.tx
    .select({ i: consularInterviews, name: organisations.name })
    .from(consularInterviews)
    .innerJoin(
      organisations,
      and(
        eq(organisations.missionId, consularInterviews.missionId),
        eq(organisations.id, consularInterviews.embassyOrganisationId),
      ),
    )
    .where(and(eq(consularInterviews.missionId, w.actor.missionId), eq(consularInterviews.caseId, row.id)))
    .orderBy(asc(consularInterviews.heldOn), asc(consularInterviews.createdAt));
  return {
    items: found.map(
      ({ i, name }): ConsularInterview => ({
        id: i.id,
        caseId: i.caseId,
        heldOn: i.heldOn,
        mode: i.mode as ConsularInterview['mode'],
        outcome: i.outcome as ConsularInterview['outcome'],
        embassy: { id: i.embassyOrganisationId, name },
        requestId: i.requestId,
        note: i.note,
        createdAt: iso(i.createdAt),
      }),
    ),
    allowedActions: allowedActions(w.actor, consularInterviewPolicy, await interviewRecord(w, row)),
  };
}

async function recordInterview(w: Work, caseId: string, body: ConsularInterviewCreate) {
  const row = await loadReturnCase(w, caseId, { lock: true });
  authorize(w.actor, consularInterviewPolicy, 'record', await interviewRecord(w, row));
  await loadEmbassy(w, body.embassyOrganisationId);
  if (body.requestId) {
    const [r] = await w.tx
      .select({ id: embassyRequests.id })
      .from(embassyRequests)
      .where(and(eq(embassyRequests.missionId, w.actor.missionId), eq(embassyRequests.id, body.requestId)));
    if (!r) throw unprocessable('No such embassy request', [{ path: 'requestId', message: 'Not found' }]);
  }
  const id = newId();
  await w.tx.insert(consularInterviews).values({
    missionId: w.actor.missionId,
    id,
    caseId: row.id,
    personId: row.personId,
    embassyOrganisationId: body.embassyOrganisationId,
    requestId: body.requestId ?? null,
    heldOn: body.heldOn,
    mode: body.mode,
    outcome: body.outcome,
    note: body.note ?? null,
    createdByOrganisationId: w.actor.organisationId,
    createdBy: w.actor.userId,
    updatedBy: w.actor.userId,
  });
  await w.audit({
    action: 'create',
    entityType: 'consular_interview',
    entityId: id,
    changedFields: Object.keys(body),
    detail: { caseId: row.id, personId: row.personId, outcome: body.outcome },
  });
  if (body.outcome === 'confirmed') await confirmNationality(w, row.id);
  return row.id;
}

export const consularInterviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/returns/:id/consular-interviews',
    {
      schema: {
        tags,
        description: 'The consular interviews of a return case, oldest first, with what the reader may do.',
        params,
        response: { 200: consularInterviewList, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, consularInterviewPolicy, 'list');
        return listOf(w, await loadReturnCase(w, req.params.id));
      }),
  );

  app.post(
    '/returns/:id/consular-interviews',
    {
      schema: {
        tags,
        description:
          'Records a consular interview (in person or by video) and its outcome. A confirmed nationality moves a protection-cleared case to nationality confirmed.',
        params,
        body: consularInterviewCreate,
        response: { 201: consularInterviewList, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        await recordInterview(w, req.params.id, req.body);
        return listOf(w, await loadReturnCase(w, req.params.id));
      }),
  );
};
