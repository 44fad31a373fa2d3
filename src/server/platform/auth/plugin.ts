import type { FastifyInstance, FastifyRequest } from 'fastify';
import { TOTP_REQUIRED_ROLES } from '../../../domain/access/roles';
import type { SessionInfo } from '../../../domain/auth/schemas';
import { setCommonPasswordCheck } from '../../../domain/directory/schemas';
import { forbidden, HttpProblem, unauthenticated } from '../errors';
import { trackReadableRoutes } from '../idempotency';
import { isCommonPassword } from './common-passwords';
import { lookupSession, SESSION_COOKIE, type SessionUser } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    session?: SessionUser;
    /** the session's token hash and when it goes idle, for the expiry headers and a refresh */
    sessionState?: { tokenHash: string; idleExpiresAt: Date };
  }
  interface FastifyContextConfig {
    /** reachable without a session (sign-in, health) */
    public?: boolean;
    /** reachable while a second factor or a new password is still owed */
    allowIncomplete?: boolean;
    /** false: never store this route's answer under an Idempotency-Key */
    idempotent?: boolean;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Seconds until the session goes idle and until its absolute end, on every answer to a signed-in
 * request: relative, so the web app can warn before expiry whatever its own clock says.
 */
export const SESSION_IDLE_HEADER = 'sanad-session-idle-seconds';
export const SESSION_ABSOLUTE_HEADER = 'sanad-session-absolute-seconds';
/** sent by the web app: the id of the user its page belongs to */
export const EXPECTED_USER_HEADER = 'sanad-user';

export const totpEnrolmentRequired = (s: SessionUser) =>
  !s.totpEnabled && s.actor.roles.some((r) => TOTP_REQUIRED_ROLES.includes(r.role));

/** Every /api request: CSRF header on writes, then session, then the enrolment gates. */
export function registerAuthHooks(app: FastifyInstance): void {
  trackReadableRoutes(app); // Idempotency-Key replays re-read records through their GET routes
  registerExpiryHeaders(app);
  setCommonPasswordCheck(isCommonPassword); // wherever a password is set, through its schema
  app.addHook('onRequest', async (req) => {
    // Decided on the method alone, never on the raw URL: `/%61pi/...`, `//api/...` or `/API/...`
    // may still reach an API route. Only GETs are served outside /api, so nothing legitimate
    // is refused by asking every state-changing request for the header.
    if (!SAFE.has(req.method) && req.headers['x-requested-with'] !== 'sanad') {
      throw new HttpProblem(
        403,
        'Forbidden',
        'State-changing requests need the header X-Requested-With: sanad',
        {
          code: 'csrf_header_missing',
        },
      );
    }
  });

  app.addHook('preHandler', async (req) => {
    // the matched route decides, not the raw URL (which may be percent-encoded or oddly cased)
    const route = req.routeOptions.url;
    // no session needed where no API route matched: the static files' catch-all answers 404 there
    if (req.routeOptions.config.public || !route?.startsWith('/api/')) return;
    if (route.startsWith('/api/docs')) return; // the API's documentation is public, like its schema
    const { database, config, clock } = app.ctx;
    const found = await lookupSession(
      database,
      req.cookies[SESSION_COOKIE],
      clock(),
      config.idleTimeout,
      req.ip,
    );
    if (found.status === 'none') throw unauthenticated('unauthenticated');
    if (found.status === 'expired') throw unauthenticated('session_expired');
    // The web app names the user it believes is signed in: when another tab signed in as someone
    // else (the cookie is shared), this page's requests must not be made as that other user.
    const expected = req.headers[EXPECTED_USER_HEADER];
    if (typeof expected === 'string' && expected !== '' && expected !== found.user.actor.userId)
      throw unauthenticated('session_user_changed');
    req.session = found.user;
    req.sessionState = { tokenHash: found.tokenHash, idleExpiresAt: found.idleExpiresAt };
    if (req.routeOptions.config.allowIncomplete) return;
    if (totpEnrolmentRequired(found.user)) {
      throw forbidden(
        'Set up two-factor authentication before doing anything else',
        'totp_enrolment_required',
      );
    }
    if (found.user.passwordChangeRequired) {
      throw forbidden('Choose a new password before doing anything else', 'password_change_required');
    }
  });
}

/** The expiry headers (see SESSION_IDLE_HEADER); a route that moved the expiry updates `req.sessionState` first. */
function registerExpiryHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    const state = req.sessionState;
    if (!req.session || !state) return;
    const now = app.ctx.clock().getTime();
    // rounded up: when the web app believes the session ended, it has (its own delay adds to that)
    const secondsTo = (d: Date) => String(Math.max(0, Math.ceil((d.getTime() - now) / 1000)));
    reply.header(SESSION_IDLE_HEADER, secondsTo(state.idleExpiresAt));
    reply.header(SESSION_ABSOLUTE_HEADER, secondsTo(req.session.expiresAt));
  });
}

/** The signed-in request's session expiry, as /me and the refresh route answer it. */
export function sessionInfoOf(req: FastifyRequest, idleTimeoutSeconds: number): SessionInfo {
  const s = currentUser(req);
  const idle = req.sessionState?.idleExpiresAt ?? s.expiresAt;
  return { idleTimeoutSeconds, idleExpiresAt: idle.toISOString(), expiresAt: s.expiresAt.toISOString() };
}

export function currentUser(req: FastifyRequest): SessionUser {
  if (!req.session) throw unauthenticated();
  return req.session;
}
