import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';

const entityKey = (type: string) => type.replace(/s$/, '');

/** "Centre · 0194…" with a link to the record when the web app has a page for it. */
export function EntityLink({ type, id }: { type: string; id: string | null }) {
  const { t } = useTranslation();
  const key = entityKey(type);
  const label = t(`audit.entities.${key}`, { defaultValue: type });
  const short = id ? `${id.slice(0, 8)}…` : '';
  const link =
    id && key === 'organisation' ? (
      <AnchorLink to="/organisations/$id" params={{ id }} size="xs">
        {short}
      </AnchorLink>
    ) : id && key === 'centre' ? (
      <AnchorLink to="/centres/$id" params={{ id }} size="xs">
        {short}
      </AnchorLink>
    ) : id && key === 'person' ? (
      <AnchorLink to="/persons/$id" params={{ id }} size="xs">
        {short}
      </AnchorLink>
    ) : id && key === 'user' ? (
      <AnchorLink to="/users/$id" params={{ id }} size="xs">
        {short}
      </AnchorLink>
    ) : (
      <Text size="xs" c="dimmed">
        {short}
      </Text>
    );
  return (
    <Stack gap={0}>
      <Text size="sm">{label}</Text>
      <span className="sanad-ltr" title={id ?? undefined}>
        {link}
      </span>
    </Stack>
  );
}
