import { NumberInput, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VITAL_RANGES, VITALS, type Vital } from '../../../domain/health/consultations.ts';
import { type ConsultationForm, type NumberField, vitalFlags } from './logic.ts';

const asNumber = (v: number | string): NumberField => {
  const n = typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v);
  return Number.isFinite(n) ? n : '';
};

/** The vital signs in one row (wrapping on a phone), units in the labels; an implausible value is
 * flagged as it is typed, by the same schema the server applies. */
export function VitalsRow({
  value,
  onChange,
  errors,
  showMuac,
}: {
  value: ConsultationForm['vitals'];
  onChange: (v: ConsultationForm['vitals']) => void;
  errors: Record<string, string>;
  /** MUAC is measured on children */
  showMuac: boolean;
}) {
  const { t } = useTranslation();
  const flags = vitalFlags(value);
  const shown = VITALS.filter((k) => k !== 'muacMm' || showMuac || value.muacMm !== '');
  const message = (k: Vital): string | undefined => {
    const f = flags[k];
    if (f?.kind === 'range') return t('health.consult.implausible', { min: f.min, max: f.max });
    if (f?.kind === 'diastolic') return t('health.consult.diastolicBelow');
    return errors[`vitals.${k}`];
  };
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, sm: 5, lg: shown.length }} spacing="xs" data-testid="vitals">
      {shown.map((k) => {
        const r = VITAL_RANGES[k];
        return (
          <NumberInput
            key={k}
            label={t(`health.vitals.${k}`)}
            value={value[k]}
            onChange={(v) => onChange({ ...value, [k]: asNumber(v) })}
            decimalScale={r.step === 1 ? 0 : 1}
            allowNegative={false}
            hideControls
            inputMode="decimal"
            error={message(k)}
            data-testid={`vital-${k}`}
          />
        );
      })}
    </SimpleGrid>
  );
}
