import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { validateAnswers } from '../../../../domain/protection/answers';
import type { Answers } from '../../../../domain/protection/conditions';
import { DEFAULT_TEMPLATE } from '../../../../domain/protection/default-template';
import {
  REFERRAL_TRANSITIONS,
  type ReferralService,
  type ReferralStatus,
  type ShareableField,
} from '../../../../domain/protection/records';
import { BASE, type Patch, patch } from '../../../../domain/protection/screening.fixtures';
import { ageOn } from '../../../../domain/registry/age';
import {
  consents,
  episodes,
  notes,
  organisations,
  persons,
  screenings,
  sharingProfiles,
  tasks,
  users,
} from '../../../db/schema/index';
import type { AppContext } from '../../../platform/context';
import { asActor, type Work } from '../../../platform/http';
import { newId } from '../../../platform/ids';
import { created } from '../../../platform/records';
import { demoActor } from '../../registry/demo/demo';
import { addDays, mulberry32 } from '../../registry/demo/demo-people';
import { personReach } from '../../registry/persons.scope';
import { loadReferral } from '../referrals.queries';
import { createReferral, transition } from '../referrals.service';
import { recordScreening } from '../screenings.routes';

// The protection part of the demo mission (DESIGN §10): most people screened (about 15 %
// flagged), consents, referrals to UNHCR in every state, notes and follow-up tasks. Seeded, so
// the same every time; dates follow each person's own stay.

/** What a flagged interview may disclose; each is a valid, realistic set of answers. */
const DISCLOSURES: Patch[] = [
  { tr_forced_labour: 'yes', tr_documents_taken: 'yes', tr_confinement: 'yes' },
  { tr_ransom: 'yes', tr_threats_violence: 'yes' },
  { ip_fear_of_return: 'yes', ip_fear_reasons: ['political_opinion'], ip_origin_conflict: 'yes' },
  { ip_fear_of_return: 'yes', ip_fear_reasons: ['armed_conflict'], ip_origin_conflict: 'yes' },
  { ip_fear_of_return: 'yes', ip_fear_reasons: ['religion'] },
  { he_serious_condition: 'yes' },
  { he_disability: 'yes', he_disability_types: ['physical'] },
  { vi_torture: 'yes' },
  { tr_sexual_exploitation: 'yes', tr_debt: 'yes', tr_debt_bondage: 'yes' },
];

/** The hospital the clinics refer to (issue 12): medical referrals with the person's `medical` consent. */
const HOSPITAL = {
  name: 'Al-Noor General Hospital',
  nameAr: 'مستشفى النور العام',
  nameFr: 'Hôpital général Al-Noor',
  acronym: 'ANGH',
  kind: 'other',
  countryCode: 'LBY',
} as const;

/** The referral services each partner takes (the referral form offers only these). */
const SERVICES: Record<string, ReferralService[]> = {
  'UNHCR Libya': [
    'international_protection',
    'refugee_status_determination',
    'resettlement',
    'family_tracing',
    'legal',
    'medical',
  ],
  'Sahel Legal Aid': ['legal', 'family_tracing'],
  'Al-Amal Health Volunteers': ['medical', 'psychosocial'],
  [HOSPITAL.name]: ['medical'],
};

const PROFILES: Record<string, ShareableField[]> = {
  'UNHCR Libya': [
    'registrationNumber',
    'givenName',
    'familyName',
    'fullNameOriginal',
    'sex',
    'birthDate',
    'nationality',
    'languages',
    'currentCentre',
    'admittedOn',
    'protectionFlags',
    'riskLevel',
    'referralReason',
    'family',
  ],
  'Sahel Legal Aid': [
    'registrationNumber',
    'givenName',
    'familyName',
    'sex',
    'age',
    'nationality',
    'languages',
    'currentCentre',
    'referralReason',
  ],
  'Al-Amal Health Volunteers': [
    'givenName',
    'familyName',
    'sex',
    'age',
    'nationality',
    'languages',
    'currentCentre',
    'referralReason',
  ],
  [HOSPITAL.name]: [
    'registrationNumber',
    'givenName',
    'familyName',
    'sex',
    'age',
    'languages',
    'currentCentre',
    'referralReason',
  ],
};

/** The demo hospital, added once (the directory demo has no hospital). */
async function hospitalId(w: Work): Promise<string> {
  const found = await orgId(w, HOSPITAL.name);
  if (found) return found;
  const id = newId();
  await w.tx.insert(organisations).values({ ...HOSPITAL, id, ...created(w) });
  await w.audit({
    action: 'create',
    entityType: 'organisation',
    entityId: id,
    changedFields: Object.keys(HOSPITAL),
  });
  return id;
}

/** The referral states to show, in the order they are reached. */
const PATHS: ReferralStatus[][] = [
  [],
  ['sent'],
  ['sent', 'acknowledged'],
  ['sent', 'acknowledged', 'accepted'],
  ['sent', 'acknowledged', 'accepted', 'completed'],
  ['sent', 'acknowledged', 'declined'],
  ['cancelled'],
];

const NOTES = [
  'Interviewed with an interpreter; the person was calm and answered all questions.',
  'Says a brother is in Tunisia; wants help to contact him.',
  'Asked about the status of the UNHCR referral; explained the next steps.',
  'Complains of not receiving the hygiene kit at the last distribution.',
];

async function orgId(w: Work, name: string) {
  const [o] = await w.tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.name, name)));
  return o?.id;
}

export interface ProtectionDemoSummary {
  screened: number;
  flagged: number;
  referrals: number;
  skipped: boolean;
}

export async function loadProtectionDemo(ctx: AppContext, missionId: string): Promise<ProtectionDemoSummary> {
  const po = await demoActor(ctx, missionId, 'demo-protection-officer');
  const cw = await demoActor(ctx, missionId, 'demo-caseworker');
  return asActor(ctx, po, async (w) => {
    const [done] = await w.tx
      .select({ n: count() })
      .from(screenings)
      .where(eq(screenings.missionId, missionId));
    if ((done?.n ?? 0) > 0) return { screened: 0, flagged: 0, referrals: 0, skipped: true };
    const today = w.now.toISOString().slice(0, 10);
    const random = mulberry32(2026);
    const hospital = await hospitalId(w);
    for (const [name, fields] of Object.entries(PROFILES)) {
      const id = await orgId(w, name);
      if (id)
        await w.tx
          .insert(sharingProfiles)
          .values({ organisationId: id, fields, services: SERVICES[name] ?? [], ...created(w) })
          .onConflictDoNothing();
    }
    const unhcr = await orgId(w, 'UNHCR Libya');
    if (!unhcr) throw new Error('UNHCR Libya is missing: load the directory demo first');
    const [cwUser] = await w.tx.select({ id: users.id }).from(users).where(eq(users.username, cw.username));
    const people = await w.tx
      .select({ p: persons, admittedOn: episodes.admittedOn })
      .from(persons)
      .innerJoin(
        episodes,
        and(
          eq(episodes.missionId, persons.missionId),
          eq(episodes.personId, persons.id),
          isNull(episodes.endedOn),
        ),
      )
      .where(and(eq(persons.missionId, missionId), eq(persons.status, 'active')))
      .orderBy(asc(persons.registrationNumber));
    let screened = 0;
    let flagged = 0;
    let referrals = 0;
    let cycle = 0; // walks through every referral state in turn
    for (const { p, admittedOn } of people) {
      if (random() > 0.85) continue;
      const after = addDays(admittedOn, 1 + Math.floor(random() * 6));
      const on = after > today ? today : after;
      const age = ageOn(p.birthDate, on) ?? 30;
      const disclosed = random() < 0.17 ? DISCLOSURES[Math.floor(random() * DISCLOSURES.length)] : undefined;
      let answers: Answers = patch(BASE, {
        age,
        ...(age < 18 ? { ch_minor: 'yes', ch_separated: 'no' } : {}),
        ...disclosed,
      });
      if (validateAnswers(DEFAULT_TEMPLATE, answers).length)
        answers = patch(BASE, { age: Math.max(age, 18) });
      const screener = random() < 0.5 ? w : { ...w, actor: cw };
      await recordScreening(screener, {
        personId: p.id,
        screenedOn: on,
        interviewLanguage: p.languages[0] ?? 'ar',
        interpreter: random() < 0.6,
        answers,
      });
      screened++;
      if (!disclosed) continue;
      flagged++;
      // most flagged people agree to be referred to UNHCR (a serious illness: to hospital, with the
      // consent for that purpose); the referral is somewhere on its way
      if (random() < 0.2) continue;
      const service: ReferralService = disclosed.ip_fear_of_return
        ? 'international_protection'
        : disclosed.he_serious_condition
          ? 'medical'
          : 'legal';
      const recipient = service === 'medical' ? hospital : unhcr;
      await w.tx.insert(consents).values({
        id: newId(),
        personId: p.id,
        purpose: service === 'medical' ? 'medical' : 'referral',
        recipientOrganisationId: recipient,
        decision: 'given',
        method: random() < 0.7 ? 'verbal' : 'signed',
        language: p.languages[0] ?? 'ar',
        interpreter: true,
        givenOn: on,
        createdByOrganisationId: w.actor.organisationId,
        ...created(w),
      });
      // the referral's steps happen over the following days, so some wait long enough to be overdue
      const at = (d: number) => {
        const when = new Date(Date.parse(`${addDays(on, d)}T10:00:00Z`));
        return { ...w, now: when < w.now ? when : w.now };
      };
      const { row: made } = await createReferral(
        at(1),
        {
          personId: p.id,
          recipientOrganisationId: recipient,
          service,
          urgency: random() < 0.3 ? 'priority' : 'routine',
          reason:
            service === 'medical'
              ? 'Serious illness disclosed at screening; needs assessment by a specialist at hospital.'
              : 'Screening showed protection needs; the person asked for UNHCR’s help.',
          linkedFlags: [],
        },
        p,
        await personReach(w, p.id),
      );
      const refId = made.id;
      let status = made.status as ReferralStatus;
      // some referrals sent long ago are still unanswered: the overdue list has something to show
      const stale = addDays(on, 12) < today && referrals % 4 === 3;
      const path: ReferralStatus[] = stale ? ['sent'] : PATHS[cycle++ % PATHS.length]!;
      for (const [k, to] of path.entries()) {
        const when = at(2 + k * 4);
        if (when.now > w.now) break; // not yet: the referral waits at its current step
        status = (await transition(when, await loadReferral(w, refId), to)).status as ReferralStatus;
      }
      referrals++;
      await w.tx.insert(notes).values({
        id: newId(),
        personId: p.id,
        category: 'protection',
        body: ctx.cipher.encrypt(NOTES[referrals % NOTES.length]!),
        createdByOrganisationId: w.actor.organisationId,
        ...created(w),
      });
      // a follow-up only while the referral is under way: an ended one closes its tasks
      if (cwUser && referrals % 3 === 0 && REFERRAL_TRANSITIONS[status].length > 0) {
        await w.tx.insert(tasks).values({
          id: newId(),
          title: 'Follow up the UNHCR referral with the person',
          dueOn: addDays(today, (referrals % 9) - 4),
          assigneeUserId: cwUser.id,
          personId: p.id,
          referralId: refId,
          createdByOrganisationId: w.actor.organisationId,
          ...created(w),
        });
      }
    }
    return { screened, flagged, referrals, skipped: false };
  });
}
