import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Tx } from '../db/engine';
import { idempotencyKeys, missions } from '../db/schema/index';
import type { Actor } from './actor';
import { HttpProblem, unprocessable } from './errors';

/**
 * Idempotency-Key on POST (offline clients retry). Only the request's hash, the status and
 * where the record can be read are kept: a replay reads the record again as the current user,
 * through the same route, scope and policy as any read, so a user who lost the right to see it
 * is refused, and no answer (with decrypted notes in it) sits in the key table. Keys expire
 * after the mission's `idempotencyKeyHours`; expired ones are purged on the next keyed write.
 */

export type KeyRow = typeof idempotencyKeys.$inferSelect;

/** The key of this request, if it carries one and its route keeps keys; checks its size. */
export function idempotencyKey(req: FastifyRequest): string | undefined {
  if (req.method !== 'POST' || req.routeOptions.config.idempotent === false) return undefined;
  const key = req.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || key.length < 8 || key.length > 200)) {
    throw unprocessable('Idempotency-Key must be 8 to 200 characters', [
      { path: 'Idempotency-Key', message: 'Invalid' },
    ]);
  }
  return key || undefined;
}

/** JSON with sorted keys, so the same body hashes the same whatever its key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

const requestHash = (req: FastifyRequest) =>
  createHash('sha256')
    .update(`${req.method} ${req.url}\n${canonical(req.body)}`)
    .digest('hex');

const keyOf = (actor: Actor, key: string) =>
  and(
    eq(idempotencyKeys.missionId, actor.missionId),
    eq(idempotencyKeys.userId, actor.userId),
    eq(idempotencyKeys.key, key),
  );

/**
 * Claims the key inside the write's transaction. Returns the earlier request's row when the key
 * was used before (a concurrent first use is waited for on the row's lock), or null when the
 * request is new. The same key with another request is a 422.
 */
export async function claimKey(
  tx: Tx,
  req: FastifyRequest,
  actor: Actor,
  key: string,
  now: Date,
): Promise<KeyRow | null> {
  const [m] = await tx
    .select({ hours: missions.idempotencyKeyHours })
    .from(missions)
    .where(eq(missions.id, actor.missionId));
  const cutoff = new Date(now.getTime() - (m?.hours ?? 24) * 3_600_000);
  // opportunistic purge: an expired key of this user is gone before the insert, so it counts as new
  await tx
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.missionId, actor.missionId), lt(idempotencyKeys.createdAt, cutoff)));
  const hash = requestHash(req);
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({
      missionId: actor.missionId,
      userId: actor.userId,
      key,
      method: req.method,
      path: req.url,
      requestHash: hash,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return null;
  const [prior] = await tx.select().from(idempotencyKeys).where(keyOf(actor, key));
  if (!prior || prior.requestHash !== hash || prior.statusCode === null) {
    throw unprocessable(
      'This Idempotency-Key was already used for another request',
      [{ path: 'Idempotency-Key', message: 'Already used for another request' }],
      'idempotency_key_reused',
    );
  }
  return prior;
}

/** Records the outcome of a new keyed request: its status and where its record is read. */
export async function settleKey(
  tx: Tx,
  req: FastifyRequest,
  actor: Actor,
  key: string,
  status: number,
  result: unknown,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ statusCode: status, location: locate(req.server, req.url, result) })
    .where(keyOf(actor, key));
}

// GET routes of the API, as patterns, to find where a written record is read; kept on the root
// instance, which the plugins' encapsulated instances inherit from
const READABLE = Symbol('sanad.readableRoutes');
type Tracked = FastifyInstance & { [READABLE]?: RegExp[] };

/** Call before any route is registered: remembers every API GET route. */
export function trackReadableRoutes(app: FastifyInstance): void {
  const patterns: RegExp[] = [];
  (app as Tracked)[READABLE] = patterns;
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('GET') || !route.url.startsWith('/api/v1/')) return;
    const body = route.url
      .split('/')
      .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    patterns.push(new RegExp(`^${body}/?$`));
  });
}

/**
 * Where the record a write answered with is read: `<path>/<id>` (a created record), else the
 * path up to the record's id (an action on it, e.g. `/referrals/{id}/transitions`).
 */
function locate(app: FastifyInstance, url: string, result: unknown): string | null {
  const id = (result as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || !/^[\w-]+$/.test(id)) return null;
  const path = url.split('?')[0] ?? '';
  const segments = path.split('/');
  const at = segments.indexOf(id);
  const candidates = [`${path.replace(/\/$/, '')}/${id}`];
  if (at > 0) candidates.push(segments.slice(0, at + 1).join('/'));
  const patterns = (app as Tracked)[READABLE] ?? [];
  return candidates.find((c) => patterns.some((p) => p.test(c))) ?? null;
}

/**
 * Answers a replay by reading the record again as the current user (same cookie, same address):
 * what that read refuses, the replay refuses. A write whose answer names no one record (a bulk
 * transfer) passes `reread`, which rebuilds the answer from the request (the same body, as its hash
 * matched) in a read as the current user.
 */
export async function replay(
  req: FastifyRequest,
  reply: FastifyReply,
  prior: KeyRow,
  reread?: () => Promise<unknown>,
): Promise<unknown> {
  if (!prior.location && reread && prior.statusCode !== null) {
    const body = await reread();
    reply.code(prior.statusCode).header('idempotent-replay', 'true');
    return body;
  }
  if (!prior.location || prior.statusCode === null) {
    throw new HttpProblem(409, 'Conflict', 'This request was already carried out; reload to see its result', {
      code: 'idempotent_replay_unavailable',
    });
  }
  const res = await req.server.inject({
    method: 'GET',
    url: prior.location,
    headers: {
      cookie: req.headers.cookie ?? '',
      ...(req.headers['user-agent'] ? { 'user-agent': req.headers['user-agent'] } : {}),
      ...(req.headers['accept-language'] ? { 'accept-language': req.headers['accept-language'] } : {}),
    },
    remoteAddress: req.ip,
  });
  const body = res.json() as { title?: string; detail?: string; code?: string };
  if (res.statusCode !== 200) {
    throw new HttpProblem(res.statusCode, body.title ?? 'Error', body.detail, { code: body.code });
  }
  reply.code(prior.statusCode).header('idempotent-replay', 'true');
  return body;
}
