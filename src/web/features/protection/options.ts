// Choices offered by several protection forms: organisations (recipients, hand-over) and assignees.
import { useMemo } from 'react';
import type { Organisation, User } from '../../../domain/directory/schemas.ts';
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

/**
 * People a task or case can be given to. Only those who may list users see everyone; others can
 * choose themselves (and keep whoever is already assigned).
 */
export function useAssigneeOptions(current?: { id: string | null; name: string | null }): Option[] {
  const has = useCapabilities();
  const { me } = useProtectionAccess();
  const users = useAllOf<User>('users', { active: 'true' }, has('users:read'));
  return useMemo(() => {
    const out = new Map<string, string>([[me.id, `${me.displayName} (${me.username})`]]);
    for (const u of users.data ?? []) out.set(u.id, `${u.displayName} (${u.username})`);
    if (current?.id && !out.has(current.id)) out.set(current.id, current.name ?? current.id);
    return [...out].map(([value, label]) => ({ value, label }));
  }, [me, users.data, current?.id, current?.name]);
}
