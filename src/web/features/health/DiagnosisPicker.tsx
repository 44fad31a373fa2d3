import { CloseButton, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIAGNOSIS_CERTAINTIES } from '../../../domain/health/consultations.ts';
import { type DiagnosisView, useDiagnosisSearch } from './api.ts';
import { useDiagnosisNames } from './labels.ts';
import { addDiagnosis, type Certainty, type ConsultationForm, MAX_DIAGNOSES } from './logic.ts';
import { SearchPick } from './SearchPick.tsx';

type Diagnoses = ConsultationForm['diagnoses'];

/**
 * Diagnoses by code or by a name in any language: the search box is a combobox (Enter adds the
 * highlighted one, then it is empty again for another); each diagnosis has its certainty.
 */
export function DiagnosisPicker({
  value,
  onChange,
  errors,
}: {
  value: Diagnoses;
  onChange: (v: Diagnoses) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const names = useDiagnosisNames();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 150);
  const found = useDiagnosisSearch(q);
  // the names of what was picked, as the search answered them (a mission's own codes too)
  const picked = useRef(new Map<string, DiagnosisView['names']>());
  const items = q ? (found.data?.items ?? []) : [];
  const full = value.length >= MAX_DIAGNOSES;

  const setCertainty = (code: string, certainty: Certainty) =>
    onChange(value.map((d) => (d.code === code ? { ...d, certainty } : d)));

  return (
    <Stack gap="xs" data-testid="diagnoses">
      <SearchPick
        label={t('health.consult.diagnosisSearch')}
        description={t('health.consult.diagnosisHelp')}
        search={search}
        onSearch={setSearch}
        settledQuery={found.isFetching ? '\u0000' : q}
        options={items
          .filter((d) => !value.some((v) => v.code === d.code))
          .map((d) => ({
            value: d.code,
            label: (
              <Group gap="xs" wrap="nowrap">
                <Text span ff="monospace" fw={700} className="sanad-ltr">
                  {d.code}
                </Text>
                <Text span size="sm">
                  <bdi>{d.names[names.lang]}</bdi>
                </Text>
              </Group>
            ),
          }))}
        loading={found.isFetching}
        onPick={(code) => {
          const d = items.find((x) => x.code === code);
          if (d) picked.current.set(code, d.names);
          onChange(addDiagnosis(value, code));
          setSearch('');
        }}
        disabled={full}
        error={errors.diagnoses}
        testId="diagnosis-search"
      />
      {value.map((d, i) => (
        <Paper key={d.code} withBorder p="xs" data-testid="diagnosis-row">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <Text span ff="monospace" fw={700} className="sanad-ltr">
                {d.code}
              </Text>
              <Text span size="sm">
                <bdi>{names.name(d.code, picked.current.get(d.code)) ?? ''}</bdi>
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <SegmentedControl
                size="xs"
                value={d.certainty}
                onChange={(c) => setCertainty(d.code, c as Certainty)}
                data={DIAGNOSIS_CERTAINTIES.map((c) => ({ value: c, label: t(`health.certainty.${c}`) }))}
                aria-label={t('health.consult.certaintyOf', { code: d.code })}
                data-testid="diagnosis-certainty"
              />
              <CloseButton
                aria-label={t('health.consult.removeDiagnosis', { code: d.code })}
                onClick={() => onChange(value.filter((x) => x.code !== d.code))}
              />
            </Group>
          </Group>
          {errors[`diagnoses.${i}.code`] ? (
            <Text size="xs" c="red" role="alert">
              {errors[`diagnoses.${i}.code`]}
            </Text>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}
