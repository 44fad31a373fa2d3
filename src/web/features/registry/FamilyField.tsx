import { ActionIcon, Group, Select, Stack, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { RELATIONSHIPS } from '../../../domain/registry/schemas.ts';
import type { FieldErrors } from '../../components/form/fieldErrors.ts';
import type { Person } from './api.ts';
import { PersonFacts, PersonName } from './PersonParts.tsx';
import { PersonPicker } from './PersonPicker.tsx';

export interface Relative {
  person: Person;
  relationship: string | null;
}

/** Family members detained with the person: picked among registered people, each with a relationship. */
export function FamilyField({
  value,
  onChange,
  errors,
}: {
  value: Relative[];
  onChange: (next: Relative[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const relationships = RELATIONSHIPS.map((r) => ({ value: r, label: t(`person.relationships.${r}`) }));
  return (
    <Stack gap="xs">
      <PersonPicker
        label={t('register.family')}
        description={t('register.familyHelp')}
        exclude={value.map((r) => r.person.id)}
        onPick={(person) => onChange([...value, { person, relationship: null }])}
        error={errors.family}
        testId="family-search"
      />
      {value.map((r, i) => (
        <Group
          key={r.person.id}
          justify="space-between"
          align="flex-end"
          wrap="wrap"
          data-testid="family-member"
        >
          <Stack gap={2}>
            <PersonName person={r.person} strong />
            <PersonFacts person={r.person} />
            {errors[`family.${i}.personId`] ? (
              <Text size="xs" c="red">
                {errors[`family.${i}.personId`]}
              </Text>
            ) : null}
          </Stack>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <Select
              label={t('person.relationship')}
              required
              data={relationships}
              value={r.relationship}
              onChange={(rel) => onChange(value.map((x, j) => (j === i ? { ...x, relationship: rel } : x)))}
              error={errors[`family.${i}.relationship`]}
              w={200}
              data-testid={`family-relationship-${i}`}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={2}
              aria-label={t('register.removeRelative')}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
