import { Group, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.tsx';
import { Panel } from '../../components/panels.tsx';
import { useMayRegister } from './capabilities.ts';

/** On the home page of those who work with people: find someone, or register a new arrival. */
export function RegistryPanel() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mayRegister = useMayRegister();
  const [q, setQ] = useState('');
  return (
    <Panel title={t('modules.registry')} testId="registry-panel">
      <Text size="sm" c="dimmed" mb="sm">
        {t('registry.subtitle')}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void navigate({ to: '/registry', search: { q: q.trim() || undefined } });
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('registry.searchLabel')}
            placeholder={t('registry.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            type="search"
            style={{ flexGrow: 1 }}
            data-testid="home-registry-search"
          />
          {mayRegister ? (
            <ButtonLink
              to="/registry/new"
              variant="light"
              leftSection={<IconUserPlus size={16} aria-hidden />}
            >
              {t('register.title')}
            </ButtonLink>
          ) : null}
        </Group>
      </form>
    </Panel>
  );
}
