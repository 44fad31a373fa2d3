import { Alert, List } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Field errors for fields the form does not show (so none is silently lost). */
export function OtherErrors({ messages }: { messages: string[] }) {
  const { t } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <Alert
      color="red"
      icon={<IconAlertCircle aria-hidden />}
      title={t('errors.validationTitle')}
      role="alert"
    >
      <List size="sm">
        {messages.map((m) => (
          <List.Item key={m}>
            <bdi>{m}</bdi>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function InfoNote({ text, testId }: { text: string; testId?: string }) {
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconInfoCircle aria-hidden />}
      role="status"
      data-testid={testId}
    >
      {text}
    </Alert>
  );
}

export function SavedNote({ text }: { text: string }) {
  return (
    <Alert color="teal" variant="light" icon={<IconCheck aria-hidden />} role="status" data-testid="saved">
      {text}
    </Alert>
  );
}
