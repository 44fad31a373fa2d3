import { List, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { AnchorLink } from '../../../components/links.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { PrintFrame } from '../../../components/print/PrintFrame.tsx';
import { RecordDetails } from '../../../components/RecordDetails.tsx';
import { RequireCapability, useCapabilities } from '../../../components/RequireCapability.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { ProtectionCase, Referral, Task } from '../api.ts';
import { FlagBadges, RiskBadge, StatusBadge } from '../Badges.tsx';
import { useLocalised } from '../labels.ts';

/**
 * A case on one page for paper: status, assignee, latest screening, referrals, open tasks. Built
 * from the same reads as the screens (each one authorised and audited by the server), so it
 * shows only what the reader may see.
 */
export function CaseSummary() {
  const { id } = useParams({ from: '/app/cases/$id/summary' });
  return (
    <RequireCapability capability="cases:read">
      <CaseSummaryView id={id} />
    </RequireCapability>
  );
}

function CaseSummaryView({ id }: { id: string }) {
  const { t } = useTranslation();
  const has = useCapabilities();
  const query = useQuery({
    queryKey: ['cases', 'one', id],
    queryFn: ({ signal }) => api.get<ProtectionCase>(`/cases/${id}`, undefined, signal),
  });
  const c = query.data;
  const personId = c?.personId ?? '';
  return (
    <PrintFrame
      title={t('print.summaryTitle')}
      testId="case-summary"
      query={query}
      back={
        c ? (
          <AnchorLink to="/persons/$id" params={{ id: c.personId }} search={{ tab: 'protection' }} size="sm">
            {t('print.back')}
          </AnchorLink>
        ) : null
      }
    >
      {c ? (
        <>
          <RecordDetails
            testId="summary-case"
            items={[
              { label: t('print.person'), value: c.personName },
              {
                label: t('print.registrationNumber'),
                value: <span className="sanad-ltr">{c.registrationNumber}</span>,
              },
              { label: t('print.caseStatus'), value: <StatusBadge kind="case" status={c.status} /> },
              { label: t('print.assignee'), value: c.assignedUsername ?? t('print.unassigned') },
              { label: t('print.organisation'), value: c.organisationName },
              { label: t('print.openedOn'), value: formatDate(c.openedOn) },
              {
                label: t('print.screening'),
                value: c.riskLevel ? <RiskBadge level={c.riskLevel} size="sm" /> : t('print.noScreening'),
              },
              { label: t('print.flags'), value: <FlagBadges flags={c.flags} empty="—" /> },
            ]}
          />
          {has('referrals:read') ? <Referrals personId={personId} /> : null}
          {has('tasks:read') ? <OpenTasks personId={personId} /> : null}
        </>
      ) : null}
    </PrintFrame>
  );
}

function Referrals({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const list = useCursorList<Referral>('referrals', { personId }, 100);
  return (
    <Section title={t('print.referrals')} testId="summary-referrals">
      {list.isSuccess && list.items.length === 0 ? <Text size="sm">{t('print.noReferrals')}</Text> : null}
      {list.items.length ? (
        <Table>
          <Table.Tbody>
            {list.items.map((r) => (
              <Table.Tr key={r.id} data-testid="summary-referral">
                <Table.Td className="sanad-ltr">{r.reference}</Table.Td>
                <Table.Td>
                  <bdi>{r.recipientName}</bdi>
                </Table.Td>
                <Table.Td>{l.service(r.service)}</Table.Td>
                <Table.Td>
                  <StatusBadge kind="referral" status={r.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Section>
  );
}

function OpenTasks({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const list = useCursorList<Task>('tasks', { personId, mine: 'false', status: 'open' }, 100);
  return (
    <Section title={t('print.openTasks')} testId="summary-tasks">
      {list.isSuccess && list.items.length === 0 ? <Text size="sm">{t('print.noTasks')}</Text> : null}
      <List>
        {list.items.map((task) => (
          <List.Item key={task.id} data-testid="summary-task">
            <bdi>{task.title}</bdi> — {t('print.due', { date: formatDate(task.dueOn) })}
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
