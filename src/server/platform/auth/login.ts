import { and, count, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { LoginBody } from '../../../domain/auth/schemas';
import { loginAttempts, users } from '../../db/schema/index';
import type { Actor } from '../actor';
import { audit } from '../audit';
import type { AppContext } from '../context';
import { HttpProblem } from '../errors';
import { newId } from '../ids';
import { inMission } from '../tx';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { hashRecoveryCode } from './recovery-codes';
import { createSession } from './sessions';
import { checkTotp } from './totp';

export interface LoginResult {
  token: string;
  expiresAt: Date;
}

/** The one answer for a locked account, a locked username-and-address pair, or a locked unknown name. */
const lockedProblem = (seconds: number) =>
  fail(423, 'account_locked', 'Too many failed sign-ins for this account; try again later', {
    'retry-after': String(seconds),
  });

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

const failuresSince = (where: SQL | undefined, since: Date) =>
  and(where, eq(loginAttempts.success, false), gt(loginAttempts.at, since));

/**
 * Password (+ TOTP, or one of the one-time recovery codes, when enrolled) sign-in. Limits, over the lock-out window:
 * - one username from one address: a few failures, then that pair is refused (so one guesser
 *   does not lock the account for everyone else);
 * - one account from anywhere: more failures, then the account is locked;
 * - one address: a high ceiling, since a whole office may sit behind one address.
 * A locked account and an unknown or inactive name answer alike (status, body, headers and an
 * argon2 verification each), so neither tells whether the name exists. Unknown names get the
 * per-account lock too, counted from the attempts table.
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
  const username = body.username.trim().toLowerCase();
  const countFailures = async (where: SQL | undefined) => {
    const [row] = await database.db
      .select({ n: count() })
      .from(loginAttempts)
      .where(failuresSince(where, windowStart));
    return row?.n ?? 0;
  };

  if ((await countFailures(eq(loginAttempts.ip, ip))) >= config.ipFailureLimit) {
    throw fail(429, 'rate_limited', 'Too many failed sign-ins from this address; wait and try again', {
      'retry-after': String(config.lockoutSeconds),
    });
  }
  const record = (success: boolean) =>
    database.db.insert(loginAttempts).values({ id: newId(), ip, username, at: now, success });

  const [user] = await database.db.select().from(users).where(eq(users.username, username));
  const pairLocked =
    (await countFailures(and(eq(loginAttempts.ip, ip), eq(loginAttempts.username, username)))) >=
    config.ipAccountFailureLimit;

  if (!user?.active) {
    await burnPasswordCheck(body.password);
    const nameLocked =
      pairLocked || (await countFailures(eq(loginAttempts.username, username))) >= config.lockoutThreshold;
    if (user) await auditAttempt(ctx, user, client.ip, 'login_failed', { reason: 'inactive' });
    if (nameLocked) throw lockedProblem(config.lockoutSeconds);
    await record(false);
    throw fail(401, 'invalid_credentials', 'Wrong username or password');
  }

  if (pairLocked || (user.lockedUntil && user.lockedUntil > now)) {
    await burnPasswordCheck(body.password);
    await auditAttempt(ctx, user, client.ip, 'login_failed', {
      reason: 'locked',
      ...(pairLocked ? { scope: 'address' } : {}),
    });
    throw lockedProblem(config.lockoutSeconds);
  }

  const passwordOk = await verifyPassword(user.passwordHash, body.password);
  let totpStep: number | null = null;
  // a recovery code stands in for the TOTP code; it is spent in the sign-in's transaction below
  const recovery =
    user.totpEnabled && !body.totp && body.recoveryCode ? hashRecoveryCode(body.recoveryCode) : null;
  if (passwordOk && user.totpEnabled && !recovery) {
    if (!body.totp) throw fail(401, 'totp_required', 'Enter the six-digit code from your authenticator app');
    const secret = user.totpSecret ? ctx.cipher.decrypt(user.totpSecret) : '';
    totpStep = await checkTotp(secret, body.totp, now, user.totpLastStep);
  }
  const secondFactorOk =
    !user.totpEnabled || totpStep !== null || (!!recovery && user.totpRecoveryCodes.includes(recovery));
  const ok = passwordOk && secondFactorOk;

  if (!ok) {
    const failures = user.failedAttempts + 1;
    const locks = failures >= config.lockoutThreshold;
    const lockedUntil = locks ? new Date(now.getTime() + config.lockoutSeconds * 1000) : null;
    await inMission(database, user.missionId, async (tx) => {
      await tx
        .update(users)
        .set({ failedAttempts: locks ? 0 : failures, ...(locks ? { lockedUntil } : {}) })
        .where(and(eq(users.missionId, user.missionId), eq(users.id, user.id)));
      const reason = !passwordOk ? 'bad_password' : recovery ? 'bad_recovery_code' : 'bad_totp';
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
    const [spent] = await tx
      .update(users)
      .set({
        failedAttempts: 0,
        lockedUntil: null,
        ...(totpStep !== null ? { totpLastStep: totpStep } : {}),
        ...(recovery ? { totpRecoveryCodes: sql`${users.totpRecoveryCodes} - ${recovery}::text` } : {}),
      })
      .where(
        and(
          eq(users.missionId, user.missionId),
          eq(users.id, user.id),
          // two sign-ins racing with one code: only the first still finds it
          recovery ? sql`${users.totpRecoveryCodes} @> jsonb_build_array(${recovery}::text)` : undefined,
        ),
      )
      .returning({ left: users.totpRecoveryCodes });
    if (!spent) throw fail(401, 'totp_invalid', 'That recovery code has already been used');
    await audit(
      tx,
      actorOf(user, client.ip),
      user.missionId,
      {
        action: 'login',
        entityType: 'user',
        entityId: user.id,
        detail: {
          userAgent: client.userAgent?.slice(0, 200) ?? null,
          ...(recovery ? { secondFactor: 'recovery_code', recoveryCodesLeft: spent.left.length } : {}),
        },
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
