import { Group, Loader, Progress, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { formatNumber } from '../../../i18n/format.ts';
import { countryName } from '../../registry/codes.ts';
import { today } from '../../registry/identity.ts';
import { useFigures } from './api.ts';
import { PERIOD_KEYS, PERIODS, type Period, periodDates, validPeriod } from './logic.ts';
import { Section } from './Section.tsx';

/** The headline for a period the reader chooses: unique people returned and their countries. */
export function Headline({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<Period>('thisYear');
  const [custom, setCustom] = useState<{ from?: string; to?: string }>({});
  const dates = period === 'custom' ? (validPeriod(custom) ? custom : null) : periodDates(period, today());
  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('returnsBoard.figures.period')}
          data={PERIODS.map((p) => ({ value: p, label: t(PERIOD_KEYS[p]) }))}
          value={period}
          onChange={(p) => p && setPeriod(p as Period)}
          allowDeselect={false}
          w={200}
          data-testid="figures-period"
        />
        {period === 'custom' ? (
          <>
            <TextInput
              type="date"
              label={t('returnsBoard.figures.from')}
              value={custom.from ?? ''}
              onChange={(e) => setCustom((c) => ({ ...c, from: e.currentTarget.value }))}
              data-testid="figures-from"
            />
            <TextInput
              type="date"
              label={t('returnsBoard.figures.to')}
              value={custom.to ?? ''}
              onChange={(e) => setCustom((c) => ({ ...c, to: e.currentTarget.value }))}
              error={
                custom.from && custom.to && custom.from > custom.to
                  ? t('returnsBoard.figures.badPeriod')
                  : null
              }
              data-testid="figures-to"
            />
          </>
        ) : null}
      </Group>
      {dates ? <Figures dates={dates} compact={compact} /> : null}
    </Stack>
  );
}

function Figures({ dates, compact }: { dates: { from: string; to: string }; compact: boolean }) {
  const { t } = useTranslation();
  const figures = useFigures(dates);
  if (figures.error) return <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />;
  const f = figures.data;
  if (!f) return <Loader size="sm" aria-label={t('common.loading')} />;
  const headline =
    f.people === null
      ? t('returnsBoard.figures.headlineFew', { countries: formatNumber(f.countries) })
      : t('returnsBoard.figures.headline', {
          people: formatNumber(f.people),
          countries: formatNumber(f.countries),
        });
  const max = Math.max(1, ...f.byCountry.map((c) => c.people ?? 0));
  return (
    <Stack gap="xs">
      <Text size={compact ? 'lg' : 'xl'} fw={700} data-testid="figures-headline">
        {headline}
      </Text>
      {f.suppressed ? (
        <Text size="xs" c="dimmed" data-testid="figures-suppressed">
          {t('returnsBoard.figures.suppressed')}
        </Text>
      ) : null}
      {!compact && f.byCountry.length ? (
        <Stack gap={6} data-testid="figures-by-country">
          {f.byCountry.map((c) => (
            <div key={c.country} data-testid={`figures-country-${c.country}`}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{countryName(c.country)}</Text>
                <Text size="sm" fw={600}>
                  {c.people === null ? t('returnsBoard.figures.hidden') : formatNumber(c.people)}
                </Text>
              </Group>
              <Progress value={((c.people ?? 0) / max) * 100} size="sm" aria-hidden />
            </div>
          ))}
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The board page's headline panel. */
export function FiguresPanel() {
  const { t } = useTranslation();
  return (
    <Section title={t('returnsBoard.figures.title')} testId="returns-figures">
      <Headline />
    </Section>
  );
}

/** Home panel for returns readers: the headline, without the countries' breakdown. */
export function ReturnsHeadlinePanel() {
  const { t } = useTranslation();
  return (
    <Section title={t('returnsBoard.figures.title')} testId="returns-headline-panel">
      <Headline compact />
    </Section>
  );
}
