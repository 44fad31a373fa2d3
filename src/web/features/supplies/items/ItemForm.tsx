import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BASE_UNITS,
  ITEM_CATEGORIES,
  type ItemCreate,
  itemCreate,
  MEDICINE_FORMS,
} from '../../../../domain/supplies/catalogue.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { InfoNote, OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { changedFields, opt } from '../../../components/record/record.ts';
import type { Item } from '../api.ts';
import { quantityText } from '../parts.tsx';

const FIELDS = [
  'code',
  'name',
  'nameAr',
  'nameFr',
  'category',
  'baseUnit',
  'packSize',
  'activeIngredient',
  'strength',
  'form',
  'atcCode',
  'active',
] as const;
/** Fields an edit may empty (sent as null). */
const CLEARABLE = new Set(['nameAr', 'nameFr', 'activeIngredient', 'strength', 'form', 'atcCode']);
/** packs shown in the preview of a pack size */
const PREVIEW_PACKS = 12;

export function ItemForm({
  record,
  onSubmit,
  submitLabel,
}: {
  record?: Item;
  /** create: the whole body; edit: the changed fields */
  onSubmit: (body: Partial<ItemCreate> & { active?: boolean }) => Promise<void>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const form = useFormState({
    code: record?.code ?? '',
    name: record?.name ?? '',
    nameAr: record?.nameAr ?? '',
    nameFr: record?.nameFr ?? '',
    category: (record?.category ?? null) as string | null,
    baseUnit: (record?.baseUnit ?? null) as string | null,
    packSize: (record?.packSize ?? 1) as number | string,
    activeIngredient: record?.activeIngredient ?? '',
    strength: record?.strength ?? '',
    form: (record?.form ?? null) as string | null,
    atcCode: record?.atcCode ?? '',
    active: record?.active ?? true,
  });
  const v = form.values;
  const medicine = v.category === 'medicine';
  const packSize = typeof v.packSize === 'number' ? v.packSize : Number(v.packSize) || 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUnchanged(false);
    // other categories carry no medicine fields: switching away from medicine empties them
    const med = (s: string | null) => (medicine ? (opt(s ?? '') ?? undefined) : undefined);
    const payload = {
      code: v.code.trim(),
      name: v.name.trim(),
      nameAr: opt(v.nameAr),
      nameFr: opt(v.nameFr),
      category: v.category ?? undefined,
      baseUnit: v.baseUnit ?? undefined,
      packSize,
      activeIngredient: med(v.activeIngredient),
      strength: med(v.strength),
      form: med(v.form),
      atcCode: med(v.atcCode)?.toUpperCase(),
    };
    const body = form.validate(itemCreate, payload);
    if (!body) return;
    let out: Record<string, unknown> = body;
    if (record) {
      const diff = changedFields(record, { ...payload, active: v.active });
      out = { ...diff.changes };
      for (const k of diff.cleared) if (CLEARABLE.has(k)) out[k] = null;
      if (Object.keys(out).length === 0) {
        setUnchanged(true);
        return;
      }
    }
    setBusy(true);
    try {
      await onSubmit(out);
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const extra = unplacedErrors(form.errors, FIELDS);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="item-form">
      <Stack>
        <FormAlert error={form.requestError} />
        <Paper withBorder p="lg">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('supplies.items.code')}
                description={t('supplies.items.codeHelp')}
                required
                dir="ltr"
                {...form.text('code')}
                data-testid="item-code"
              />
              <TextInput
                label={t('supplies.items.name')}
                required
                {...form.text('name')}
                data-testid="item-name"
              />
              <TextInput
                label={t('supplies.items.nameAr')}
                dir="rtl"
                lang="ar"
                {...form.text('nameAr')}
                data-testid="item-name-ar"
              />
              <TextInput
                label={t('supplies.items.nameFr')}
                lang="fr"
                {...form.text('nameFr')}
                data-testid="item-name-fr"
              />
              <Select
                label={t('supplies.items.category')}
                required
                data={ITEM_CATEGORIES.map((c) => ({ value: c, label: t(`supplies.categories.${c}`) }))}
                value={v.category}
                onChange={(c) => form.set('category', c)}
                error={form.errors.category}
                data-testid="item-category"
              />
              <Select
                label={t('supplies.items.baseUnit')}
                description={t('supplies.items.baseUnitHelp')}
                required
                searchable
                data={BASE_UNITS.map((u) => ({ value: u, label: t(`supplies.units.${u}`) }))}
                value={v.baseUnit}
                onChange={(u) => form.set('baseUnit', u)}
                error={form.errors.baseUnit}
                data-testid="item-unit"
              />
              <NumberInput
                label={t('supplies.items.packSize')}
                description={t('supplies.items.packSizeHelp')}
                required
                min={1}
                max={100_000}
                allowDecimal={false}
                value={v.packSize}
                onChange={(n) => form.set('packSize', n)}
                error={form.errors.packSize}
                data-testid="item-pack-size"
              />
              {v.baseUnit && packSize > 1 ? (
                <Stack gap={2} justify="flex-end">
                  <Text size="sm" c="dimmed">
                    {t('supplies.items.packPreview')}
                  </Text>
                  <Text fw={600} data-testid="pack-preview" aria-live="polite">
                    <bdi>{quantityText(PREVIEW_PACKS * packSize, { baseUnit: v.baseUnit, packSize })}</bdi>
                  </Text>
                </Stack>
              ) : null}
            </SimpleGrid>
            {medicine ? (
              <Stack gap="xs" data-testid="medicine-fields">
                <Text fw={600}>{t('supplies.items.medicine')}</Text>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('supplies.items.activeIngredient')}
                    required
                    {...form.text('activeIngredient')}
                    data-testid="item-ingredient"
                  />
                  <TextInput
                    label={t('supplies.items.strength')}
                    description={t('supplies.items.strengthHelp')}
                    required
                    dir="ltr"
                    {...form.text('strength')}
                    data-testid="item-strength"
                  />
                  <Select
                    label={t('supplies.items.form')}
                    required
                    data={MEDICINE_FORMS.map((f) => ({ value: f, label: t(`supplies.forms.${f}`) }))}
                    value={v.form}
                    onChange={(f) => form.set('form', f)}
                    error={form.errors.form}
                    data-testid="item-form-select"
                  />
                  <TextInput
                    label={t('supplies.items.atcCode')}
                    description={t('supplies.items.atcHelp')}
                    dir="ltr"
                    {...form.text('atcCode')}
                    data-testid="item-atc"
                  />
                </SimpleGrid>
              </Stack>
            ) : null}
            {record ? (
              <Switch
                label={t('supplies.items.activeLabel')}
                checked={v.active}
                onChange={(e) => form.set('active', e.currentTarget.checked)}
                data-testid="item-active"
              />
            ) : null}
            <OtherErrors messages={extra} />
            {unchanged ? <InfoNote text={t('directory.noChanges')} /> : null}
            <Group justify="flex-end">
              <Button type="submit" loading={busy} data-testid="save">
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}
