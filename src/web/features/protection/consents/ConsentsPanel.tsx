import { Badge, Button, Modal, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { can } from '../../../components/record/record.ts';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { Person } from '../../registry/api.ts';
import { languageName } from '../../registry/codes.ts';
import { type Consent, useConsents } from '../api.ts';
import { WithdrawForm } from './WithdrawForm.tsx';

function ConsentState({ c }: { c: Consent }) {
  const { t } = useTranslation();
  if (c.withdrawnOn)
    return (
      <Badge color="gray" variant="light" tt="none" data-testid="consent-state">
        {t('consent.withdrawnOnDate', { date: formatDate(c.withdrawnOn) })}
      </Badge>
    );
  return (
    <Badge color={c.valid ? 'teal' : 'orange'} variant="light" tt="none" data-testid="consent-state">
      {t(`consent.decisions.${c.decision}`)}
    </Badge>
  );
}

/** Consents given or declined, per purpose and recipient; a given one can be withdrawn. */
export function ConsentsPanel({
  person,
  mayWrite,
  onRecord,
}: {
  person: Person;
  mayWrite: boolean;
  onRecord: () => void;
}) {
  const { t } = useTranslation();
  const consents = useConsents(person.id);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);
  const items = consents.data?.items ?? [];
  return (
    <Section
      title={t('consent.title')}
      testId="consents-panel"
      actions={
        mayWrite ? (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconSignature size={14} aria-hidden />}
            onClick={onRecord}
            data-testid="record-consent"
          >
            {t('consent.record')}
          </Button>
        ) : null
      }
    >
      {consents.isError ? (
        <ErrorState error={consents.error} onRetry={() => void consents.refetch()} />
      ) : null}
      {consents.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('consent.none')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <ScrollTable minWidth={720} label={t('consent.title')}>
          <Table striped verticalSpacing="xs" data-testid="consents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('consent.purpose')}</Table.Th>
                <Table.Th>{t('consent.recipient')}</Table.Th>
                <Table.Th>{t('consent.decision')}</Table.Th>
                <Table.Th>{t('consent.how')}</Table.Th>
                <Table.Th>{t('consent.givenOn')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} data-testid="consent-row">
                  <Table.Td>{t(`consent.purposes.${c.purpose}`)}</Table.Td>
                  <Table.Td>
                    <bdi>{c.recipientName}</bdi>
                  </Table.Td>
                  <Table.Td>
                    <ConsentState c={c} />
                    {c.withdrawnReason ? (
                      <Text size="xs" c="dimmed">
                        <bdi>{c.withdrawnReason}</bdi>
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t(`consent.methods.${c.method}`)} · {languageName(c.language)}
                      {c.interpreter ? ` · ${t('consent.withInterpreter')}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDate(c.givenOn)}</Table.Td>
                  <Table.Td>
                    {can(c, 'withdraw') ? (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setWithdrawing(c)}
                        data-testid="withdraw-consent"
                      >
                        {t('consent.withdraw')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      <Modal opened={!!withdrawing} onClose={() => setWithdrawing(null)} title={t('consent.withdrawTitle')}>
        {withdrawing ? (
          <WithdrawForm
            consent={withdrawing}
            onDone={() => setWithdrawing(null)}
            onCancel={() => setWithdrawing(null)}
          />
        ) : null}
      </Modal>
    </Section>
  );
}
