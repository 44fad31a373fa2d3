import { and, count, eq, sql } from 'drizzle-orm';
import { countryName } from '../../../../domain/common/countries';
import { isoWeekOf } from '../../../../domain/health/weeks';
import {
  clinicSessions,
  consents,
  consularInterviews,
  consultations,
  exitClearances,
  organisations,
  projects,
  returnCases,
  returnStateSpans,
  sharingProfiles,
  travelDocuments,
} from '../../../db/schema/index';
import type { Actor } from '../../../platform/actor';
import { auditBuffer } from '../../../platform/audit';
import type { AppContext } from '../../../platform/context';
import { today } from '../../../platform/dates';
import { asActor, type Work } from '../../../platform/http';
import { newId } from '../../../platform/ids';
import { rows } from '../../../platform/tx';
import { demoActor } from '../../registry/demo/demo';
import { mulberry32 } from '../../registry/demo/demo-people';
import { type DemoStay, type PlannedCase, planReturns } from './demo-plan';
import { loadReintegration } from './demo-reintegration';
import { at, loadMovements, loadRequests } from './demo-travel';

// The returns part of the demo mission (issue 13): a case for everyone the registry demo sent home
// (request to departure on the day their detention ended, arrival, reintegration), the pipeline of
// people held now, movements grouping each day's departures per country (charters for the larger
// groups) and the charter booked for next week, embassy requests and their answers. Each step of
// each case was checked against the state machine on the facts of its day (demo-plan.test.ts).
// Written directly (the history is a year long; the services act on today), audited as the return
// officer on each day, seeded. Idempotent: nothing is loaded if the mission has a return case.

export interface ReturnsDemoSummary {
  skipped: boolean;
  cases: number;
  departed: number;
  countries: number;
  movements: number;
  requests: number;
  plans: number;
  followUpsDone: number;
}

async function stays(w: Work): Promise<DemoStay[]> {
  return rows<DemoStay>(
    w.tx.execute(sql`select e.person_id as "personId", p.nationality, e.centre_id as "centreId",
        to_char(e.admitted_on, 'YYYY-MM-DD') as "admittedOn", to_char(e.ended_on, 'YYYY-MM-DD') as "endedOn",
        e.end_reason as "endReason",
        coalesce((select 'international_protection_need' = any(s.flags) from screenings s
          where s.mission_id = e.mission_id and s.person_id = e.person_id
          order by s.screened_on desc, s.created_at desc limit 1), false) as flagged
      from episodes e join persons p on p.mission_id = e.mission_id and p.id = e.person_id
      where e.mission_id = ${w.actor.missionId} and p.nationality is not null
        and (e.end_reason is null or e.end_reason in ('return', 'release', 'deportation'))
      order by e.admitted_on, e.person_id`),
  );
}

/** The embassy of each country (added for countries the directory demo has none for). */
async function embassies(w: Work, countries: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const found = await w.tx
    .select({ id: organisations.id, country: organisations.countryCode })
    .from(organisations)
    .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.kind, 'embassy')));
  for (const f of found) if (f.country) out.set(f.country, f.id);
  for (const c of countries) {
    if (out.has(c)) continue;
    const id = newId();
    await w.tx.insert(organisations).values({
      missionId: w.actor.missionId,
      id,
      name: `Embassy of ${countryName(c, 'en')}`,
      nameAr: `سفارة ${countryName(c, 'ar')}`,
      kind: 'embassy',
      countryCode: c,
      createdBy: w.actor.userId,
      updatedBy: w.actor.userId,
    });
    await w.tx.insert(sharingProfiles).values({
      missionId: w.actor.missionId,
      organisationId: id,
      fields: [
        'registrationNumber',
        'givenName',
        'familyName',
        'fullNameOriginal',
        'sex',
        'birthDate',
        'nationality',
      ],
      services: [],
      createdBy: w.actor.userId,
      updatedBy: w.actor.userId,
    });
    out.set(c, id);
  }
  return out;
}

export async function loadReturnsDemo(ctx: AppContext, missionId: string): Promise<ReturnsDemoSummary> {
  const officer = await demoActor(ctx, missionId, 'demo-return-officer');
  const doctor = await demoActor(ctx, missionId, 'demo-doctor');
  const protection = await demoActor(ctx, missionId, 'demo-protection-officer');
  const none: ReturnsDemoSummary = {
    skipped: true,
    cases: 0,
    departed: 0,
    countries: 0,
    movements: 0,
    requests: 0,
    plans: 0,
    followUpsDone: 0,
  };
  return asActor(ctx, officer, async (w) => {
    const [done] = await w.tx
      .select({ n: count() })
      .from(returnCases)
      .where(eq(returnCases.missionId, missionId));
    if ((done?.n ?? 0) > 0) return none;
    const buffer = auditBuffer(w.tx, missionId);
    const day0 = today(w);
    const plan = planReturns(mulberry32(1313), await stays(w), day0);
    if (!plan.cases.length) return none;
    const embassyOf = await embassies(w, [...new Set(plan.cases.map((c) => c.nationality))]);
    const projectIds = (
      await w.tx
        .select({ id: projects.id })
        .from(projects)
        .where(eq(projects.missionId, missionId))
        .orderBy(projects.code)
    ).map((p) => p.id);
    const sessions = await rows<{ id: string; centreId: string; heldOn: string }>(
      w.tx.execute(sql`select id, centre_id as "centreId", to_char(held_on, 'YYYY-MM-DD') as "heldOn"
        from ${clinicSessions} where mission_id = ${missionId} order by held_on`),
    );
    const by = (actor: Actor) => ({
      createdByOrganisationId: actor.organisationId,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    });
    const record = (actor: Actor, day: string, input: Parameters<Work['audit']>[0]) =>
      buffer.add(actor, input, at(day));

    const caseIds = new Map<PlannedCase, string>();
    let n = 0;
    for (const c of plan.cases) {
      const id = newId();
      caseIds.set(c, id);
      const embassy = embassyOf.get(c.nationality) ?? null;
      const last = c.steps.at(-1)!;
      const year = c.requestedOn.slice(0, 4);
      await w.tx.insert(returnCases).values({
        missionId,
        id,
        reference: `DEMO-RET-${year}-${String(++n).padStart(5, '0')}`,
        personId: c.personId,
        programme: 'vhr',
        origin: c.origin,
        destinationCountry: c.nationality,
        embassyOrganisationId: embassy,
        projectId: projectIds.length ? (projectIds[n % projectIds.length] ?? null) : null,
        centreId: c.centreId,
        requestedOn: c.requestedOn,
        state: last.state,
        stateSince: at(last.on),
        reasonClosed: last.reason ?? null,
        clearanceReason:
          c.protection === 'officer_cleared'
            ? ctx.cipher.encrypt(
                'Interviewed with an interpreter: no fear of return expressed; wishes to rejoin family. Return remains appropriate.',
              )
            : null,
        clearedBy: c.protection === 'officer_cleared' ? protection.userId : null,
        clearedAt: c.protection === 'officer_cleared' ? at(c.consentOn ?? c.requestedOn, 14 * 60) : null,
        departedOn: c.passenger === 'departed' ? c.departsOn : null,
        arrivedOn: c.steps.some((s) => s.state === 'arrived') ? c.departsOn : null,
        createdAt: at(c.requestedOn),
        updatedAt: at(last.on),
        version: c.steps.length,
        ...by(officer),
      });
      await w.tx.insert(returnStateSpans).values(
        c.steps.map((s, i) => ({
          missionId,
          id: newId(),
          caseId: id,
          state: s.state,
          enteredAt: at(s.on, 10 * 60 + i),
          leftAt: c.steps[i + 1] ? at(c.steps[i + 1]!.on, 10 * 60 + i + 1) : null,
          enteredBy: officer.userId,
          reason: s.reason ?? null,
        })),
      );
      await record(officer, c.requestedOn, {
        action: 'create',
        entityType: 'return_case',
        entityId: id,
        changedFields: ['personId', 'programme', 'origin', 'destinationCountry'],
      });
      for (const [i, s] of c.steps.entries())
        if (i > 0)
          await record(officer, s.on, {
            action: 'transition',
            entityType: 'return_case',
            entityId: id,
            changedFields: ['state'],
            detail: { from: c.steps[i - 1]!.state, to: s.state },
          });
      if (c.consentOn && embassy)
        await w.tx.insert(consents).values({
          missionId,
          id: newId(),
          personId: c.personId,
          purpose: 'return',
          recipientOrganisationId: embassy,
          decision: 'given',
          method: 'verbal',
          language: 'ar',
          interpreter: true,
          givenOn: c.consentOn,
          // a withdrawn case withdrew its consent too
          withdrawnOn: last.state === 'withdrawn' ? last.on : null,
          withdrawnReason: last.state === 'withdrawn' ? (last.reason ?? null) : null,
          ...by(officer),
        });
      if (c.confirmed?.via === 'interview' && embassy)
        await w.tx.insert(consularInterviews).values({
          missionId,
          id: newId(),
          caseId: id,
          personId: c.personId,
          embassyOrganisationId: embassy,
          heldOn: c.confirmed.on,
          mode: c.centreId.charCodeAt(c.centreId.length - 1) % 3 === 0 ? 'video' : 'in_person',
          outcome: 'confirmed',
          ...by(officer),
        });
      if (c.travelDocument && embassy)
        await w.tx.insert(travelDocuments).values({
          missionId,
          id: newId(),
          caseId: id,
          personId: c.personId,
          type: c.travelDocument.type,
          issuingOrganisationId: embassy,
          number: `${c.nationality}${String(n).padStart(7, '0')}`,
          issuedOn: c.travelDocument.issuedOn,
          expiresOn: c.travelDocument.expiresOn,
          ...by(officer),
        });
      if (c.exit)
        await w.tx.insert(exitClearances).values({
          missionId,
          id: newId(),
          caseId: id,
          personId: c.personId,
          reference: `DCIM-EV-${String(n).padStart(5, '0')}`,
          issuedOn: c.exit.issuedOn,
          validUntil: c.exit.validUntil,
          ...by(officer),
        });
      if (c.fitness) {
        // the pre-departure check at the centre's clinic session on or before that day
        const session = [...sessions]
          .reverse()
          .find((s) => s.centreId === c.centreId && s.heldOn <= c.fitness!.on);
        if (session)
          await w.tx.insert(consultations).values({
            missionId,
            id: newId(),
            sessionId: session.id,
            centreId: c.centreId,
            consultedOn: session.heldOn,
            week: isoWeekOf(session.heldOn),
            personId: c.personId,
            clinicianUserId: doctor.userId,
            createdByOrganisationId: doctor.organisationId,
            complaint: ctx.cipher.encrypt('Pre-departure medical check'),
            outcome: 'treated',
            fitness: c.fitness.status,
            fitnessValidUntil: c.fitness.validUntil,
            createdBy: doctor.userId,
            updatedBy: doctor.userId,
          });
      }
    }
    const movementCount = await loadMovements(
      w,
      plan.cases,
      caseIds,
      plan.upcoming,
      by(officer),
      record,
      officer,
    );
    const requestCount = await loadRequests(w, plan.cases, caseIds, embassyOf, by(officer), record, officer);
    const reintegration = await loadReintegration(w, plan.cases, caseIds, day0, officer, record);
    await buffer.flush();
    const departed = plan.cases.filter((c) => c.passenger === 'departed');
    return {
      skipped: false,
      cases: plan.cases.length,
      departed: new Set(departed.map((c) => c.personId)).size,
      countries: new Set(departed.map((c) => c.nationality)).size,
      movements: movementCount,
      requests: requestCount,
      plans: reintegration.plans,
      followUpsDone: reintegration.followUpsDone,
    };
  });
}
