// Child process for bench/http.ts: the Sanad app and a bare Fastify route, set up alike.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app';
import { addAccount, ensureMission } from '../src/server/modules/directory/bootstrap';
import { loadConfig } from '../src/server/platform/config';
import { asSystem } from '../src/server/platform/http';
import { openRuntime } from '../src/server/runtime';

const config = {
  ...loadConfig(),
  logLevel: 'silent',
  // the bench measures the server, not the API's rate limit
  rateLimitPerSession: 0,
  rateLimitPerAddress: 0,
  dataDir: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'sanad-bench-')),
};
const ctx = await openRuntime(config);
const missionId = await ensureMission(ctx);
const username = `bench-${Date.now()}`;
await asSystem(ctx, missionId, (w) =>
  addAccount(w, {
    username,
    displayName: 'Bench Caseworker',
    password: 'bench password 1',
    roles: [{ role: 'caseworker', centreIds: [] }],
  }),
);
const app = await buildApp(ctx);
await app.listen({ host: '127.0.0.1', port: 0 });

const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  headers: { 'x-requested-with': 'sanad' },
  payload: { username, password: 'bench password 1' },
});
const cookie = String(login.headers['set-cookie']).split(';')[0];
const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
const body = me.body;

const bare = Fastify({ logger: false });
bare.get('/bare', async (_req, reply) => reply.type('application/json; charset=utf-8').send(body));
await bare.listen({ host: '127.0.0.1', port: 0 });

const port = (s: { server: { address(): unknown } }) => (s.server.address() as { port: number }).port;
process.send?.({
  app: port(app),
  bare: port(bare),
  cookie,
  bytes: Buffer.byteLength(body),
  engine: ctx.database.kind,
});
process.on('message', async () => {
  await app.close();
  await bare.close();
  await ctx.database.close();
  process.exit(0);
});
