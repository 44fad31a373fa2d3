import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { countryName } from '../../../domain/common/countries';
import { PERSON_STATUS_LABELS, SEX_LABELS } from '../../../domain/registry/labels';
import { personListQuery } from '../../../domain/registry/schemas';
import { exportRoute } from '../../platform/export';
import { authorize } from '../../platform/policy';
import { personPolicy } from './persons.policy';
import { presentPeople } from './persons.presenter';
import { searchPersons } from './search';

/**
 * GET /persons/export: the people list as a file, through the list's own search and presenter
 * (so only people and fields the reader sees in the list), with the same filters.
 */
export const personExportRoutes: FastifyPluginAsyncZod = async (app) => {
  exportRoute(app, {
    path: '/persons',
    resource: 'person',
    tags: ['registry'],
    query: personListQuery,
    authorize: (w) => authorize(w.actor, personPolicy, 'list'),
    page: async (w, q) => {
      const found = await searchPersons(w, q);
      return { items: await presentPeople(w, found.items), nextCursor: found.nextCursor };
    },
    columns: [
      { key: 'registrationNumber', value: (p) => p.registrationNumber },
      { key: 'givenName', value: (p) => p.givenName },
      { key: 'familyName', value: (p) => p.familyName },
      { key: 'fullNameOriginal', value: (p) => p.fullNameOriginal },
      { key: 'sex', value: (p) => p.sex, labels: SEX_LABELS },
      { key: 'birthDate', value: (p) => p.birthDate },
      { key: 'birthDateEstimated', value: (p) => p.birthDateEstimated },
      { key: 'age', value: (p) => p.age },
      { key: 'nationality', value: (p) => p.nationality, labels: countryName },
      { key: 'phone', value: (p) => p.phone },
      { key: 'status', value: (p) => p.status, labels: PERSON_STATUS_LABELS },
      { key: 'centre', value: (p) => p.current?.centreName },
      { key: 'admittedOn', value: (p) => p.current?.admittedOn },
    ],
  });
};
