import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCircleCheck, IconCircleOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { can } from '../../../components/record/record.ts';

interface Versioned {
  id: string;
  version: number;
  active: boolean;
  allowedActions: string[];
}

/** Deactivate / reactivate one record, after a confirmation; shown only when the server allows it. */
export function StatusActions<T extends Versioned>({
  resource,
  record,
  name,
  onSaved,
}: {
  resource: string;
  record: T;
  name: string;
  onSaved: (updated: T) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  // fixed when the dialog opens, so its text does not flip while it closes after the save
  const [deactivating, setDeactivating] = useState(record.active);
  const mutation = useMutation({
    mutationFn: () =>
      api.patch<T>(`/${resource}/${record.id}`, { version: record.version, active: !record.active }),
    onSuccess: async (updated) => {
      close();
      onSaved(updated);
      await queryClient.invalidateQueries({ queryKey: [resource] });
    },
  });

  const allowed = record.active
    ? can(record, 'deactivate')
    : can(record, 'reactivate') || can(record, 'deactivate');
  if (!allowed) return null;

  return (
    <>
      <Button
        variant="light"
        color={record.active ? 'red' : 'teal'}
        leftSection={
          record.active ? <IconCircleOff size={16} aria-hidden /> : <IconCircleCheck size={16} aria-hidden />
        }
        onClick={() => {
          mutation.reset();
          setDeactivating(record.active);
          open();
        }}
        data-testid={record.active ? 'deactivate' : 'reactivate'}
      >
        {record.active ? t('directory.deactivate') : t('directory.reactivate')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={deactivating ? t('directory.deactivateTitle') : t('directory.reactivateTitle')}
      >
        <Stack>
          <Text size="sm">
            {deactivating ? t('directory.deactivateBody', { name }) : t('directory.reactivateBody', { name })}
          </Text>
          <FormAlert error={mutation.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color={deactivating ? 'red' : 'teal'}
              loading={mutation.isPending}
              onClick={() => mutation.mutate()}
              data-testid="confirm-status"
            >
              {deactivating ? t('directory.deactivate') : t('directory.reactivate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
