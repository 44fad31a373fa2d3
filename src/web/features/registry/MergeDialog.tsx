import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey } from '../../api/client.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import type { Person } from './api.ts';
import { PersonFacts, PersonName } from './PersonParts.tsx';
import { PersonPicker } from './PersonPicker.tsx';

function Side({ title, person, testId }: { title: string; person: Person; testId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Stack gap={4}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {title}
        </Text>
        <PersonName person={person} strong />
        <PersonFacts person={person} />
        <Text size="sm">
          {person.current ? <bdi>{person.current.centreName}</bdi> : t('person.notDetained')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Picks the duplicate record by search, shows both, and merges it into this one after confirmation. */
export function MergeDialog({
  person,
  opened,
  onClose,
  onDone,
}: {
  person: Person;
  opened: boolean;
  onClose: () => void;
  onDone: (survivor: Person) => Promise<void> | void;
}) {
  const { t } = useTranslation();
  const [duplicate, setDuplicate] = useState<Person | null>(null);
  const [key, setKey] = useState(newIdempotencyKey);
  const merge = useMutation({
    mutationFn: (dup: Person) =>
      api.post<Person>(`/persons/${person.id}/merges`, { duplicateId: dup.id, version: person.version }, key),
    onSuccess: async (survivor) => {
      setDuplicate(null);
      await onDone(survivor);
    },
  });
  const close = () => {
    setDuplicate(null);
    merge.reset();
    setKey(newIdempotencyKey());
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('merge.title')} size="lg">
      <Stack>
        <Text size="sm">{t('merge.intro')}</Text>
        <PersonPicker
          label={t('merge.pick')}
          exclude={[person.id]}
          onPick={(p) => {
            merge.reset();
            setDuplicate(p);
          }}
          testId="merge-search"
        />
        {duplicate ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Side title={t('merge.keeps')} person={person} testId="merge-survivor" />
              <Side title={t('merge.mergedAway')} person={duplicate} testId="merge-duplicate" />
            </SimpleGrid>
            <Alert color="orange">
              {t('merge.confirmBody', { from: duplicate.registrationNumber, to: person.registrationNumber })}
            </Alert>
          </>
        ) : null}
        <FormAlert error={merge.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="orange"
            disabled={!duplicate}
            loading={merge.isPending}
            onClick={() => duplicate && merge.mutate(duplicate)}
            data-testid="confirm-merge"
          >
            {t('merge.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
