import { Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralSort } from '../../../../domain/protection/records.ts';
import { AnchorLink } from '../../../components/links.tsx';
import { ListTable } from '../../../components/list/ListParts.tsx';
import { type Counted, ListTotal } from '../../../components/list/ListTotal.tsx';
import { HeaderCell, type Sorting } from '../../../components/list/SortHeader.tsx';
import type { useCursorList } from '../../../components/list/useCursorList.ts';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import { RegistrationNumber } from '../../registry/PersonParts.tsx';
import type { Referral } from '../api.ts';
import { OverdueBadge, StatusBadge } from '../Badges.tsx';
import { useLocalised } from '../labels.ts';

/**
 * Referrals, newest first: reference, person (unless on their page), recipient, service, status,
 * lateness. With `sorting` (the referrals page) the headers sort and the total is shown; the
 * reference sorts by when the referral was created (references are numbered in that order).
 */
export function ReferralsTable({
  list,
  withPerson,
  testId,
  framed,
  sorting,
}: {
  list: ReturnType<typeof useCursorList<Referral>>;
  withPerson: boolean;
  testId: string;
  framed?: boolean;
  sorting?: Sorting<ReferralSort>;
}) {
  const { t } = useTranslation();
  const l = useLocalised();
  const th = (column: ReferralSort, label: string) => (
    <HeaderCell column={column} label={label} sorting={sorting} />
  );
  return (
    <>
      {sorting ? (
        <ListTotal first={list.data?.pages[0] as Counted | undefined} testId={`${testId}-total`} />
      ) : null}
      <ListTable
        testId={testId}
        framed={framed}
        count={list.items.length}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        hasMore={!!list.hasNextPage}
        loadingMore={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        minWidth={withPerson ? 900 : 720}
        head={
          <Table.Tr>
            {th('createdAt', t('referral.reference'))}
            {withPerson ? th('person', t('referral.person')) : null}
            {th('recipient', t('referral.recipient'))}
            {th('service', t('referral.service'))}
            {th('status', t('referral.status'))}
            {th('sentAt', t('referral.sentAt'))}
          </Table.Tr>
        }
        rows={list.items.map((r) => (
          <Table.Tr key={r.id} data-testid="referral-row" data-overdue={r.overdue ? 'true' : undefined}>
            <Table.Td>
              <AnchorLink
                to="/referrals/$id"
                params={{ id: r.id }}
                underline="hover"
                data-testid="referral-link"
              >
                <span className="sanad-ltr sanad-nowrap">{r.reference}</span>
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {formatDate(r.createdAt)}
              </Text>
            </Table.Td>
            {withPerson ? (
              <Table.Td>
                <AnchorLink
                  to="/persons/$id"
                  params={{ id: r.personId }}
                  search={{ tab: 'protection' }}
                  size="sm"
                >
                  <bdi>{r.personName}</bdi>
                </AnchorLink>
                <div className="sanad-nowrap">
                  <RegistrationNumber value={r.registrationNumber} />
                </div>
              </Table.Td>
            ) : null}
            <Table.Td>
              <bdi data-testid="referral-recipient-name">{r.recipientName}</bdi>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{l.service(r.service)}</Text>
              <Text
                size="xs"
                c={r.urgency === 'routine' ? 'dimmed' : 'red'}
                fw={r.urgency === 'routine' ? undefined : 600}
              >
                {l.urgency(r.urgency)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <StatusBadge kind="referral" status={r.status} />
                {r.overdue ? <OverdueBadge /> : null}
              </Group>
            </Table.Td>
            <Table.Td>{r.sentAt ? formatDateTime(r.sentAt) : '—'}</Table.Td>
          </Table.Tr>
        ))}
      />
    </>
  );
}
