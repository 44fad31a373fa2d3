import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { PROTECTION_NEED } from '../../../domain/protection/recipients';
import {
  type ProtectionGate,
  possibleNext,
  type ReturnFacts,
  type ReturnState,
} from '../../../domain/returns/states';
import { referrals, returnCases } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { notFound } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { rows } from '../../platform/tx';
import { latestFitness } from '../health/consultations.queries';
import { validConsent } from '../protection/consents.queries';
import { personAtRisk } from '../protection/recipients.service';
import { personReach, personRecordScope } from '../registry/persons.scope';
import type { ReturnCaseRecord } from './returns.policy';

// Return cases are records about a person (DESIGN §5, returns row): read within the rule for any
// record about someone. The facts a transition needs are gathered here, from the records that
// hold them (protection's screenings, referrals and consents; health's fitness to travel; this
// module's documents and movements): nothing is copied onto the case.

export type ReturnCaseRow = typeof returnCases.$inferSelect;

/** The return cases an actor may read. */
export const returnCaseScope = (w: Pick<Work, 'actor'>): SQL => personRecordScope(w, returnCases, 'returns');

/** A return case within the actor's scope (404 otherwise, as for a case that does not exist). */
export async function loadReturnCase(
  w: Work,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<ReturnCaseRow> {
  const q = w.tx
    .select()
    .from(returnCases)
    .where(and(eq(returnCases.missionId, w.actor.missionId), eq(returnCases.id, id), returnCaseScope(w)));
  const [row] = await (opts.lock ? q.for('no key update') : q);
  if (!row) throw notFound('Return case');
  return row;
}

/** UNHCR's outcome on a protection referral: answered (accepted, declined) or completed. */
const PROTECTION_SERVICES = ['international_protection', 'refugee_status_determination', 'resettlement'];
const OUTCOME_STATUSES = ['accepted', 'declined', 'completed'];

/** The protection gate: the latest screening's flag, UNHCR's outcome or the officer's clearance. */
export async function protectionGate(w: Work, row: ReturnCaseRow): Promise<ProtectionGate> {
  const { flags } = await personAtRisk(w, { id: row.personId, nationality: null });
  if (!flags.includes(PROTECTION_NEED)) return 'not_flagged';
  if (row.clearedAt) return 'officer_cleared';
  const [outcome] = await w.tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        eq(referrals.missionId, w.actor.missionId),
        eq(referrals.personId, row.personId),
        inArray(referrals.service, PROTECTION_SERVICES),
        inArray(referrals.status, OUTCOME_STATUSES),
      ),
    )
    .limit(1);
  return outcome ? 'unhcr_outcome' : 'blocked';
}

type DocFacts = {
  travel: string | null;
  exit: string | null;
  confirmed: boolean;
  departsOn: string | null;
  departed: boolean;
  planned: boolean;
  started: boolean;
};

/** Everything `checkTransition` needs about one case, as of today. */
export async function caseFacts(w: Work, row: ReturnCaseRow): Promise<ReturnFacts> {
  const m = w.actor.missionId;
  const [consent, protection, fitness, docs] = await Promise.all([
    row.embassyOrganisationId ? validConsent(w, row.personId, 'return', row.embassyOrganisationId) : null,
    protectionGate(w, row),
    latestFitness(w, row.personId),
    rows<DocFacts>(
      w.tx.execute(sql`select
        (select to_char(max(expires_on), 'YYYY-MM-DD') from travel_documents
          where mission_id = ${m} and case_id = ${row.id}) as travel,
        (select to_char(max(valid_until), 'YYYY-MM-DD') from exit_clearances
          where mission_id = ${m} and case_id = ${row.id}) as exit,
        (exists (select 1 from embassy_request_people where mission_id = ${m} and case_id = ${row.id}
            and answer = 'confirmed')
          or exists (select 1 from consular_interviews where mission_id = ${m} and case_id = ${row.id}
            and outcome = 'confirmed')) as confirmed,
        (select to_char(v.departs_on, 'YYYY-MM-DD') from movement_passengers p
          join movements v on v.mission_id = p.mission_id and v.id = p.movement_id
          where p.mission_id = ${m} and p.case_id = ${row.id} and p.status in ('booked', 'departed')
            and v.status <> 'cancelled'
          order by v.departs_on desc limit 1) as "departsOn",
        exists (select 1 from movement_passengers where mission_id = ${m} and case_id = ${row.id}
          and status = 'departed') as departed,
        exists (select 1 from reintegration_plans where mission_id = ${m} and case_id = ${row.id}) as planned,
        exists (select 1 from reintegration_items i join reintegration_plans p
          on p.mission_id = i.mission_id and p.id = i.plan_id
          where p.mission_id = ${m} and p.case_id = ${row.id} and i.status in ('in_progress', 'delivered')) as started`),
    ),
  ]);
  const d = docs[0];
  const fit = fitness && (fitness.status === 'fit' || fitness.status === 'fit_with_escort');
  return {
    today: today(w),
    consent: !!consent,
    protection,
    nationalityConfirmed: !!d?.confirmed,
    travelDocumentValidUntil: d?.travel ?? null,
    exitClearanceValidUntil: d?.exit ?? null,
    fitnessValidUntil: fit ? (fitness.validUntil ?? null) : null,
    departureDate: d?.departsOn ?? null,
    departureConfirmed: !!d?.departed,
    arrivalConfirmed: row.arrivedOn !== null,
    reintegrationPlanned: !!d?.planned,
    reintegrationStarted: !!d?.started,
  };
}

/** The case as the policy sees it, with the facts it was judged on. */
export async function returnCaseRecord(
  w: Work,
  row: ReturnCaseRow,
  facts?: ReturnFacts,
): Promise<ReturnCaseRecord & { facts: ReturnFacts }> {
  const f = facts ?? (await caseFacts(w, row));
  const state = row.state as ReturnState;
  return {
    reach: await personReach(w, row.personId),
    state,
    next: possibleNext(state, f),
    blocked: f.protection === 'blocked',
    facts: f,
  };
}
