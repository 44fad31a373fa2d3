import { Alert, Badge, Button, Group, List, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from '../../api/client.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { type FieldErrors, normalisePath, unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { formatDate } from '../../i18n/format.ts';
import { latinName, RegistrationNumber } from '../registry/PersonParts.tsx';
import {
  type Distribution,
  type DistributionPerson,
  type EligibilityWarning,
  fetchPeople,
  type Item,
  postRecipient,
  useAssistanceRefresh,
} from './api.ts';
import { useAssistanceLabels } from './labels.ts';
import {
  defaultQuantities,
  lastPrevious,
  type Quantities,
  recipientBody,
  rowLines,
  rowProblem,
} from './logic.ts';

/** The server's errors about one sent line (its quantity, lot or item), joined. */
function lineError(errors: FieldErrors, index: number): string | undefined {
  if (index < 0) return undefined;
  const found = Object.entries(errors).filter(
    ([k]) => k.startsWith(`lines.${index}.`) || k === `lines.${index}`,
  );
  return found.length ? found.map(([, v]) => v).join('; ') : undefined;
}

/** One person's row: a quantity per item of the event, the warnings, the reason, Enter saves. */
export function RecipientRow({
  person,
  distribution,
  items,
  already,
  onDone,
}: {
  /** as the event's search found them, with the rules its items would cross for them */
  person: DistributionPerson;
  distribution: Distribution;
  items: Map<string, Item>;
  already: boolean;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const l = useAssistanceLabels();
  const refresh = useAssistanceRefresh();
  const form = useFormState({ reason: '' });
  const [quantities, setQuantities] = useState<Quantities>(() => defaultQuantities(distribution.itemIds));
  const [warnings, setWarnings] = useState<EligibilityWarning[]>(person.warnings);
  // the items of the lines last sent: the server's `lines.N…` errors point into them
  const [sent, setSent] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const firstRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLInputElement>(null);

  useEffect(() => firstRef.current?.focus(), []);

  /** The person's warnings now, asked of the event again (by their number, which finds them first). */
  const recheck = async () => {
    const again = await fetchPeople(distribution.id, person.registrationNumber, 5);
    setWarnings(again.items.find((p) => p.id === person.id)?.warnings ?? []);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const lines = rowLines(distribution.itemIds, quantities);
      const problem = rowProblem(lines, warnings, form.values.reason);
      if (problem) {
        form.setErrors(
          problem === 'nothing'
            ? { lines: t('assistance.entry.nothing') }
            : { reason: t('assistance.entry.reasonNeeded') },
        );
        if (problem === 'reasonNeeded') reasonRef.current?.focus();
        return;
      }
      setSent(lines.map((x) => x.itemId));
      const saved = await postRecipient(
        distribution.id,
        recipientBody(person.id, lines, warnings, form.values.reason),
        idempotencyKey,
      );
      await refresh(saved, person.id, true);
      onDone(true);
    } catch (error) {
      form.fail(error);
      // the server saw a rule the row did not (e.g. another line saved meanwhile): show it
      if (isApiError(error, 422) && error.errors.some((x) => normalisePath(x.path) === 'overrideReason'))
        await recheck().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="recipient-row"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone(false);
      }}
    >
      <Stack gap="sm">
        <Group gap="sm" wrap="wrap">
          <Text fw={600}>
            <bdi data-testid="recipient-name">{latinName(person)}</bdi>
          </Text>
          <RegistrationNumber value={person.registrationNumber} />
          {already ? (
            <Badge color="gray" variant="light">
              {t('assistance.entry.servedHere')}
            </Badge>
          ) : null}
        </Group>
        <Group gap="sm" align="flex-end" wrap="wrap">
          {distribution.itemIds.map((id, i) => {
            const item = items.get(id);
            return (
              <NumberInput
                key={id}
                ref={i === 0 ? firstRef : undefined}
                label={item ? l.name(item) : id}
                description={item ? l.category(item.category) : undefined}
                min={0}
                max={100_000}
                allowDecimal={false}
                allowNegative={false}
                value={quantities[id] ?? ''}
                onChange={(n) => {
                  setQuantities((q) => ({ ...q, [id]: n }));
                  form.setErrors({});
                }}
                error={lineError(form.errors, sent.indexOf(id))}
                w={160}
                data-testid="recipient-quantity"
              />
            );
          })}
        </Group>
        {form.errors.lines ? (
          <Text size="sm" c="red" role="alert">
            {form.errors.lines}
          </Text>
        ) : null}
        {warnings.length > 0 ? (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('assistance.entry.warningTitle')}
            data-testid="eligibility-warnings"
          >
            <List size="sm" spacing={2}>
              {warnings.map((w) => (
                <List.Item key={w.category} data-testid="eligibility-warning">
                  {t('assistance.entry.warning', {
                    category: l.category(w.category),
                    allowed: w.allowed,
                    days: w.intervalDays,
                    date: formatDate(lastPrevious(w) ?? ''),
                  })}
                </List.Item>
              ))}
            </List>
            <TextInput
              ref={reasonRef}
              mt="sm"
              label={t('assistance.entry.reason')}
              description={t('assistance.entry.reasonHelp')}
              required
              dir="auto"
              {...form.text('reason')}
              error={form.errors.reason ?? form.errors.overrideReason}
              data-testid="override-reason"
            />
          </Alert>
        ) : null}
        <FormAlert error={form.requestError} />
        <OtherErrors
          messages={unplacedErrors(form.errors, ['lines', 'reason', 'overrideReason', 'personId'])}
        />
        <Group gap="xs">
          <Button type="submit" loading={busy} data-testid="recipient-save">
            {t('assistance.entry.save')}
          </Button>
          <Button variant="default" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
