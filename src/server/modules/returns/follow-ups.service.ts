import type { SurveySubmission } from '../../../domain/returns/reintegration';
import { scoreSurvey } from '../../../domain/returns/sustainability';
import { reintegrationFollowUps } from '../../db/schema/index';
import { today } from '../../platform/dates';
import { badRequest, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { authorize } from '../../platform/policy';
import { updateVersioned } from '../../platform/records';
import { personReach } from '../registry/persons.scope';
import { loadFollowUp } from './follow-ups.queries';
import { reintegrationFollowUpPolicy } from './reintegration.policy';
import { activeSurvey } from './surveys.queries';

/**
 * Records a follow-up's survey: the answers are checked against the active template (400 with one
 * error per answer at `answers.<question>`), scored by the domain (scoreSurvey) and stored with
 * the template's id, so the scores can always be read against the questions they answered.
 */
export async function recordSurvey(w: Work, id: string, body: SurveySubmission): Promise<void> {
  const row = await loadFollowUp(w, id, { lock: true });
  authorize(w.actor, reintegrationFollowUpPolicy, 'record_survey', {
    reach: await personReach(w, row.personId),
    done: row.doneOn !== null,
  });
  const survey = await activeSurvey(w);
  if (body.surveyId && body.surveyId !== survey.id)
    throw unprocessable('This version of the survey is no longer in use; reload the form', [
      { path: 'surveyId', message: 'Not the active version of the survey' },
    ]);
  const result = scoreSurvey(survey.template, body.answers);
  if (!result.ok) throw badRequest('Some answers do not fit the survey', result.errors);
  if (body.doneOn > today(w))
    throw badRequest('The follow-up cannot be done in the future', [
      { path: 'doneOn', message: 'Not a day in the future' },
    ]);
  const { scores } = result;
  await updateVersioned(w, reintegrationFollowUps, id, row.version, {
    doneOn: body.doneOn,
    surveyId: survey.id,
    answers: body.answers,
    economic: scores.economic,
    social: scores.social,
    psychosocial: scores.psychosocial,
    composite: scores.composite,
    note: body.note ?? null,
  });
  await w.audit({
    action: 'update',
    entityType: 'reintegration_follow_up',
    entityId: id,
    changedFields: ['doneOn', 'surveyId', 'answers', 'scores', ...(body.note ? ['note'] : [])],
    detail: { caseId: row.caseId, surveyVersion: survey.template.version },
  });
}
