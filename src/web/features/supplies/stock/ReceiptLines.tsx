import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type KeyboardEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../components/form/fieldErrors.ts';
import type { Item } from '../api.ts';
import { type Option, quantityText } from '../parts.tsx';
import { type QuantityMode, toBaseUnits } from './lines.ts';

export interface ReceiptLineDraft {
  key: number;
  itemId: string | null;
  lotNumber: string;
  expiryOn: string;
  quantity: number | string;
  mode: QuantityMode;
  unitCost: number | string;
  currency: string;
}

let nextKey = 1;
export const emptyLine = (currency = ''): ReceiptLineDraft => ({
  key: nextKey++,
  itemId: null,
  lotNumber: '',
  expiryOn: '',
  quantity: '',
  mode: 'packs',
  unitCost: '',
  currency,
});

/**
 * The lines of a receipt, keyboard-first: Enter in a line's text or number field adds a line and
 * moves to its item (the form is sent with the button, never by Enter).
 */
export function ReceiptLines({
  lines,
  onChange,
  items,
  itemOptions,
  errors,
}: {
  lines: ReceiptLineDraft[];
  onChange: (lines: ReceiptLineDraft[]) => void;
  items: Map<string, Item>;
  itemOptions: Option[];
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const firstFields = useRef(new Map<number, HTMLInputElement>());
  const focusKey = useRef<number | null>(null);
  useEffect(() => {
    if (focusKey.current === null) return;
    firstFields.current.get(focusKey.current)?.focus();
    focusKey.current = null;
  });
  const set = (i: number, patch: Partial<ReceiptLineDraft>) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const add = () => {
    const line = emptyLine(lines.at(-1)?.currency ?? '');
    focusKey.current = line.key;
    onChange([...lines, line]);
  };
  const onEnter = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };
  return (
    <Stack gap="sm" data-testid="receipt-lines">
      {lines.map((l, i) => {
        const item = l.itemId ? items.get(l.itemId) : undefined;
        const base = item ? toBaseUnits(l.quantity, l.mode, item.packSize) : undefined;
        const err = (f: string) => errors[`lines.${i}.${f}`];
        return (
          <Paper key={l.key} withBorder p="sm" data-testid="receipt-line">
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600}>
                {t('supplies.receive.line', { n: i + 1 })}
              </Text>
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={lines.length === 1}
                aria-label={t('supplies.receive.removeLine', { n: i + 1 })}
                onClick={() => onChange(lines.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <Select
                ref={(el) => {
                  if (el) firstFields.current.set(l.key, el);
                  else firstFields.current.delete(l.key);
                }}
                label={t('supplies.stock.item')}
                required
                searchable
                data={itemOptions}
                value={l.itemId}
                onChange={(v) => set(i, { itemId: v })}
                error={err('itemId')}
                nothingFoundMessage={t('common.noResults')}
                data-testid="line-item"
              />
              <TextInput
                label={t('supplies.stock.lot')}
                required
                dir="ltr"
                value={l.lotNumber}
                onChange={(e) => set(i, { lotNumber: e.currentTarget.value })}
                onKeyDown={onEnter}
                error={err('lotNumber')}
                data-testid="line-lot"
              />
              <TextInput
                type="date"
                label={t('supplies.stock.expiry')}
                required
                value={l.expiryOn}
                onChange={(e) => set(i, { expiryOn: e.currentTarget.value })}
                onKeyDown={onEnter}
                error={err('expiryOn')}
                data-testid="line-expiry"
              />
              <Stack gap={4}>
                <NumberInput
                  label={
                    l.mode === 'packs'
                      ? t('supplies.receive.quantityPacks')
                      : t('supplies.receive.quantityUnits')
                  }
                  required
                  min={1}
                  allowDecimal={false}
                  value={l.quantity}
                  onChange={(v) => set(i, { quantity: v })}
                  onKeyDown={onEnter}
                  error={err('quantity')}
                  description={item && base ? <bdi>{quantityText(base, item)}</bdi> : undefined}
                  data-testid="line-quantity"
                />
                <SegmentedControl
                  size="xs"
                  value={l.mode}
                  onChange={(m) => set(i, { mode: m as QuantityMode })}
                  data={[
                    { value: 'packs', label: t('supplies.receive.packs') },
                    { value: 'units', label: t('supplies.receive.units') },
                  ]}
                  aria-label={t('supplies.receive.countIn')}
                />
              </Stack>
              <NumberInput
                label={t('supplies.receive.unitCost')}
                description={t('supplies.receive.unitCostHelp')}
                min={0}
                decimalScale={3}
                value={l.unitCost}
                onChange={(v) => set(i, { unitCost: v })}
                onKeyDown={onEnter}
                error={err('unitCostMinor')}
                data-testid="line-cost"
              />
              <TextInput
                label={t('supplies.receive.currency')}
                maxLength={3}
                dir="ltr"
                value={l.currency}
                onChange={(e) => set(i, { currency: e.currentTarget.value.toUpperCase() })}
                onKeyDown={onEnter}
                error={err('currency')}
                data-testid="line-currency"
              />
            </SimpleGrid>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={add}
          data-testid="add-line"
        >
          {t('supplies.receive.addLine')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('supplies.receive.enterHint')}
        </Text>
      </Group>
    </Stack>
  );
}
