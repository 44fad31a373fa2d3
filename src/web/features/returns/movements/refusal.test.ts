import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { BLOCKER_LABELS } from '../../../../domain/returns/labels.ts';
import { ApiError } from '../../../api/client.ts';
import { refusalReasons } from './refusal.ts';

const t = ((k: string) => `«${k}»`) as unknown as TFunction;

describe('refusalReasons', () => {
  it('translates each blocker the server named', () => {
    const e = new ApiError({
      status: 422,
      title: 'Unprocessable',
      code: 'return_travel_document_expired',
      errors: [
        { path: 'to', message: BLOCKER_LABELS.travel_document_expired.en },
        { path: 'to', message: BLOCKER_LABELS.fitness_expires_before_departure.en },
      ],
    });
    expect(refusalReasons(e, t)).toEqual([
      '«movements.blockers.travel_document_expired»',
      '«movements.blockers.fitness_expires_before_departure»',
    ]);
  });

  it('translates the booking’s own refusals by code, and keeps unknown messages as they are', () => {
    const seat = new ApiError({
      status: 422,
      title: 'x',
      code: 'no_seat',
      errors: [{ path: 'caseId', message: 'No seat left' }],
    });
    expect(refusalReasons(seat, t)).toEqual(['«movements.refusals.no_seat»']);
    const other = new ApiError({
      status: 422,
      title: 'x',
      errors: [{ path: 'caseId', message: 'Something else' }],
    });
    expect(refusalReasons(other, t)).toEqual(['Something else']);
    expect(refusalReasons(new ApiError({ status: 403, title: 'Forbidden' }), t)).toEqual([]);
  });
});
