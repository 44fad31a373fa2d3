import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Me } from '../../../domain/auth/schemas.ts';
import type { Locale } from '../../../domain/common/schemas.ts';
import { i18n, rememberLocale } from '../../i18n/index.ts';
import { authApi, meQuery } from './api.ts';

/** Switch language now; once signed in, also remember it on the user's account. */
export function useSwitchLocale() {
  const queryClient = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      await i18n.changeLanguage(locale);
      rememberLocale(locale);
      const me = queryClient.getQueryData<Me>(meQuery.queryKey);
      if (!me || me.locale === locale) return;
      try {
        const updated = await authApi.setLocale(locale);
        queryClient.setQueryData<Me>(
          meQuery.queryKey,
          updated && 'id' in updated ? updated : { ...me, locale },
        );
      } catch {
        // the language still changes on this device; the account keeps its old choice
      }
    },
    [queryClient],
  );
}
