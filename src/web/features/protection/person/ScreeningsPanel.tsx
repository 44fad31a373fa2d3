import { Badge, Table, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ButtonLink } from '../../../components/links.tsx';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { Screening } from '../api.ts';
import { FlagBadges, RiskBadge } from '../Badges.tsx';

/** Every screening of the person, newest first; answers are shown only when one is opened (audited). */
export function ScreeningsPanel({
  query,
  actions,
}: {
  query: {
    data?: { items: Screening[] };
    isError: boolean;
    isSuccess: boolean;
    error: unknown;
    refetch: () => unknown;
  };
  actions?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const items = query.data?.items ?? [];
  return (
    <Section title={t('screening.history')} testId="screenings-panel" actions={actions}>
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('screening.none')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <>
          <ScrollTable minWidth={680} label={t('screening.history')}>
            <Table striped verticalSpacing="xs" data-testid="screenings-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('screening.screenedOn')}</Table.Th>
                  <Table.Th>{t('screening.risk')}</Table.Th>
                  <Table.Th>{t('screening.flags')}</Table.Th>
                  <Table.Th>{t('screening.screenedBy')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id} data-testid="screening-row">
                    <Table.Td>{formatDate(s.screenedOn)}</Table.Td>
                    <Table.Td>
                      <RiskBadge level={s.riskLevel} size="sm" />
                      {s.overrideReason ? (
                        <Badge ms={4} size="sm" variant="outline" color="violet" tt="none">
                          {t('screening.overridden')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <FlagBadges flags={s.flags} empty="—" />
                    </Table.Td>
                    <Table.Td>
                      <span className="sanad-ltr">{s.screenedBy ?? '—'}</span>
                    </Table.Td>
                    <Table.Td>
                      <ButtonLink
                        to="/screenings/$id"
                        params={{ id: s.id }}
                        size="compact-sm"
                        variant="subtle"
                        leftSection={<IconEye size={14} aria-hidden />}
                        data-testid="open-screening"
                      >
                        {t('screening.open')}
                      </ButtonLink>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <Text size="xs" c="dimmed" mt="xs">
            {t('screening.openAudited')}
          </Text>
        </>
      ) : null}
    </Section>
  );
}
