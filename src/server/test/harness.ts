import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import pino from 'pino';
import type { Role } from '../../domain/access/roles';
import type { RoleAssignment } from '../../domain/directory/schemas';
import { buildApp } from '../app';
import type { Database } from '../db/engine';
import { missions, organisations, users } from '../db/schema/index';
import { addAccount } from '../modules/directory/bootstrap';
import { loadConfig } from '../platform/config';
import type { AppContext } from '../platform/context';
import { createCipher } from '../platform/crypto';
import { asSystem } from '../platform/http';
import { newId } from '../platform/ids';
import { created } from '../platform/records';
import { inSystem } from '../platform/tx';
import { freshDatabase } from './database';
import { buildUser } from './factories';

export const PASSWORD = 'correct horse battery';

export interface Client {
  username: string;
  userId: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  missionId: string;
  /** the test's clock; `advance` moves it */
  now(): Date;
  advance(ms: number): void;
  /** a signed-in mission-wide admin with TOTP enrolled */
  admin: Client;
  /** a new admin session, for tests that moved the clock past the old one's lifetime */
  refreshAdmin(): Promise<Client>;
  createMission(code: string): Promise<{ missionId: string; organisationId: string }>;
  /** creates an account directly and signs it in */
  signIn(
    opts?: Partial<ReturnType<typeof buildUser>> & { missionId?: string; roles?: RoleAssignment[] },
  ): Promise<Client>;
  login(username: string, password: string, totp?: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A whole app over a fresh database of the configured engine, with an injected clock. */
export async function testApp(): Promise<TestApp> {
  const fresh = await freshDatabase();
  const { database } = fresh;
  let now = new Date('2026-11-02T08:00:00.000Z');
  const ctx: AppContext = {
    database,
    config: { ...loadConfig({}), ipFailureLimit: 1000 },
    cipher: createCipher(randomBytes(32)),
    clock: () => now,
    log: pino({ level: process.env.TEST_LOG ?? 'silent' }),
  };
  const app = await buildApp(ctx);
  await app.ready();

  const createMission = async (code: string) => {
    const missionId = newId();
    await inSystem(database, (tx) =>
      tx.insert(missions).values({ id: missionId, code, name: `Mission ${code}` }),
    );
    const organisationId = newId();
    await asSystem(ctx, missionId, (w) =>
      w.tx
        .insert(organisations)
        .values({ id: organisationId, name: `Mission ${code}`, kind: 'mission', ...created(w) }),
    );
    return { missionId, organisationId };
  };

  const login = (username: string, password: string, totp?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-requested-with': 'sanad' },
      payload: { username, password, ...(totp ? { totp } : {}) },
    });

  const clientFor = (username: string, userId: string, cookie: string): Client => {
    const request = (opts: InjectOptions) =>
      app.inject({ ...opts, headers: { 'x-requested-with': 'sanad', cookie, ...(opts.headers ?? {}) } });
    return {
      username,
      userId,
      request,
      get: (url) => request({ method: 'GET', url }),
      post: (url, body, headers) => request({ method: 'POST', url, payload: body as never, headers }),
      patch: (url, body) => request({ method: 'PATCH', url, payload: body as never }),
    };
  };

  const signIn: TestApp['signIn'] = async (opts = {}) => {
    const u = { ...buildUser(opts), ...opts };
    const missionId = opts.missionId ?? home.missionId;
    const userId = await asSystem(ctx, missionId, (w) =>
      addAccount(w, {
        username: u.username,
        displayName: u.displayName,
        password: u.password,
        organisationId: u.organisationId,
        roles: opts.roles ?? [{ role: u.role as Role, centreIds: u.centreIds }],
      }),
    );
    let totp: string | undefined;
    if ((opts.roles ?? [{ role: u.role }]).some((r) => r.role === 'admin')) {
      const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
      await inSystem(database, (tx) =>
        tx
          .update(users)
          .set({ totpEnabled: true, totpSecret: ctx.cipher.encrypt(secret) })
          .where(and(eq(users.missionId, missionId), eq(users.id, userId))),
      );
      totp = await generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
    }
    const res = await login(u.username, u.password, totp);
    if (res.statusCode !== 204) throw new Error(`sign-in failed: ${res.body}`);
    const cookie = String(res.headers['set-cookie']).split(';')[0] as string;
    return clientFor(u.username, userId, cookie);
  };

  const home = await createMission('TST');
  const admin = await signIn({ username: 'test-admin', role: 'admin' });

  let admins = 0;
  const t: TestApp = {
    app,
    ctx,
    database,
    missionId: home.missionId,
    now: () => now,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    admin,
    async refreshAdmin() {
      t.admin = await signIn({ username: `test-admin-${++admins}`, role: 'admin' });
      return t.admin;
    },
    createMission,
    signIn,
    login,
    async close() {
      await app.close();
      await fresh.drop();
    },
  };
  return t;
}

/** Parses a JSON body, failing the test with the body text if it is not JSON. */
export const json = <T = Record<string, unknown>>(res: LightMyRequestResponse): T =>
  JSON.parse(res.body) as T;
