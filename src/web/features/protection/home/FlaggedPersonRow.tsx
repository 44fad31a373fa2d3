import { Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../../components/links.tsx';
import { RegistrationNumber } from '../../registry/PersonParts.tsx';
import { FlagBadges, RiskBadge } from '../Badges.tsx';

/** A person on a home worklist: name (to their protection tab), number, risk and flags. */
export function FlaggedPersonRow({
  person,
  detail,
  action,
  testId,
}: {
  person: {
    personId: string;
    personName: string;
    registrationNumber: string;
    riskLevel: string | null;
    flags: string[];
  };
  /** beside the number, e.g. the screening date */
  detail?: ReactNode;
  /** after the badges, e.g. "Refer" */
  action?: ReactNode;
  testId: string;
}) {
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" data-testid={testId}>
      <Stack gap={0}>
        <AnchorLink
          to="/persons/$id"
          params={{ id: person.personId }}
          search={{ tab: 'protection' }}
          fw={600}
        >
          <bdi>{person.personName}</bdi>
        </AnchorLink>
        <Group gap={6}>
          <RegistrationNumber value={person.registrationNumber} />
          {detail}
        </Group>
      </Stack>
      <Group gap={4}>
        <RiskBadge level={person.riskLevel} size="sm" />
        <FlagBadges flags={person.flags} />
        {action}
      </Group>
    </Group>
  );
}
