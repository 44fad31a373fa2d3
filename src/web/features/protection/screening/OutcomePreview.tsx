import { Divider, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScreeningOutcome } from '../../../../domain/protection/outcome.ts';
import type { ScreeningTemplate } from '../../../../domain/protection/template.ts';
import { FlagBadges, RiskBadge } from '../Badges.tsx';
import { useLocalised } from '../labels.ts';

/** The rules that matched, in words an officer can read: the "why" of an outcome. */
export function MatchedRules({ template, keys }: { template: ScreeningTemplate; keys: readonly string[] }) {
  const { t } = useTranslation();
  const l = useLocalised();
  const rules = template.rules.filter((r) => keys.includes(r.key));
  if (rules.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('screening.noRuleMatched')}
      </Text>
    );
  return (
    <List size="sm" spacing={4} data-testid="matched-rules">
      {rules.map((r) => (
        <List.Item key={r.key} data-testid="matched-rule">
          {r.level ? (
            <Text span size="xs" fw={700} tt="uppercase" c="dimmed">
              {l.risk(r.level)} ·{' '}
            </Text>
          ) : null}
          {l.text(r.description)}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * The outcome as the answers stand, computed in the browser by the same pure rules the server
 * applies when the screening is saved; with an override, what will stand after it too.
 */
export function OutcomePreview({
  template,
  outcome,
  overridden,
}: {
  template: ScreeningTemplate;
  outcome: ScreeningOutcome;
  overridden: { riskLevel: string; flags: string[] } | null;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="outcome-title"
      data-testid="outcome-preview"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="outcome-title">
          {t('screening.outcomeTitle')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('screening.outcomeHelp')}
        </Text>
        <div aria-live="polite">
          <Stack gap="xs">
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {t('screening.derived')}
              </Text>
              <RiskBadge level={outcome.riskLevel} />
            </Group>
            <FlagBadges flags={outcome.flags} empty={t('screening.noFlags')} />
          </Stack>
        </div>
        <Divider label={t('screening.why')} labelPosition="left" />
        <MatchedRules template={template} keys={outcome.matchedRules} />
        {overridden ? (
          <>
            <Divider label={t('screening.afterOverride')} labelPosition="left" />
            <Stack gap="xs" data-testid="override-preview">
              <RiskBadge level={overridden.riskLevel} />
              <FlagBadges flags={overridden.flags} empty={t('screening.noFlags')} />
            </Stack>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
