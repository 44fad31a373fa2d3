import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconUserCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { mission } from '../../../domain/directory/schemas.ts';
import { DUPLICATE_THRESHOLDS } from '../../../domain/registry/duplicates.ts';
import { api } from '../../api/client.ts';
import { ButtonLink } from '../../components/links.tsx';
import type { DuplicateCandidate, DuplicateQuery } from './api.ts';
import { useDuplicates } from './api.ts';
import { PersonName } from './PersonParts.tsx';

type Mission = z.infer<typeof mission>;

/** The mission's cut-off for "likely the same person" (the server refuses those without a decision). */
export function useLikelyThreshold(): number {
  const m = useQuery({
    queryKey: ['mission'],
    queryFn: ({ signal }) => api.get<Mission>('/mission', undefined, signal),
    staleTime: 5 * 60_000,
  });
  return m.data?.duplicateThreshold ?? DUPLICATE_THRESHOLDS.likely;
}

/** The candidates at or above the mission's threshold for the query the panel shows. */
export function useLikelyDuplicates(query: DuplicateQuery | null): DuplicateCandidate[] {
  const threshold = useLikelyThreshold();
  const found = useDuplicates(query);
  return query ? (found.data?.items ?? []).filter((c) => c.score >= threshold) : [];
}

/**
 * In place of "Register" while likely duplicates show: open the existing record, or say this is
 * someone else, with a reason (sent as `notDuplicateOf` and `reason`, and audited by the server).
 */
export function DuplicateDecision({
  likely,
  busy,
  onRegisterAnyway,
}: {
  likely: DuplicateCandidate[];
  busy: boolean;
  onRegisterAnyway: (decision: { notDuplicateOf: string[]; reason: string }) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const best = likely[0];
  const confirm = () => {
    const text = reason.trim();
    if (!text) {
      setError(t('validation.required'));
      return;
    }
    setOpen(false);
    onRegisterAnyway({ notDuplicateOf: likely.map((c) => c.person.id), reason: text });
  };
  return (
    <Stack gap="xs" data-testid="duplicate-decision">
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
        {t('ops.duplicates.decide', { count: likely.length })}
      </Alert>
      <Group justify="flex-end">
        {best ? (
          <ButtonLink
            to="/persons/$id"
            params={{ id: best.person.id }}
            search={{ found: true }}
            color="orange"
            leftSection={<IconUserCheck size={16} aria-hidden />}
            data-testid="open-existing"
          >
            {t('ops.duplicates.openExisting')}
          </ButtonLink>
        ) : null}
        <Button variant="default" loading={busy} onClick={() => setOpen(true)} data-testid="register-anyway">
          {t('ops.duplicates.registerAnyway')}
        </Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('ops.duplicates.confirmTitle')} centered>
        <Stack>
          <Text size="sm">{t('ops.duplicates.confirmText')}</Text>
          <List size="sm" spacing={4}>
            {likely.map((c) => (
              <List.Item key={c.person.id}>
                <PersonName person={c.person} />
              </List.Item>
            ))}
          </List>
          <Textarea
            label={t('ops.duplicates.reason')}
            description={t('ops.duplicates.reasonHelp')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            data-testid="not-duplicate-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} data-testid="confirm-not-duplicate">
              {t('ops.duplicates.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
