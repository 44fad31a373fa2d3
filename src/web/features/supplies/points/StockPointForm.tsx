import { Button, Group, Paper, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STOCK_POINT_KINDS, stockPointCreate } from '../../../../domain/supplies/catalogue.ts';
import { localName } from '../../../components/BilingualName.tsx';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { InfoNote, OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { changedFields, opt } from '../../../components/record/record.ts';
import { type StockPoint, useCentres } from '../api.ts';

const FIELDS = ['name', 'nameAr', 'nameFr', 'kind', 'centreId', 'active'] as const;

export function StockPointForm({
  record,
  onSubmit,
  submitLabel,
}: {
  record?: StockPoint;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const centres = useCentres();
  const centreOptions = useMemo(
    () => (centres.data ?? []).map((c) => ({ value: c.id, label: localName(c) })),
    [centres.data],
  );
  const [busy, setBusy] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  const form = useFormState({
    name: record?.name ?? '',
    nameAr: record?.nameAr ?? '',
    nameFr: record?.nameFr ?? '',
    kind: (record?.kind ?? null) as string | null,
    centreId: (record?.centreId ?? null) as string | null,
    active: record?.active ?? true,
  });
  const v = form.values;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUnchanged(false);
    const payload = {
      name: v.name.trim(),
      nameAr: opt(v.nameAr),
      nameFr: opt(v.nameFr),
      kind: v.kind ?? undefined,
      centreId: v.centreId ?? undefined,
    };
    const body = form.validate(stockPointCreate, payload);
    if (!body) return;
    let out: Record<string, unknown> = body;
    if (record) {
      const diff = changedFields(record, { ...payload, active: v.active });
      out = { ...diff.changes };
      for (const k of diff.cleared) out[k] = null;
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

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="stock-point-form">
      <Stack>
        <FormAlert error={form.requestError} />
        <Paper withBorder p="lg">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('supplies.points.name')}
                required
                {...form.text('name')}
                data-testid="point-name"
              />
              <TextInput
                label={t('supplies.items.nameAr')}
                dir="rtl"
                lang="ar"
                {...form.text('nameAr')}
                data-testid="point-name-ar"
              />
              <TextInput label={t('supplies.items.nameFr')} lang="fr" {...form.text('nameFr')} />
              <Select
                label={t('supplies.points.kind')}
                required
                data={STOCK_POINT_KINDS.map((k) => ({ value: k, label: t(`supplies.pointKinds.${k}`) }))}
                value={v.kind}
                onChange={(k) => form.set('kind', k)}
                error={form.errors.kind}
                data-testid="point-kind"
              />
              <Select
                label={t('supplies.points.centre')}
                description={t('supplies.points.centreHelp')}
                clearable
                searchable
                data={centreOptions}
                value={v.centreId}
                onChange={(c) => form.set('centreId', c)}
                error={form.errors.centreId}
                nothingFoundMessage={t('common.noResults')}
                data-testid="point-centre"
              />
            </SimpleGrid>
            {record ? (
              <Switch
                label={t('supplies.points.activeLabel')}
                checked={v.active}
                onChange={(e) => form.set('active', e.currentTarget.checked)}
              />
            ) : null}
            <OtherErrors messages={unplacedErrors(form.errors, FIELDS)} />
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
