// Small pieces that show a person the same way on every registry page.
import { Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { BilingualName } from '../../components/BilingualName.tsx';
import { AnchorLink } from '../../components/links.tsx';
import type { Person } from './api.ts';
import { countryName } from './codes.ts';

export const latinName = (p: Pick<Person, 'givenName' | 'familyName'>) => `${p.givenName} ${p.familyName}`;

/** Both scripts: the Latin spelling, and the original script beneath it in its own direction. */
export function PersonName({ person, strong }: { person: Person; strong?: boolean }) {
  return (
    <BilingualName name={latinName(person)} nameAr={person.fullNameOriginal} strong={strong} script="auto" />
  );
}

/** "29", or "about 29 (born around 1997)" when the birth date is an estimate; "—" when unknown. */
export function ageText(p: Pick<Person, 'age' | 'birthDate' | 'birthDateEstimated'>, t: TFunction): string {
  if (p.age === null) return '—';
  if (!p.birthDateEstimated) return String(p.age);
  return p.birthDate
    ? t('a11y.aboutAge', { age: p.age, year: p.birthDate.slice(0, 4) })
    : t('person.ageEstimated', { n: p.age });
}

export function RegistrationNumber({ value }: { value: string }) {
  return (
    <Text span size="sm" ff="monospace" className="sanad-ltr">
      {value}
    </Text>
  );
}

export function StatusBadge({ status }: { status: Person['status'] }) {
  const { t } = useTranslation();
  if (status === 'active') return null;
  const color = status === 'merged' ? 'gray' : status === 'deceased' ? 'dark' : 'yellow';
  return (
    <Badge color={color} variant="light" data-testid="person-status">
      {t(`person.statuses.${status}`)}
    </Badge>
  );
}

/** Name, registration number, sex, age and nationality on one or two lines, linking to the record. */
export function PersonLink({ person }: { person: Person }) {
  return (
    <AnchorLink to="/persons/$id" params={{ id: person.id }} underline="hover">
      <PersonName person={person} strong />
    </AnchorLink>
  );
}

export function PersonFacts({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <RegistrationNumber value={person.registrationNumber} />
      <Text size="sm" c="dimmed">
        {t(`person.sexes.${person.sex}`)} · {ageText(person, t)} · {countryName(person.nationality)}
      </Text>
      <StatusBadge status={person.status} />
    </Group>
  );
}
