import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine';
import { forgetUser, rememberSession, sessionCache } from './session-cache';
import type { SessionUser } from './session-user';

const entry = (userId: string) => ({
  user: { passwordChangeRequired: true } as unknown as SessionUser,
  userId,
  lastSeenAt: new Date(),
  persistedAt: new Date(),
  fetchedAt: Date.now(),
});

describe('the session memo', () => {
  it('does not keep, right after an account change, a session read before the change committed', () => {
    const database = {} as Database;
    rememberSession(database, 'token-a', entry('u1'));
    expect(sessionCache(database).has('token-a')).toBe(true);
    forgetUser(database, 'u1'); // inside the changing transaction
    rememberSession(database, 'token-a', entry('u1')); // a request that read the old row
    expect(sessionCache(database).has('token-a')).toBe(false);
    rememberSession(database, 'token-b', entry('u2')); // other users are memoised as before
    expect(sessionCache(database).has('token-b')).toBe(true);
  });
});
