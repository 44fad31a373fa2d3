import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../db/engine';
import { idempotencyKeys } from '../db/schema/index';
import { type Actor, systemActor } from './actor';
import { type AuditInput, audit } from './audit';
import { currentUser } from './auth/plugin';
import type { AppContext } from './context';
import { unprocessable } from './errors';
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
 * the stored response, so a replay (e.g. an offline client retrying) returns the first result.
 * A concurrent replay waits on the key's row and then gets the committed result.
 */
export async function write<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  fn: (w: Work) => Promise<T>,
): Promise<T> {
  const { actor } = currentUser(req);
  const ctx = req.server.ctx;
  // routes whose answers hold secrets opt out, so no secret is kept in the key table
  const key =
    req.method === 'POST' && req.routeOptions.config.idempotent !== false
      ? req.headers['idempotency-key']
      : undefined;
  if (key !== undefined && (typeof key !== 'string' || key.length < 8 || key.length > 200)) {
    throw unprocessable('Idempotency-Key must be 8 to 200 characters', [
      { path: 'Idempotency-Key', message: 'Invalid' },
    ]);
  }
  const path = req.url;
  return inMission(ctx.database, actor.missionId, async (tx) => {
    const w = work(ctx, actor, tx);
    if (key) {
      const inserted = await tx
        .insert(idempotencyKeys)
        .values({
          missionId: actor.missionId,
          userId: actor.userId,
          key,
          method: req.method,
          path,
          createdAt: w.now,
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length === 0) {
        const [prior] = await tx
          .select()
          .from(idempotencyKeys)
          .where(
            and(
              eq(idempotencyKeys.missionId, actor.missionId),
              eq(idempotencyKeys.userId, actor.userId),
              eq(idempotencyKeys.key, key),
            ),
          );
        if (!prior || prior.path !== path || prior.statusCode === null) {
          throw unprocessable(
            'This Idempotency-Key was already used for another request',
            undefined,
            'idempotency_key_reused',
          );
        }
        reply.code(prior.statusCode).header('idempotent-replay', 'true');
        return prior.response as T;
      }
    }
    const result = await fn(w);
    if (key) {
      await tx
        .update(idempotencyKeys)
        .set({ statusCode: status, response: JSON.parse(JSON.stringify(result ?? null)) })
        .where(
          and(
            eq(idempotencyKeys.missionId, actor.missionId),
            eq(idempotencyKeys.userId, actor.userId),
            eq(idempotencyKeys.key, key),
          ),
        );
    }
    reply.code(status);
    return result;
  });
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
