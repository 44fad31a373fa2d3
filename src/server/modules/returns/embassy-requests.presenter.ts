import type { Locale } from '../../../domain/common/schemas';
import type { ShareableField } from '../../../domain/protection/records';
import type {
  EmbassyAnswer,
  EmbassyRequestStatus,
  EmbassyRequestSummary,
  EmbassyRequestView,
} from '../../../domain/returns/embassy';
import type { ReturnState } from '../../../domain/returns/states';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { iso } from '../../platform/records';
import { embassyRequestPolicy } from './embassy-requests.policy';
import {
  currentPeople,
  type EmbassyRequestRow,
  embassyRequestRecord,
  type Listed,
  requestFields,
  sharedRows,
  visibleCaseIds,
} from './embassy-requests.queries';

type Embassy = { id: string; name: string; countryCode: string | null };

/** The request's header, counting only the people the reader sees. */
export async function presentSummary(
  w: Work,
  r: EmbassyRequestRow,
  embassy: Embassy,
  people?: Listed[],
): Promise<EmbassyRequestSummary & { visible: Listed[] }> {
  const on = people ?? (await currentPeople(w, r));
  const seen = await visibleCaseIds(
    w,
    on.map((x) => x.case.id),
  );
  const visible = on.filter((x) => seen.has(x.case.id));
  return {
    id: r.id,
    reference: r.reference,
    embassy,
    nationality: r.nationality,
    language: r.language as Locale,
    status: r.status as EmbassyRequestStatus,
    sentOn: r.sentOn,
    answeredOn: r.answeredOn,
    people: visible.length,
    createdAt: iso(r.createdAt),
    version: r.version,
    allowedActions: allowedActions(w.actor, embassyRequestPolicy, await embassyRequestRecord(w, r, on)),
    visible,
  };
}

/** The request with each visible person's profile fields, in the request's language. */
export async function presentRequest(
  w: Work,
  r: EmbassyRequestRow,
  embassy: Embassy,
): Promise<EmbassyRequestView> {
  const { visible, ...summary } = await presentSummary(w, r, embassy);
  const fields = await requestFields(w, r);
  const rows = await sharedRows(w, fields, r.language as Locale, visible);
  return {
    ...summary,
    note: r.note,
    fields: fields as ShareableField[],
    items: visible.map((x, i) => ({
      caseId: x.case.id,
      caseReference: x.case.reference,
      personId: x.person.id,
      state: x.case.state as ReturnState,
      fields: rows[i]!.map((f) => ({ ...f, key: f.key as ShareableField })),
      answer: x.answer as EmbassyAnswer | null,
      answeredOn: x.answeredOn,
    })),
  };
}
