import { Tabs } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { BelowMinimum } from './BelowMinimum.tsx';
import { Consumption } from './Consumption.tsx';
import { StockReport } from './StockReport.tsx';

/** Stock reports: on hand, below minimum, consumption; the open tab is in the address (linkable). */
export function StockReportsPage() {
  const { t } = useTranslation();
  const { report: tab = 'stock' } = useSearch({ from: '/app/stock/reports' });
  const navigate = useNavigate({ from: '/stock/reports' });
  return (
    <RequireCapability capability="stock:read">
      <PageHeader title={t('supplies.reports.title')} subtitle={t('supplies.reports.subtitle')} />
      <Tabs
        value={tab}
        onChange={(v) => void navigate({ search: { report: (v ?? 'stock') as typeof tab }, replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="stock" data-testid="tab-stock">
            {t('supplies.reports.stock')}
          </Tabs.Tab>
          <Tabs.Tab value="below-minimum" data-testid="tab-below-minimum">
            {t('supplies.reports.belowMinimum')}
          </Tabs.Tab>
          <Tabs.Tab value="consumption" data-testid="tab-consumption">
            {t('supplies.reports.consumption')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="stock">
          <StockReport />
        </Tabs.Panel>
        <Tabs.Panel value="below-minimum">
          <BelowMinimum />
        </Tabs.Panel>
        <Tabs.Panel value="consumption">
          <Consumption />
        </Tabs.Panel>
      </Tabs>
    </RequireCapability>
  );
}
