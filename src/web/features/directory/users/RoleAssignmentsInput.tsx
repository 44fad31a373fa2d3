import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../../domain/access/roles.ts';
import type { RoleAssignment } from '../../../../domain/directory/schemas.ts';

export interface RoleRow {
  role: string | null;
  scope: 'mission' | 'centres';
  centreIds: string[];
}

export const toRows = (roles: readonly RoleAssignment[]): RoleRow[] =>
  roles.map((r) => ({
    role: r.role,
    scope: r.centreIds.length ? 'centres' : 'mission',
    centreIds: [...r.centreIds],
  }));

export const fromRows = (rows: readonly RoleRow[]) =>
  rows.map((r) => ({ role: r.role ?? undefined, centreIds: r.scope === 'mission' ? [] : r.centreIds }));

/** Rows that say "specific centres" but name none: the whole mission would be a silent widening. */
export const rowsMissingCentres = (rows: readonly RoleRow[]): number[] =>
  rows.flatMap((r, i) => (r.scope === 'centres' && r.centreIds.length === 0 ? [i] : []));

export function RoleAssignmentsInput({
  value,
  onChange,
  errors,
  centres,
  readOnly,
}: {
  value: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  errors: Record<string, string>;
  centres: { value: string; label: string }[];
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<RoleRow>) =>
    onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));

  return (
    <Stack gap="xs" data-testid="role-assignments">
      <Text fw={500} size="sm">
        {t('user.roles')}{' '}
        <Text span c="red" aria-hidden>
          *
        </Text>
      </Text>
      <Text size="xs" c="dimmed">
        {t('user.rolesHelp')}
      </Text>
      {errors.roles ? (
        <Text size="xs" c="red" role="alert">
          {errors.roles}
        </Text>
      ) : null}
      {value.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
        <Paper key={i} withBorder p="sm" data-testid={`role-row-${i}`}>
          <Group align="flex-start" wrap="wrap" gap="sm">
            <Select
              label={t('user.role')}
              required
              readOnly={readOnly}
              data={roleOptions}
              value={row.role}
              onChange={(v) => update(i, { role: v })}
              error={errors[`roles.${i}.role`]}
              w={220}
              data-testid={`role-select-${i}`}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id={`scope-label-${i}`}>
                {t('user.scope')}
              </Text>
              <SegmentedControl
                aria-labelledby={`scope-label-${i}`}
                readOnly={readOnly}
                value={row.scope}
                onChange={(v) => update(i, { scope: v as RoleRow['scope'] })}
                data={[
                  { value: 'mission', label: t('user.wholeMission') },
                  { value: 'centres', label: t('user.specificCentres') },
                ]}
                data-testid={`scope-${i}`}
              />
            </Stack>
            {row.scope === 'centres' ? (
              <MultiSelect
                label={t('user.centres')}
                required
                readOnly={readOnly}
                searchable
                data={centres}
                value={row.centreIds}
                onChange={(ids) => update(i, { centreIds: ids })}
                error={errors[`roles.${i}.centreIds`]}
                nothingFoundMessage={t('common.noResults')}
                miw={240}
                style={{ flexGrow: 1 }}
                data-testid={`centres-select-${i}`}
              />
            ) : null}
            {readOnly || value.length <= 1 ? null : (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={t('user.removeRole')}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        </Paper>
      ))}
      {readOnly ? null : (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange([...value, { role: null, scope: 'mission', centreIds: [] }])}
            data-testid="add-role"
          >
            {t('user.addRole')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
