import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  createExitClearance,
  createReturnCase,
  createTravelDocument,
  personReturns,
  protectionClearance,
  returnCase,
  returnCaseListQuery,
  returnCasePage,
  transitionReturnCase,
  updateReturnCase,
} from '../../../domain/returns/cases';
import { FINAL_STATES, type ReturnState } from '../../../domain/returns/states';
import { notFound } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize } from '../../platform/policy';
import { loadPerson } from '../registry/persons.queries';
import { personReach } from '../registry/persons.scope';
import { casesOfPerson, headersOf, listReturnCases, openCaseOf } from './return-cases.list';
import { presentReturnCase, presentSummaries } from './return-cases.presenter';
import { loadReturnCase } from './return-cases.queries';
import { clearProtection, editReturnCase, openReturnCase, transitionCase } from './return-cases.service';
import { addExitClearance, addTravelDocument } from './return-documents.service';
import { readsReturns, returnCasePolicy, returnFlagPolicy } from './returns.policy';

// The return cases API (issue 13; the contract is in the returns prompt's route list). Reads are
// not audited (returns is neither protection nor medical data); every write is, in its service.

const tags = ['returns'];
const params = z.strictObject({ id: uuid });

/** Reads one case whole, as a write's answer. */
const presentOne = async (w: Work, id: string) => {
  const [h] = await headersOf(w, [id]);
  if (!h) throw notFound('Return case');
  return presentReturnCase(w, h);
};

/** The case for a write: in scope (404 otherwise) and locked until the transaction ends. */
const locked = (w: Work, id: string) => {
  authorize(w.actor, returnCasePolicy, 'read');
  return loadReturnCase(w, id, { lock: true });
};

export const returnCaseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/returns',
    {
      schema: {
        tags,
        description:
          'Return cases the reader may see, latest request first (or sorted), filtered by state, nationality, centre, project, person and `q` (reference, registration number or name); counted.',
        querystring: returnCaseListQuery,
        response: { 200: returnCasePage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, returnCasePolicy, 'list');
        const p = await listReturnCases(w, req.query);
        return { ...p, items: await presentSummaries(w, p.items) };
      }),
  );

  app.post(
    '/returns',
    {
      schema: {
        tags,
        description:
          'Opens a return case for a person in the writer’s reach, in state `requested`. A person has at most one case in progress (409 `return_case_open`). The embassy must be an organisation of kind `embassy` (422).',
        body: createReturnCase,
        response: { 201: returnCase, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => presentOne(w, (await openReturnCase(w, req.body)).id)),
  );

  app.get(
    '/returns/:id',
    {
      schema: {
        tags,
        description:
          'One return case: its next states, each with what blocks it now (`blockers`, in words), the time spent in each state and who moved it, travel documents and exit visas, fitness to travel as a flag (to those who may see it), and the protection gate; the protection officer’s clearance reason only to those who read protection data.',
        params,
        response: { 200: returnCase, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, returnCasePolicy, 'read');
        const row = await loadReturnCase(w, req.params.id);
        return presentOne(w, row.id);
      }),
  );

  app.patch(
    '/returns/:id',
    {
      schema: {
        tags,
        description:
          'Corrects a case in progress (with its version): the embassy, the project, the country of return. The state changes only through transitions.',
        params,
        body: updateReturnCase,
        response: { 200: returnCase, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await editReturnCase(w, await locked(w, req.params.id), req.body);
        return presentOne(w, req.params.id);
      }),
  );

  app.post(
    '/returns/:id/transitions',
    {
      schema: {
        tags,
        description:
          'Moves the case to `to` (with its version) if the state machine allows it on today’s facts: consent, protection gate, nationality, travel document, exit visa and fitness valid on the departure date, booking… Refused: 422 with every blocker on `to` (`errors[].path = "to"`). Withdrawn, ineligible and no-show need a `reason`. The span of the state left is closed; audited.',
        params,
        body: transitionReturnCase,
        response: { 200: returnCase, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const row = await locked(w, req.params.id);
        await transitionCase(w, row, { ...req.body, to: req.body.to as ReturnState });
        return presentOne(w, row.id);
      }),
  );

  app.post(
    '/returns/:id/protection-clearance',
    {
      schema: {
        tags,
        description:
          'A protection officer (on the person’s reach) documents why return is still appropriate for a person flagged with a possible need for international protection, while the gate is blocked. The reason is stored encrypted; audited.',
        params,
        body: protectionClearance,
        response: { 200: returnCase, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        await clearProtection(w, await locked(w, req.params.id), req.body);
        return presentOne(w, req.params.id);
      }),
  );

  app.post(
    '/returns/:id/travel-documents',
    {
      schema: {
        tags,
        description:
          'Records a travel document issued by an embassy (an organisation of kind `embassy`, 422 otherwise), before departure. Nothing goes to an embassy about a person whose protection gate is blocked (422).',
        params,
        body: createTravelDocument,
        response: { 201: returnCase, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        await addTravelDocument(w, await locked(w, req.params.id), req.body);
        return presentOne(w, req.params.id);
      }),
  );

  app.post(
    '/returns/:id/exit-clearances',
    {
      schema: {
        tags,
        description: 'Records the exit visa from the authorities (reference, issue date, last valid day).',
        params,
        body: createExitClearance,
        response: { 201: returnCase, ...errorResponses },
      },
    },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        await addExitClearance(w, await locked(w, req.params.id), req.body);
        return presentOne(w, req.params.id);
      }),
  );

  app.get(
    '/persons/:id/returns',
    {
      schema: {
        tags,
        description:
          'A person’s return cases (for those who read returns), or only whether a return is in progress and its state (doctors and nurses, who certify fitness to travel).',
        params,
        response: { 200: personReturns, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        const reader = readsReturns(w.actor);
        if (!reader) authorize(w.actor, returnFlagPolicy, 'read');
        const person = await loadPerson(w, req.params.id);
        if (!reader) {
          authorize(w.actor, returnFlagPolicy, 'read', { reach: await personReach(w, person.id) });
          const open = await openCaseOf(w, person.id);
          return { inProgress: !!open, state: (open?.state ?? null) as ReturnState | null };
        }
        const items = await presentSummaries(w, await casesOfPerson(w, person.id));
        const open = items.find((i) => !FINAL_STATES.includes(i.state));
        return { items, inProgress: !!open, state: open?.state ?? null };
      }),
  );
};
