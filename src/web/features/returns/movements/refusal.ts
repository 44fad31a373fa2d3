// Why a booking was refused, in the reader's language: the server names each blocker of the state
// machine in English (BLOCKER_LABELS.en, one per errors[] line) and its own refusals by code.
import type { TFunction } from 'i18next';
import { BLOCKER_LABELS } from '../../../../domain/returns/labels.ts';
import type { Blocker } from '../../../../domain/returns/states.ts';
import { ApiError } from '../../../api/client.ts';

const BY_ENGLISH = new Map(Object.entries(BLOCKER_LABELS).map(([code, l]) => [l.en, code as Blocker]));
/** The booking's own refusals (the server's codes), each in words. */
const own = (code: string, t: TFunction): string | undefined =>
  (<Record<string, string>>{
    already_booked: t('movements.refusals.already_booked'),
    not_bookable: t('movements.refusals.not_bookable'),
    wrong_destination: t('movements.refusals.wrong_destination'),
    no_seat: t('movements.refusals.no_seat'),
    case_not_found: t('movements.refusals.case_not_found'),
  })[code];

/** The reasons to show under the booking field (empty when the error is not a refusal). */
export function refusalReasons(error: unknown, t: TFunction): string[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const mine = error.code ? own(error.code, t) : undefined;
  if (mine) return [mine];
  const blockers = error.errors.map((e) => BY_ENGLISH.get(e.message));
  if (blockers.length && blockers.every(Boolean)) return blockers.map((b) => t(`movements.blockers.${b}`));
  return error.errors.length ? error.errors.map((e) => e.message) : [error.detail ?? error.title];
}
