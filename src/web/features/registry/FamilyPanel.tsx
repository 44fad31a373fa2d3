import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { useFamily } from './api.ts';
import { PersonFacts, PersonLink } from './PersonParts.tsx';

/**
 * Family members detained with the person. Shown once the server answers GET /persons/:id/family;
 * a server without that route (404) shows nothing rather than an error.
 */
export function FamilyPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const family = useFamily(personId);
  if (family.isPending || (family.isError && isApiError(family.error, 404))) return null;
  const items = family.data?.items ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="family-title" data-testid="family">
      <Title order={2} size="h4" mb="sm" id="family-title">
        {t('person.family')}
      </Title>
      {family.isError ? <ErrorState error={family.error} onRetry={() => void family.refetch()} /> : null}
      {family.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('person.noFamily')}
        </Text>
      ) : null}
      <Stack gap="sm">
        {items.map((m) => (
          <Group key={m.person.id} justify="space-between" wrap="wrap" data-testid="family-row">
            <Stack gap={2}>
              <PersonLink person={m.person} />
              <PersonFacts person={m.person} />
            </Stack>
            <Text size="sm" fw={500}>
              {t(`person.relationships.${m.relationship}`, { defaultValue: m.relationship })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
