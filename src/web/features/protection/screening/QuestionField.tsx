import { Checkbox, Group, NumberInput, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Question, YES_NO_VALUES } from '../../../../domain/protection/template.ts';
import { today } from '../../registry/identity.ts';
import { useLocalised } from '../labels.ts';
import type { AnswerValue } from './answers.ts';

/** One question of a screening template, by its type, in the interface language. */
export function QuestionField({
  question: q,
  value,
  onChange,
  error,
}: {
  question: Question;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const l = useLocalised();
  const label = q.sensitive ? (
    <Group gap={4} component="span" wrap="nowrap">
      <IconLock size={14} aria-hidden />
      <span>{l.text(q.label)}</span>
    </Group>
  ) : (
    l.text(q.label)
  );
  const common = {
    label,
    description: q.help ? l.text(q.help) : undefined,
    required: q.required,
    error,
  };
  const testId = `q-${q.key}`;

  switch (q.type) {
    case 'yes_no':
    case 'yes_no_unknown':
      return (
        <Radio.Group
          {...common}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          data-testid={testId}
        >
          <Group gap="lg" mt={6}>
            {YES_NO_VALUES[q.type].map((v) => (
              <Radio key={v} value={v} label={t(`screening.values.${v}`)} data-testid={`${testId}-${v}`} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'single_choice':
      return (
        <Radio.Group
          {...common}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          data-testid={testId}
        >
          <Stack gap={6} mt={6}>
            {q.options?.map((o) => (
              <Radio
                key={o.value}
                value={o.value}
                label={l.text(o.label)}
                data-testid={`${testId}-${o.value}`}
              />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multi_choice':
      return (
        <Checkbox.Group
          {...common}
          value={Array.isArray(value) ? value : []}
          onChange={(v) => onChange(v)}
          data-testid={testId}
        >
          <Stack gap={6} mt={6}>
            {q.options?.map((o) => (
              <Checkbox
                key={o.value}
                value={o.value}
                label={l.text(o.label)}
                data-testid={`${testId}-${o.value}`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          min={q.min}
          max={q.max}
          allowDecimal={!q.integer}
          allowNegative={q.min === undefined || q.min < 0}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
          maw={360}
          data-testid={testId}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          max={today()}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
          maw={220}
          data-testid={testId}
        />
      );
    case 'text':
      return (
        <Textarea
          {...common}
          dir="auto"
          autosize
          minRows={2}
          maxRows={8}
          maxLength={q.maxLength}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          data-testid={testId}
        />
      );
  }
}
