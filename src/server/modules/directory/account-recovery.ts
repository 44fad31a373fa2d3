import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { users } from '../../db/schema/index';
import { hashPassword } from '../../platform/auth/passwords';
import { RESET_TOTP } from '../../platform/auth/recovery-codes';
import { endUserSessions } from '../../platform/auth/sessions';
import type { AppContext } from '../../platform/context';
import { asSystem } from '../../platform/http';
import { inSystem } from '../../platform/tx';

/** The account is not there: the command line says so in one line. */
export class NoSuchUser extends Error {}

type Row = typeof users.$inferSelect;

/**
 * A command-line change to one account (the lone administrator locked out), audited as the
 * `system` actor with `via: 'cli'`, and ending the account's sessions, in one transaction.
 */
async function changeAccount(
  ctx: AppContext,
  username: string,
  action: string,
  changed: string[],
  patch: (row: Row) => Promise<Partial<Row>>,
): Promise<void> {
  const name = username.trim().toLowerCase();
  // usernames are unique in the installation: the account names its mission
  const [row] = await inSystem(ctx.database, (tx) => tx.select().from(users).where(eq(users.username, name)));
  if (!row) throw new NoSuchUser(`No user named "${name}"`);
  await asSystem(ctx, row.missionId, async (w) => {
    await w.tx
      .update(users)
      .set({ ...(await patch(row)), updatedAt: w.now, updatedBy: w.actor.userId, version: row.version + 1 })
      .where(and(eq(users.missionId, row.missionId), eq(users.id, row.id)));
    await endUserSessions(w.tx, row.id);
    await w.audit({
      action,
      entityType: 'user',
      entityId: row.id,
      changedFields: changed,
      detail: { via: 'cli', username: name },
    });
  });
}

/**
 * A new random password, to be changed at the next sign-in; also lifts a lock-out, since a locked
 * administrator is the usual reason to run it. Returns the password to print once.
 */
export async function resetPassword(ctx: AppContext, username: string): Promise<string> {
  const password = randomBytes(12).toString('base64url');
  await changeAccount(ctx, username, 'password_reset', ['password', 'lockedUntil'], async () => ({
    passwordHash: await hashPassword(password),
    passwordChangeRequired: true,
    failedAttempts: 0,
    lockedUntil: null,
  }));
  return password;
}

/** Removes the second factor and its recovery codes; a role that needs one enrols again at sign-in. */
export async function resetTotp(ctx: AppContext, username: string): Promise<void> {
  await changeAccount(
    ctx,
    username,
    'totp_reset',
    ['totpEnabled', 'totpRecoveryCodes'],
    async () => RESET_TOTP,
  );
}
