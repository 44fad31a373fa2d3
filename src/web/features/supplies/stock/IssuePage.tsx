import { Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { issueCreate } from '../../../../domain/supplies/movements.ts';
import { ISSUE_REASONS, REASONS, type ReasonCode } from '../../../../domain/supplies/reasons.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { opt } from '../../../components/record/record.ts';
import { postIssue, useOnHand, useStockRefresh } from '../api.ts';
import { today, useItemOptions, usePointOptions } from '../parts.tsx';
import { emptyIssueLine, IssueLine, type IssueLineDraft } from './IssueLine.tsx';
import { toBaseUnits } from './lines.ts';

const FIELDS = ['stockPointId', 'occurredOn', 'reason', 'reasonText', 'documentNumber', 'lines'] as const;

/** Record a loss, damage or expiry write-off: stock leaves a point without going to anyone. */
export function IssuePage() {
  const { t } = useTranslation();
  const search = useSearch({ from: '/app/stock/issue' });
  const navigate = useNavigate();
  const refresh = useStockRefresh();
  const points = usePointOptions();
  const items = useItemOptions();
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [lines, setLines] = useState<IssueLineDraft[]>(() => [
    { ...emptyIssueLine(), itemId: search.itemId ?? null },
  ]);
  const form = useFormState({
    stockPointId: (search.stockPointId ?? null) as string | null,
    occurredOn: today(),
    reason: null as string | null,
    reasonText: '',
    documentNumber: '',
  });
  const v = form.values;
  const onHand = useOnHand(v.stockPointId);
  const lots = v.stockPointId ? (onHand.data?.items ?? []) : [];
  const freeText = v.reason ? REASONS[v.reason as ReasonCode].freeText : 'none';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const payload = {
      stockPointId: v.stockPointId ?? undefined,
      occurredOn: v.occurredOn,
      reason: v.reason ?? undefined,
      reasonText: freeText === 'none' ? undefined : opt(v.reasonText),
      documentNumber: opt(v.documentNumber),
      lines: lines.map((l) => ({
        itemId: l.itemId ?? undefined,
        lotId: l.lotId ?? undefined,
        quantity: toBaseUnits(l.quantity, l.mode, (l.itemId && items.byId.get(l.itemId)?.packSize) || 1),
      })),
    };
    const body = form.validate(issueCreate, payload);
    if (!body) return;
    setBusy(true);
    try {
      await postIssue(body, key);
      await refresh();
      await navigate({ to: '/stock', search: { stockPointId: body.stockPointId } });
    } catch (error) {
      form.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <RequireCapability capability="stock:issue">
      <Stack maw={1100}>
        <BackLink to="/stock">{t('supplies.stock.backToList')}</BackLink>
        <PageHeader title={t('supplies.issue.title')} subtitle={t('supplies.issue.subtitle')} />
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="issue-form">
          <Stack>
            <FormAlert error={form.requestError} />
            <Paper withBorder p="lg">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
                <Select
                  label={t('supplies.stock.point')}
                  required
                  searchable
                  data={points.options}
                  value={v.stockPointId}
                  onChange={(p) => form.set('stockPointId', p)}
                  error={form.errors.stockPointId}
                  nothingFoundMessage={t('common.noResults')}
                  data-testid="issue-point"
                />
                <TextInput
                  type="date"
                  label={t('supplies.receive.date')}
                  required
                  {...form.text('occurredOn')}
                  data-testid="issue-date"
                />
                <Select
                  label={t('supplies.receive.reason')}
                  required
                  data={ISSUE_REASONS.map((r) => ({ value: r, label: t(`supplies.reasons.${r}`) }))}
                  value={v.reason}
                  onChange={(r) => form.set('reason', r)}
                  error={form.errors.reason}
                  data-testid="issue-reason"
                />
                <TextInput label={t('supplies.card.document')} {...form.text('documentNumber')} />
              </SimpleGrid>
              {freeText !== 'none' ? (
                <Textarea
                  mt="md"
                  label={t('supplies.receive.reasonText')}
                  required={freeText === 'required'}
                  autosize
                  minRows={2}
                  value={v.reasonText}
                  onChange={(e) => form.set('reasonText', e.currentTarget.value)}
                  error={form.errors.reasonText}
                  data-testid="issue-reason-text"
                />
              ) : null}
            </Paper>
            {lines.map((l, i) => (
              <IssueLine
                key={l.key}
                index={i}
                line={l}
                stockPointId={v.stockPointId}
                item={l.itemId ? items.byId.get(l.itemId) : undefined}
                lots={lots}
                itemOptions={items.options}
                errors={form.errors}
                onChange={(patch) => setLines((ls) => ls.map((x, j) => (j === i ? { ...x, ...patch } : x)))}
                onRemove={lines.length > 1 ? () => setLines((ls) => ls.filter((_, j) => j !== i)) : undefined}
              />
            ))}
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setLines((ls) => [...ls, emptyIssueLine()])}
              >
                {t('supplies.receive.addLine')}
              </Button>
            </Group>
            <OtherErrors messages={unplacedErrors(form.errors, FIELDS)} />
            {form.errors.lines ? <OtherErrors messages={[form.errors.lines]} /> : null}
            <Group justify="flex-end">
              <Button type="submit" color="red" loading={busy} data-testid="issue-save">
                {t('supplies.issue.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </RequireCapability>
  );
}
