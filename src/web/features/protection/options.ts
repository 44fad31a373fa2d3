// Choices offered by several protection forms: organisations (recipients, hand-over) and assignees.
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Organisation, User } from '../../../domain/directory/schemas.ts';
import { api } from '../../api/client.ts';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { useCapabilities } from '../../components/RequireCapability.tsx';
import { useProtectionAccess } from './access.ts';

export interface Option {
  value: string;
  label: string;
}

/** Active organisations of the mission, e.g. UNHCR, partner NGOs, a hospital. */
export function useOrganisationOptions(enabled = true): { options: Option[]; loading: boolean } {
  const orgs = useAllOf<Organisation>('organisations', { active: 'true' }, enabled);
  const options = useMemo(
    () =>
      (orgs.data ?? []).map((o) => ({
        value: o.id,
        label: o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name,
      })),
    [orgs.data],
  );
  return { options, loading: orgs.isPending && enabled };
}

type Assignable = { id: string; username: string; displayName: string };

/**
 * People a task or case can be given to. About a person, the server lists those who may see that
 * person (anyone else would be refused); otherwise only those who may list users see everyone,
 * and others can choose themselves (and keep whoever is already assigned).
 */
export function useAssigneeOptions(
  current?: { id: string | null; name: string | null },
  personId?: string,
): Option[] {
  const has = useCapabilities();
  const { me } = useProtectionAccess();
  const scoped = useQuery({
    queryKey: ['tasks', 'assignable-users', personId],
    enabled: !!personId,
    staleTime: 60_000,
    queryFn: ({ signal }) =>
      api.get<{ items: Assignable[] }>('/tasks/assignable-users', { personId }, signal),
  });
  const users = useAllOf<User>('users', { active: 'true' }, has('users:read') && !personId);
  const list: Assignable[] | undefined = personId ? scoped.data?.items : users.data;
  return useMemo(() => {
    const out = new Map<string, string>([[me.id, `${me.displayName} (${me.username})`]]);
    for (const u of list ?? []) out.set(u.id, `${u.displayName} (${u.username})`);
    if (current?.id && !out.has(current.id)) out.set(current.id, current.name ?? current.id);
    return [...out].map(([value, label]) => ({ value, label }));
  }, [me, list, current?.id, current?.name]);
}
