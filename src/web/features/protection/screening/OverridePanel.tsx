import { MultiSelect, Paper, Select, SimpleGrid, Stack, Switch, Textarea } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FLAGS, type Flag, RISK_LEVELS, type RiskLevel } from '../../../../domain/protection/flags.ts';
import {
  applyOverride,
  OVERRIDE_REASON_MIN,
  type ScreeningOutcome,
} from '../../../../domain/protection/outcome.ts';
import type { FieldErrors } from '../../../components/form/fieldErrors.ts';
import { useLocalised } from '../labels.ts';

export interface OverrideValues {
  on: boolean;
  riskLevel: string | null;
  flagsAdded: string[];
  flagsRemoved: string[];
  reason: string;
}

export const NO_OVERRIDE: OverrideValues = {
  on: false,
  riskLevel: null,
  flagsAdded: [],
  flagsRemoved: [],
  reason: '',
};

// The reason does not change the outcome; the form checks it on its own (and the server again).
const PREVIEW_REASON = '·'.repeat(OVERRIDE_REASON_MIN);

/**
 * The outcome that stands once the override applies: the domain's own `applyOverride`, so the
 * preview cannot drift from what the server records. null while the override is off or not valid
 * yet (a flag both added and removed).
 */
export function overriddenOutcome(computed: ScreeningOutcome, o: OverrideValues) {
  if (!o.on) return null;
  try {
    const final = applyOverride(computed, {
      ...(o.riskLevel ? { riskLevel: o.riskLevel as RiskLevel } : {}),
      flagsAdded: o.flagsAdded as Flag[],
      flagsRemoved: o.flagsRemoved as Flag[],
      reason: PREVIEW_REASON,
    });
    return { riskLevel: final.riskLevel, flags: final.flags };
  } catch {
    return null;
  }
}

export const overridePayload = (o: OverrideValues) =>
  o.on
    ? {
        ...(o.riskLevel ? { riskLevel: o.riskLevel } : {}),
        flagsAdded: o.flagsAdded,
        flagsRemoved: o.flagsRemoved,
        reason: o.reason,
      }
    : undefined;

/** A protection officer's correction of the derived outcome, always with a reason. */
export function OverridePanel({
  value: v,
  onChange,
  computedFlags,
  errors,
}: {
  value: OverrideValues;
  onChange: (v: OverrideValues) => void;
  computedFlags: readonly string[];
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const l = useLocalised();
  const set = <K extends keyof OverrideValues>(k: K, x: OverrideValues[K]) => onChange({ ...v, [k]: x });
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-label={t('screening.override')}
      data-testid="override-panel"
    >
      <Stack gap="sm">
        <Switch
          label={t('screening.override')}
          description={t('screening.overrideHelp')}
          checked={v.on}
          onChange={(e) => set('on', e.currentTarget.checked)}
          thumbIcon={v.on ? <IconShieldCheck size={12} aria-hidden /> : undefined}
          data-testid="override-toggle"
        />
        {v.on ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Select
                label={t('screening.overrideRisk')}
                placeholder={t('screening.keepDerived')}
                clearable
                data={RISK_LEVELS.map((r) => ({ value: r, label: l.risk(r) }))}
                value={v.riskLevel}
                onChange={(x) => set('riskLevel', x)}
                error={errors['override.riskLevel']}
                data-testid="override-risk"
              />
              <MultiSelect
                label={t('screening.flagsAdded')}
                data={FLAGS.filter((f) => !computedFlags.includes(f)).map((f) => ({
                  value: f,
                  label: l.flag(f),
                }))}
                value={v.flagsAdded}
                onChange={(x) => set('flagsAdded', x)}
                error={errors['override.flagsAdded']}
                data-testid="override-flags-added"
              />
              <MultiSelect
                label={t('screening.flagsRemoved')}
                data={computedFlags.map((f) => ({ value: f, label: l.flag(f) }))}
                value={v.flagsRemoved.filter((f) => computedFlags.includes(f))}
                onChange={(x) => set('flagsRemoved', x)}
                error={errors['override.flagsRemoved']}
                data-testid="override-flags-removed"
              />
            </SimpleGrid>
            <Textarea
              label={t('screening.overrideReason')}
              description={t('screening.overrideReasonHelp', { n: OVERRIDE_REASON_MIN })}
              required
              autosize
              minRows={2}
              dir="auto"
              value={v.reason}
              onChange={(e) => set('reason', e.currentTarget.value)}
              error={errors['override.reason'] ?? errors.override}
              data-testid="override-reason"
            />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
