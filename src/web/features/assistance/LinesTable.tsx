import { Badge, Button, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { ScrollTable } from '../../components/list/ScrollTable.tsx';
import { can } from '../../components/record/record.ts';
import { RegistrationNumber } from '../registry/PersonParts.tsx';
import { cancelLine, type Distribution, type DistributionLine, useAssistanceRefresh } from './api.ts';
import { useAssistanceLabels } from './labels.ts';

/**
 * What the event handed out: person (or the centre, in bulk), item, lot, quantity; overridden
 * lines say so; a line is cancelled (its stock returned by the server) where the server allows.
 */
export function LinesTable({ distribution }: { distribution: Distribution }) {
  const { t } = useTranslation();
  const l = useAssistanceLabels();
  const bulk = distribution.kind === 'bulk';
  const lines = distribution.lines;
  return (
    <Paper withBorder>
      <ScrollTable minWidth={bulk ? 640 : 820} label={t('assistance.lines.title')}>
        <Table striped verticalSpacing="xs" data-testid="lines-table">
          <Table.Thead>
            <Table.Tr>
              {bulk ? null : <Table.Th>{t('assistance.lines.person')}</Table.Th>}
              <Table.Th>{t('assistance.lines.item')}</Table.Th>
              <Table.Th>{t('assistance.lines.lot')}</Table.Th>
              <Table.Th ta="end">{t('assistance.lines.quantity')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('assistance.lines.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr
                key={line.id}
                data-testid="line-row"
                data-cancelled={line.cancelled ? 'true' : undefined}
                c={line.cancelled ? 'dimmed' : undefined}
              >
                {bulk ? null : (
                  <Table.Td>
                    {line.personId ? (
                      <AnchorLink to="/persons/$id" params={{ id: line.personId }} size="sm">
                        <bdi>{line.personName}</bdi>
                      </AnchorLink>
                    ) : null}
                    {line.registrationNumber ? (
                      <div className="sanad-nowrap">
                        <RegistrationNumber value={line.registrationNumber} />
                      </div>
                    ) : null}
                  </Table.Td>
                )}
                <Table.Td>
                  <bdi>{line.itemName}</bdi>
                  <Text size="xs" c="dimmed" className="sanad-ltr">
                    {line.itemCode}
                  </Text>
                </Table.Td>
                <Table.Td className="sanad-ltr">{line.lotNumber}</Table.Td>
                <Table.Td ta="end" td={line.cancelled ? 'line-through' : undefined}>
                  {l.quantity(line.quantity, line)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {line.overridden ? (
                      <Badge color="orange" variant="light" data-testid="line-overridden">
                        {t('assistance.lines.overridden')}
                      </Badge>
                    ) : null}
                    {line.cancelled ? (
                      <Badge color="gray" variant="light">
                        {t('assistance.lines.cancelled')}
                      </Badge>
                    ) : can(line, 'cancel_line') ? (
                      <CancelLine distribution={distribution} line={line} />
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {lines.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="empty-list">
          {t('assistance.lines.none')}
        </Text>
      ) : null}
    </Paper>
  );
}

/** Two steps (cancel, then confirm) so a stray click does not undo a line. */
function CancelLine({ distribution, line }: { distribution: Distribution; line: DistributionLine }) {
  const { t } = useTranslation();
  const refresh = useAssistanceRefresh();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await refresh(await cancelLine(distribution.id, line.id), line.personId ?? undefined);
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  if (error) return <ErrorState error={error} saving />;
  return confirming ? (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-xs"
        color="red"
        loading={busy}
        onClick={() => void run()}
        data-testid="line-cancel-confirm"
      >
        {t('assistance.lines.confirmCancel')}
      </Button>
      <Button size="compact-xs" variant="default" onClick={() => setConfirming(false)}>
        {t('assistance.lines.keep')}
      </Button>
    </Group>
  ) : (
    <Button
      size="compact-xs"
      variant="subtle"
      color="red"
      onClick={() => setConfirming(true)}
      data-testid="line-cancel"
    >
      {t('assistance.lines.cancel')}
    </Button>
  );
}
