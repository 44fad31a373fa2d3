import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../db/engine';
import { type Actor, systemActor } from './actor';
import { type AuditInput, audit } from './audit';
import { currentUser } from './auth/plugin';
import type { AppContext } from './context';
import { DRY_RUN_HEADER, DryRun, isDryRun } from './dry-run';
import { claimKey, idempotencyKey, type KeyRow, replay, settleKey } from './idempotency';
import { inMission } from './tx';

/** What a handler gets: the actor, the transaction, the time, and audit bound to all three. */
export interface Work {
  actor: Actor;
  tx: Tx;
  now: Date;
  ctx: AppContext;
  audit(input: AuditInput): Promise<void>;
}

function work(ctx: AppContext, actor: Actor, tx: Tx): Work {
  const now = ctx.clock();
  return { actor, tx, now, ctx, audit: (input) => audit(tx, actor, actor.missionId, input, now) };
}

/** A read: one transaction under the actor's mission. */
export function read<T>(req: FastifyRequest, fn: (w: Work) => Promise<T>): Promise<T> {
  const { actor } = currentUser(req);
  const ctx = req.server.ctx;
  return inMission(ctx.database, actor.missionId, (tx) => fn(work(ctx, actor, tx)));
}

/**
 * A write: one transaction holding the change, its audit events and, with an Idempotency-Key,
 * the key's record (platform/idempotency.ts). A replay is answered after that transaction, by
 * reading the record again as the current user.
 */
export async function write<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  fn: (w: Work) => Promise<T>,
  opts: {
    /** for an answer that names no one record: rebuilds it from the request, as a read (a replay) */
    reread?: (w: Work) => Promise<T>;
  } = {},
): Promise<T> {
  const { actor } = currentUser(req);
  const ctx = req.server.ctx;
  const dry = isDryRun(req);
  const key = dry ? undefined : idempotencyKey(req);
  type Outcome = { replayOf: KeyRow } | { result: T };
  let outcome: Outcome;
  try {
    outcome = await inMission(ctx.database, actor.missionId, async (tx): Promise<Outcome> => {
      const w = work(ctx, actor, tx);
      if (key) {
        const prior = await claimKey(tx, req, actor, key, w.now);
        if (prior) return { replayOf: prior };
      }
      const result = await fn(w);
      if (dry) throw new DryRun(result);
      if (key) await settleKey(tx, req, actor, key, status, result);
      return { result };
    });
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
    outcome = { result: e.result as T };
    reply.header(DRY_RUN_HEADER, 'rolled-back');
  }
  if ('replayOf' in outcome) {
    const { reread } = opts;
    return (await replay(req, reply, outcome.replayOf, reread && (() => read(req, reread)))) as T;
  }
  reply.code(status);
  return outcome.result as T;
}

/** Jobs and generators acting as a given user (e.g. the demo's caseworkers), audited as them. */
export function asActor<T>(ctx: AppContext, actor: Actor, fn: (w: Work) => Promise<T>): Promise<T> {
  return inMission(ctx.database, actor.missionId, (tx) => fn(work(ctx, actor, tx)));
}

/** CLI commands, jobs and bootstrap: the same audited path as a request, acting as `system`. */
export function asSystem<T>(ctx: AppContext, missionId: string, fn: (w: Work) => Promise<T>): Promise<T> {
  const actor = systemActor(missionId);
  return inMission(ctx.database, missionId, (tx) => fn(work(ctx, actor, tx)));
}
