import { queryOptions } from '@tanstack/react-query';
import type { LoginBody, Me } from '../../../domain/auth/schemas.ts';
import type { Locale } from '../../../domain/common/schemas.ts';
import { api, setSignedIn } from '../../api/client.ts';

export const meQuery = queryOptions({
  queryKey: ['me'] as const,
  queryFn: async ({ signal }) => {
    const me = await api.get<Me>('/me', undefined, signal);
    setSignedIn(true);
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
  logout: () => api.post<void>('/auth/logout'),
  totpSetup: () => api.post<TotpSetup>('/me/totp/setup'),
  totpVerify: (token: string) => api.post<TotpVerified>('/me/totp/verify', { token }),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/me/password', { currentPassword, newPassword }),
  setLocale: (locale: Locale) => api.patch<Me | undefined>('/me', { locale }),
};

export const hasCapability = (me: Pick<Me, 'capabilities'> | undefined, capability: string): boolean =>
  !!me?.capabilities.includes(capability);
