import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Locale } from '../../../domain/common/schemas';
import type { RoleAssignment } from '../../../domain/directory/schemas';
import type { Database, Queryable } from '../../db/engine';
import { sessions } from '../../db/schema/index';
import { rows } from '../tx';
import { forgetSession, rememberSession, SESSION_CACHE_TTL_MS, sessionCache } from './session-cache';
import type { SessionUser } from './session-user';

export type { SessionUser };

export const SESSION_COOKIE = 'sanad_session';
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type SessionLookup =
  | { status: 'none' }
  | { status: 'expired' }
  | { status: 'ok'; user: SessionUser; tokenHash: string; idleExpiresAt: Date };

/**
 * Activity is written at most this often. It is a fraction of the idle timeout, so a session in
 * use never expires between two writes (a short timeout, e.g. in tests, writes more often).
 */
export const persistEveryMs = (idleMs: number) => Math.min(60_000, Math.floor(idleMs / 10));

/** Writes the session's activity now (a "stay signed in"): returns when it would go idle. */
export async function touchSession(
  database: Database,
  tokenHash: string,
  now: Date,
  idleSeconds: number,
): Promise<Date> {
  await database.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  const cached = sessionCache(database).get(tokenHash);
  if (cached) {
    cached.lastSeenAt = now;
    cached.persistedAt = now;
  }
  return new Date(now.getTime() + idleSeconds * 1000);
}

export async function createSession(
  database: Database,
  s: { missionId: string; userId: string; ip: string | null; userAgent: string | null },
  now: Date,
  lifetimeSeconds: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + lifetimeSeconds * 1000);
  await database.db.insert(sessions).values({
    tokenHash: hashToken(token),
    missionId: s.missionId,
    userId: s.userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: s.ip,
    userAgent: s.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

type Row = {
  token_hash: string;
  mission_id: string;
  user_id: string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  username: string;
  display_name: string;
  locale: Locale;
  organisation_id: string;
  organisation_name: string;
  active: boolean;
  totp_enabled: boolean;
  password_change_required: boolean;
  mission_code: string;
  mission_name: string;
  roles: RoleAssignment[] | string;
};

/**
 * Resolves a cookie to the signed-in user in one query (this runs on every request), enforcing
 * the idle timeout and absolute lifetime. Activity is written at most once a minute
 * (`persistEveryMs`); the idle expiry reported is the one the database holds.
 */
export async function lookupSession(
  database: Database,
  token: string | undefined,
  now: Date,
  idleSeconds: number,
  ip: string | null,
): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: 'none' };
  const tokenHash = hashToken(token);
  const idleMs = idleSeconds * 1000;
  const cached = sessionCache(database).get(tokenHash);
  if (cached && Date.now() - cached.fetchedAt < SESSION_CACHE_TTL_MS) {
    if (cached.user.expiresAt <= now || cached.lastSeenAt.getTime() + idleMs <= now.getTime()) {
      forgetSession(database, tokenHash);
      await database.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      return { status: 'expired' };
    }
    cached.lastSeenAt = now;
    if (now.getTime() - cached.persistedAt.getTime() > persistEveryMs(idleMs)) {
      cached.persistedAt = now;
      await database.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    }
    return {
      status: 'ok',
      tokenHash,
      user: { ...cached.user, actor: { ...cached.user.actor, ip } },
      idleExpiresAt: new Date(cached.persistedAt.getTime() + idleMs),
    };
  }
  const [row] = await rows<Row>(
    database.db.execute(sql`
      select s.token_hash, s.mission_id, s.user_id, s.last_seen_at, s.expires_at,
             u.username, u.display_name, u.locale, u.organisation_id, u.active, u.totp_enabled,
             u.password_change_required, o.name as organisation_name, m.code as mission_code,
             m.name as mission_name,
             coalesce((
               select json_agg(json_build_object('role', ra.role, 'centreIds', coalesce((
                 select json_agg(rc.centre_id order by rc.centre_id) from role_assignment_centres rc
                 where rc.mission_id = ra.mission_id and rc.assignment_id = ra.id), '[]'::json)) order by ra.role)
               from role_assignments ra where ra.mission_id = s.mission_id and ra.user_id = s.user_id
             ), '[]'::json) as roles
      from sessions s
      join users u on u.mission_id = s.mission_id and u.id = s.user_id
      join organisations o on o.mission_id = u.mission_id and o.id = u.organisation_id
      join missions m on m.id = s.mission_id
      where s.token_hash = ${tokenHash}`),
  );
  if (!row) return { status: 'none' };
  const lastSeen = new Date(row.last_seen_at);
  const expiresAt = new Date(row.expires_at);
  if (!row.active || expiresAt <= now || lastSeen.getTime() + idleMs <= now.getTime()) {
    forgetSession(database, tokenHash);
    await database.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return { status: 'expired' };
  }
  let persistedAt = lastSeen;
  if (now.getTime() - lastSeen.getTime() > persistEveryMs(idleMs)) {
    await database.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
    persistedAt = now;
  }
  const roles = typeof row.roles === 'string' ? (JSON.parse(row.roles) as RoleAssignment[]) : row.roles;
  const user: SessionUser = {
    actor: {
      userId: row.user_id,
      username: row.username,
      missionId: row.mission_id,
      organisationId: row.organisation_id,
      roles,
      ip,
    },
    displayName: row.display_name,
    locale: row.locale,
    organisationName: row.organisation_name,
    missionCode: row.mission_code,
    missionName: row.mission_name,
    totpEnabled: row.totp_enabled,
    passwordChangeRequired: row.password_change_required,
    expiresAt,
  };
  rememberSession(database, tokenHash, {
    user,
    userId: row.user_id,
    lastSeenAt: now,
    persistedAt,
    fetchedAt: Date.now(),
  });
  return { status: 'ok', tokenHash, user, idleExpiresAt: new Date(persistedAt.getTime() + idleMs) };
}

export async function endSession(database: Database, token: string | undefined): Promise<void> {
  if (!token) return;
  forgetSession(database, hashToken(token));
  await database.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends a user's other sessions, e.g. after a password change or deactivation. */
export async function endUserSessions(q: Queryable, userId: string, exceptToken?: string): Promise<void> {
  const keep = exceptToken ? hashToken(exceptToken) : '';
  await q.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${keep}`));
}

export async function purgeExpiredSessions(
  database: Database,
  now: Date,
  idleSeconds: number,
): Promise<void> {
  await database.db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleSeconds * 1000))),
    );
}
