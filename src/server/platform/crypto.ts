import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * AES-256-GCM for secrets and free-text notes kept in the database (DESIGN §6).
 * Stored as `v1:<iv>:<tag>:<ciphertext>` in base64url so the format can evolve.
 */
export interface Cipher {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export function createCipher(key: Buffer): Cipher {
  if (key.length !== 32) throw new Error('The secret key must be 32 bytes');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv, c.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join(':');
    },
    decrypt(stored) {
      const [v, iv, tag, body] = stored.split(':');
      if (v !== 'v1' || !iv || !tag || body === undefined) throw new Error('Unknown ciphertext format');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
    },
  };
}

/**
 * The key comes from SANAD_SECRET_KEY (any string; hashed to 32 bytes) or, on the embedded
 * engine, from a key file created in the data directory on first start with mode 0600.
 */
export function loadKey(opts: { secretKey?: string; dataDir?: string; embedded: boolean }): Buffer {
  if (opts.secretKey) return createHash('sha256').update(opts.secretKey).digest();
  if (!opts.embedded || !opts.dataDir) {
    throw new Error('SANAD_SECRET_KEY must be set when running on a PostgreSQL server');
  }
  const file = join(opts.dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}
