import { ActionIcon, Group, TextInput } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { weekEnd, weekStart } from '../../../../domain/health/weeks.ts';
import { formatDate } from '../../../i18n/format.ts';
import { isValidWeek, stepWeek } from './logic.ts';

/**
 * An ISO week (`2026-W05`): the browser's week input where it has one (typed as text elsewhere),
 * with the previous and next week one click away and the week's days spelt out.
 */
export function WeekPicker({ value, onChange }: { value: string; onChange: (week: string) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(value);
  useEffect(() => setTyped(value), [value]);
  const prev = stepWeek(value, -1);
  const next = stepWeek(value, 1);
  const invalid = typed !== '' && !isValidWeek(typed);
  return (
    <Group gap={4} align="flex-end" wrap="nowrap">
      <ActionIcon
        variant="default"
        size="lg"
        mb={invalid ? 22 : 0}
        disabled={!prev}
        onClick={() => prev && onChange(prev)}
        aria-label={t('surveillance.week.previous')}
        data-testid="week-previous"
      >
        <IconChevronLeft size={16} className="sanad-flip-rtl" aria-hidden />
      </ActionIcon>
      <TextInput
        type="week"
        label={t('surveillance.week.label')}
        description={t('surveillance.week.range', {
          from: formatDate(weekStart(value)),
          to: formatDate(weekEnd(value)),
        })}
        placeholder="2026-W05"
        value={typed}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setTyped(v);
          if (isValidWeek(v)) onChange(v);
        }}
        error={invalid ? t('surveillance.week.invalid') : undefined}
        // only the week itself reads left to right: the label and the days follow the page
        classNames={{ input: 'sanad-ltr' }}
        w={190}
        data-testid="week"
      />
      <ActionIcon
        variant="default"
        size="lg"
        mb={invalid ? 22 : 0}
        disabled={!next}
        onClick={() => next && onChange(next)}
        aria-label={t('surveillance.week.next')}
        data-testid="week-next"
      >
        <IconChevronRight size={16} className="sanad-flip-rtl" aria-hidden />
      </ActionIcon>
    </Group>
  );
}
