import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ShareableField } from '../../../domain/protection/records';
import {
  embassyRequestPeople,
  embassyRequests,
  organisations,
  persons,
  returnCases,
} from '../../db/schema/index';
import { notFound, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { scopeOf } from '../../platform/policy';
import { validConsent } from '../protection/consents.queries';
import { sharedField, sharedPersonValues } from '../protection/shared-fields.queries';
import { profileOf } from '../protection/sharing.queries';
import { placesOf } from '../registry/persons.scope';
import type { EmbassyRequestRecord } from './embassy-requests.policy';
import { protectionGate, returnCaseScope } from './return-cases.queries';
import { writesReturns } from './returns.policy';

// Embassy requests: who may be on one (consent for THAT embassy, protection gate not blocked,
// nationality not yet confirmed), who is on one now (a consent withdrawn since drafting takes the
// person off an unsent request), and what each person's row says (the embassy's profile only).

export type EmbassyRequestRow = typeof embassyRequests.$inferSelect;
type CaseRow = typeof returnCases.$inferSelect;
type PersonRow = typeof persons.$inferSelect;
export type Listed = {
  case: CaseRow;
  person: PersonRow;
  consentId: string | null;
  answer: string | null;
  answeredOn: string | null;
};

/** States a case may be put on an embassy list in: consented, not yet nationality-confirmed. */
export const LISTABLE_STATES = ['consented', 'protection_cleared'] as const;

/**
 * Requests an actor sees: all for a mission-wide reader; otherwise those holding someone the
 * reader reaches, or drafted by the reader (an empty draft).
 */
export function embassyRequestScope(w: Pick<Work, 'actor'>): SQL {
  const mine = eq(embassyRequests.missionId, w.actor.missionId);
  const scope = scopeOf(w.actor, 'returns');
  if (scope.kind === 'mission') return mine;
  if (scope.kind === 'none') return sql`false`;
  const reached = sql`exists (select 1 from ${embassyRequestPeople} p join ${returnCases}
    on ${returnCases.missionId} = p.mission_id and ${returnCases.id} = p.case_id
    where p.mission_id = ${embassyRequests.missionId} and p.request_id = ${embassyRequests.id}
    and ${returnCaseScope(w)})`;
  return and(mine, sql`(${reached} or ${embassyRequests.createdBy} = ${w.actor.userId})`) as SQL;
}

export async function loadEmbassyRequest(w: Work, id: string, opts: { lock?: boolean } = {}) {
  const q = w.tx
    .select()
    .from(embassyRequests)
    .where(
      and(
        eq(embassyRequests.missionId, w.actor.missionId),
        eq(embassyRequests.id, id),
        embassyRequestScope(w),
      ),
    );
  const [row] = await (opts.lock ? q.for('no key update') : q);
  if (!row) throw notFound('Embassy request');
  return row;
}

/** The embassy an request goes to (422 on the field when it is not an embassy of the mission). */
export async function loadEmbassy(w: Work, id: string) {
  const [org] = await w.tx
    .select()
    .from(organisations)
    .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.id, id)));
  if (org?.kind !== 'embassy')
    throw unprocessable('Choose an embassy', [{ path: 'embassyOrganisationId', message: 'Not an embassy' }]);
  return org;
}

export async function organisationName(w: Work, id: string): Promise<string> {
  const [org] = await w.tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.id, id)));
  return org?.name ?? '';
}

export async function listEmbassyRequests(w: Work) {
  return w.tx
    .select({
      r: embassyRequests,
      embassy: { id: organisations.id, name: organisations.name, countryCode: organisations.countryCode },
    })
    .from(embassyRequests)
    .innerJoin(
      organisations,
      and(
        eq(organisations.missionId, embassyRequests.missionId),
        eq(organisations.id, embassyRequests.embassyOrganisationId),
      ),
    )
    .where(embassyRequestScope(w))
    .orderBy(desc(embassyRequests.createdAt), asc(embassyRequests.id))
    .limit(500);
}

/** Everyone on the request (whoever reads it), oldest case first. */
export async function listedOn(w: Work, requestId: string): Promise<Listed[]> {
  const found = await w.tx
    .select({ p: embassyRequestPeople, c: returnCases, person: persons })
    .from(embassyRequestPeople)
    .innerJoin(
      returnCases,
      and(
        eq(returnCases.missionId, embassyRequestPeople.missionId),
        eq(returnCases.id, embassyRequestPeople.caseId),
      ),
    )
    .innerJoin(
      persons,
      and(
        eq(persons.missionId, embassyRequestPeople.missionId),
        eq(persons.id, embassyRequestPeople.personId),
      ),
    )
    .where(
      and(
        eq(embassyRequestPeople.missionId, w.actor.missionId),
        eq(embassyRequestPeople.requestId, requestId),
      ),
    )
    .orderBy(asc(returnCases.reference));
  return found.map((x) => ({
    case: x.c,
    person: x.person,
    consentId: x.p.consentId,
    answer: x.p.answer,
    answeredOn: x.p.answeredOn,
  }));
}

/** Those among `people` whose return consent for the embassy is valid today, with that consent. */
export async function consenting<T extends { person: PersonRow }>(w: Work, embassyId: string, people: T[]) {
  const out: (T & { consentId: string })[] = [];
  for (const x of people) {
    const c = await validConsent(w, x.person.id, 'return', embassyId);
    if (c) out.push({ ...x, consentId: c.id });
  }
  return out;
}

/** Who is on the request now: on an unsent one, only those whose consent still holds. */
export async function currentPeople(w: Work, r: EmbassyRequestRow): Promise<Listed[]> {
  const all = await listedOn(w, r.id);
  return r.status === 'draft' ? consenting(w, r.embassyOrganisationId, all) : all;
}

/** The ids of the listed cases the reader may see. */
export async function visibleCaseIds(w: Work, caseIds: string[]): Promise<Set<string>> {
  if (!caseIds.length) return new Set();
  const seen = await w.tx
    .select({ id: returnCases.id })
    .from(returnCases)
    .where(and(inArray(returnCases.id, caseIds), returnCaseScope(w)));
  return new Set(seen.map((x) => x.id));
}

/** The request as the policy sees it: its status and the reach of everyone on it. */
export async function embassyRequestRecord(
  w: Work,
  r: EmbassyRequestRow,
  people: Listed[],
): Promise<EmbassyRequestRecord> {
  const places = await placesOf(
    w,
    people.map((x) => x.person.id),
  );
  return { status: r.status, people: people.map((x) => places.get(x.person.id)?.reach ?? []) };
}

/**
 * The cases a new request for this embassy and nationality holds: in a listable state, with a
 * valid return consent for this embassy, not flagged-and-uncleared, not already confirmed, not
 * on another unsent request, and each one the actor may write (a centre's officer lists the
 * people of their centres).
 */
export async function candidates(w: Work, embassyId: string, nationality: string) {
  const m = w.actor.missionId;
  const found = await w.tx
    .select({ case: returnCases, person: persons })
    .from(returnCases)
    .innerJoin(
      persons,
      and(eq(persons.missionId, returnCases.missionId), eq(persons.id, returnCases.personId)),
    )
    .where(
      and(
        returnCaseScope(w),
        eq(persons.nationality, nationality),
        inArray(returnCases.state, [...LISTABLE_STATES]),
        sql`not exists (select 1 from embassy_request_people p where p.mission_id = ${m} and p.case_id = ${returnCases.id} and p.answer = 'confirmed')`,
        sql`not exists (select 1 from consular_interviews i where i.mission_id = ${m} and i.case_id = ${returnCases.id} and i.outcome = 'confirmed')`,
        sql`not exists (select 1 from embassy_request_people p join embassy_requests r on r.mission_id = p.mission_id and r.id = p.request_id
          where p.mission_id = ${m} and p.case_id = ${returnCases.id} and r.status = 'draft')`,
      ),
    )
    .orderBy(asc(returnCases.reference));
  const places = await placesOf(
    w,
    found.map((x) => x.person.id),
  );
  const writable = found.filter((x) => writesReturns(w.actor, places.get(x.person.id)?.reach ?? []));
  const consented = await consenting(w, embassyId, writable);
  const out: typeof consented = [];
  for (const x of consented) if ((await protectionGate(w, x.case)) !== 'blocked') out.push(x);
  return out;
}

/** Each person's row: the profile's fields only, in the request's language. */
export async function sharedRows(
  w: Work,
  fields: ShareableField[],
  language: 'en' | 'ar' | 'fr',
  people: { person: PersonRow }[],
) {
  const allowed = new Set(fields);
  const out = [];
  for (const x of people) {
    const values = await sharedPersonValues(w, x.person, allowed, language);
    out.push(fields.filter((f) => f !== 'referralReason').map((f) => sharedField(f, values, language)));
  }
  return out;
}

/** The profile fields the request shares: the embassy's profile now, within what was sent. */
export async function requestFields(
  w: Work,
  r: Pick<EmbassyRequestRow, 'embassyOrganisationId' | 'sentFields'>,
): Promise<ShareableField[]> {
  const { fields } = await profileOf(w, r.embassyOrganisationId);
  const person = fields.filter((f) => f !== 'referralReason');
  return r.sentFields ? person.filter((f) => r.sentFields!.includes(f)) : person;
}
