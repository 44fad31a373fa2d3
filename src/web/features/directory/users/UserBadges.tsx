import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../domain/directory/schemas.ts';
import { ActiveBadge } from '../../../components/list/ListParts.tsx';
import { isLocked } from './UserAdminActions.tsx';

export function UserBadges({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} component="span" wrap="wrap">
      <ActiveBadge active={user.active} />
      {isLocked(user) ? (
        <Badge color="orange" variant="light" data-testid="locked">
          {t('user.locked')}
        </Badge>
      ) : null}
      <Badge color={user.totpEnabled ? 'teal' : 'gray'} variant="outline">
        {user.totpEnabled ? t('user.totpOn') : t('user.totpOff')}
      </Badge>
    </Group>
  );
}
