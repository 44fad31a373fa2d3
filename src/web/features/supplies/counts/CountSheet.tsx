import { NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COUNT_REASONS, REASONS } from '../../../../domain/supplies/reasons.ts';
import { ScrollTable } from '../../../components/list/ScrollTable.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { StockCount } from '../api.ts';
import { Quantity } from '../parts.tsx';

export interface SheetDraft {
  counted: number | string;
  reason: string | null;
  text: string;
}

/** counted − on hand, or null while the line is not counted */
export const differenceOf = (draft: SheetDraft | undefined, onHand: number): number | null =>
  draft && typeof draft.counted === 'number' ? draft.counted - onHand : null;

/** The count sheet: every lot with its on-hand now, what was counted, and a reason where they differ. */
export function CountSheet({
  count,
  drafts,
  editable,
  errors,
  onChange,
}: {
  count: StockCount;
  drafts: Map<string, SheetDraft>;
  editable: boolean;
  errors: Record<string, string>;
  onChange: (lotId: string, patch: Partial<SheetDraft>) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={1000} label={t('supplies.counts.sheet')}>
      <Table verticalSpacing="xs" striped data-testid="count-sheet">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('supplies.stock.item')}</Table.Th>
            <Table.Th>{t('supplies.stock.lot')}</Table.Th>
            <Table.Th>{t('supplies.stock.onHand')}</Table.Th>
            <Table.Th>{t('supplies.counts.counted')}</Table.Th>
            <Table.Th>{t('supplies.counts.difference')}</Table.Th>
            <Table.Th>{t('supplies.counts.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {count.lines.map((l) => {
            const d = drafts.get(l.lotId);
            const diff = editable ? differenceOf(d, l.onHand) : l.difference;
            const label = `${l.itemCode} ${l.lotNumber}`;
            const freeText = d?.reason
              ? REASONS[d.reason as (typeof COUNT_REASONS)[number]].freeText
              : 'none';
            return (
              <Table.Tr key={l.lotId} data-testid="count-line" data-lot={l.lotNumber}>
                <Table.Td>
                  <bdi>
                    {l.itemCode} · {l.itemName}
                  </bdi>
                </Table.Td>
                <Table.Td>
                  <span className="sanad-ltr sanad-nowrap">{l.lotNumber}</span>
                  <Text size="xs" c="dimmed">
                    {formatDate(l.expiryOn)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Quantity value={l.onHand} item={l} testId="count-on-hand" />
                </Table.Td>
                <Table.Td>
                  {editable ? (
                    <NumberInput
                      aria-label={t('supplies.counts.countedOf', { lot: label })}
                      min={0}
                      allowDecimal={false}
                      value={d?.counted ?? ''}
                      onChange={(v) => onChange(l.lotId, { counted: v })}
                      error={errors[`line.${l.lotId}.counted`]}
                      w={130}
                      data-testid="counted"
                    />
                  ) : l.counted === null ? (
                    '—'
                  ) : (
                    <Quantity value={l.counted} item={l} />
                  )}
                </Table.Td>
                <Table.Td>
                  {diff === null ? (
                    <Text size="sm" c="dimmed">
                      {t('supplies.counts.notCounted')}
                    </Text>
                  ) : (
                    <Text
                      size="sm"
                      c={diff === 0 ? undefined : 'red'}
                      fw={diff === 0 ? undefined : 600}
                      data-testid="difference"
                    >
                      {diff > 0 ? '+' : ''}
                      <Quantity value={diff} item={l} />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {editable && diff ? (
                    <Stack gap={4}>
                      <Select
                        aria-label={t('supplies.counts.reasonOf', { lot: label })}
                        data={COUNT_REASONS.map((r) => ({ value: r, label: t(`supplies.reasons.${r}`) }))}
                        value={d?.reason ?? null}
                        onChange={(r) => onChange(l.lotId, { reason: r })}
                        error={errors[`line.${l.lotId}.reason`]}
                        w={220}
                        data-testid="count-reason"
                      />
                      {freeText !== 'none' ? (
                        <TextInput
                          aria-label={t('supplies.receive.reasonText')}
                          placeholder={t('supplies.receive.reasonText')}
                          value={d?.text ?? ''}
                          onChange={(e) => onChange(l.lotId, { text: e.currentTarget.value })}
                          error={errors[`line.${l.lotId}.reasonText`]}
                          w={220}
                        />
                      ) : null}
                    </Stack>
                  ) : l.reason ? (
                    t(`supplies.reasons.${l.reason}`)
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
