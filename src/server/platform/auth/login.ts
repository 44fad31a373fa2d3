import { and, count, eq, gt } from 'drizzle-orm';
import type { LoginBody } from '../../../domain/auth/schemas';
import { loginAttempts, users } from '../../db/schema/index';
import type { Actor } from '../actor';
import { audit } from '../audit';
import type { AppContext } from '../context';
import { HttpProblem } from '../errors';
import { newId } from '../ids';
import { inMission } from '../tx';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { createSession } from './sessions';
import { checkTotp } from './totp';

export interface LoginResult {
  token: string;
  expiresAt: Date;
}

const fail = (status: number, code: string, detail: string, headers?: Record<string, string>) =>
  new HttpProblem(
    status,
    status === 423 ? 'Locked' : status === 429 ? 'Too Many Requests' : 'Unauthorized',
    detail,
    {
      code,
      headers,
    },
  );

/**
 * Password (+ TOTP when enrolled) sign-in with per-account lock-out and a per-address limit.
 * Every attempt on a known account is written to that mission's audit trail.
 */
export async function login(
  ctx: AppContext,
  body: LoginBody,
  client: { ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const { database, config } = ctx;
  const now = ctx.clock();
  const windowStart = new Date(now.getTime() - config.lockoutSeconds * 1000);
  const ip = client.ip ?? 'unknown';

  const [recent] = await database.db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, windowStart)),
    );
  if ((recent?.n ?? 0) >= config.ipFailureLimit) {
    throw fail(429, 'rate_limited', 'Too many failed sign-ins from this address; wait and try again', {
      'retry-after': String(config.lockoutSeconds),
    });
  }
  const record = (success: boolean) =>
    database.db.insert(loginAttempts).values({ id: newId(), ip, username: body.username, at: now, success });

  const [user] = await database.db.select().from(users).where(eq(users.username, body.username));
  if (!user?.active) {
    await burnPasswordCheck(body.password);
    await record(false);
    if (user) await auditAttempt(ctx, user, client.ip, 'login_failed', { reason: 'inactive' });
    throw fail(401, 'invalid_credentials', 'Wrong username or password');
  }

  if (user.lockedUntil && user.lockedUntil > now) {
    await record(false);
    await auditAttempt(ctx, user, client.ip, 'login_failed', { reason: 'locked' });
    throw fail(
      423,
      'account_locked',
      'This account is locked after too many failed sign-ins; try again later',
      {
        'retry-after': String(Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 1000)),
      },
    );
  }

  const passwordOk = await verifyPassword(user.passwordHash, body.password);
  let totpStep: number | null = null;
  if (passwordOk && user.totpEnabled) {
    if (!body.totp) throw fail(401, 'totp_required', 'Enter the six-digit code from your authenticator app');
    const secret = user.totpSecret ? ctx.cipher.decrypt(user.totpSecret) : '';
    totpStep = await checkTotp(secret, body.totp, now, user.totpLastStep);
  }
  const ok = passwordOk && (!user.totpEnabled || totpStep !== null);

  if (!ok) {
    const failures = user.failedAttempts + 1;
    const locks = failures >= config.lockoutThreshold;
    const lockedUntil = locks ? new Date(now.getTime() + config.lockoutSeconds * 1000) : null;
    await inMission(database, user.missionId, async (tx) => {
      await tx
        .update(users)
        .set({ failedAttempts: locks ? 0 : failures, ...(locks ? { lockedUntil } : {}) })
        .where(and(eq(users.missionId, user.missionId), eq(users.id, user.id)));
      const reason = passwordOk ? 'bad_totp' : 'bad_password';
      await audit(
        tx,
        actorOf(user, client.ip),
        user.missionId,
        {
          action: 'login_failed',
          entityType: 'user',
          entityId: user.id,
          detail: { reason, failures, ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}) },
        },
        now,
      );
    });
    await record(false);
    if (passwordOk)
      throw fail(401, 'totp_invalid', 'That code is not valid; check your device clock and try again');
    throw fail(401, 'invalid_credentials', 'Wrong username or password');
  }

  await inMission(database, user.missionId, async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, ...(totpStep !== null ? { totpLastStep: totpStep } : {}) })
      .where(and(eq(users.missionId, user.missionId), eq(users.id, user.id)));
    await audit(
      tx,
      actorOf(user, client.ip),
      user.missionId,
      {
        action: 'login',
        entityType: 'user',
        entityId: user.id,
        detail: { userAgent: client.userAgent?.slice(0, 200) ?? null },
      },
      now,
    );
  });
  await record(true);
  return createSession(
    database,
    { missionId: user.missionId, userId: user.id, ...client },
    now,
    config.absoluteTimeout,
  );
}

type UserRow = typeof users.$inferSelect;
const actorOf = (u: UserRow, ip: string | null): Actor => ({
  userId: u.id,
  username: u.username,
  missionId: u.missionId,
  organisationId: u.organisationId,
  roles: [],
  ip,
});

async function auditAttempt(
  ctx: AppContext,
  user: UserRow,
  ip: string | null,
  action: string,
  detail: Record<string, unknown>,
) {
  await inMission(ctx.database, user.missionId, (tx) =>
    audit(
      tx,
      actorOf(user, ip),
      user.missionId,
      { action, entityType: 'user', entityId: user.id, detail },
      ctx.clock(),
    ),
  );
}
