import { useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../auth/api.ts';

/**
 * May this user register people? The server's word once /me lists `persons:create`; until it
 * lists any `persons:` capability, the form is offered and the server's answer (403) is shown.
 */
export function useMayRegister(): boolean {
  const { data: me } = useSuspenseQuery(meQuery);
  const told = me.capabilities.some((c) => c.startsWith('persons:'));
  return told ? me.capabilities.includes('persons:create') : me.capabilities.includes('registry:read');
}
