import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../../domain/common/schemas';
import {
  project,
  projectCreate,
  projectListQuery,
  projectPage,
  projectUpdate,
} from '../../../domain/supplies/catalogue';
import { projects } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import { read, type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { activeChange, changedFields, created, updateVersioned } from '../../platform/records';
import { loadOrganisation } from '../directory/organisations.queries';
import { checkPatched } from './catalogue.checks';
import { listProjects, loadProject, presentProject } from './projects.queries';
import { cataloguePolicy } from './stock.policy';

const params = z.strictObject({ id: uuid });
const tags = ['supplies'];
const PROJECT_FIELDS = ['code', 'name', 'donorOrganisationId', 'startsOn', 'endsOn'] as const;

async function checkDonor(w: Work, id: string | null | undefined) {
  if (!id) return;
  const org = await loadOrganisation(w, id).catch(() => null);
  if (!org)
    throw unprocessable('The donor organisation does not exist', [
      { path: 'donorOrganisationId', message: 'Unknown organisation' },
    ]);
}

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/projects',
    {
      schema: {
        tags,
        description: 'Projects that stock and distributions are attributed to, by code.',
        querystring: projectListQuery,
        response: { 200: projectPage, ...errorResponses },
      },
    },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, cataloguePolicy, 'list');
        return listProjects(w, req.query);
      }),
  );

  app.get(
    '/projects/:id',
    { schema: { tags, params, response: { 200: project, ...errorResponses } } },
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, cataloguePolicy, 'read');
        return presentProject(w, await loadProject(w, req.params.id));
      }),
  );

  app.post(
    '/projects',
    { schema: { tags, body: projectCreate, response: { 201: project, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 201, async (w) => {
        authorize(w.actor, cataloguePolicy, 'create');
        await checkDonor(w, req.body.donorOrganisationId);
        const id = newId();
        await w.tx.insert(projects).values({ ...req.body, id, ...created(w) });
        await w.audit({
          action: 'create',
          entityType: 'project',
          entityId: id,
          changedFields: Object.keys(req.body),
        });
        return presentProject(w, await loadProject(w, id));
      }),
  );

  app.patch(
    '/projects/:id',
    { schema: { tags, params, body: projectUpdate, response: { 200: project, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        authorize(w.actor, cataloguePolicy, 'update');
        const before = (await loadProject(w, req.params.id)).p;
        const { version, ...patch } = req.body;
        checkPatched(projectCreate, before, patch, PROJECT_FIELDS);
        if (patch.donorOrganisationId !== before.donorOrganisationId)
          await checkDonor(w, patch.donorOrganisationId);
        const fields = changedFields(before, patch);
        await updateVersioned(w, projects, before.id, version, patch);
        await w.audit({
          action: activeChange(before.active, patch.active) ?? 'update',
          entityType: 'project',
          entityId: before.id,
          changedFields: fields,
        });
        return presentProject(w, await loadProject(w, before.id));
      }),
  );
};
