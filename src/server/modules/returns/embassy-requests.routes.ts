import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  embassyAnswers,
  embassyCandidates,
  embassyCandidatesQuery,
  embassyExportQuery,
  embassyLanguage,
  embassyRequestCreate,
  embassyRequestPage,
  embassyRequestSend,
  embassyRequestView,
} from '../../../domain/returns/embassy';
import type { ReturnState } from '../../../domain/returns/states';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { exportEmbassyRequest } from './embassy-requests.export';
import { embassyRequestPolicy } from './embassy-requests.policy';
import { presentRequest, presentSummary } from './embassy-requests.presenter';
import {
  candidates,
  listEmbassyRequests,
  loadEmbassy,
  loadEmbassyRequest,
  requestFields,
  sharedRows,
} from './embassy-requests.queries';
import { answerEmbassyRequest, createEmbassyRequest, sendEmbassyRequest } from './embassy-requests.service';

const tags = ['returns'];
const params = z.strictObject({ id: uuid });

/** The request as its reader gets it back after a read or a write. */
async function view(w: Work, id: string) {
  const r = await loadEmbassyRequest(w, id);
  const e = await loadEmbassy(w, r.embassyOrganisationId);
  return presentRequest(w, r, { id: e.id, name: e.name, countryCode: e.countryCode });
}

export const embassyRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/embassy-requests',
    {
      schema: {
        tags,
        description:
          'Embassy requests the reader sees (latest first), each counting the people the reader reaches.',
        response: { 200: embassyRequestPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, embassyRequestPolicy, 'list');
        const items = [];
        for (const { r, embassy } of await listEmbassyRequests(w)) {
          const { visible: _v, ...s } = await presentSummary(w, r, embassy);
          items.push(s);
        }
        return { items };
      }),
  );

  app.get(
    '/embassy-requests/candidates',
    {
      schema: {
        tags,
        description:
          'Who a new request for this embassy and nationality would hold now (consent to return for that embassy, protection gate not blocked, nationality not yet confirmed, within the writer’s reach), with the embassy’s profile fields only.',
        querystring: embassyCandidatesQuery,
        response: { 200: embassyCandidates, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, embassyRequestPolicy, 'create');
        const embassy = await loadEmbassy(w, req.query.embassyOrganisationId);
        const found = await candidates(w, embassy.id, req.query.nationality);
        const language = embassyLanguage(embassy.countryCode);
        const fields = await requestFields(w, { embassyOrganisationId: embassy.id, sentFields: null });
        const rows = await sharedRows(w, fields, language, found);
        return {
          language,
          fields,
          items: found.map((x, i) => ({
            caseId: x.case.id,
            caseReference: x.case.reference,
            personId: x.person.id,
            state: x.case.state as ReturnState,
            fields: rows[i]!,
          })),
        } as z.infer<typeof embassyCandidates>;
      }),
  );

  app.post(
    '/embassy-requests',
    {
      schema: {
        tags,
        description:
          'Drafts a request to an embassy for one nationality: it holds the cases that are candidates now (see /embassy-requests/candidates). Language: the embassy’s by default.',
        body: embassyRequestCreate,
        response: { 201: embassyRequestView, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => view(w, (await createEmbassyRequest(w, req.body)).id)),
  );

  app.get(
    '/embassy-requests/:id',
    {
      schema: {
        tags,
        description:
          'A request with the people the reader reaches and only the embassy’s profile fields; while unsent, anyone whose consent was withdrawn is no longer on it.',
        params,
        response: { 200: embassyRequestView, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, embassyRequestPolicy, 'read');
        return view(w, req.params.id);
      }),
  );

  app.post(
    '/embassy-requests/:id/send',
    {
      schema: {
        tags,
        description:
          'Marks the request sent: people whose consent lapsed are taken off first (audited), the profile fields are kept as sent, and each person’s data leaving is audited as a share. Needs the returns write on everyone on it.',
        params,
        body: embassyRequestSend,
        response: { 200: embassyRequestView, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await sendEmbassyRequest(w, req.params.id, req.body);
        return view(w, req.params.id);
      }),
  );

  app.post(
    '/embassy-requests/:id/answers',
    {
      schema: {
        tags,
        description:
          'Records the embassy’s answer for some people on a sent request (confirmed / not_confirmed / interview_needed). A confirmation moves a protection-cleared case to nationality confirmed.',
        params,
        body: embassyAnswers,
        response: { 200: embassyRequestView, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await answerEmbassyRequest(w, req.params.id, req.body);
        return view(w, req.params.id);
      }),
  );

  app.get(
    '/embassy-requests/:id/export',
    {
      schema: {
        tags,
        description:
          'The list for the embassy (XLSX or PDF) in the request’s language: the people whose consent holds, the profile’s fields only. Audited as a share.',
        params,
        querystring: embassyExportQuery,
        response: { 200: z.unknown().describe('The file'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { format } = req.query;
      const out = await read(req, (w) => exportEmbassyRequest(w, req.params.id, format));
      return reply
        .type(
          format === 'pdf'
            ? 'application/pdf'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${out.name}"`)
        .header('cache-control', 'no-store')
        .send(out.body);
    },
  );
};
