import { Group, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { ButtonLink } from '../../../components/links.tsx';
import { useCursorList } from '../../../components/list/useCursorList.ts';
import { RecordDetails } from '../../../components/RecordDetails.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { ProtectionCase } from '../api.ts';
import { StatusBadge } from '../Badges.tsx';
import { CaseActions } from '../cases/CaseActions.tsx';

/** The person's case: the active one if there is one, else the last closed; with its actions. */
export function CasePanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const cases = useCursorList<ProtectionCase>('cases', { personId }, 10);
  const c = cases.items.find((x) => x.status !== 'closed') ?? cases.items[0];
  return (
    <Section
      title={t('case.title')}
      testId="case-panel"
      actions={
        c ? (
          <Group gap="xs">
            <CaseActions record={c} />
            <ButtonLink
              to="/cases/$id/summary"
              params={{ id: c.id }}
              variant="default"
              size="compact-sm"
              leftSection={<IconPrinter size={14} aria-hidden />}
              data-testid="case-summary-link"
            >
              {t('print.summary')}
            </ButtonLink>
          </Group>
        ) : null
      }
    >
      {cases.isError ? <ErrorState error={cases.error} onRetry={() => void cases.refetch()} /> : null}
      {cases.isSuccess && !c ? (
        <Text size="sm" c="dimmed">
          {t('case.none')}
        </Text>
      ) : null}
      {c ? (
        <RecordDetails
          testId="case-details"
          framed={false}
          items={[
            { label: t('case.status'), value: <StatusBadge kind="case" status={c.status} /> },
            { label: t('case.assignee'), value: c.assignedName ?? c.assignedUsername },
            { label: t('case.organisation'), value: c.organisationName },
            { label: t('case.openedOn'), value: formatDate(c.openedOn) },
            ...(c.closedOn
              ? [
                  { label: t('case.closedOn'), value: formatDate(c.closedOn) },
                  { label: t('case.closeReason'), value: c.closeReason },
                ]
              : []),
          ]}
        />
      ) : null}
    </Section>
  );
}
