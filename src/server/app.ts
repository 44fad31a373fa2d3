import { existsSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import pino from 'pino';
import { z } from 'zod';
import { MODULE_ROUTES } from './composition/routes';
import { registerAuthHooks } from './platform/auth/plugin';
import type { AppContext } from './platform/context';
import { noRoute, registerErrorHandling } from './platform/errors';
import { securityHeaders } from './platform/headers';
import { registerRateLimit } from './platform/rate-limit';
import { serializerCompiler } from './platform/serializer';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

export interface BuildOptions {
  /** serve the built web app from config.webDir when it exists */
  serveWeb?: boolean;
  /** trust X-Forwarded-For from a reverse proxy */
  trustProxy?: boolean;
}

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('ctx', ctx);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  securityHeaders(app, { hsts: ctx.config.secureCookies });
  // API answers compressed on the fly (fast settings: JSON compresses well even at low levels);
  // the web app's files are compressed once at build time and sent as they are
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
  await app.register(fastifyCookie);
  await registerRateLimit(app);
  registerAuthHooks(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Sanad API',
        version: '1',
        description:
          'Protection case management. Sign in with POST /api/v1/auth/login; send X-Requested-With: sanad on every state-changing request.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sanad_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: ctx.database.kind }),
  );
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(
    async (v1) => {
      for (const routes of MODULE_ROUTES) await v1.register(routes);
    },
    { prefix: '/api/v1' },
  );

  const web = opts.serveWeb && existsSync(join(ctx.config.webDir, 'index.html'));
  if (web)
    await app.register(fastifyStatic, {
      root: ctx.config.webDir,
      // files are looked up per request, so a rebuilt web app is served without a restart
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, path) => reply.header('Cache-Control', cacheControlFor(path)),
    });
  app.setNotFoundHandler((req, reply) => {
    // client-side routes: a GET for anything that is not an API call or a file gets the app
    if (web && req.method === 'GET' && !req.url.startsWith('/api/'))
      return reply.type('text/html').header('Cache-Control', 'no-cache').sendFile('index.html');
    return reply.code(404).type('application/problem+json').send(noRoute(req.method, req.url).toJSON());
  });
  return app;
}

/** Hashed build files never change under their name: cached for a year; anything else (index.html)
 * is revalidated, so a new release is picked up at the next load. */
export function cacheControlFor(path: string): string {
  return /[\\/]assets[\\/][^\\/]+-[\w-]{8}(\.\w+)+$/.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

export const createLogger = (level: string) =>
  pino({ level, redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'] });
