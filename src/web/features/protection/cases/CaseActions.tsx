import { Button, Group, Menu, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import {
  IconArrowBackUp,
  IconChevronDown,
  IconFolderOff,
  IconPlayerPause,
  IconTransfer,
  IconUserCheck,
} from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { serverErrors } from '../../../components/form/fieldErrors.ts';
import { can, opt } from '../../../components/record/record.ts';
import { type ProtectionCase, patchCase, useProtectionRefresh } from '../api.ts';
import { useAssigneeOptions, useOrganisationOptions } from '../options.ts';

const ACTIONS = [
  { action: 'assign', icon: IconUserCheck },
  { action: 'hand_over', icon: IconTransfer },
  { action: 'hold', icon: IconPlayerPause },
  { action: 'close', icon: IconFolderOff },
  { action: 'reopen', icon: IconArrowBackUp },
] as const;
type Action = (typeof ACTIONS)[number]['action'];

/**
 * Assign, hand over, put on hold, close with a reason, reopen: each only when the server allows it.
 * `menu`: behind one "Actions" button (list rows, which must fit a phone), else a row of buttons.
 */
export function CaseActions({
  record: c,
  onSaved,
  size = 'xs',
  menu = false,
}: {
  record: ProtectionCase;
  onSaved?: (c: ProtectionCase) => void;
  size?: 'xs' | 'compact-sm';
  menu?: boolean;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  // kept while the dialog closes, so its title does not vanish mid-animation
  const [shown, setShown] = useState<Action>('assign');
  const allowed = ACTIONS.filter((a) => can(c, a.action));
  if (allowed.length === 0) return null;
  const open = (a: Action) => {
    setShown(a);
    setAction(a);
  };
  return (
    <>
      {menu ? (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size={size}
              variant="default"
              rightSection={<IconChevronDown size={14} aria-hidden />}
              aria-label={`${t('common.actions')}: ${c.personName}`}
              data-testid="case-actions-menu"
            >
              {t('common.actions')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {allowed.map(({ action: a, icon: Icon }) => (
              <Menu.Item
                key={a}
                color={a === 'close' ? 'red.9' : undefined}
                leftSection={<Icon size={14} aria-hidden />}
                onClick={() => open(a)}
                data-testid={`case-${a}`}
              >
                {t(`case.actions.${a}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ) : (
        <Group gap={4} wrap="wrap">
          {allowed.map(({ action: a, icon: Icon }) => (
            <Button
              key={a}
              size={size}
              variant={a === 'close' ? 'light' : 'default'}
              color={a === 'close' ? 'red' : undefined}
              leftSection={<Icon size={14} aria-hidden />}
              onClick={() => open(a)}
              aria-label={`${t(`case.actions.${a}`)}: ${c.personName}`}
              data-testid={`case-${a}`}
            >
              {t(`case.actions.${a}`)}
            </Button>
          ))}
        </Group>
      )}
      <Modal
        opened={action !== null}
        onClose={() => setAction(null)}
        title={t(`case.titles.${shown}`, { name: c.personName })}
      >
        {action ? (
          <CaseActionForm
            key={action}
            record={c}
            action={action}
            onCancel={() => setAction(null)}
            onDone={(u) => {
              setAction(null);
              onSaved?.(u);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

function CaseActionForm({
  record: c,
  action,
  onCancel,
  onDone,
}: {
  record: ProtectionCase;
  action: Action;
  onCancel: () => void;
  onDone: (c: ProtectionCase) => void;
}) {
  const { t } = useTranslation();
  const refresh = useProtectionRefresh();
  const assignees = useAssigneeOptions({ id: c.assignedUserId, name: c.assignedUsername }, c.personId);
  const orgs = useOrganisationOptions(action === 'hand_over');
  const [assignee, setAssignee] = useState<string | null>(c.assignedUserId);
  const [organisation, setOrganisation] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const changes = (): object | null => {
    if (action === 'assign') return assignee ? { assignedUserId: assignee } : null;
    if (action === 'hand_over')
      return organisation ? { organisationId: organisation, assignedUserId: null } : null;
    if (action === 'close') return opt(reason) ? { status: 'closed', closeReason: opt(reason) } : null;
    return { status: action === 'hold' ? 'on_hold' : 'open' };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = changes();
    setMissing(body ? null : t('validation.required'));
    if (!body) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await patchCase(c, body);
      await refresh(c.personId);
      onDone(updated);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldErrors = isApiError(error) ? serverErrors(error.errors, t) : {};

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="case-form">
      <Stack>
        <Text size="sm">{t(`case.bodies.${action}`)}</Text>
        {action === 'assign' ? (
          <Select
            label={t('case.assignee')}
            required
            searchable
            allowDeselect={false}
            data={assignees}
            value={assignee}
            onChange={setAssignee}
            error={missing ?? fieldErrors.assignedUserId}
            data-testid="case-assignee"
          />
        ) : null}
        {action === 'hand_over' ? (
          <Select
            label={t('case.toOrganisation')}
            required
            searchable
            allowDeselect={false}
            data={orgs.options.filter((o) => o.value !== c.organisationId)}
            value={organisation}
            onChange={setOrganisation}
            error={missing ?? fieldErrors.organisationId}
            nothingFoundMessage={t('common.noResults')}
            data-testid="case-organisation"
          />
        ) : null}
        {action === 'close' ? (
          <TextInput
            label={t('case.closeReason')}
            required
            dir="auto"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={missing ?? fieldErrors.closeReason}
            data-testid="case-close-reason"
          />
        ) : null}
        <FormAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={busy}
            color={action === 'close' ? 'red' : undefined}
            data-testid="case-save"
          >
            {t(`case.actions.${action}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
