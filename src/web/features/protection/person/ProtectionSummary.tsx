import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldHalf } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../i18n/format.ts';
import { useProtectionSummary } from '../api.ts';
import { FlagBadges, RiskBadge, StatusBadge } from '../Badges.tsx';

/** The latest outcome at a glance: risk level, flags, when screened, the case's status. */
export function ProtectionSummary({
  riskLevel,
  flags,
  screenedOn,
  caseStatus,
  actions,
  note,
}: {
  riskLevel: string | null;
  flags: readonly string[];
  screenedOn: string | null;
  caseStatus: string | null;
  actions?: ReactNode;
  note?: string;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="protection-summary"
      data-testid="protection-summary"
    >
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap="xs">
          <Group gap="xs">
            <IconShieldHalf size={20} aria-hidden />
            <Title order={2} size="h4" id="protection-summary">
              {t('protection.summary')}
            </Title>
          </Group>
          {screenedOn ? (
            <>
              <Group gap="xs">
                <RiskBadge level={riskLevel} size="lg" />
                <Text size="sm" c="dimmed">
                  {t('protection.lastScreened', { date: formatDate(screenedOn) })}
                </Text>
              </Group>
              <FlagBadges flags={flags} empty={t('screening.noFlags')} />
            </>
          ) : (
            <Text size="sm" c="dimmed" data-testid="not-screened">
              {t('protection.notScreened')}
            </Text>
          )}
          {caseStatus ? (
            <Group gap="xs">
              <Text size="sm">{t('case.title')}:</Text>
              <StatusBadge kind="case" status={caseStatus} />
            </Group>
          ) : null}
          {note ? (
            <Text size="xs" c="dimmed">
              {note}
            </Text>
          ) : null}
        </Stack>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
    </Paper>
  );
}

/**
 * For roles that see only that flags exist (doctors, nurses, counsellors): the summary, never the
 * answers or notes. Nothing is shown when the server refuses (roles with no protection access).
 */
export function FlagsOnlySummary({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const summary = useProtectionSummary(personId);
  if (!summary.data || (!summary.data.lastScreenedOn && !summary.data.caseStatus)) return null;
  const s = summary.data;
  return (
    <ProtectionSummary
      riskLevel={s.riskLevel}
      flags={s.flags}
      screenedOn={s.lastScreenedOn}
      caseStatus={s.caseStatus}
      note={t('protection.flagsOnlyNote')}
    />
  );
}
