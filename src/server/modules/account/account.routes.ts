import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type Me,
  me,
  mePatch,
  passwordChange,
  type SessionInfo,
  totpSetup,
  totpVerified,
  totpVerify,
} from '../../../domain/auth/schemas';
import { users } from '../../db/schema/index';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { currentUser, sessionInfoOf, totpEnrolmentRequired } from '../../platform/auth/plugin';
import { newRecoveryCodes } from '../../platform/auth/recovery-codes';
import { forgetUser } from '../../platform/auth/session-cache';
import { endUserSessions, SESSION_COOKIE, type SessionUser } from '../../platform/auth/sessions';
import { checkTotp, newTotpSecret, totpEnrolment } from '../../platform/auth/totp';
import { HttpProblem, unprocessable } from '../../platform/errors';
import { type Work, write } from '../../platform/http';
import { errorResponses } from '../../platform/http-schemas';
import { capabilities } from './capabilities';

export function presentMe(s: SessionUser, session: SessionInfo): Me {
  return {
    id: s.actor.userId,
    username: s.actor.username,
    displayName: s.displayName,
    locale: s.locale,
    mission: { id: s.actor.missionId, code: s.missionCode, name: s.missionName },
    organisation: { id: s.actor.organisationId, name: s.organisationName },
    roles: s.actor.roles,
    totpEnabled: s.totpEnabled,
    totpEnrolmentRequired: totpEnrolmentRequired(s),
    passwordChangeRequired: s.passwordChangeRequired,
    capabilities: capabilities(s.actor),
    session,
  };
}

async function myRow(w: Work) {
  const [row] = await w.tx
    .select()
    .from(users)
    .where(and(eq(users.missionId, w.actor.missionId), eq(users.id, w.actor.userId)))
    .for('update');
  if (!row) throw new Error('signed-in user vanished');
  return row;
}

const tags = ['account'];
const incomplete = { allowIncomplete: true };

/** The signed-in user's own account: profile, language, password, second factor. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const idle = app.ctx.config.idleTimeout;

  app.get(
    '/me',
    { config: incomplete, schema: { tags, response: { 200: me, ...errorResponses } } },
    async (req) => presentMe(currentUser(req), sessionInfoOf(req, idle)),
  );

  app.patch(
    '/me',
    { config: incomplete, schema: { tags, body: mePatch, response: { 200: me, ...errorResponses } } },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const s = currentUser(req);
        await myRow(w);
        await w.tx
          .update(users)
          .set({ ...req.body, updatedAt: w.now, updatedBy: w.actor.userId })
          .where(and(eq(users.missionId, w.actor.missionId), eq(users.id, w.actor.userId)));
        await w.audit({
          action: 'update',
          entityType: 'user',
          entityId: w.actor.userId,
          changedFields: Object.keys(req.body),
        });
        forgetUser(w.ctx.database, w.actor.userId);
        return presentMe({ ...s, ...req.body }, sessionInfoOf(req, idle));
      }),
  );

  app.post(
    '/me/password',
    {
      config: incomplete,
      schema: { tags, body: passwordChange, response: { 204: z.null(), ...errorResponses } },
    },
    (req, reply) =>
      write(req, reply, 204, async (w) => {
        const row = await myRow(w);
        if (!(await verifyPassword(row.passwordHash, req.body.currentPassword))) {
          throw unprocessable('The current password is wrong', [
            { path: 'currentPassword', message: 'Wrong password' },
          ]);
        }
        if (req.body.newPassword === req.body.currentPassword) {
          throw unprocessable('Choose a password you have not used here', [
            { path: 'newPassword', message: 'Same as the current one' },
          ]);
        }
        await w.tx
          .update(users)
          .set({
            passwordHash: await hashPassword(req.body.newPassword),
            passwordChangeRequired: false,
            updatedAt: w.now,
          })
          .where(and(eq(users.missionId, w.actor.missionId), eq(users.id, w.actor.userId)));
        // other devices signed in with the old password are signed out
        await endUserSessions(w.tx, w.actor.userId, req.cookies[SESSION_COOKIE]);
        await w.audit({
          action: 'password_change',
          entityType: 'user',
          entityId: w.actor.userId,
          changedFields: ['password'],
        });
        forgetUser(w.ctx.database, w.actor.userId);
        return null;
      }),
  );

  app.post(
    '/me/totp/setup',
    {
      config: { ...incomplete, idempotent: false },
      schema: { tags, response: { 200: totpSetup, ...errorResponses } },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const row = await myRow(w);
        if (row.totpEnabled)
          throw new HttpProblem(409, 'Conflict', 'Two-factor authentication is already set up', {
            code: 'totp_already_enabled',
          });
        const secret = newTotpSecret();
        await w.tx
          .update(users)
          .set({ totpSecret: w.ctx.cipher.encrypt(secret), updatedAt: w.now })
          .where(and(eq(users.missionId, w.actor.missionId), eq(users.id, w.actor.userId)));
        return totpEnrolment(secret, row.username, `Sanad ${currentUser(req).missionCode}`);
      }),
  );

  app.post(
    '/me/totp/verify',
    {
      config: incomplete,
      schema: { tags, body: totpVerify, response: { 200: totpVerified, ...errorResponses } },
    },
    (req, reply) =>
      write(req, reply, 200, async (w) => {
        const row = await myRow(w);
        if (row.totpEnabled)
          throw new HttpProblem(409, 'Conflict', 'Two-factor authentication is already set up', {
            code: 'totp_already_enabled',
          });
        if (!row.totpSecret) throw unprocessable('Start the set-up first', undefined, 'totp_setup_missing');
        const step = await checkTotp(w.ctx.cipher.decrypt(row.totpSecret), req.body.token, w.now, null);
        if (step === null)
          throw unprocessable(
            'That code is not valid; check your device clock and try again',
            [{ path: 'token', message: 'Invalid code' }],
            'totp_invalid',
          );
        // shown once, here; only their hashes are kept
        const recovery = newRecoveryCodes();
        await w.tx
          .update(users)
          .set({
            totpEnabled: true,
            totpLastStep: step,
            totpRecoveryCodes: recovery.hashes,
            updatedAt: w.now,
          })
          .where(and(eq(users.missionId, w.actor.missionId), eq(users.id, w.actor.userId)));
        await w.audit({
          action: 'totp_enrol',
          entityType: 'user',
          entityId: w.actor.userId,
          changedFields: ['totpEnabled', 'totpRecoveryCodes'],
        });
        forgetUser(w.ctx.database, w.actor.userId);
        return {
          ...presentMe({ ...currentUser(req), totpEnabled: true }, sessionInfoOf(req, idle)),
          recoveryCodes: recovery.codes,
        };
      }),
  );
};
