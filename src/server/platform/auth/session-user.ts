import type { Locale } from '../../../domain/common/schemas';
import type { Actor } from '../actor';

/** Who a session belongs to, as the auth hook hands it to requests (and the session cache keeps it). */
export interface SessionUser {
  actor: Actor;
  displayName: string;
  locale: Locale;
  organisationName: string;
  missionCode: string;
  missionName: string;
  totpEnabled: boolean;
  passwordChangeRequired: boolean;
  expiresAt: Date;
}
