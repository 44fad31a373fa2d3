import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './auth/sessions';
import { HttpProblem } from './errors';

/**
 * A generous ceiling on requests per minute, per session (a session's requests are one person's),
 * else per address (sign-in and other public calls; a whole office may share one address). It
 * stops a runaway script or a scraper, not a person. Counted in this process's memory: behind a
 * load balancer each process counts its own share, which only makes the ceiling more generous.
 * A ceiling of 0 switches it off.
 */
export async function registerRateLimit(app: FastifyInstance): Promise<void> {
  const { config } = app.ctx;
  const sessionOf = (req: FastifyRequest) => req.cookies?.[SESSION_COOKIE];
  await app.register(fastifyRateLimit, {
    global: true,
    timeWindow: 60_000,
    keyGenerator: (req) => {
      const token = sessionOf(req);
      // the token itself is never kept, only a digest of it
      return token ? `s:${createHash('sha256').update(token).digest('base64url')}` : `a:${req.ip}`;
    },
    // 0 switches a ceiling off (benchmarks)
    max: (_req, key) =>
      (key.startsWith('s:') ? config.rateLimitPerSession : config.rateLimitPerAddress) ||
      Number.MAX_SAFE_INTEGER,
    errorResponseBuilder: (_req, ctx) => {
      const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      return new HttpProblem(429, 'Too Many Requests', `Too many requests; try again in ${seconds} s`, {
        code: 'rate_limited',
        headers: { 'retry-after': String(seconds) },
      });
    },
  });
}
