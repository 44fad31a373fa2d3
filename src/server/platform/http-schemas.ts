import { problem } from '../../domain/common/schemas';

/** The problem+json answers a route may give, for the OpenAPI document (every module's routes use it). */
export const errorResponses = {
  400: problem,
  401: problem,
  403: problem,
  404: problem,
  409: problem,
  422: problem,
};
