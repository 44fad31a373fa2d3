import { Button, Group } from '@mantine/core';
import {
  IconArrowsExchange,
  IconDoorEnter,
  IconDoorExit,
  IconGitMerge,
  IconPencil,
  IconPrinter,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.tsx';
import { can } from '../../components/record/record.ts';
import type { Person } from './api.ts';
import type { MovementKind } from './MovementDialog.tsx';

export type PersonAction = MovementKind | 'edit' | 'merge';

/** The buttons the server allows on this record (its `allowedActions`), nothing more. */
export function PersonActions({
  person,
  onAction,
}: {
  person: Person;
  onAction: (action: PersonAction) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      {can(person, 'update') ? (
        <Button
          variant="default"
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => onAction('edit')}
          data-testid="action-edit"
        >
          {t('person.edit')}
        </Button>
      ) : null}
      {can(person, 'admit') ? (
        <Button
          leftSection={<IconDoorEnter size={16} aria-hidden />}
          onClick={() => onAction('admission')}
          data-testid="action-admit"
        >
          {t('movement.actions.admission')}
        </Button>
      ) : null}
      {can(person, 'transfer') ? (
        <Button
          leftSection={<IconArrowsExchange size={16} aria-hidden />}
          onClick={() => onAction('transfer')}
          data-testid="action-transfer"
        >
          {t('movement.actions.transfer')}
        </Button>
      ) : null}
      {can(person, 'release') ? (
        <Button
          variant="light"
          leftSection={<IconDoorExit size={16} aria-hidden />}
          onClick={() => onAction('end')}
          data-testid="action-end"
        >
          {t('movement.actions.end')}
        </Button>
      ) : null}
      {can(person, 'merge') ? (
        <Button
          variant="light"
          color="orange"
          leftSection={<IconGitMerge size={16} aria-hidden />}
          onClick={() => onAction('merge')}
          data-testid="action-merge"
        >
          {t('merge.action')}
        </Button>
      ) : null}
      <ButtonLink
        to="/persons/$id/slip"
        params={{ id: person.id }}
        variant="default"
        leftSection={<IconPrinter size={16} aria-hidden />}
        data-testid="action-slip"
      >
        {t('print.slip')}
      </ButtonLink>
    </Group>
  );
}
