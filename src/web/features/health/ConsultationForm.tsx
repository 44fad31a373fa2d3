import {
  Button,
  Group,
  Kbd,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Consultation,
  consultationCreate,
  DEHYDRATION,
  FITNESS,
  type Fitness,
  OUTCOMES,
  type Outcome,
} from '../../../domain/health/consultations.ts';
import { newIdempotencyKey } from '../../api/client.ts';
import { FormAlert } from '../../components/ErrorState.tsx';
import { unplacedErrors } from '../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../components/form/Notes.tsx';
import { useFormState } from '../../components/form/useFormState.ts';
import { useCapabilities } from '../../components/RequireCapability.tsx';
import { useItems, useOnHand } from '../supplies/api.ts';
import { type ClinicSession, postConsultation, type QueueRow } from './api.ts';
import { DiagnosisPicker } from './DiagnosisPicker.tsx';
import {
  crossChecks,
  type Dehydration,
  emptyForm,
  isSaveShortcut,
  onHandByItem,
  toPayload,
} from './logic.ts';
import { PrescriptionLines } from './PrescriptionLines.tsx';
import { VitalsRow } from './VitalsRow.tsx';

/** Fields the form shows in place; any other error is listed above the save button. */
const PLACED = [
  'complaint',
  'vitals',
  'dehydration',
  'diagnoses',
  'treatmentNotes',
  'prescriptions',
  'outcome',
  'followUpOn',
  'fitness',
];

/** MUAC is taken on children (under 18, or of unknown age). */
const isChild = (age: number | null) => age === null || age < 18;

/**
 * One consultation, keyboard first: complaint, vitals, dehydration, diagnoses, treatment,
 * prescriptions, outcome, fitness to travel; Ctrl+Enter saves from any field. Checked by the
 * shared schema before it is sent; the server's field errors land beside their fields. Nothing is
 * kept in browser storage: a save that meets an expired session waits for the sign-in and is sent
 * again by the API client, the form staying as it was.
 */
export function ConsultationForm({
  session,
  entry,
  onSaved,
  onCancel,
}: {
  session: ClinicSession;
  entry: QueueRow;
  onSaved: (c: Consultation) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const has = useCapabilities();
  const canDispense = has('consultations:dispense');
  const form = useFormState(emptyForm());
  const { values: v, set, errors } = form;
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const items = useItems();
  const stock = useOnHand(session.stockPointId);
  const onHand = stock.data ? onHandByItem(stock.data.items) : null;

  const save = async () => {
    if (busy) return;
    const payload = toPayload(v, { sessionId: session.id, personId: entry.personId, queueEntryId: entry.id });
    const extra = Object.fromEntries(Object.entries(crossChecks(v)).map(([k, key]) => [k, t(key)]));
    const parsed = form.validate(consultationCreate, payload, extra);
    if (!parsed) return;
    setBusy(true);
    try {
      onSaved(await postConsultation(parsed, key));
    } catch (e) {
      form.fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if (isSaveShortcut(e)) {
          e.preventDefault();
          void save();
        }
      }}
      aria-label={t('health.consult.title')}
      data-testid="consultation-form"
    >
      <Stack gap="md">
        <Part title={t('health.consult.nurse')}>
          <Textarea
            label={t('health.consult.complaint')}
            autosize
            minRows={2}
            autoFocus
            {...form.text('complaint')}
            onChange={(e) => set('complaint', e.currentTarget.value)}
            data-testid="complaint"
          />
          <VitalsRow
            value={v.vitals}
            onChange={(x) => set('vitals', x)}
            errors={errors}
            showMuac={isChild(entry.ageYears)}
          />
          <Choice
            label={t('health.consult.dehydration')}
            value={v.dehydration}
            onChange={(x) => set('dehydration', x as Dehydration)}
            options={DEHYDRATION.map((d) => ({ value: d, label: t(`health.dehydration.${d}`) }))}
            testId="dehydration"
          />
        </Part>
        <Part title={t('health.consult.doctor')}>
          <DiagnosisPicker value={v.diagnoses} onChange={(x) => set('diagnoses', x)} errors={errors} />
          <Textarea
            label={t('health.consult.treatmentNotes')}
            description={t('health.consult.treatmentHelp')}
            autosize
            minRows={2}
            {...form.text('treatmentNotes')}
            onChange={(e) => set('treatmentNotes', e.currentTarget.value)}
            data-testid="treatment-notes"
          />
          <Text size="sm" fw={500}>
            {t('health.rx.title')}
          </Text>
          <PrescriptionLines
            value={v.prescriptions}
            onChange={(x) => set('prescriptions', x)}
            items={items.data ?? []}
            onHand={onHand}
            canDispense={canDispense}
            errors={errors}
          />
        </Part>
        <Part title={t('health.consult.outcomeTitle')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Choice
              label={t('health.consult.outcome')}
              value={v.outcome}
              onChange={(x) => set('outcome', x as Outcome)}
              options={OUTCOMES.map((o) => ({ value: o, label: t(`health.outcomes.${o}`) }))}
              testId="outcome"
            />
            {v.outcome === 'follow_up' ? (
              <TextInput
                type="date"
                label={t('health.consult.followUpOn')}
                {...form.text('followUpOn')}
                onChange={(e) => set('followUpOn', e.currentTarget.value)}
                data-testid="follow-up-on"
              />
            ) : null}
            <NativeSelect
              label={t('health.consult.fitness')}
              value={v.fitnessStatus}
              onChange={(e) => set('fitnessStatus', e.currentTarget.value as Fitness | '')}
              data={[
                { value: '', label: t('health.consult.fitnessNone') },
                ...FITNESS.map((f) => ({ value: f, label: t(`health.fitness.${f}`) })),
              ]}
              error={errors['fitness.status']}
              data-testid="fitness-status"
            />
            {v.fitnessStatus ? (
              <TextInput
                type="date"
                label={t('health.consult.validUntil')}
                value={v.fitnessValidUntil}
                onChange={(e) => set('fitnessValidUntil', e.currentTarget.value)}
                error={errors['fitness.validUntil'] ?? errors.fitness}
                data-testid="fitness-valid-until"
              />
            ) : null}
          </SimpleGrid>
        </Part>
        <OtherErrors messages={unplacedErrors(errors, PLACED)} />
        <FormAlert error={form.requestError} />
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            <Kbd>Ctrl</Kbd> + <Kbd>Enter</Kbd> {t('health.consult.keys')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel} data-testid="consult-cancel">
              {t('common.cancel')}
            </Button>
            <Button
              type="button"
              onClick={() => void save()}
              loading={busy}
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              data-testid="consult-save"
            >
              {t('health.consult.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Stack gap="sm">
        <Title order={2} size="h5">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** A radio row (arrow keys move within it) that wraps on a phone. */
function Choice({
  label,
  value,
  onChange,
  options,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  testId: string;
}) {
  return (
    <Radio.Group label={label} value={value} onChange={onChange} data-testid={testId}>
      <Group gap="md" mt={6} wrap="wrap">
        {options.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} />
        ))}
      </Group>
    </Radio.Group>
  );
}
