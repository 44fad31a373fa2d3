import { queryOptions } from '@tanstack/react-query';
import type { LoginBody, Me, SessionInfo } from '../../../domain/auth/schemas.ts';
import type { Locale } from '../../../domain/common/schemas.ts';
import { api, request, setSignedIn } from '../../api/client.ts';

export const meQuery = queryOptions({
  queryKey: ['me'] as const,
  queryFn: async ({ signal }) => {
    // whoever the session belongs to: a new sign-in (possibly as someone else) reads its user here
    const me = await request<Me>('GET', '/me', { signal, reauth: false });
    setSignedIn(true, me.id);
    return me;
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrDataUrl: string;
}

/** The account after enrolment, with its one-time recovery codes (shown this once). */
export type TotpVerified = Me & { recoveryCodes: string[] };

export const authApi = {
  login: (body: LoginBody) => api.post<unknown>('/auth/login', body),
  /** who the session cookie now belongs to, without waiting for a sign-in dialog */
  whoAmI: () => request<Me>('GET', '/me', { reauth: false }),
  /** "stay signed in" */
  refreshSession: () => api.post<SessionInfo>('/session/refresh'),
  logout: () => api.post<void>('/auth/logout'),
  totpSetup: () => api.post<TotpSetup>('/me/totp/setup'),
  totpVerify: (token: string) => api.post<TotpVerified>('/me/totp/verify', { token }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/me/password', { currentPassword, newPassword }),
  setLocale: (locale: Locale) => api.patch<Me | undefined>('/me', { locale }),
};

export const hasCapability = (me: Pick<Me, 'capabilities'> | undefined, capability: string): boolean =>
  !!me?.capabilities.includes(capability);
