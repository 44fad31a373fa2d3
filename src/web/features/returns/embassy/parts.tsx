import { Badge, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmbassyRequestPerson } from '../../../../domain/returns/embassy.ts';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';

const STATUS_COLOURS: Record<string, string> = {
  draft: 'gray',
  sent: 'blue',
  answered: 'teal',
  closed: 'dark',
};
const ANSWER_COLOURS: Record<string, string> = {
  confirmed: 'teal',
  not_confirmed: 'red',
  interview_needed: 'orange',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status] ?? 'gray'} variant="light" data-testid="request-status">
      {t(`embassy.statuses.${status}`)}
    </Badge>
  );
}

export function AnswerBadge({ answer }: { answer: string | null }) {
  const { t } = useTranslation();
  if (!answer)
    return (
      <Text c="dimmed" size="sm">
        {t('embassy.noAnswer')}
      </Text>
    );
  return (
    <Badge color={ANSWER_COLOURS[answer] ?? 'gray'} variant="light">
      {t(`embassy.answers.${answer}`)}
    </Badge>
  );
}

type Person = Omit<EmbassyRequestPerson, 'answer' | 'answeredOn'> & Partial<EmbassyRequestPerson>;

/**
 * The people as the embassy receives them: only the fields of its data-sharing profile (the
 * server sends nothing else), one column each; `extra` adds a column (the answer) at the end.
 */
export function PeopleTable({
  fields,
  people,
  extra,
  testId,
}: {
  fields: readonly string[];
  people: readonly Person[];
  extra?: { head: string; cell: (p: Person) => ReactNode };
  testId: string;
}) {
  const { t } = useTranslation();
  if (people.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid={`${testId}-empty`}>
        {t('embassy.nobody')}
      </Text>
    );
  return (
    <ScrollTable label={t('embassy.people')} minWidth={Math.max(480, 140 * (fields.length + 2))}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('embassy.caseReference')}</Table.Th>
            {fields.map((f) => (
              <Table.Th key={f}>{t(`embassy.fields.${f}`)}</Table.Th>
            ))}
            <Table.Th>{t('embassy.state')}</Table.Th>
            {extra ? <Table.Th>{extra.head}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.caseId} data-testid={`${testId}-row`}>
              <Table.Td className="sanad-nowrap">
                <bdi>{p.caseReference}</bdi>
              </Table.Td>
              {fields.map((f) => (
                <Table.Td key={f}>
                  <bdi>{p.fields.find((x) => x.key === f)?.value ?? '—'}</bdi>
                </Table.Td>
              ))}
              <Table.Td>{t(`embassy.states.${p.state}`)}</Table.Td>
              {extra ? <Table.Td>{extra.cell(p)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
