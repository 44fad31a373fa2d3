import { Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { can } from '../../components/record/record.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { type Merge, type Person, useMerges, useRegistryRefresh } from './api.ts';
import { RegistrationNumber } from './PersonParts.tsx';

/** Records merged into this one, each with Undo when the server allows it. */
export function MergesPanel({ person, onChanged }: { person: Person; onChanged: (p: Person) => void }) {
  const { t } = useTranslation();
  const merges = useMerges(person.id);
  const refresh = useRegistryRefresh();
  const [undoing, setUndoing] = useState<Merge | null>(null);
  const undo = useMutation({
    mutationFn: (m: Merge) => api.post<Person>(`/persons/${person.id}/merges/${m.id}/undo`),
    onSuccess: async (updated) => {
      setUndoing(null);
      onChanged(updated);
      await refresh(updated);
    },
  });
  const items = merges.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="merges-title" data-testid="merges">
      <Title order={2} size="h4" mb="sm" id="merges-title">
        {t('merge.listTitle')}
      </Title>
      <Stack gap="xs">
        {items.map((m) => (
          <Group key={m.id} justify="space-between" wrap="wrap" data-testid="merge-row">
            <Group gap="xs">
              <AnchorLink to="/persons/$id" params={{ id: m.mergedId }} size="sm">
                <RegistrationNumber value={m.mergedRegistrationNumber} />
              </AnchorLink>
              <Text size="sm" c="dimmed">
                {t('merge.mergedAt', { date: formatDateTime(m.at) })}
              </Text>
              {m.undoneAt ? (
                <Badge color="gray" variant="light">
                  {t('merge.undoneAt', { date: formatDateTime(m.undoneAt) })}
                </Badge>
              ) : null}
            </Group>
            {can(m, 'undo') ? (
              <Button
                size="xs"
                variant="light"
                color="orange"
                leftSection={<IconArrowBackUp size={16} aria-hidden />}
                onClick={() => {
                  undo.reset();
                  setUndoing(m);
                }}
                data-testid="undo-merge"
              >
                {t('merge.undo')}
              </Button>
            ) : null}
          </Group>
        ))}
      </Stack>
      <Modal opened={undoing !== null} onClose={() => setUndoing(null)} title={t('merge.undoTitle')}>
        <Stack>
          <Text size="sm">{t('merge.undoBody', { number: undoing?.mergedRegistrationNumber ?? '' })}</Text>
          <FormAlert error={undo.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setUndoing(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={undo.isPending}
              onClick={() => undoing && undo.mutate(undoing)}
              data-testid="confirm-undo-merge"
            >
              {t('merge.undo')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
