import { useSuspenseQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { meQuery } from '../features/auth/api.ts';
import { Forbidden } from './ErrorState.tsx';

/** Renders children only if the server granted the capability; the server still checks every request. */
export function RequireCapability({ capability, children }: { capability: string; children: ReactNode }) {
  const { data: me } = useSuspenseQuery(meQuery);
  return me.capabilities.includes(capability) ? children : <Forbidden />;
}

export function useCapabilities() {
  const { data: me } = useSuspenseQuery(meQuery);
  return (capability: string) => me.capabilities.includes(capability);
}
