import { problem } from '../../../domain/common/schemas';

/** The problem+json answers every directory route may give, for the OpenAPI document. */
export const errorResponses = {
  400: problem,
  401: problem,
  403: problem,
  404: problem,
  409: problem,
  422: problem,
};

/** A patch that flips `active` is a deactivation or reactivation, authorised and audited as such. */
export function activeChange(
  current: boolean,
  next: boolean | undefined,
): 'deactivate' | 'reactivate' | null {
  if (next === undefined || next === current) return null;
  return next ? 'reactivate' : 'deactivate';
}
