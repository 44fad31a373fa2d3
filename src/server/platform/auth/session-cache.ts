import type { Database } from '../../db/engine';
import type { SessionUser } from './session-user';

/**
 * A short-lived, per-process memo of resolved sessions, so a busy client does not cost a
 * database round trip per request. The database stays the source of truth: entries live a few
 * seconds, sign-out and account changes evict them here at once, and another server process
 * sees such a change within the TTL.
 */
export interface CachedSession {
  user: SessionUser;
  userId: string;
  lastSeenAt: Date;
  /** when activity was last written to the database */
  persistedAt: Date;
  fetchedAt: number;
}

export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

const caches = new WeakMap<Database, Map<string, CachedSession>>();
/**
 * Users whose account just changed: their sessions are not memoised for one TTL. `forgetUser`
 * runs inside the changing transaction, so a request resolved before that commits would
 * otherwise memoise the old row (e.g. a password change still "required") for a whole TTL.
 */
const unsettled = new WeakMap<Database, Map<string, number>>();

export function sessionCache(database: Database): Map<string, CachedSession> {
  let c = caches.get(database);
  if (!c) {
    c = new Map();
    caches.set(database, c);
  }
  return c;
}

export function rememberSession(database: Database, tokenHash: string, entry: CachedSession): void {
  const until = unsettled.get(database)?.get(entry.userId);
  if (until !== undefined && until > Date.now()) return;
  const c = sessionCache(database);
  if (c.size >= MAX_ENTRIES) c.delete(c.keys().next().value as string);
  c.set(tokenHash, entry);
}

export function forgetSession(database: Database, tokenHash: string): void {
  sessionCache(database).delete(tokenHash);
}

/** After a change to the account (roles, password, deactivation…), its sessions are re-read. */
export function forgetUser(database: Database, userId: string): void {
  let u = unsettled.get(database);
  if (!u) {
    u = new Map();
    unsettled.set(database, u);
  }
  const now = Date.now();
  for (const [id, until] of u) if (until <= now) u.delete(id);
  u.set(userId, now + SESSION_CACHE_TTL_MS);
  const c = sessionCache(database);
  for (const [k, v] of c) if (v.userId === userId) c.delete(k);
}

/** After a change every session shows (the mission's name), all are re-read. */
export function forgetAllSessions(database: Database): void {
  sessionCache(database).clear();
}
