import { ApiError, NetworkError } from '../../api/client.ts';

/** i18n key for why a sign-in attempt failed. */
export function signInErrorKey(error: unknown): string {
  if (error instanceof NetworkError) return 'errors.networkBody';
  if (!(error instanceof ApiError)) return 'errors.genericBody';
  switch (error.code) {
    case 'invalid_credentials':
      return 'auth.errors.invalidCredentials';
    case 'account_locked':
      return 'auth.errors.accountLocked';
    case 'rate_limited':
      return 'auth.errors.rateLimited';
    case 'totp_invalid':
      return 'auth.errors.totpInvalid';
    case 'csrf_header_missing':
      return 'errors.genericBody';
  }
  if (error.status === 423) return 'auth.errors.accountLocked';
  if (error.status === 429) return 'auth.errors.rateLimited';
  if (error.status === 401) return 'auth.errors.invalidCredentials';
  if (error.status >= 500) return 'errors.networkBody';
  return 'errors.genericBody';
}
