// Small pieces the return pages share: the state and protection-gate badges, days in a state,
// and the choices of the forms and filters (countries, embassies, centres, projects).
import { Badge, Text } from '@mantine/core';
import countries from 'i18n-iso-countries';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../domain/directory/schemas.ts';
import type { PROTECTION_GATES } from '../../../domain/returns/cases.ts';
import { FINAL_STATES, type ReturnState } from '../../../domain/returns/states.ts';
import { localName } from '../../components/BilingualName.tsx';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { useCapabilities } from '../../components/RequireCapability.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { countryName } from '../registry/codes.ts';
import { useEmbassies, useProjects } from './api.ts';
import { daysKey } from './logic.ts';

const STATE_COLOURS: Partial<Record<ReturnState, string>> = {
  departed: 'teal',
  arrived: 'teal',
  reintegration_planned: 'teal',
  reintegration_in_progress: 'teal',
  closed: 'gray',
  withdrawn: 'gray',
  ineligible: 'orange',
  no_show: 'orange',
};

export function StateBadge({ state }: { state: ReturnState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATE_COLOURS[state] ?? 'blue'}
      variant={FINAL_STATES.includes(state) ? 'outline' : 'light'}
      data-testid="return-state"
      data-state={state}
    >
      {t(`returns.states.${state}`)}
    </Badge>
  );
}

const GATE_COLOURS: Record<(typeof PROTECTION_GATES)[number], string> = {
  not_flagged: 'gray',
  blocked: 'red',
  unhcr_outcome: 'teal',
  officer_cleared: 'teal',
};

/** Whether a possible need for international protection holds the case back. */
export function ProtectionBadge({ gate }: { gate: (typeof PROTECTION_GATES)[number] }) {
  const { t } = useTranslation();
  return (
    <Badge color={GATE_COLOURS[gate]} variant="light" data-testid="protection-gate" data-gate={gate}>
      {t(`returns.gate.${gate}`)}
    </Badge>
  );
}

export function DaysInState({ days }: { days: number }) {
  const { t } = useTranslation();
  const d = daysKey(days);
  return (
    <Text span size="sm" c="dimmed" data-testid="days-in-state">
      {t(d.key, { count: d.n })}
    </Text>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** Every country, named in the page's language (i18n-iso-countries), by its alpha-3 code. */
export function useCountryOptions(): Option[] {
  const { i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names change with the language
  return useMemo(
    () =>
      Object.keys(countries.getAlpha3Codes())
        .map((code) => ({ value: code, label: `${countryName(code)} (${code})` }))
        .sort((a, b) => a.label.localeCompare(b.label, currentLocale())),
    [i18n.language],
  );
}

const orgLabel = (o: { name: string; acronym?: string | null }) =>
  o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name;

/** The embassies, and the list itself (the form defaults one from the country of return). */
export function useEmbassyOptions() {
  const has = useCapabilities();
  const embassies = useEmbassies(has('organisations:read'));
  return useMemo(() => {
    const list = embassies.data ?? [];
    return { list, options: list.map((o) => ({ value: o.id, label: orgLabel(o) })) };
  }, [embassies.data]);
}

/** Projects, for those who may read them (others see the project's name on the case only). */
export function useProjectOptions(): Option[] | null {
  const has = useCapabilities();
  const allowed = has('catalogue:read');
  const projects = useProjects(allowed);
  return useMemo(
    () =>
      allowed ? (projects.data ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` })) : null,
    [allowed, projects.data],
  );
}

export function useCentreOptions(): Option[] | null {
  const has = useCapabilities();
  const allowed = has('centres:read');
  const centres = useAllOf<Centre>('centres', { active: 'true' }, allowed);
  return useMemo(
    () => (allowed ? (centres.data ?? []).map((c) => ({ value: c.id, label: c.name })) : null),
    [allowed, centres.data],
  );
}

/** A centre's or embassy's name in the reader's language (Arabic where the directory has it). */
export const placeName = (name: string | null, nameAr: string | null) =>
  name === null ? null : localName({ name, nameAr });
