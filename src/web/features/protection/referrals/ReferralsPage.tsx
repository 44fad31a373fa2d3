import { Select, Switch } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_STATUSES, type ReferralSort } from '../../../../domain/protection/records.ts';
import { ExportMenu } from '../../../components/list/ExportMenu.tsx';
import { Filters } from '../../../components/list/ListParts.tsx';
import type { SortState } from '../../../components/list/SortHeader.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import type { Referral } from '../api.ts';
import { useOrganisationOptions } from '../options.ts';
import { ReferralsTable } from './ReferralsTable.tsx';

/** Every referral the user may see, with the filters in the address (so "overdue" can be linked to). */
export function ReferralsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: '/referrals' });
  const search = useSearch({ from: '/app/referrals' });
  const orgs = useOrganisationOptions();
  const [sort, setSort] = useState<SortState<ReferralSort> | undefined>(undefined);
  const filters = {
    status: search.status,
    overdue: search.overdue ? 'true' : undefined,
    recipientOrganisationId: search.recipient,
    sort: sort?.sort,
    order: sort?.order,
  };
  const list = useCursorList<Referral>('referrals', filters);
  const update = (patch: Partial<typeof search>) =>
    void navigate({ search: (s) => ({ ...s, ...patch }), replace: true });

  return (
    <RequireCapability capability="protection:read">
      <PageHeader
        title={t('referral.title')}
        subtitle={t('referral.subtitle')}
        actions={<ExportMenu resource="referrals" filters={filters} />}
      />
      <Filters>
        <Select
          label={t('referral.status')}
          placeholder={t('common.all')}
          clearable
          data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`protection.referralStatuses.${s}`) }))}
          value={search.status ?? null}
          onChange={(v) => update({ status: (v ?? undefined) as typeof search.status })}
          w={200}
          data-testid="filter-status"
        />
        <Select
          label={t('referral.recipient')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={orgs.options}
          value={search.recipient ?? null}
          onChange={(v) => update({ recipient: v ?? undefined })}
          w={260}
          nothingFoundMessage={t('common.noResults')}
          data-testid="filter-recipient"
        />
        <Switch
          label={t('referral.overdueOnly')}
          description={t('referral.overdueHelp')}
          checked={!!search.overdue}
          onChange={(e) => update({ overdue: e.currentTarget.checked || undefined })}
          data-testid="filter-overdue"
          mb={4}
        />
      </Filters>
      <ReferralsTable
        list={list}
        withPerson
        testId="referrals-table"
        sorting={{ state: sort, onSort: setSort }}
      />
    </RequireCapability>
  );
}
