import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildOrganisation } from '../test/factories';
import { json } from '../test/harness';
import { items, type Kind, page, type Rec, sampler, TODAY, walk } from './allowed-actions.fixtures';

// Return cases in the allowedActions walk. The demo has no returns yet, so the samples are made
// here, over the API: an embassy, and a case just opened for someone held at each of the walk's
// first two centres (the other centre's officers are out of reach of one of them).

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return json<T>(res);
};
const post = (url: string, payload: Record<string, unknown>) => ({ method: 'POST' as const, url, payload });
const url = (id: string) => `/api/v1/returns/${id}`;

let embassy = '';

export const RETURNS_KINDS: Kind[] = [
  {
    name: 'return case',
    actions: [
      'read',
      'update',
      'transition',
      'clear_protection',
      'add_travel_document',
      'add_exit_clearance',
      'record_arrival',
    ],
    async sample() {
      embassy = ok<{ id: string }>(
        await walk.t.admin.post(
          '/api/v1/organisations',
          buildOrganisation({ kind: 'embassy', countryCode: 'SDN' }),
        ),
        201,
      ).id;
      const officer = await sampler('return_officer');
      const made: Rec[] = [];
      for (const centreId of walk.centres.slice(0, 2)) {
        const held = await items(officer, `/api/v1/persons?centreId=${centreId}&present=true&limit=50`);
        // the last of the list: the clinics' samples take the first ones
        const personId = held.at(-1)?.id;
        if (!personId) throw new Error('the registry demo holds no one at the centre');
        made.push(
          ok<Rec>(
            await officer.post('/api/v1/returns', {
              personId,
              programme: 'vhr',
              destinationCountry: 'SDN',
              embassyOrganisationId: embassy,
              requestedOn: TODAY,
            }),
            201,
          ),
        );
      }
      return made;
    },
    seen: (c, r) => page(c, url(r.id)),
    attempt(action, r) {
      if (action === 'read') return { method: 'GET', url: url(r.id) };
      if (action === 'update')
        return { method: 'PATCH', url: url(r.id), payload: { version: r.version, projectId: null } };
      if (action === 'transition')
        return post(`${url(r.id)}/transitions`, { version: r.version, to: 'counselled' });
      if (action === 'clear_protection')
        return post(`${url(r.id)}/protection-clearance`, {
          version: r.version,
          reason: 'Return remains appropriate',
        });
      if (action === 'add_travel_document')
        return post(`${url(r.id)}/travel-documents`, {
          type: 'passport',
          issuingOrganisationId: embassy,
          number: 'P7654321',
          issuedOn: '2025-03-01',
          expiresOn: '2030-02-28',
        });
      if (action === 'add_exit_clearance')
        return post(`${url(r.id)}/exit-clearances`, {
          reference: 'EX-9',
          issuedOn: TODAY,
          validUntil: '2026-12-31',
        });
      if (action === 'record_arrival') return post(`${url(r.id)}/arrival`, { arrivedOn: TODAY });
      return null;
    },
  },
];
