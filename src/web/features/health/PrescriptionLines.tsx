import {
  ActionIcon,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FREQUENCIES, type Frequency } from '../../../domain/health/consultations.ts';
import { localName } from '../../components/BilingualName.tsx';
import type { Item } from '../supplies/api.ts';
import { Quantity } from '../supplies/parts.tsx';
import { MAX_PRESCRIPTIONS, type NumberField, newLine, type PrescriptionLine, updateLine } from './logic.ts';

/** Items a clinic prescribes: medicines and medical disposables. */
const PRESCRIBED = new Set(['medicine', 'medical_disposable']);

const asNumber = (v: number | string): NumberField => {
  const n = typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);
  return Number.isFinite(n) ? n : '';
};

/**
 * Prescriptions: item (searchable; units on hand at the session's pharmacy beside it), dose,
 * frequency, days, and the quantity, which follows doses a day × days until typed over. "Dispense
 * now" only for those who may dispense (on for them by default).
 */
export function PrescriptionLines({
  value,
  onChange,
  items,
  onHand,
  canDispense,
  errors,
}: {
  value: PrescriptionLine[];
  onChange: (v: PrescriptionLine[]) => void;
  items: readonly Item[];
  /** usable units per item at the session's pharmacy (absent: not known) */
  onHand: Map<string, number> | null;
  canDispense: boolean;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const prescribed = useMemo(() => items.filter((i) => PRESCRIBED.has(i.category)), [items]);
  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const options = useMemo(
    () =>
      prescribed.map((i) => ({
        value: i.id,
        label: `${i.code} · ${localName({ name: i.name, nameAr: i.nameAr, nameFr: i.nameFr })}${i.strength ? ` ${i.strength}` : ''}`,
      })),
    [prescribed],
  );
  const change = (key: string, patch: Partial<PrescriptionLine>) =>
    onChange(value.map((l) => (l.key === key ? updateLine(l, patch) : l)));
  const err = (i: number, field: string) => errors[`prescriptions.${i}.${field}`];

  return (
    <Stack gap="xs" data-testid="prescriptions">
      {value.map((line, i) => {
        const item = line.itemId ? byId.get(line.itemId) : undefined;
        const available = line.itemId && onHand ? (onHand.get(line.itemId) ?? 0) : null;
        const n = i + 1;
        return (
          <Paper key={line.key} withBorder p="xs" data-testid="prescription-row">
            <Group align="flex-start" gap="xs" wrap="wrap">
              <Stack gap={2} miw={220} style={{ flex: '2 1 220px' }}>
                <Select
                  label={t('health.rx.item', { n })}
                  searchable
                  selectFirstOptionOnChange
                  data={options}
                  value={line.itemId}
                  onChange={(v) => change(line.key, { itemId: v })}
                  nothingFoundMessage={t('common.noResults')}
                  error={err(i, 'itemId')}
                  data-testid="rx-item"
                  autoFocus={i === value.length - 1 && !line.itemId}
                />
                {item && available !== null ? (
                  <Text
                    size="xs"
                    c={available >= (line.quantity || 0) ? 'dimmed' : 'orange'}
                    data-testid="rx-on-hand"
                  >
                    {t('health.rx.onHand')}: <Quantity value={available} item={item} />
                  </Text>
                ) : null}
              </Stack>
              <TextInput
                label={t('health.rx.dose')}
                placeholder={t('health.rx.dosePlaceholder')}
                value={line.dose}
                onChange={(e) => change(line.key, { dose: e.currentTarget.value })}
                error={err(i, 'dose')}
                style={{ flex: '1 1 120px' }}
                data-testid="rx-dose"
              />
              <NativeSelect
                label={t('health.rx.frequency')}
                value={line.frequency}
                onChange={(e) => change(line.key, { frequency: e.currentTarget.value as Frequency })}
                data={FREQUENCIES.map((f) => ({ value: f, label: t(`health.frequencies.${f}`) }))}
                error={err(i, 'frequency')}
                style={{ flex: '1 1 150px' }}
                data-testid="rx-frequency"
              />
              <NumberInput
                label={t('health.rx.days')}
                value={line.days}
                onChange={(v) => change(line.key, { days: asNumber(v) })}
                min={1}
                max={180}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                error={err(i, 'days')}
                w={80}
                data-testid="rx-days"
              />
              <NumberInput
                label={
                  item
                    ? t('health.rx.quantityIn', { unit: t(`supplies.units.${item.baseUnit}`) })
                    : t('health.rx.quantity')
                }
                description={line.quantityEdited ? undefined : t('health.rx.suggested')}
                value={line.quantity}
                onChange={(v) => change(line.key, { quantity: asNumber(v) })}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                hideControls
                error={err(i, 'quantity')}
                w={130}
                data-testid="rx-quantity"
              />
              {canDispense ? (
                <Switch
                  label={t('health.rx.dispenseNow')}
                  checked={line.dispense}
                  onChange={(e) => change(line.key, { dispense: e.currentTarget.checked })}
                  mt={28}
                  data-testid="rx-dispense"
                />
              ) : null}
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={t('health.rx.remove', { n })}
                onClick={() => onChange(value.filter((l) => l.key !== line.key))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            {err(i, 'dispense') || err(i, 'lotId') ? (
              <Text size="xs" c="red" role="alert">
                {err(i, 'dispense') ?? err(i, 'lotId')}
              </Text>
            ) : null}
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...value, newLine(canDispense)])}
          disabled={value.length >= MAX_PRESCRIPTIONS}
          data-testid="rx-add"
        >
          {t('health.rx.add')}
        </Button>
      </Group>
    </Stack>
  );
}
