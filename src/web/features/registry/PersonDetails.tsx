import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RecordDetails } from '../../components/RecordDetails.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { Person } from './api.ts';
import { countryName, languageName } from './codes.ts';
import { ageText } from './PersonParts.tsx';

/** Identity as labelled values: both scripts, age with its "estimated" marker, documents, location. */
export function PersonDetails({ person: p }: { person: Person }) {
  const { t } = useTranslation();
  const birth = p.birthDate ? formatDate(p.birthDate) : undefined;
  return (
    <RecordDetails
      testId="person-details"
      items={[
        { label: t('person.givenName'), value: p.givenName },
        { label: t('person.familyName'), value: p.familyName },
        { label: t('person.fullNameOriginal'), value: p.fullNameOriginal },
        { label: t('person.sex'), value: t(`person.sexes.${p.sex}`) },
        {
          label: t('person.age'),
          value:
            p.age === null ? undefined : (
              <Group gap="xs" component="span">
                <span data-testid="person-age">{ageText(p, t)}</span>
                {/* an estimated age already says "born around": its date is no real day */}
                {birth && !p.birthDateEstimated ? <span>({t('person.bornOn', { date: birth })})</span> : null}
              </Group>
            ),
        },
        { label: t('person.nationality'), value: `${countryName(p.nationality)} (${p.nationality})` },
        { label: t('person.languages'), value: p.languages.map(languageName).join(', ') },
        {
          label: t('person.documents'),
          value: p.documents.length ? (
            <Group gap={4} component="span">
              {p.documents.map((d) => (
                <Badge key={`${d.type}-${d.number ?? ''}`} variant="light" tt="none">
                  {t(`person.documentTypes.${d.type}`)}
                  {d.number ? (
                    <>
                      {' '}
                      <span className="sanad-ltr">{d.number}</span>
                    </>
                  ) : null}
                </Badge>
              ))}
            </Group>
          ) : (
            t('person.noDocuments')
          ),
        },
        {
          label: t('person.phone'),
          value: p.phone ? <span className="sanad-ltr">{p.phone}</span> : undefined,
        },
        {
          label: t('person.currentLocation'),
          value: p.current
            ? t('person.inCentreSince', {
                centre: p.current.centreName,
                date: formatDate(p.current.admittedOn),
              })
            : t('person.notDetained'),
        },
      ]}
    />
  );
}
