import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { line, uuid } from '../../../domain/common/schemas';
import type { ItemCategory } from '../../../domain/supplies/catalogue';
import {
  distribution,
  distributionClose,
  distributionCreate,
  distributionLineCreate,
  distributionListQuery,
  distributionPage,
  distributionPeople,
  distributionPeopleQuery,
  distributionRecipientCreate,
  eligibilityAnswer,
  eligibilityQuery,
  personAssistance,
} from '../../../domain/supplies/distributions';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { loadPerson } from '../registry/persons.queries';
import { assistanceOf } from './assistance.queries';
import { presentDistribution, presentHeader } from './distributions.presenter';
import { linesOf, listDistributions, loadDistribution, recordOf } from './distributions.queries';
import {
  atRoot,
  cancelLine,
  closeDistribution,
  createDistribution,
  type Recorded,
  recordBulkLine,
  recordRecipient,
  warningsFor,
} from './distributions.service';
import { itemOf } from './lots.service';
import { peopleOf } from './recipients.queries';
import { distributionPolicy } from './stock.policy';

const tags = ['supplies'];
const params = z.strictObject({ id: uuid });
const lineParams = z.strictObject({ id: uuid, lineId: uuid });
const cancelBody = z.strictObject({ reason: line(500).optional() }).optional();

const presentOne = async (w: Work, id: string) =>
  presentDistribution(w, await loadDistribution(w, id), await linesOf(w, id));
/** The event's header (counts included) with only the lines this request wrote, as it wrote them. */
const presentWritten = (w: Work, r: Recorded) => presentDistribution(w, r.header, r.lines);

export const distributionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/distributions',
    {
      schema: {
        tags,
        querystring: distributionListQuery,
        response: { 200: distributionPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, distributionPolicy, 'list');
        const p = await listDistributions(w, req.query);
        return { ...p, items: p.items.map((h) => presentHeader(w, h)) };
      }),
  );

  app.get(
    '/distributions/:id/people',
    {
      schema: {
        tags,
        description:
          "The people held at the event's centre on its day, whom its recorder may name: with `q`, the best matches in any spelling or by number and the rules the event's items would cross for each.",
        params,
        querystring: distributionPeopleQuery,
        response: { 200: distributionPeople, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        const h = await loadDistribution(w, req.params.id);
        authorize(w.actor, distributionPolicy, 'record', recordOf(h));
        return peopleOf(w, h, req.query.q || undefined, req.query.limit, (personId, categories) =>
          warningsFor(w, personId, h.d.occurredOn, categories),
        );
      }),
  );

  app.get(
    '/distributions/eligibility',
    {
      schema: {
        tags,
        description: 'The eligibility rules a person would cross by receiving these items on that day.',
        querystring: eligibilityQuery,
        response: { 200: eligibilityAnswer, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, distributionPolicy, 'create');
        const person = await loadPerson(w, req.query.personId);
        const categories = new Set<ItemCategory>();
        for (const [i, id] of req.query.itemIds.entries())
          categories.add((await itemOf(w, id, `itemIds.${i}`)).category as ItemCategory);
        return { warnings: await warningsFor(w, person.id, req.query.on, [...categories]) };
      }),
  );

  app.get(
    '/distributions/:id',
    { schema: { tags, params, response: { 200: distribution, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        const h = await loadDistribution(w, req.params.id);
        authorize(w.actor, distributionPolicy, 'read', recordOf(h));
        return presentDistribution(w, h, await linesOf(w, h.d.id));
      }),
  );

  app.post(
    '/distributions',
    { schema: { tags, body: distributionCreate, response: { 201: distribution, ...errorResponses } } },
    (req, reply) => write(req, reply, 201, async (w) => presentOne(w, await createDistribution(w, req.body))),
  );

  app.post(
    '/distributions/:id/recipients',
    {
      schema: {
        tags,
        description:
          'One person’s lines at once (all saved or none). Crossing an eligibility rule needs `overrideReason` (422 `eligibility_override_needed` otherwise). Answers with the event’s header and only the lines written (GET the event for all).',
        params,
        body: distributionRecipientCreate,
        response: { 201: distribution, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        const h = await loadDistribution(w, req.params.id, true);
        return presentWritten(w, await recordRecipient(w, h, req.body));
      }),
  );

  app.post(
    '/distributions/:id/lines',
    {
      schema: {
        tags,
        description:
          'A bulk line (no person) of a bulk distribution; with `personId`, one person’s line. Answers with the event’s header and only the lines written.',
        params,
        body: distributionLineCreate,
        response: { 201: distribution, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        const h = await loadDistribution(w, req.params.id, true);
        const { personId, overrideReason, ...l } = req.body;
        const written = await atRoot(() =>
          personId
            ? recordRecipient(
                w,
                h,
                { personId, lines: [l], overrideReason },
                { person: 'personId', line: () => '' },
              )
            : recordBulkLine(w, h, { ...l, overrideReason }),
        );
        return presentWritten(w, written);
      }),
  );

  app.post(
    '/distributions/:id/lines/:lineId/cancel',
    {
      schema: {
        tags,
        description: 'Cancels a line: a reversing ledger entry puts its stock back.',
        params: lineParams,
        body: cancelBody,
        response: { 200: distribution, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const h = await loadDistribution(w, req.params.id, true);
        await cancelLine(w, h, req.params.lineId, req.body?.reason);
        return presentOne(w, h.d.id);
      }),
  );

  app.post(
    '/distributions/:id/close',
    { schema: { tags, params, body: distributionClose, response: { 200: distribution, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const h = await loadDistribution(w, req.params.id, true);
        await closeDistribution(w, h, req.body.version);
        return presentOne(w, h.d.id);
      }),
  );

  app.get(
    '/persons/:id/assistance',
    {
      schema: {
        tags,
        description: 'What a person received (distributions), for those who read assistance.',
        params,
        response: { 200: personAssistance, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, distributionPolicy, 'list');
        const person = await loadPerson(w, req.params.id);
        return { items: await assistanceOf(w, person.id) };
      }),
  );
};
