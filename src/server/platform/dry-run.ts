import type { FastifyRequest } from 'fastify';

/**
 * `Sanad-Dry-Run: true` on a write runs it whole (validation, authorization, the change, its
 * audit) and then rolls the transaction back: a form or an offline queue can ask "would this be
 * accepted?" without changing anything, and tests can try every offered action on shared data.
 */
export const DRY_RUN_HEADER = 'sanad-dry-run';

export const isDryRun = (req: FastifyRequest) => req.headers[DRY_RUN_HEADER] === 'true';

/** Thrown inside the transaction to roll it back, carrying the answer the write would give. */
export class DryRun<T> extends Error {
  constructor(readonly result: T) {
    super('dry run: rolled back');
  }
}
