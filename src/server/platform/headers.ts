import type { FastifyInstance } from 'fastify';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets inline style attributes
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * The security headers helmet would set, computed once: helmet rebuilt them on every request and
 * halved throughput (bench/http.ts). No upgrade-insecure-requests: field offices often serve
 * over plain HTTP on a LAN. HSTS only behind TLS.
 */
export function securityHeaders(app: FastifyInstance, opts: { hsts: boolean }): void {
  const headers: Record<string, string> = {
    'content-security-policy': CSP,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-dns-prefetch-control': 'off',
    'x-permitted-cross-domain-policies': 'none',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(opts.hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
  app.addHook('onRequest', async (_req, reply) => {
    reply.headers(headers);
  });
  // API answers carry personal data: no browser or proxy may keep them. Static files set their
  // own caching; the API's schema and documentation hold none and may be cached.
  app.addHook('onSend', async (req, reply) => {
    if (reply.hasHeader('cache-control')) return;
    const route = req.routeOptions.url ?? '';
    if (route === '/api/openapi.json' || route.startsWith('/api/docs')) return;
    reply.header('cache-control', 'no-store');
  });
}
