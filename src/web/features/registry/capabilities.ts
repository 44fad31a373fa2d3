import { useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../auth/api.ts';

/** May this user register people? The server's word: /me's `persons:create`, from the person policy. */
export function useMayRegister(): boolean {
  const { data: me } = useSuspenseQuery(meQuery);
  return me.capabilities.includes('persons:create');
}
