import { addDays } from '../../../../domain/common/dates';
import { addMonths, DEFAULT_FOLLOW_UP_MONTHS } from '../../../../domain/returns/reintegration';
import { type SurveyTemplate, scoreSurvey } from '../../../../domain/returns/sustainability';
import {
  organisations,
  reintegrationFollowUps,
  reintegrationItems,
  reintegrationPlans,
} from '../../../db/schema/index';
import type { Actor } from '../../../platform/actor';
import type { Work } from '../../../platform/http';
import { newId } from '../../../platform/ids';
import { activeSurvey } from '../surveys.queries';
import type { PlannedCase } from './demo-plan';

// Reintegration in the demo: a plan agreed with a partner in the country of origin a few weeks
// after arrival, two or three items (cash on arrival, then business, training, housing…), budgets
// in the partner's currency; follow-ups at 3, 6 and 12 months after arrival, most of those due
// done with the sustainability survey (answers a little better with each follow-up), a few overdue.

type Audit = (actor: Actor, day: string, input: Parameters<Work['audit']>[0]) => Promise<void>;

const CURRENCY: Record<string, string> = {
  NGA: 'NGN',
  GHA: 'GHS',
  BGD: 'BDT',
  PAK: 'PKR',
  EGY: 'EGP',
  MAR: 'MAD',
  GMB: 'GMD',
  GIN: 'GNF',
  SDN: 'SDG',
  ERI: 'ERN',
};
/** West and Central African francophone countries use the CFA franc. */
const currencyOf = (country: string) =>
  CURRENCY[country] ??
  (['CMR', 'TCD'].includes(country)
    ? 'XAF'
    : ['NER', 'MLI', 'CIV', 'BFA', 'SEN'].includes(country)
      ? 'XOF'
      : 'USD');

/** Budgets in US dollars (minor units), converted at a fixed demo rate per currency. */
const RATE: Record<string, number> = {
  NGN: 1500,
  GHS: 15,
  BDT: 120,
  PAK: 280,
  EGP: 48,
  MAD: 10,
  GMD: 70,
  GNF: 8600,
  SDG: 600,
  ERN: 15,
  XOF: 600,
  XAF: 600,
  PKR: 280,
  USD: 1,
};

const ITEMS: [string, string, number][] = [
  ['cash', 'Cash on arrival for transport and first needs', 150],
  ['business', 'Small shop start-up kit (stock and fittings)', 900],
  ['training', 'Vocational training: motorcycle repair, three months', 400],
  ['housing', 'Three months of rent', 300],
  ['medical', 'Follow-up care for a chronic condition', 250],
  ['psychosocial', 'Six counselling sessions with the partner’s counsellor', 120],
];

export async function loadReintegration(
  w: Work,
  cases: PlannedCase[],
  ids: Map<PlannedCase, string>,
  today: string,
  officer: Actor,
  record: Audit,
): Promise<{ plans: number; followUpsDone: number }> {
  const partners = new Map<string, string>();
  let plans = 0;
  let followUpsDone = 0;
  const survey = await activeSurvey(w);
  for (const [i, c] of cases.entries()) {
    if (!c.reintegration) continue;
    let partner = partners.get(c.nationality);
    if (!partner) {
      partner = newId();
      await w.tx.insert(organisations).values({
        missionId: w.actor.missionId,
        id: partner,
        name: `Returnee Reintegration Network (${c.nationality})`,
        kind: 'partner_ngo',
        countryCode: c.nationality,
        createdBy: officer.userId,
        updatedBy: officer.userId,
      });
      partners.set(c.nationality, partner);
    }
    const planId = newId();
    const currency = currencyOf(c.nationality);
    const by = {
      createdByOrganisationId: officer.organisationId,
      createdBy: officer.userId,
      updatedBy: officer.userId,
    };
    await w.tx.insert(reintegrationPlans).values({
      missionId: w.actor.missionId,
      id: planId,
      caseId: ids.get(c)!,
      personId: c.personId,
      partnerOrganisationId: partner,
      currency,
      agreedOn: c.reintegration.agreedOn,
      ...by,
    });
    const chosen = [ITEMS[0]!, ITEMS[1 + (i % 3)]!, ...(i % 4 === 0 ? [ITEMS[4 + (i % 2)]!] : [])];
    await w.tx.insert(reintegrationItems).values(
      chosen.map(([kind, description, usd], k) => {
        const started = c.reintegration!.started;
        const delivered =
          started && k === 0
            ? started
            : started && addDays(started, 60 * k) <= today
              ? addDays(started, 60 * k)
              : null;
        return {
          missionId: w.actor.missionId,
          id: newId(),
          planId,
          kind,
          description,
          budgetMinor: usd * 100 * (RATE[currency] ?? 1),
          status: delivered ? 'delivered' : started ? 'in_progress' : 'planned',
          deliveredOn: delivered,
          createdBy: officer.userId,
          updatedBy: officer.userId,
        };
      }),
    );
    await record(officer, c.reintegration.agreedOn, {
      action: 'create',
      entityType: 'reintegration_plan',
      entityId: planId,
    });
    plans++;
    followUpsDone += await followUps(w, c, ids.get(c)!, survey, today, i, officer, record);
  }
  return { plans, followUpsDone };
}

/** Answers that get a little better with each follow-up (seeded by the case's index). */
function answersFor(t: SurveyTemplate, seed: number, round: number): Record<string, string> {
  return Object.fromEntries(
    t.questions.map((q, k) => {
      const byScore = [...q.options].sort((a, b) => a.score - b.score);
      const pos = Math.min(byScore.length - 1, Math.floor(((seed * 7 + k * 3) % 5) / 2) + round);
      return [q.id, byScore[pos]!.value];
    }),
  );
}

async function followUps(
  w: Work,
  c: PlannedCase,
  caseId: string,
  survey: { id: string; template: SurveyTemplate },
  today: string,
  seed: number,
  officer: Actor,
  record: Audit,
): Promise<number> {
  const arrived = c.departsOn as string;
  const closed = c.steps.find((s) => s.state === 'closed')?.on;
  let done = 0;
  for (const [round, months] of DEFAULT_FOLLOW_UP_MONTHS.entries()) {
    const dueOn = addMonths(arrived, months);
    if (closed && dueOn > closed) break;
    const doneOn = addDays(dueOn, (seed + round) % 9);
    // one in eight of those due is overdue: the partner could not reach the person yet
    const answered = doneOn <= today && (seed + round) % 8 !== 0;
    const answers = answered ? answersFor(survey.template, seed, round) : null;
    const scored = answers ? scoreSurvey(survey.template, answers) : null;
    const scores = scored?.ok ? scored.scores : null;
    const id = newId();
    await w.tx.insert(reintegrationFollowUps).values({
      missionId: w.actor.missionId,
      id,
      caseId,
      personId: c.personId,
      monthsAfterArrival: months,
      dueOn,
      doneOn: answered ? doneOn : null,
      surveyId: answered ? survey.id : null,
      answers,
      economic: scores?.economic ?? null,
      social: scores?.social ?? null,
      psychosocial: scores?.psychosocial ?? null,
      composite: scores?.composite ?? null,
      createdByOrganisationId: officer.organisationId,
      createdBy: officer.userId,
      updatedBy: officer.userId,
    });
    if (answered) {
      done++;
      await record(officer, doneOn, {
        action: 'update',
        entityType: 'reintegration_follow_up',
        entityId: id,
        changedFields: ['doneOn', 'answers', 'scores'],
      });
    }
  }
  return done;
}
