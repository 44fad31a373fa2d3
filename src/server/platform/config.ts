import { resolve } from 'node:path';

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  secretKey?: string;
  adminPassword?: string;
  demoPassword?: string;
  logLevel: string;
  missionCode: string;
  missionName: string;
  /** seconds */
  idleTimeout: number;
  absoluteTimeout: number;
  /** failed sign-ins of one account, from anywhere, before the account is locked */
  lockoutThreshold: number;
  lockoutSeconds: number;
  /** failed sign-ins of one username from one address in the window before that pair is refused */
  ipAccountFailureLimit: number;
  /**
   * failed sign-ins from one address in the window before it is refused: high, since a whole
   * office often shares one address
   */
  ipFailureLimit: number;
  /** requests per minute per session, and per address without one (platform/rate-limit.ts) */
  rateLimitPerSession: number;
  rateLimitPerAddress: number;
  /** set behind TLS so cookies get `Secure` */
  secureCookies: boolean;
  webDir: string;
  /** days added to the real clock: for browser journeys that need time to pass (never set in production) */
  clockOffsetDays: number;
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number.parseInt(v, 10) : d);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '127.0.0.1',
    port: int(env.PORT, 3000),
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    secretKey: env.SANAD_SECRET_KEY || undefined,
    adminPassword: env.SANAD_ADMIN_PASSWORD || undefined,
    demoPassword: env.SANAD_DEMO_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    missionCode: env.SANAD_MISSION_CODE ?? 'MSN',
    missionName: env.SANAD_MISSION_NAME ?? 'Country mission',
    idleTimeout: int(env.SANAD_IDLE_TIMEOUT, 30 * 60),
    absoluteTimeout: int(env.SANAD_SESSION_LIFETIME, 12 * 60 * 60),
    lockoutThreshold: int(env.SANAD_ACCOUNT_FAILURE_LIMIT, 20),
    lockoutSeconds: 15 * 60,
    ipAccountFailureLimit: 5,
    ipFailureLimit: int(env.SANAD_IP_FAILURE_LIMIT, 300),
    rateLimitPerSession: int(env.SANAD_RATE_LIMIT_PER_SESSION, 1200),
    rateLimitPerAddress: int(env.SANAD_RATE_LIMIT_PER_ADDRESS, 600),
    secureCookies: env.SANAD_SECURE_COOKIES === 'true',
    webDir: resolve(env.SANAD_WEB_DIR ?? 'dist/web'),
    clockOffsetDays: int(env.SANAD_CLOCK_OFFSET_DAYS, 0),
  };
}
