import { createHash, randomInt } from 'node:crypto';

/** How many one-time recovery codes an enrolment hands out. */
export const RECOVERY_CODE_COUNT = 10;
// no 0/o, 1/l/i: codes are copied from paper
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A code as shown: two groups of five (about 49 bits of entropy). */
const newCode = () =>
  Array.from({ length: 10 }, (_, i) => (i === 5 ? '-' : '') + ALPHABET[randomInt(ALPHABET.length)]).join('');

/** Case, spaces and the dash do not matter when a code is typed back. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Codes are random and long, so a fast hash is enough (unlike passwords): a leaked table gives no
 * usable code, and checking one at sign-in costs nothing.
 */
export const hashRecoveryCode = (code: string) =>
  createHash('sha256')
    .update(`sanad-recovery:${normaliseRecoveryCode(code)}`)
    .digest('hex');

export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** The columns that undo a TOTP enrolment (an admin's reset, `sanad user reset-2fa`). */
export const RESET_TOTP = {
  totpEnabled: false,
  totpSecret: null,
  totpLastStep: null,
  totpRecoveryCodes: [] as string[],
};
