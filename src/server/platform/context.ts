import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/engine';
import type { Config } from './config';
import type { Cipher } from './crypto';

/** What every route and service needs, built once per app (tests build their own). */
export interface AppContext {
  database: Database;
  config: Config;
  cipher: Cipher;
  /** injected so lock-outs and timeouts can be tested without waiting */
  clock: () => Date;
  log: FastifyBaseLogger;
}
