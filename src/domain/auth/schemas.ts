import { z } from 'zod';
import { locale, uuid } from '../common/schemas';
import { password, roleAssignment } from '../directory/schemas';

export const loginBody = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
  totp: z
    .string()
    .regex(/^\d{6}$/, { error: 'Six digits' })
    .optional(),
  /** one of the codes shown at TOTP enrolment, in place of `totp`; each works once */
  recoveryCode: z.string().trim().min(1).max(40).optional(),
});
export type LoginBody = z.infer<typeof loginBody>;

/** When the session ends: after `idleTimeoutSeconds` without a request, and at `expiresAt` in any case. */
export const sessionInfo = z.object({
  idleTimeoutSeconds: z.number(),
  idleExpiresAt: z.string(),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;

export const me = z.object({
  id: uuid,
  username: z.string(),
  displayName: z.string(),
  locale,
  mission: z.object({ id: uuid, code: z.string(), name: z.string() }),
  organisation: z.object({ id: uuid, name: z.string() }),
  roles: z.array(roleAssignment),
  totpEnabled: z.boolean(),
  /** true until an admin (or anyone whose role needs it) has enrolled a second factor */
  totpEnrolmentRequired: z.boolean(),
  passwordChangeRequired: z.boolean(),
  /** what the user may do: drives navigation; computed by the server's policy layer */
  capabilities: z.array(z.string()),
  session: sessionInfo,
});
export type Me = z.infer<typeof me>;

export const mePatch = z.strictObject({
  locale: locale.optional(),
  displayName: z.string().trim().min(1).max(200).optional(),
});
export const passwordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
export const totpSetup = z.object({ secret: z.string(), otpauthUri: z.string(), qrDataUrl: z.string() });
export const totpVerify = z.strictObject({ token: z.string().regex(/^\d{6}$/, { error: 'Six digits' }) });
/** The answer to a successful enrolment: the account, and the recovery codes, shown this once. */
export const totpVerified = me.extend({ recoveryCodes: z.array(z.string()) });

/** machine-readable reasons in problem+json `code`, for the web app to react to */
export const AUTH_CODES = [
  'invalid_credentials',
  'account_locked',
  'totp_required',
  'totp_invalid',
  'totp_enrolment_required',
  'password_change_required',
  'session_expired',
  /** the request expected another user than the session's (another tab signed in as someone else) */
  'session_user_changed',
  'unauthenticated',
  'rate_limited',
  'csrf_header_missing',
] as const;
export type AuthCode = (typeof AUTH_CODES)[number];
