import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createExitClearance, createTravelDocument } from '../../../domain/returns/cases';
import { exitClearances, organisations, projects, travelDocuments } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { protectionGate, type ReturnCaseRow, returnCaseRecord } from './return-cases.queries';
import { returnCasePolicy } from './returns.policy';

// What the authorities issue for a return: travel documents (from the person's embassy) and the
// exit visa. A travel document tells the embassy about the person, so it passes the protection
// gate: nothing goes to an embassy about someone flagged with a possible need for international
// protection until UNHCR's outcome or a protection officer's clearance is recorded.

/** An organisation of the mission that is an embassy, or 422 on the field that names it. */
export async function embassyOf(w: Work, id: string, path: string) {
  const [row] = await w.tx
    .select({ id: organisations.id, kind: organisations.kind, active: organisations.active })
    .from(organisations)
    .where(and(eq(organisations.missionId, w.actor.missionId), eq(organisations.id, id)));
  if (!row) throw unprocessable('No such organisation', [{ path, message: 'Unknown organisation' }]);
  if (row.kind !== 'embassy')
    throw unprocessable(
      'Travel documents and nationality checks come from an embassy',
      [{ path, message: 'This organisation is not an embassy' }],
      'not_an_embassy',
    );
  return row;
}

/** A project of the mission, or 422 on `projectId`. */
export async function projectOf(w: Work, id: string) {
  const [row] = await w.tx
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.missionId, w.actor.missionId), eq(projects.id, id)));
  if (!row) throw unprocessable('No such project', [{ path: 'projectId', message: 'Unknown project' }]);
  return row;
}

/** 422 when nothing may go to an embassy about this person yet. */
export async function checkEmbassyGate(w: Work, row: ReturnCaseRow, path: string) {
  if ((await protectionGate(w, row)) === 'blocked')
    throw unprocessable(
      'This person may need international protection: nothing is shared with an embassy until UNHCR’s outcome or a protection officer’s clearance is recorded',
      [{ path, message: 'Protection gate: not cleared' }],
      'return_protection_not_cleared',
    );
}

export async function addTravelDocument(
  w: Work,
  row: ReturnCaseRow,
  body: z.infer<typeof createTravelDocument>,
): Promise<void> {
  // the policy does not offer it while the gate is shut; a writer who tries anyway is told why
  // (422 on the embassy), not merely refused
  const record = await returnCaseRecord(w, row);
  authorize(w.actor, returnCasePolicy, 'add_travel_document', { ...record, blocked: false });
  await embassyOf(w, body.issuingOrganisationId, 'issuingOrganisationId');
  await checkEmbassyGate(w, row, 'issuingOrganisationId');
  const id = newId();
  await w.tx.insert(travelDocuments).values({
    missionId: w.actor.missionId,
    id,
    caseId: row.id,
    personId: row.personId,
    ...body,
    createdByOrganisationId: w.actor.organisationId,
    createdBy: w.actor.userId,
    updatedBy: w.actor.userId,
  });
  await w.audit({
    action: 'create',
    entityType: 'travel_document',
    entityId: id,
    changedFields: Object.keys(body),
    detail: { caseId: row.id, personId: row.personId },
  });
}

export async function addExitClearance(
  w: Work,
  row: ReturnCaseRow,
  body: z.infer<typeof createExitClearance>,
): Promise<void> {
  authorize(w.actor, returnCasePolicy, 'add_exit_clearance', await returnCaseRecord(w, row));
  const id = newId();
  await w.tx.insert(exitClearances).values({
    missionId: w.actor.missionId,
    id,
    caseId: row.id,
    personId: row.personId,
    ...body,
    createdByOrganisationId: w.actor.organisationId,
    createdBy: w.actor.userId,
    updatedBy: w.actor.userId,
  });
  await w.audit({
    action: 'create',
    entityType: 'exit_clearance',
    entityId: id,
    changedFields: Object.keys(body),
    detail: { caseId: row.id, personId: row.personId },
  });
}
