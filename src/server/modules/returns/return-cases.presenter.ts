import type { z } from 'zod';
import type {
  PROGRAMMES,
  PROTECTION_GATES,
  REQUEST_ORIGINS,
  ReturnCase,
  returnCaseSummary,
  TRAVEL_DOCUMENT_TYPES,
} from '../../../domain/returns/cases';
import { BLOCKER_LABELS } from '../../../domain/returns/labels';
import {
  checkTransition,
  daysBetween,
  type ReturnFacts,
  type ReturnState,
  TRANSITIONS,
} from '../../../domain/returns/states';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { iso } from '../../platform/records';
import { latestFitness } from '../health/consultations.queries';
import { fitnessFlagPolicy } from '../health/health.policy';
import { readsProtection } from '../protection/protection.policy';
import { type CaseHeader, documentsOf, spansOf } from './return-cases.list';
import { caseFacts, returnCaseRecord } from './return-cases.queries';
import { type ReturnCaseRecord, returnCasePolicy } from './returns.policy';

// Return cases as the API shows them. Every case carries its allowedActions, judged on the facts
// of the day (so a list costs a few queries per case: the facts live in other modules' records).
// One case whole adds its next states with their blockers (why a step is refused, in words), its
// time in each state, documents, the fitness flag and the protection gate; the protection
// officer's clearance reason is decrypted only for those who read protection data.

type Summary = z.infer<typeof returnCaseSummary>;
type Judged = { h: CaseHeader; record: ReturnCaseRecord & { facts: ReturnFacts } };

async function judge(w: Work, hs: readonly CaseHeader[]): Promise<Judged[]> {
  const out: Judged[] = [];
  // one case after another: a transaction runs one query at a time anyway
  for (const h of hs) out.push({ h, record: await returnCaseRecord(w, h.c, await caseFacts(w, h.c)) });
  return out;
}

const summaryOf = (w: Work, { h, record }: Judged): Summary => {
  const { c } = h;
  return {
    id: c.id,
    reference: c.reference,
    personId: c.personId,
    personName: `${h.givenName} ${h.familyName}`,
    nationality: h.nationality,
    programme: c.programme as (typeof PROGRAMMES)[number],
    state: c.state as ReturnState,
    stateSince: iso(c.stateSince),
    daysInState: Math.floor(daysBetween(c.stateSince, w.now)),
    destinationCountry: c.destinationCountry,
    centreId: c.centreId,
    centreName: h.centreName,
    centreNameAr: h.centreNameAr,
    projectId: c.projectId,
    requestedOn: c.requestedOn,
    version: c.version,
    allowedActions: allowedActions(w.actor, returnCasePolicy, record),
  };
};

/** A page of cases. */
export async function presentSummaries(w: Work, hs: readonly CaseHeader[]): Promise<Summary[]> {
  return (await judge(w, hs)).map((j) => summaryOf(w, j));
}

/** Every state the case could go to next, and what stops it now (empty: allowed). */
const nextOf = (state: ReturnState, facts: ReturnFacts) =>
  TRANSITIONS[state].map((to) => {
    const check = checkTransition(state, to, facts, 'given');
    return {
      state: to,
      blockers: check.ok ? [] : check.blockers.map((code) => ({ code, message: BLOCKER_LABELS[code].en })),
    };
  });

/** One case whole. */
export async function presentReturnCase(w: Work, h: CaseHeader): Promise<ReturnCase> {
  const [j] = await judge(w, [h]);
  const { record } = j as Judged;
  const { c } = h;
  const [spans, docs] = await Promise.all([spansOf(w, c.id), documentsOf(w, c.id)]);
  // fitness to travel is medical: shown as a flag to those health's flag policy lets see it
  const seesFitness = fitnessFlagPolicy.can(w.actor, 'read', { reach: record.reach });
  const fitness = seesFitness ? await latestFitness(w, c.personId) : null;
  const showsReason = readsProtection(w.actor) && c.clearanceReason !== null;
  return {
    ...summaryOf(w, j as Judged),
    origin: c.origin as (typeof REQUEST_ORIGINS)[number],
    embassyOrganisationId: c.embassyOrganisationId,
    embassyName: h.embassyName,
    embassyNameAr: h.embassyNameAr,
    projectName: h.projectName,
    protection: record.facts.protection as (typeof PROTECTION_GATES)[number],
    clearanceReason: showsReason ? w.ctx.cipher.decrypt(c.clearanceReason as string) : null,
    clearedByName: h.clearedByName,
    clearedAt: c.clearedAt ? iso(c.clearedAt) : null,
    reasonClosed: c.reasonClosed,
    departedOn: c.departedOn,
    arrivedOn: c.arrivedOn,
    travelDocuments: docs.travel.map(({ d, issuingOrganisationName }) => ({
      id: d.id,
      type: d.type as (typeof TRAVEL_DOCUMENT_TYPES)[number],
      issuingOrganisationId: d.issuingOrganisationId,
      issuingOrganisationName,
      number: d.number,
      issuedOn: d.issuedOn,
      expiresOn: d.expiresOn,
      createdAt: iso(d.createdAt),
    })),
    exitClearances: docs.exit.map((x) => ({
      id: x.id,
      reference: x.reference,
      issuedOn: x.issuedOn,
      validUntil: x.validUntil,
      createdAt: iso(x.createdAt),
    })),
    fitness: seesFitness
      ? { status: fitness?.status ?? null, validUntil: fitness?.validUntil ?? null }
      : null,
    next: nextOf(c.state as ReturnState, record.facts),
    history: spans.map((s) => ({
      state: s.state as ReturnState,
      enteredAt: iso(s.enteredAt),
      leftAt: s.leftAt ? iso(s.leftAt) : null,
      byName: s.byName,
      reason: s.reason,
    })),
  };
}
