import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBody, sessionInfo } from '../../../domain/auth/schemas';
import { problem } from '../../../domain/common/schemas';
import { login } from './login';
import { currentUser, sessionInfoOf } from './plugin';
import { endSession, SESSION_COOKIE, touchSession } from './sessions';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config } = app.ctx;
  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        body: loginBody,
        response: { 204: z.null(), 400: problem, 401: problem, 423: problem, 429: problem },
      },
    },
    async (req, reply) => {
      const { token } = await login(app.ctx, req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        path: '/',
        maxAge: config.absoluteTimeout,
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags, response: { 204: z.null() } } },
    async (req, reply) => {
      await endSession(app.ctx.database, req.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  // "Stay signed in": the request itself is activity; this also writes it at once (not within a
  // minute), so every server process sees the new idle expiry. Not idempotent: nothing to replay.
  app.post(
    '/session/refresh',
    {
      config: { allowIncomplete: true, idempotent: false },
      schema: { tags, response: { 200: sessionInfo, 401: problem } },
    },
    async (req) => {
      currentUser(req);
      const state = req.sessionState;
      if (state) {
        state.idleExpiresAt = await touchSession(
          app.ctx.database,
          state.tokenHash,
          app.ctx.clock(),
          config.idleTimeout,
        );
      }
      return sessionInfoOf(req, config.idleTimeout);
    },
  );
};
