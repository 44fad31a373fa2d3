import {
  Alert,
  Button,
  Checkbox,
  CloseButton,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Centre } from '../../../../domain/directory/schemas.ts';
import {
  COUNSELLING_SESSION_KINDS,
  type CounsellingSessionKind,
  GROUP_SIZE,
  MHPSS_INTERVENTIONS,
  NOTES_MAX,
  PRESENTING_PROBLEMS,
} from '../../../../domain/health/counselling.ts';
import {
  DISTRESS_INSTRUMENTS,
  SELF_HARM_ANSWERS,
  type SelfHarmAnswer,
} from '../../../../domain/health/distress.ts';
import { FormAlert } from '../../../components/ErrorState.tsx';
import { unplacedErrors } from '../../../components/form/fieldErrors.ts';
import { OtherErrors } from '../../../components/form/Notes.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { useAllOf } from '../../../components/list/useAllOf.ts';
import { latinName } from '../../registry/PersonParts.tsx';
import { PersonPicker } from '../../registry/PersonPicker.tsx';
import { DistressQuestionnaire } from './DistressQuestionnaire.tsx';
import {
  type Instrument,
  type SessionValues,
  takesMeasure,
  willCreateUrgentFollowUp,
  withInstrument,
} from './session-form.ts';

const PLACED = [
  'kind',
  'personIds',
  'centreId',
  'heldOn',
  'durationMinutes',
  'presentingProblems',
  'measure',
  'interventions',
  'notes',
  'nextSessionOn',
  'interpreterUsed',
];

/**
 * A counselling session, new or edited: who, where, when, the problems presented, the distress
 * questionnaire (individual sessions), the self-harm question, interventions, notes, next session.
 * `submit` validates with the shared schema and sends; the server's field errors come back in place.
 */
export function SessionForm<B>({
  initial,
  submitLabel,
  schema,
  toPayload,
  send,
  onCancel,
}: {
  initial: SessionValues;
  submitLabel: string;
  /** the shared schema the payload must pass before it is sent */
  schema: z.ZodType<B>;
  toPayload: (v: SessionValues) => unknown;
  send: (body: B) => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormState<SessionValues>(initial);
  const { values: v, set, errors } = form;
  const [busy, setBusy] = useState(false);
  const centres = useAllOf<Centre>('centres', { active: 'true' });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const body = form.validate(schema, toPayload(v));
      if (body !== null) await send(body);
    } catch (err) {
      form.fail(err);
    } finally {
      setBusy(false);
    }
  };

  const single = v.kind === 'individual';
  const full = single ? v.people.length >= 1 : v.people.length >= GROUP_SIZE.max;
  const measureError = errors['measure.answers'] ?? errors.measure;

  return (
    <form onSubmit={onSubmit} noValidate data-testid="session-form">
      <Stack>
        <Paper withBorder p="lg">
          <Stack>
            <Stack gap={4}>
              <Text size="sm" fw={500} id="session-kind-label">
                {t('counselling.fields.kind')}
              </Text>
              <div>
                <SegmentedControl
                  aria-labelledby="session-kind-label"
                  value={v.kind}
                  onChange={(k) => {
                    set('kind', k as CounsellingSessionKind);
                    if (k === 'individual' && v.people.length > 1) set('people', v.people.slice(0, 1));
                  }}
                  data={COUNSELLING_SESSION_KINDS.map((k) => ({
                    value: k,
                    label: t(`counselling.kinds.${k}`),
                  }))}
                  data-testid="session-kind"
                />
              </div>
            </Stack>
            <Stack gap={6}>
              {full ? null : (
                <PersonPicker
                  label={single ? t('counselling.fields.person') : t('counselling.fields.addPerson')}
                  exclude={v.people.map((p) => p.id)}
                  error={errors.personIds}
                  testId="session-person"
                  onPick={(p) => {
                    set('people', [
                      ...v.people,
                      {
                        id: p.id,
                        name: latinName(p),
                        registrationNumber: p.registrationNumber,
                        centreId: p.current?.centreId,
                      },
                    ]);
                    if (!v.centreId && p.current) set('centreId', p.current.centreId);
                  }}
                />
              )}
              {v.people.length > 0 ? (
                <Group gap="xs" data-testid="session-people">
                  {v.people.map((p) => (
                    <Paper key={p.id} withBorder px="sm" py={4} radius="xl">
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm">
                          <bdi>{p.name}</bdi> · <span className="sanad-ltr">{p.registrationNumber}</span>
                        </Text>
                        <CloseButton
                          size="sm"
                          aria-label={t('counselling.form.removePerson', { name: p.name })}
                          onClick={() =>
                            set(
                              'people',
                              v.people.filter((x) => x.id !== p.id),
                            )
                          }
                        />
                      </Group>
                    </Paper>
                  ))}
                </Group>
              ) : null}
              {full && errors.personIds ? (
                <Text c="red.8" size="sm">
                  {errors.personIds}
                </Text>
              ) : null}
            </Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('counselling.fields.centre')}
                searchable
                data={(centres.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                value={v.centreId}
                onChange={(c) => set('centreId', c)}
                error={errors.centreId}
                nothingFoundMessage={t('common.noResults')}
                data-testid="session-centre"
              />
              <TextInput
                type="date"
                label={t('counselling.fields.heldOn')}
                {...form.text('heldOn')}
                data-testid="session-date"
              />
              <NumberInput
                label={t('counselling.fields.duration')}
                min={5}
                max={240}
                step={5}
                allowDecimal={false}
                value={v.durationMinutes}
                onChange={(n) => set('durationMinutes', typeof n === 'number' ? n : '')}
                error={errors.durationMinutes}
                data-testid="session-duration"
              />
            </SimpleGrid>
            <MultiSelect
              label={t('counselling.fields.problems')}
              data={PRESENTING_PROBLEMS.map((p) => ({ value: p, label: t(`counselling.problems.${p}`) }))}
              value={v.presentingProblems}
              onChange={(p) => set('presentingProblems', p)}
              error={errors.presentingProblems}
              searchable
              data-testid="session-problems"
            />
          </Stack>
        </Paper>

        {single ? (
          <Paper withBorder p="lg">
            <Stack>
              <Title order={2} size="h4">
                {t('counselling.form.measure')}
              </Title>
              <Select
                label={t('counselling.fields.instrument')}
                data={[
                  ...DISTRESS_INSTRUMENTS.map((i) => ({
                    value: i,
                    label: t(`counselling.instruments.${i}`),
                  })),
                  { value: 'none', label: t('counselling.form.noMeasure') },
                ]}
                value={v.instrument}
                allowDeselect={false}
                onChange={(i) => i && form.setValues((old) => withInstrument(old, i as Instrument))}
                maw={420}
                data-testid="session-instrument"
              />
              {takesMeasure(v) ? (
                <>
                  <DistressQuestionnaire
                    instrument={v.instrument as 'k10' | 'k6'}
                    answers={v.answers}
                    onChange={(a) => set('answers', a)}
                    error={measureError}
                  />
                  <Radio.Group
                    label={t('counselling.selfHarm.question')}
                    value={v.selfHarmThoughts}
                    onChange={(a) => set('selfHarmThoughts', a as SelfHarmAnswer)}
                    error={errors['measure.selfHarmThoughts']}
                    data-testid="self-harm"
                  >
                    <Group gap="md" mt={4}>
                      {SELF_HARM_ANSWERS.map((a) => (
                        <Radio key={a} value={a} label={t(`counselling.selfHarmAnswers.${a}`)} />
                      ))}
                    </Group>
                  </Radio.Group>
                </>
              ) : null}
            </Stack>
          </Paper>
        ) : null}

        {willCreateUrgentFollowUp(v) ? (
          <Alert
            color="red"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('counselling.form.urgentTitle')}
            role="alert"
            data-testid="urgent-notice"
          >
            {t('counselling.form.urgentBody')}
          </Alert>
        ) : null}

        <Paper withBorder p="lg">
          <Stack>
            <MultiSelect
              label={t('counselling.fields.interventions')}
              data={MHPSS_INTERVENTIONS.map((i) => ({
                value: i,
                label: t(`counselling.interventions.${i}`),
              }))}
              value={v.interventions}
              onChange={(i) => set('interventions', i)}
              error={errors.interventions}
              searchable
              data-testid="session-interventions"
            />
            <Textarea
              label={t('counselling.fields.notes')}
              description={t('counselling.form.notesHelp')}
              autosize
              minRows={4}
              maxLength={NOTES_MAX}
              {...form.text('notes')}
              onChange={(e) => set('notes', e.currentTarget.value)}
              data-testid="session-notes"
            />
            <Group align="flex-end" gap="lg" wrap="wrap">
              <TextInput
                type="date"
                label={t('counselling.fields.nextSession')}
                {...form.text('nextSessionOn')}
                data-testid="session-next"
              />
              <Checkbox
                label={t('counselling.fields.interpreter')}
                checked={v.interpreterUsed}
                onChange={(e) => set('interpreterUsed', e.currentTarget.checked)}
                mb={8}
                data-testid="session-interpreter"
              />
            </Group>
          </Stack>
        </Paper>

        <OtherErrors messages={unplacedErrors(errors, PLACED)} />
        <FormAlert error={form.requestError} />
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={busy} data-testid="session-save">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
