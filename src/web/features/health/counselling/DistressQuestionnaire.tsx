import { Badge, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DISTRESS_ANSWERS,
  DISTRESS_ITEMS,
  type DistressInstrument,
} from '../../../../domain/health/distress.ts';
import { formatNumber } from '../../../i18n/format.ts';
import { BAND_COLOURS } from './SessionParts.tsx';
import { answer, answerForKey, liveScore } from './session-form.ts';

/**
 * The K10 or K6: each question's five answers as a row of radios. Typing 1–5 on a question
 * answers it and moves to the next unanswered one, so the questionnaire is done without a mouse.
 */
export function DistressQuestionnaire({
  instrument,
  answers,
  onChange,
  error,
}: {
  instrument: DistressInstrument;
  answers: (number | null)[];
  onChange: (answers: (number | null)[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const rows = useRef<(HTMLDivElement | null)[]>([]);
  const items = DISTRESS_ITEMS[instrument];
  const score = liveScore(instrument, answers);

  const focusRow = (i: number) => {
    const row = rows.current[i];
    const input = row?.querySelector<HTMLInputElement>('input:checked') ?? row?.querySelector('input');
    input?.focus();
  };
  const onKey = (i: number) => (e: KeyboardEvent<HTMLDivElement>) => {
    const value = answerForKey(e.key);
    if (value === null || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    const r = answer(answers, i, value);
    onChange(r.answers);
    if (r.next !== null) focusRow(r.next);
  };

  return (
    <Stack gap="sm" data-testid="questionnaire">
      <Text size="sm" c="dimmed">
        {t('counselling.form.keyboardHelp')}
      </Text>
      {items.map((item, i) => (
        <Radio.Group
          key={item.key}
          ref={(el) => {
            rows.current[i] = el;
          }}
          onKeyDown={onKey(i)}
          label={`${formatNumber(i + 1)}. ${t(`counselling.items.${instrument}.${item.key}`)}`}
          value={answers[i] === null || answers[i] === undefined ? null : String(answers[i])}
          onChange={(v) => onChange(answer(answers, i, Number(v)).answers)}
          data-testid={`question-${i + 1}`}
        >
          <Group gap="md" mt={4} wrap="wrap">
            {DISTRESS_ANSWERS.map((a) => (
              <Radio key={a} value={String(a)} label={`${a} · ${t(`counselling.answers.${a}`)}`} />
            ))}
          </Group>
        </Radio.Group>
      ))}
      {error ? (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      ) : null}
      {score ? (
        <Paper withBorder p="sm" aria-live="polite" data-testid="live-score">
          <Group gap="sm">
            <Text fw={700}>
              {t('counselling.form.score', {
                score: formatNumber(score.score),
                answered: formatNumber(score.answered),
                total: formatNumber(score.total),
              })}
            </Text>
            {score.band ? (
              <Badge color={BAND_COLOURS[score.band]} variant="light" data-testid="live-band">
                {t(`counselling.bands.${score.band}`)}
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                {t('counselling.form.bandPending')}
              </Text>
            )}
          </Group>
        </Paper>
      ) : null}
    </Stack>
  );
}
