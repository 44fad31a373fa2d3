import { Group, NumberInput, Select } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useSearch } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../domain/directory/schemas.ts';
import { PERSON_STATUSES, type PersonSort, SEXES } from '../../../domain/registry/schemas.ts';
import { ButtonLink } from '../../components/links.tsx';
import { ExportMenu } from '../../components/list/ExportMenu.tsx';
import { Filters, SearchBox } from '../../components/list/ListParts.tsx';
import type { SortState } from '../../components/list/SortHeader.tsx';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { useCursorList } from '../../components/list/useCursorList.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability, useCapabilities } from '../../components/RequireCapability.tsx';
import { optNum } from '../../components/record/record.ts';
import { type Person, RESOURCE } from './api.ts';
import { useMayRegister } from './capabilities.ts';
import { nationalityOptions } from './codes.ts';
import { PersonsTable } from './PersonsTable.tsx';

type Present = 'true' | 'false' | 'all';

/** The registry's home: one box for a number or a name in any spelling, filters, ranked results. */
export function RegistryPage() {
  const { t } = useTranslation();
  const has = useCapabilities();
  const mayRegister = useMayRegister();
  const initial = useSearch({ from: '/app/registry' }).q;
  const [q, setQ] = useState<string | undefined>(initial);
  const [centreId, setCentreId] = useState<string | null>(null);
  const [nationality, setNationality] = useState<string | null>(null);
  const [sex, setSex] = useState<string | null>(null);
  const [ageMin, setAgeMin] = useState<number | string>('');
  const [ageMax, setAgeMax] = useState<number | string>('');
  const [status, setStatus] = useState<string | null>(null);
  const [present, setPresent] = useState<Present>('all');
  const [sort, setSort] = useState<SortState<PersonSort> | undefined>(undefined);
  const centres = useAllOf<Centre>('centres', {}, has('centres:read'));
  const filters = {
    q,
    centreId: centreId ?? undefined,
    nationality: nationality ?? undefined,
    sex: sex ?? undefined,
    ageMin: optNum(ageMin)?.toString(),
    ageMax: optNum(ageMax)?.toString(),
    status: status ?? undefined,
    present: present === 'all' ? undefined : present,
    sort: sort?.sort,
    order: sort?.order,
  };
  const list = useCursorList<Person>(RESOURCE, filters);
  const onSearch = useCallback((v: string | undefined) => setQ(v), []);
  const nationalities = useMemo(() => nationalityOptions(), []);

  return (
    <RequireCapability capability="registry:read">
      <PageHeader
        title={t('registry.title')}
        subtitle={t('registry.subtitle')}
        actions={
          <>
            <ExportMenu resource="persons" filters={filters} />
            {mayRegister ? (
              <ButtonLink
                to="/registry/new"
                leftSection={<IconUserPlus size={16} aria-hidden />}
                data-testid="register-person"
              >
                {t('register.title')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Filters>
        <SearchBox
          label={t('registry.searchLabel')}
          placeholder={t('registry.searchPlaceholder')}
          onSearch={onSearch}
          initial={initial}
          autoFocus
        />
      </Filters>
      <Filters>
        <Select
          label={t('person.centre')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={centreId}
          onChange={setCentreId}
          w={220}
          data-testid="filter-centre"
        />
        <Select
          label={t('person.nationality')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={nationalities}
          value={nationality}
          onChange={setNationality}
          w={200}
          data-testid="filter-nationality"
        />
        <Select
          label={t('person.sex')}
          placeholder={t('common.all')}
          clearable
          data={SEXES.map((s) => ({ value: s, label: t(`person.sexes.${s}`) }))}
          value={sex}
          onChange={setSex}
          w={140}
          data-testid="filter-sex"
        />
        <Group gap={4} align="flex-end" wrap="nowrap">
          <NumberInput
            label={t('registry.ageFrom')}
            min={0}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            value={ageMin}
            onChange={setAgeMin}
            w={90}
            data-testid="filter-age-min"
          />
          <NumberInput
            label={t('registry.ageTo')}
            min={0}
            max={120}
            allowDecimal={false}
            allowNegative={false}
            value={ageMax}
            onChange={setAgeMax}
            w={90}
            data-testid="filter-age-max"
          />
        </Group>
        <Select
          label={t('person.status')}
          placeholder={t('common.all')}
          clearable
          data={PERSON_STATUSES.map((s) => ({ value: s, label: t(`person.statuses.${s}`) }))}
          value={status}
          onChange={setStatus}
          w={150}
          data-testid="filter-status"
        />
        <Select
          label={t('registry.present')}
          allowDeselect={false}
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'true', label: t('registry.presentYes') },
            { value: 'false', label: t('registry.presentNo') },
          ]}
          value={present}
          onChange={(v) => setPresent((v ?? 'all') as Present)}
          w={170}
          data-testid="filter-present"
        />
      </Filters>
      <PersonsTable list={list} testId="persons-table" sorting={{ state: sort, onSort: setSort }} />
    </RequireCapability>
  );
}
