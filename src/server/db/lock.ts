import { randomBytes } from 'node:crypto';
import { linkSync, lstatSync, renameSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join, relative } from 'node:path';

export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The data directory ${dataDir} is in use by another Sanad process. ` +
        'Stop that process first, or set DATA_DIR to another directory.',
    );
  }
}

export const LOCK_NAME = 'sanad.lock';

// sockaddr_un holds about 104-108 bytes depending on the OS
const MAX_SOCKET_PATH = 100;

function socketPath(path: string): string {
  if (path.length <= MAX_SOCKET_PATH) return path;
  const rel = relative(process.cwd(), path);
  if (rel.length <= MAX_SOCKET_PATH) return rel;
  throw new Error(`The data directory path is too long to hold its lock (${path})`);
}

function listen(path: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(socketPath(path), () => {
      server.off('error', reject);
      server.unref(); // holding the lock must not keep the process alive
      resolve(server);
    });
  });
}

/** Is a live process listening on this socket? Only the kernel knows, and it forgets at death. */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath(path));
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const removeQuietly = (path: string) => {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
};

/**
 * Exactly one process may open an embedded data directory. The lock is a Unix socket that we
 * listen on: the kernel closes it when its holder dies (even by kill -9), so a leftover lock is
 * recognised by nobody answering on it, never by a pid that a new process may have inherited
 * (the old pid-file lock refused every later start in a container restarted with the same pid).
 *
 * Taking it is atomic: we listen on a private name, then hard-link that name to `sanad.lock`,
 * which fails if the name exists. A leftover is first renamed to a private name (one taker wins
 * the rename) and checked once more before it is removed.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_NAME);
  const mine = join(dataDir, `.lock-${randomBytes(6).toString('hex')}`);
  const server = await listen(mine);
  const giveUp = () => {
    server.close();
    removeQuietly(mine);
  };
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(mine, path);
        removeQuietly(mine); // the listening socket stays reachable through `sanad.lock`
        let released = false;
        return {
          release() {
            if (released) return;
            released = true;
            server.close();
            removeQuietly(path);
          },
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      if (await answers(path)) throw new DataDirLockedError(dataDir);
      // a leftover (a dead holder's socket, or an old pid file): move it aside, then make sure
      // what we moved is really dead before deleting it; a live one is put back
      const aside = join(dataDir, `.stale-${randomBytes(6).toString('hex')}`);
      try {
        renameSync(path, aside);
      } catch {
        continue; // another starter moved it first
      }
      if (lstatSync(aside).isSocket() && (await answers(aside))) {
        try {
          linkSync(aside, path);
        } catch {
          // someone else holds it now
        }
        removeQuietly(aside);
        throw new DataDirLockedError(dataDir);
      }
      removeQuietly(aside);
    }
    throw new Error(`Could not lock ${dataDir}`);
  } catch (err) {
    giveUp();
    throw err;
  }
}
