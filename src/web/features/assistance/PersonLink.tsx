import { Text } from '@mantine/core';
import { AnchorLink } from '../../components/links.tsx';
import { useCapabilities } from '../../components/RequireCapability.tsx';

/**
 * A recipient's name: a link to their page for registry readers; plain text for the others (a
 * stock officer records people at an event without reading the registry).
 */
export function PersonLink({ id, name }: { id: string; name: string }) {
  const has = useCapabilities();
  return has('registry:read') ? (
    <AnchorLink to="/persons/$id" params={{ id }} size="sm">
      <bdi>{name}</bdi>
    </AnchorLink>
  ) : (
    <Text size="sm" span>
      <bdi>{name}</bdi>
    </Text>
  );
}
