import {
  Button,
  Group,
  Input,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Centre } from '../../../domain/directory/schemas.ts';
import { DISTRIBUTION_KINDS, distributionCreate } from '../../../domain/supplies/distributions.ts';
import { BackLink } from '../../components/BackLink.tsx';
import { FormAlert } from '../../components/ErrorState.tsx';
import { unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { useAllOf } from '../../components/list/useAllOf.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RequireCapability } from '../../components/RequireCapability.tsx';
import { opt } from '../../components/record/record.ts';
import { useCreate } from '../../components/record/useRecord.ts';
import { today } from '../registry/identity.ts';
import { type Distribution, type Item, RESOURCE, type StockPoint } from './api.ts';
import { useAssistanceLabels } from './labels.ts';

const PLACED = ['centreId', 'stockPointId', 'occurredOn', 'kind', 'itemIds', 'note'];

/** A distribution event: where, from which store, when, to whom (people or the centre), what. */
export function NewDistributionPage() {
  const { t } = useTranslation();
  return (
    <RequireCapability capability="distributions:create">
      <Stack maw={760}>
        <BackLink to="/distributions">{t('assistance.list.back')}</BackLink>
        <PageHeader title={t('assistance.new.title')} subtitle={t('assistance.new.subtitle')} />
        <NewDistributionForm />
      </Stack>
    </RequireCapability>
  );
}

function NewDistributionForm() {
  const { t } = useTranslation();
  const l = useAssistanceLabels();
  const navigate = useNavigate();
  const create = useCreate<Distribution>(RESOURCE);
  const form = useFormState({
    centreId: null as string | null,
    stockPointId: null as string | null,
    occurredOn: today(),
    kind: 'individual' as (typeof DISTRIBUTION_KINDS)[number],
    itemIds: [] as string[],
    note: '',
  });
  const v = form.values;
  const centres = useAllOf<Centre>('centres', { active: 'true' });
  const points = useAllOf<StockPoint>(
    'stock-points',
    { centreId: v.centreId ?? undefined, active: 'true' },
    !!v.centreId,
  );
  const items = useAllOf<Item>('items', { active: 'true' });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(distributionCreate, {
      centreId: v.centreId ?? undefined,
      stockPointId: v.stockPointId ?? undefined,
      occurredOn: v.occurredOn,
      kind: v.kind,
      itemIds: v.itemIds,
      note: opt(v.note),
    });
    if (!body) return;
    setBusy(true);
    try {
      const saved = await create(body);
      await navigate({ to: '/distributions/$id', params: { id: saved.id } });
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => void submit(e)} noValidate data-testid="distribution-form">
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('assistance.fields.centre')}
              required
              searchable
              data={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={v.centreId}
              onChange={(x) => {
                form.set('centreId', x);
                form.set('stockPointId', null);
              }}
              error={form.errors.centreId}
              nothingFoundMessage={t('common.noResults')}
              data-testid="distribution-centre"
            />
            <Select
              label={t('assistance.fields.stockPoint')}
              description={v.centreId ? undefined : t('assistance.new.chooseCentreFirst')}
              required
              disabled={!v.centreId}
              data={(points.data ?? []).map((p) => ({ value: p.id, label: l.name(p) }))}
              value={v.stockPointId}
              onChange={(x) => form.set('stockPointId', x)}
              error={form.errors.stockPointId}
              nothingFoundMessage={t('common.noResults')}
              data-testid="distribution-stock-point"
            />
            <TextInput
              type="date"
              label={t('assistance.fields.date')}
              required
              {...form.text('occurredOn')}
              data-testid="distribution-date"
            />
            <Input.Wrapper
              label={t('assistance.fields.kind')}
              description={
                v.kind === 'individual' ? t('assistance.new.individualHelp') : t('assistance.new.bulkHelp')
              }
              inputWrapperOrder={['label', 'input', 'description']}
            >
              <SegmentedControl
                display="flex"
                aria-label={t('assistance.fields.kind')}
                data={DISTRIBUTION_KINDS.map((k) => ({ value: k, label: l.kind(k) }))}
                value={v.kind}
                onChange={(x) => form.set('kind', x as typeof v.kind)}
                data-testid="distribution-kind"
              />
            </Input.Wrapper>
          </SimpleGrid>
          <MultiSelect
            label={t('assistance.fields.items')}
            description={t('assistance.new.itemsHelp')}
            required
            searchable
            data={(items.data ?? []).map((i) => ({
              value: i.id,
              label: `${i.code} · ${l.name(i)} (${l.category(i.category)})`,
            }))}
            value={v.itemIds}
            onChange={(x) => form.set('itemIds', x)}
            error={form.errors.itemIds}
            nothingFoundMessage={t('common.noResults')}
            data-testid="distribution-items"
          />
          <TextInput label={t('assistance.fields.note')} dir="auto" {...form.text('note')} />
          <FormAlert error={form.requestError} />
          <OtherErrors messages={unplacedErrors(form.errors, PLACED)} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="distribution-save">
              {t('assistance.new.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
