import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { birthDateFromAge } from '../../../domain/registry/age';
import { DUPLICATE_THRESHOLDS, type DuplicateSex, scoreCandidate } from '../../../domain/registry/duplicates';
import { duplicateCandidate, duplicateQuery } from '../../../domain/registry/schemas';
import { persons, relationships } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { read, type Work } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { authorize, scopeOf } from '../../platform/policy';
import { type Candidate, candidateColumns, nameCandidates, wholeRows } from './candidates';
import { personPolicy } from './persons.policy';
import { presentPeople } from './persons.presenter';
import { personScope } from './persons.scope';

type Query = z.infer<typeof duplicateQuery>;

const CANDIDATES = 100;

async function familyOf(w: Work, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!ids.length) return out;
  const links = await w.tx
    .select()
    .from(relationships)
    .where(and(eq(relationships.missionId, w.actor.missionId), inArray(relationships.personId, ids)));
  for (const l of links) out.set(l.personId, [...(out.get(l.personId) ?? []), l.relatedPersonId]);
  return out;
}

/**
 * People who may already be registered: blocking-key candidates for each name (either script;
 * trigram neighbours when the keys find too few), plus anyone linked to the given family
 * members, scored by the domain's rules.
 * Only people in the actor's scope are considered.
 */
export async function findDuplicates(w: Work, q: Query, exclude?: string) {
  const names = [
    q.givenName || q.familyName ? `${q.givenName ?? ''} ${q.familyName ?? ''}` : '',
    q.fullNameOriginal ?? '',
  ]
    .map((n) => n.trim())
    .filter(Boolean);
  const relatives = (q.family ?? []).map((f) => f.personId);
  if (!names.length && !relatives.length) return [];
  const base = and(
    personScope(w),
    eq(persons.status, 'active'),
    exclude ? ne(persons.id, exclude) : undefined,
  );
  // candidates for each script's name, and anyone linked to the family given; a scoped reader's
  // key slices are taken among the people they may see
  const scoped = scopeOf(w.actor, 'identity').kind !== 'mission';
  const found = new Map<string, Candidate>();
  for (const n of names)
    for (const r of (await nameCandidates(w, n, base, CANDIDATES, scoped)).rows) found.set(r.id, r);
  if (relatives.length) {
    const linked = await w.tx
      .select(candidateColumns)
      .from(persons)
      .where(
        and(
          base,
          sql`exists (select 1 from ${relationships} r where r.mission_id = ${persons.missionId}
            and r.person_id = ${persons.id} and r.related_person_id in (${sql.join(
              relatives.map((r) => sql`${r}`),
              sql`, `,
            )}))`,
        ),
      )
      .limit(CANDIDATES);
    for (const r of linked) found.set(r.id, r);
  }
  const family = await familyOf(w, [...found.keys()]);
  const birthDate =
    q.birthDate ?? (q.estimatedAge !== undefined ? birthDateFromAge(q.estimatedAge, today(w)) : undefined);
  const input = {
    givenName: q.givenName ?? '',
    familyName: q.familyName ?? '',
    fullNameOriginal: q.fullNameOriginal,
    sex: q.sex ?? 'unknown',
    birthDate,
    birthDateEstimated: q.estimatedAge !== undefined || (q.birthDateEstimated ?? false),
    nationality: q.nationality ?? '',
    familyLinks: relatives,
  };
  const scored = [...found.values()]
    .map((r) => ({
      row: r,
      ...scoreCandidate(input, {
        id: r.id,
        givenName: r.givenName,
        familyName: r.familyName,
        fullNameOriginal: r.fullNameOriginal ?? undefined,
        sex: r.sex as DuplicateSex,
        birthDate: r.birthDate ?? undefined,
        birthDateEstimated: r.birthDateEstimated,
        nationality: r.nationality,
        familyLinks: family.get(r.id) ?? [],
      }),
    }))
    .filter((s) => s.score >= DUPLICATE_THRESHOLDS.possible)
    .sort((a, b) => b.score - a.score)
    .slice(0, 10);
  const people = await presentPeople(
    w,
    await wholeRows(
      w,
      scored.map((s) => s.row),
    ),
  );
  return scored.map((s, i) => ({
    person: people[i]!,
    score: Math.round(s.score * 1000) / 1000,
    reasons: s.reasons,
  }));
}

export const duplicateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/persons/duplicates',
    {
      schema: {
        tags: ['registry'],
        body: duplicateQuery,
        response: { 200: z.object({ items: z.array(duplicateCandidate) }), ...errorResponses },
      },
    },
    // a search, not a change: answered without a write transaction or idempotency record
    (req) =>
      read(req, async (w) => {
        authorize(w.actor, personPolicy, 'list');
        return { items: await findDuplicates(w, req.body) };
      }),
  );
};
