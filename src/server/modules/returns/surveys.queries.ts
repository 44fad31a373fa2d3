import { and, desc, eq, ne } from 'drizzle-orm';
import { DEFAULT_SURVEY, type StoredSurvey, surveyTemplate } from '../../../domain/returns/sustainability';
import { sustainabilitySurveys } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';

// The mission's sustainability survey template. The first use in a mission stores the domain's
// default (so every follow-up names the stored version it was answered on); a newer default
// version in the code is stored on its first use and becomes the active one, the older versions
// stay for the follow-ups answered on them.

const byCode = (w: Work) =>
  and(
    eq(sustainabilitySurveys.missionId, w.actor.missionId),
    eq(sustainabilitySurveys.code, DEFAULT_SURVEY.code),
  );

async function latestActive(w: Work) {
  const [row] = await w.tx
    .select()
    .from(sustainabilitySurveys)
    .where(and(byCode(w), eq(sustainabilitySurveys.active, true)))
    .orderBy(desc(sustainabilitySurveys.version))
    .limit(1);
  return row;
}

const present = (row: typeof sustainabilitySurveys.$inferSelect): StoredSurvey => ({
  id: row.id,
  template: surveyTemplate.parse(row.definition),
  active: row.active,
});

/** The active template (stored from the default on first use). */
export async function activeSurvey(w: Work): Promise<StoredSurvey> {
  const row = await latestActive(w);
  if (row && row.version >= DEFAULT_SURVEY.version) return present(row);
  const id = newId();
  const inserted = await w.tx
    .insert(sustainabilitySurveys)
    .values({
      missionId: w.actor.missionId,
      id,
      code: DEFAULT_SURVEY.code,
      version: DEFAULT_SURVEY.version,
      definition: DEFAULT_SURVEY,
      active: true,
      createdAt: w.now,
      createdBy: w.actor.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted.length) {
    await w.tx
      .update(sustainabilitySurveys)
      .set({ active: false })
      .where(and(byCode(w), ne(sustainabilitySurveys.id, id)));
    await w.audit({
      action: 'create',
      entityType: 'sustainability_survey',
      entityId: id,
      detail: { code: DEFAULT_SURVEY.code, version: DEFAULT_SURVEY.version },
    });
  }
  // a concurrent first use stored it first: read theirs
  return present((await latestActive(w))!);
}
