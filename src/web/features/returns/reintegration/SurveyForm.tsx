import {
  Button,
  Group,
  Loader,
  Progress,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE_LABELS } from '../../../../domain/common/labels.ts';
import { LOCALES, type Locale } from '../../../../domain/common/schemas.ts';
import type { DimensionScores } from '../../../../domain/returns/reintegration.ts';
import { SURVEY_DIMENSIONS } from '../../../../domain/returns/sustainability.ts';
import { newIdempotencyKey } from '../../../api/client.ts';
import { ErrorState, FormAlert } from '../../../components/ErrorState.tsx';
import { useFormState } from '../../../components/form/useFormState.ts';
import { opt } from '../../../components/record/record.ts';
import { type FollowUp, recordSurvey, useActiveSurvey } from './api.ts';
import { byDimension, percent, today, unanswered } from './logic.ts';

const asLocale = (l: string): Locale => (LOCALES.includes(l as Locale) ? (l as Locale) : 'en');

/** Written out whole, so the strings' checks find every key. */
const DIMENSION_KEYS = {
  economic: 'reintegration.dimensions.economic',
  social: 'reintegration.dimensions.social',
  psychosocial: 'reintegration.dimensions.psychosocial',
  composite: 'reintegration.dimensions.composite',
} as const;

/** The scores of a follow-up: each dimension and the composite, 0–100. */
export function Scores({ scores }: { scores: DimensionScores }) {
  const { t } = useTranslation();
  const rows = [...SURVEY_DIMENSIONS, 'composite'] as const;
  return (
    <Stack gap={4} data-testid="scores">
      {rows.map((k) => (
        <Group key={k} gap="xs" wrap="nowrap" data-testid={`score-${k}`} data-score={scores[k]}>
          <Text size="xs" w={110} fw={k === 'composite' ? 700 : 400}>
            {t(DIMENSION_KEYS[k])}
          </Text>
          <Progress value={percent(scores[k])} style={{ flex: 1 }} aria-hidden />
          <Text size="xs" w={40} ta="end" className="sanad-ltr">
            {percent(scores[k])}%
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/**
 * The sustainability survey for one follow-up. The questions can be shown in any of the three
 * languages (the officer may read them to the person in theirs), whatever the interface's.
 */
export function SurveyForm({
  followUp,
  onDone,
  onCancel,
}: {
  followUp: FollowUp;
  onDone: () => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const survey = useActiveSurvey();
  const [lang, setLang] = useState<Locale>(asLocale(i18n.language));
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const form = useFormState({ doneOn: today(), note: '', answers: {} as Record<string, string> });
  if (survey.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (survey.isError) return <ErrorState error={survey.error} onRetry={() => void survey.refetch()} />;
  const { template } = survey.data;
  const answers = form.values.answers;
  const submit = async () => {
    const missing = unanswered(template, answers);
    if (missing.length) {
      form.setErrors(Object.fromEntries(missing.map((id) => [`answers.${id}`, t('validation.required')])));
      return;
    }
    setBusy(true);
    form.setRequestError(null);
    try {
      await recordSurvey(
        followUp.id,
        {
          doneOn: form.values.doneOn,
          answers,
          note: opt(form.values.note) ?? null,
          surveyId: survey.data.id,
        },
        key,
      );
      await onDone();
    } catch (e) {
      form.fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm" data-testid="survey-form">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" fw={600}>
          {template.title[lang]}
        </Text>
        <SegmentedControl
          size="xs"
          value={lang}
          onChange={(l) => setLang(l as Locale)}
          data={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l][l] }))}
          aria-label={t('reintegration.survey.language')}
          data-testid="survey-language"
        />
      </Group>
      <Stack gap="md" dir={lang === 'ar' ? 'rtl' : 'ltr'} lang={lang}>
        {byDimension(template).map(({ dimension, questions }) => (
          <Stack key={dimension.key} gap="xs">
            <Title order={3} size="h5">
              {dimension.label[lang]}
            </Title>
            {questions.map((q) => (
              <Radio.Group
                key={q.id}
                label={q.label[lang]}
                value={answers[q.id] ?? null}
                onChange={(a) => {
                  form.set('answers', { ...answers, [q.id]: a });
                  form.setErrors((e) =>
                    Object.fromEntries(Object.entries(e).filter(([k]) => k !== `answers.${q.id}`)),
                  );
                }}
                error={form.errors[`answers.${q.id}`]}
                data-testid={`survey-q-${q.id}`}
              >
                <Group gap="sm" mt={4} wrap="wrap">
                  {q.options.map((o) => (
                    <Radio
                      key={o.value}
                      value={o.value}
                      label={o.label[lang]}
                      data-testid={`survey-${q.id}-${o.value}`}
                    />
                  ))}
                </Group>
              </Radio.Group>
            ))}
          </Stack>
        ))}
      </Stack>
      <Group grow wrap="wrap" align="flex-start">
        <TextInput
          type="date"
          label={t('reintegration.followUps.doneOn')}
          required
          max={today()}
          {...form.text('doneOn')}
        />
      </Group>
      <Textarea
        label={t('reintegration.followUps.note')}
        autosize
        minRows={2}
        value={form.values.note}
        onChange={(e) => form.set('note', e.currentTarget.value)}
      />
      <FormAlert error={form.requestError} />
      <Group gap="xs">
        <Button onClick={() => void submit()} loading={busy} data-testid="survey-save">
          {t('reintegration.followUps.record')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
