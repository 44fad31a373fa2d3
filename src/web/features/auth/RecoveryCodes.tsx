import { Alert, Button, Checkbox, CopyButton, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';

/** The one-time recovery codes, shown once after TOTP activation; the user confirms keeping them. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [kept, setKept] = useState(false);
  return (
    <Stack maw={640}>
      <PageHeader title={t('ops.recovery.title')} subtitle={t('ops.recovery.subtitle')} />
      <Alert color="yellow" icon={<IconKey aria-hidden />}>
        {t('ops.recovery.why')}
      </Alert>
      <Paper withBorder p="lg">
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" data-testid="recovery-codes">
            {codes.map((c) => (
              <Text key={c} ff="monospace" dir="ltr" size="md" data-testid="recovery-code-item">
                {c}
              </Text>
            ))}
          </SimpleGrid>
          <Group>
            <CopyButton value={codes.join('\n')}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? t('ops.recovery.copied') : t('ops.recovery.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={() => window.print()}>
              {t('ops.recovery.print')}
            </Button>
          </Group>
          <Checkbox
            label={t('ops.recovery.kept')}
            checked={kept}
            onChange={(e) => setKept(e.currentTarget.checked)}
            data-testid="recovery-kept"
          />
          <Button onClick={onDone} disabled={!kept} data-testid="recovery-continue">
            {t('ops.recovery.continue')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
