import {
  ActionIcon,
  Group,
  List,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../i18n/format.ts';
import { type Item, type StockLine, useProposal } from '../api.ts';
import { type Option, quantityText } from '../parts.tsx';
import { type QuantityMode, toBaseUnits } from './lines.ts';

export interface IssueLineDraft {
  key: number;
  itemId: string | null;
  lotId: string | null;
  quantity: number | string;
  mode: QuantityMode;
}

let nextKey = 1;
export const emptyIssueLine = (): IssueLineDraft => ({
  key: nextKey++,
  itemId: null,
  lotId: null,
  quantity: '',
  mode: 'units',
});

/** One line of a loss or write-off: an item, a quantity and either a chosen lot or the FEFO proposal. */
export function IssueLine({
  index,
  line,
  stockPointId,
  item,
  lots,
  itemOptions,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  line: IssueLineDraft;
  stockPointId: string | null;
  item: Item | undefined;
  /** the lots with stock at the point */
  lots: StockLine[];
  itemOptions: Option[];
  errors: Record<string, string>;
  onChange: (patch: Partial<IssueLineDraft>) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const base = item ? toBaseUnits(line.quantity, line.mode, item.packSize) : undefined;
  const proposal = useProposal({
    stockPointId: stockPointId ?? undefined,
    itemId: line.lotId ? undefined : (line.itemId ?? undefined),
    quantity: base,
  });
  const lotOptions = lots
    .filter((l) => l.itemId === line.itemId)
    .map((l) => ({
      value: l.lotId,
      label: `${l.lotNumber} · ${formatDate(l.expiryOn)} · ${quantityText(l.onHand, l)}${
        l.expired ? ` · ${t('supplies.stock.expired')}` : ''
      }`,
    }));
  const err = (f: string) => errors[`lines.${index}.${f}`];
  return (
    <Paper withBorder p="sm" data-testid="issue-line">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          {t('supplies.receive.line', { n: index + 1 })}
        </Text>
        {onRemove ? (
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('supplies.receive.removeLine', { n: index + 1 })}
            onClick={onRemove}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label={t('supplies.stock.item')}
          required
          searchable
          data={itemOptions}
          value={line.itemId}
          onChange={(v) => onChange({ itemId: v, lotId: null })}
          error={err('itemId')}
          nothingFoundMessage={t('common.noResults')}
          data-testid="issue-item"
        />
        <Stack gap={4}>
          <NumberInput
            label={
              line.mode === 'packs'
                ? t('supplies.receive.quantityPacks')
                : t('supplies.receive.quantityUnits')
            }
            required
            min={1}
            allowDecimal={false}
            value={line.quantity}
            onChange={(v) => onChange({ quantity: v })}
            error={err('quantity')}
            description={item && base ? <bdi>{quantityText(base, item)}</bdi> : undefined}
            data-testid="issue-quantity"
          />
          <SegmentedControl
            size="xs"
            value={line.mode}
            onChange={(m) => onChange({ mode: m as QuantityMode })}
            data={[
              { value: 'packs', label: t('supplies.receive.packs') },
              { value: 'units', label: t('supplies.receive.units') },
            ]}
            aria-label={t('supplies.receive.countIn')}
          />
        </Stack>
        <Select
          label={t('supplies.stock.lot')}
          description={t('supplies.issue.lotHelp')}
          placeholder={t('supplies.issue.fefo')}
          clearable
          data={lotOptions}
          value={line.lotId}
          onChange={(v) => onChange({ lotId: v })}
          error={err('lotId')}
          data-testid="issue-lot"
        />
      </SimpleGrid>
      {!line.lotId && proposal.data && item ? (
        <Stack gap={2} mt="xs" data-testid="fefo-proposal">
          <Text size="sm" fw={600}>
            {t('supplies.issue.proposal')}
          </Text>
          <List size="sm">
            {proposal.data.lines.map((p) => (
              <List.Item key={p.lotId}>
                <bdi>
                  {p.lotNumber} · {formatDate(p.expiryOn)} · {quantityText(p.quantity, item)}
                </bdi>
              </List.Item>
            ))}
          </List>
          {proposal.data.shortfall > 0 ? (
            <Text size="sm" c="red" data-testid="fefo-shortfall">
              {t('supplies.issue.shortfall', { quantity: quantityText(proposal.data.shortfall, item) })}
            </Text>
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}
