import { createLogger } from './app';
import { type Database, migrate, openDatabase } from './db/engine';
import { encryptClearOverrideReasons } from './modules/protection/backfill';
import { type Config, loadConfig } from './platform/config';
import type { AppContext } from './platform/context';
import { createCipher, loadKey } from './platform/crypto';

/** Opens the configured database, brings the schema up to date and assembles the app context. */
export async function openRuntime(
  config: Config = loadConfig(),
  opts: { migrate?: boolean } = {},
): Promise<AppContext> {
  const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (opts.migrate !== false) await migrate(database);
    const key = loadKey({
      secretKey: config.secretKey,
      dataDir: config.dataDir,
      embedded: database.kind === 'pglite',
    });
    const cipher = createCipher(key);
    // the one data step SQL cannot do: encrypting reasons once kept in clear (needs the key)
    if (opts.migrate !== false) await encryptClearOverrideReasons(database, cipher);
    return {
      database,
      config,
      cipher,
      clock: config.clockOffsetDays
        ? () => new Date(Date.now() + config.clockOffsetDays * 86_400_000)
        : () => new Date(),
      log: createLogger(config.logLevel),
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
