import { parseArgs } from 'node:util';
import { and, eq, inArray } from 'drizzle-orm';
import { ROLES, type Role } from '../domain/access/roles';
import { buildApp } from './app';
import { DEMO_STEPS } from './composition/demo';
import { DataDirLockedError } from './db/lock';
import { scheduleMaintenance } from './db/maintenance';
import { centres, organisations } from './db/schema/index';
import { NoSuchUser, resetPassword, resetTotp } from './modules/directory/account-recovery';
import { addAccount, ensureAdmin, ensureMission } from './modules/directory/bootstrap';
import { verifyAuditChains } from './platform/audit';
import { isCommonPassword } from './platform/auth/common-passwords';
import type { AppContext } from './platform/context';
import { asSystem } from './platform/http';
import { openRuntime } from './runtime';

const USAGE = `Usage: sanad <command>

  start [--build-web]       migrate, then serve on HOST:PORT (default 127.0.0.1:3000);
                            --build-web builds the web app first if missing or stale
  migrate                   bring the database schema up to date
  user add --username U --password P --role R [--organisation NAME] [--centre NAME ...]
                            add an account (no --centre: whole-mission scope)
  user reset-password U     give U a new random password (printed once), to be changed at
                            the next sign-in; also lifts a lock-out
  user reset-2fa U          remove U's two-factor set-up and recovery codes; U enrols again
  demo                      load the fictional demo mission (idempotent)
  audit verify              check every mission's audit hash chain

Environment: PORT, HOST, DATA_DIR, DATABASE_URL, SANAD_SECRET_KEY, SANAD_ADMIN_PASSWORD,
SANAD_DEMO_PASSWORD, LOG_LEVEL`;

class UsageError extends Error {}

async function withRuntime<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openRuntime();
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
}

async function start(): Promise<void> {
  const t0 = performance.now();
  const ctx = await openRuntime();
  const missionId = await ensureMission(ctx);
  const admin = await ensureAdmin(ctx, missionId);
  const app = await buildApp(ctx, { serveWeb: true });
  let closing = false;
  const stopMaintenance = scheduleMaintenance(ctx);
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    ctx.log.info({ signal }, 'shutting down');
    stopMaintenance();
    try {
      await app.close();
    } finally {
      await ctx.database.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  if (process.env.npm_lifecycle_event) {
    // Under npm, the script's shell stands between npm and the server unless the script `exec`s
    // (package.json's start does): a shell that gets npm's forwarded SIGTERM dies and leaves the
    // server orphaned, holding the data directory. So under npm the server also stops when its
    // parent goes (also if npm itself is killed outright).
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) void shutdown('parent exited');
    }, 250).unref();
  }
  // the address actually bound: with PORT=0 the system picks the port
  const address = await app.listen({ host: ctx.config.host, port: ctx.config.port });
  const where = ctx.database.kind === 'pglite' ? `embedded database in ${ctx.config.dataDir}` : 'PostgreSQL';
  console.log(`Sanad listening on ${address} (${where}), ready in ${Math.round(performance.now() - t0)} ms`);
  if (admin.password) {
    // plain text on stdout, not a JSON log line, so it is seen and copied easily
    console.log(
      `\n${boxed([
        'First start: created the administrator account',
        `  username: admin`,
        `  password: ${admin.password}`,
        'Sign in and change it; this is the only time it is shown.',
        'Lost it later? Stop the server and run: node bin/sanad.js user reset-password admin',
      ])}\nTip: LOG_LEVEL=warn npm start keeps the console to warnings and errors.\n`,
    );
  }
}

async function userAdd(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string', multiple: true },
      organisation: { type: 'string' },
      centre: { type: 'string', multiple: true },
      name: { type: 'string' },
    },
  });
  if (!values.username || !values.password || !values.role?.length)
    throw new UsageError('user add needs --username, --password and --role');
  const roles = values.role as Role[];
  for (const r of roles)
    if (!ROLES.includes(r)) throw new UsageError(`Unknown role "${r}". Roles: ${ROLES.join(', ')}`);
  if (values.password.length < 10) throw new UsageError('The password must have at least 10 characters');
  if (isCommonPassword(values.password))
    throw new UsageError('The password is one of the 10,000 most common; choose another');
  await withRuntime(async (ctx) => {
    const missionId = await ensureMission(ctx);
    await asSystem(ctx, missionId, async (w) => {
      let organisationId: string | undefined;
      if (values.organisation) {
        const [org] = await w.tx
          .select()
          .from(organisations)
          .where(and(eq(organisations.missionId, missionId), eq(organisations.name, values.organisation)));
        if (!org) throw new UsageError(`No organisation named "${values.organisation}"`);
        organisationId = org.id;
      }
      const names = values.centre ?? [];
      const found = names.length
        ? await w.tx
            .select()
            .from(centres)
            .where(and(eq(centres.missionId, missionId), inArray(centres.name, names)))
        : [];
      const missing = names.filter((n) => !found.some((c) => c.name === n));
      if (missing.length) throw new UsageError(`No centre named ${missing.map((m) => `"${m}"`).join(', ')}`);
      await addAccount(w, {
        username: values.username!.toLowerCase(),
        displayName: values.name ?? values.username!,
        password: values.password!,
        organisationId,
        roles: roles.map((role) => ({ role, centreIds: found.map((c) => c.id) })),
        // typed by an operator for someone else, like POST /users: replaced at first sign-in
        passwordChangeRequired: true,
      });
    });
    const at = values.centre?.length ? ` at ${values.centre.join(', ')}` : ', whole mission';
    console.log(`Added user ${values.username} (${roles.join(', ')}${at})`);
  });
}

async function userReset(sub: 'reset-password' | 'reset-2fa', args: string[]): Promise<void> {
  const [given, ...extra] = args;
  if (!given || extra.length || given.startsWith('-'))
    throw new UsageError(`user ${sub} needs exactly one username`);
  const username = given.trim().toLowerCase();
  await withRuntime(async (ctx) => {
    if (sub === 'reset-password') {
      const password = await resetPassword(ctx, username);
      console.log(
        boxed([
          `New password for "${username}": ${password}`,
          'It must be changed at the next sign-in; this is the only time it is shown.',
        ]),
      );
    } else {
      await resetTotp(ctx, username);
      console.log(
        `Two-factor authentication removed for "${username}"; they set it up again at the next sign-in.`,
      );
    }
  });
}

/** Text framed so it stands out among log lines (the first admin password, a reset password). */
export function boxed(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length));
  const edge = `+${'-'.repeat(width + 2)}+`;
  return [edge, ...lines.map((l) => `| ${l.padEnd(width)} |`), edge].join('\n');
}

async function auditVerify(): Promise<number> {
  return withRuntime(async (ctx) => {
    const { checked, breaks } = await verifyAuditChains(ctx.database);
    if (breaks.length === 0) {
      console.log(`Audit trail intact: ${checked} events checked.`);
      return 0;
    }
    for (const b of breaks) {
      console.error(`BROKEN: mission ${b.missionCode} audit event seq ${b.seq} (id ${b.id}): ${b.reason}`);
    }
    return 1;
  });
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, sub, ...rest] = argv;
  switch (cmd) {
    case 'start':
      await start();
      return -1; // keep running
    case 'migrate':
      await withRuntime(async () => console.log('Database schema is up to date.'));
      return 0;
    case 'user':
      if (sub === 'add') await userAdd(rest);
      else if (sub === 'reset-password' || sub === 'reset-2fa') await userReset(sub, rest);
      else throw new UsageError('Did you mean: sanad user add … | user reset-password U | user reset-2fa U');
      return 0;
    case 'demo':
      await withRuntime(async (ctx) => {
        const missionId = await ensureMission(ctx);
        for (const step of DEMO_STEPS) {
          const line = await step.load(ctx, missionId);
          if (line) console.log(line);
        }
      });
      return 0;
    case 'audit':
      if (sub !== 'verify') throw new UsageError('Did you mean: sanad audit verify');
      return auditVerify();
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`Unknown command "${cmd}"`);
  }
}

export async function run(argv: string[]): Promise<void> {
  try {
    const code = await main(argv);
    if (code >= 0) process.exit(code);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(`sanad: ${err.message}`);
    } else if (err instanceof NoSuchUser) {
      console.error(`sanad: ${err.message}`);
    } else if (err instanceof UsageError) {
      console.error(`sanad: ${err.message}\n\n${USAGE}`);
    } else {
      const e = err as Error & { code?: string };
      console.error(
        `sanad: ${e.code === 'ECONNREFUSED' ? 'cannot reach the PostgreSQL server in DATABASE_URL' : e.message}`,
      );
      if (process.env.LOG_LEVEL === 'debug') console.error(err);
    }
    process.exit(1);
  }
}
