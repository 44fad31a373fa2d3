import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCipher } from './crypto';

describe('cipher', () => {
  const cipher = createCipher(randomBytes(32));
  it('round-trips text in any script and never stores it in clear', () => {
    const text = 'محمد — a note with é and 😀';
    const stored = cipher.encrypt(text);
    expect(stored).not.toContain('محمد');
    expect(cipher.decrypt(stored)).toBe(text);
    expect(cipher.encrypt(text)).not.toBe(stored); // fresh IV each time
  });
  it('refuses tampered ciphertext', () => {
    const parts = cipher.encrypt('secret').split(':');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
  });
});
