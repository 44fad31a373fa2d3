import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REASONS, type ReasonCode } from '../../../../domain/supplies/reasons.ts';
import { ApiError, newIdempotencyKey } from '../../../api/client.ts';
import { BackLink } from '../../../components/BackLink.tsx';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { serverErrors } from '../../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../../components/form/Notes.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RequireCapability } from '../../../components/RequireCapability.tsx';
import { RecordFrame } from '../../../components/record/RecordFrame.tsx';
import { can, opt } from '../../../components/record/record.ts';
import { formatDate } from '../../../i18n/format.ts';
import {
  approveCount,
  cancelCount,
  patchCountLines,
  type StockCount,
  useCount,
  useStockRefresh,
} from '../api.ts';
import { CountSheet, differenceOf, type SheetDraft } from './CountSheet.tsx';
import { CountStatus } from './CountsPage.tsx';

/**
 * A count sheet: counted quantities are saved as one goes; approval posts each difference against
 * the on-hand at that moment (the store kept working), with a reason for each differing line.
 */
export function CountPage() {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/stock-counts/$id' });
  const query = useCount(id);
  const queryClient = useQueryClient();
  const refresh = useStockRefresh();
  const [drafts, setDrafts] = useState(new Map<string, SheetDraft>());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [requestError, setRequestError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'approve' | 'cancel' | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [approveKey] = useState(newIdempotencyKey);
  const count = query.data;
  // a fresh sheet from the server keeps what was typed and not yet saved
  useEffect(() => {
    if (!count) return;
    setDrafts((old) => {
      const next = new Map<string, SheetDraft>();
      for (const l of count.lines)
        next.set(l.lotId, old.get(l.lotId) ?? { counted: l.counted ?? '', reason: l.reason, text: '' });
      return next;
    });
  }, [count]);
  const editable = !!count && can(count, 'update');
  const accept = (c: StockCount, message: string) => {
    queryClient.setQueryData(['stock-counts', 'one', id], c);
    setNotice(message);
  };
  const fail = (e: unknown, lotOf: (i: number) => string | undefined) => {
    setRequestError(e);
    if (!(e instanceof ApiError)) return;
    // the server names lines by their place in the body: turn them back into lots
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(serverErrors(e.errors, t))) {
      const m = /^(?:lines|reasons)\.(\d+)\.(\w+)$/.exec(k);
      const lot = m ? lotOf(Number(m[1])) : undefined;
      out[lot ? `line.${lot}.${m![2]}` : k] = v;
    }
    setErrors(out);
  };

  /** PATCH the lines whose count changed; the answer is the sheet with live on-hand. */
  const saveLines = async (c: StockCount): Promise<StockCount> => {
    const changed = c.lines.flatMap((l) => {
      const d = drafts.get(l.lotId);
      const counted = d && typeof d.counted === 'number' ? d.counted : null;
      return counted === l.counted ? [] : [{ itemId: l.itemId, lotId: l.lotId, counted }];
    });
    if (changed.length === 0) return c;
    try {
      return await patchCountLines(c, changed);
    } catch (e) {
      fail(e, (i) => changed[i]?.lotId);
      throw e;
    }
  };

  const run = async (which: 'save' | 'approve', fn: () => Promise<void>) => {
    setBusy(which);
    setRequestError(null);
    setErrors({});
    setNotice(null);
    try {
      await fn();
    } catch {
      // shown by `fail`
    } finally {
      setBusy(null);
    }
  };

  const save = () =>
    run('save', async () => {
      accept(await saveLines(count!), t('supplies.counts.saved'));
    });

  const approve = () =>
    run('approve', async () => {
      const sheet = await saveLines(count!);
      queryClient.setQueryData(['stock-counts', 'one', id], sheet);
      const differing = sheet.lines.filter((l) => (differenceOf(drafts.get(l.lotId), l.onHand) ?? 0) !== 0);
      const missing: Record<string, string> = {};
      for (const l of differing) {
        const d = drafts.get(l.lotId)!;
        if (!d.reason) missing[`line.${l.lotId}.reason`] = t('supplies.counts.reasonNeeded');
        else if (REASONS[d.reason as ReasonCode].freeText === 'required' && !opt(d.text))
          missing[`line.${l.lotId}.reasonText`] = t('validation.required');
      }
      if (Object.keys(missing).length > 0) {
        setErrors(missing);
        return;
      }
      const reasons = differing.map((l) => {
        const d = drafts.get(l.lotId)!;
        return { itemId: l.itemId, lotId: l.lotId, reason: d.reason!, reasonText: opt(d.text) };
      });
      try {
        accept(await approveCount(sheet, reasons, approveKey), t('supplies.counts.approved'));
        await refresh();
      } catch (e) {
        fail(e, (i) => reasons[i]?.lotId);
      }
    });

  const cancel = async () => {
    setBusy('cancel');
    try {
      accept(await cancelCount(count!), t('supplies.counts.cancelled'));
      setConfirmCancel(false);
      void refresh();
    } catch (e) {
      setRequestError(e);
      setConfirmCancel(false);
    } finally {
      setBusy(null);
    }
  };

  const lotKeys = new Set(
    count?.lines.flatMap((l) => [
      `line.${l.lotId}.counted`,
      `line.${l.lotId}.reason`,
      `line.${l.lotId}.reasonText`,
    ]),
  );
  const unplaced = Object.entries(errors)
    .filter(([k]) => !lotKeys.has(k))
    .map(([k, v]) => (k === '_form' ? v : `${k}: ${v}`));

  return (
    <RequireCapability capability="stock_counts:read">
      <RecordFrame
        back={<BackLink to="/stock-counts">{t('supplies.counts.backToList')}</BackLink>}
        query={query}
        notice={notice}
        maw={1200}
      >
        {count ? (
          <>
            <PageHeader
              documentTitle={count.reference}
              title={
                <Group gap="sm" component="span">
                  <span className="sanad-ltr">{count.reference}</span>
                  <CountStatus status={count.status} />
                </Group>
              }
              subtitle={
                <bdi>
                  {count.stockPointName} · {formatDate(count.countedOn)}
                </bdi>
              }
            />
            {editable ? (
              <Text size="sm" c="dimmed">
                {t('supplies.counts.help')}
              </Text>
            ) : null}
            <FormAlert error={requestError} />
            <OtherErrors messages={unplaced} />
            <Paper withBorder>
              <CountSheet
                count={count}
                drafts={drafts}
                editable={editable}
                errors={errors}
                onChange={(lotId, patch) =>
                  setDrafts((m) => new Map(m).set(lotId, { ...m.get(lotId)!, ...patch }))
                }
              />
            </Paper>
            <Group justify="flex-end">
              {can(count, 'cancel') ? (
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() => setConfirmCancel(true)}
                  data-testid="count-cancel"
                >
                  {t('supplies.counts.cancel')}
                </Button>
              ) : null}
              {editable ? (
                <Button
                  variant="default"
                  loading={busy === 'save'}
                  onClick={() => void save()}
                  data-testid="count-save"
                >
                  {t('supplies.counts.save')}
                </Button>
              ) : null}
              {can(count, 'approve') ? (
                <Button
                  loading={busy === 'approve'}
                  onClick={() => void approve()}
                  data-testid="count-approve"
                >
                  {t('supplies.counts.approve')}
                </Button>
              ) : null}
            </Group>
            <Modal
              opened={confirmCancel}
              onClose={() => setConfirmCancel(false)}
              title={t('supplies.counts.cancel')}
              centered
            >
              <Stack>
                <Text size="sm">{t('supplies.counts.cancelBody')}</Text>
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setConfirmCancel(false)}>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    color="red"
                    loading={busy === 'cancel'}
                    onClick={() => void cancel()}
                    data-testid="count-cancel-confirm"
                  >
                    {t('supplies.counts.cancel')}
                  </Button>
                </Group>
              </Stack>
            </Modal>
          </>
        ) : null}
      </RecordFrame>
    </RequireCapability>
  );
}
