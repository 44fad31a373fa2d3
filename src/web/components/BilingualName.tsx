import { Stack, Text } from '@mantine/core';
import type { Locale } from '../../domain/common/schemas.ts';
import { currentLocale } from '../i18n/index.ts';

interface Names {
  name: string;
  nameAr?: string | null;
  nameFr?: string | null;
}

/**
 * Which name to show first and which beneath it, for a page in `locale`: a centre or organisation
 * goes by its Arabic name in Arabic and its French name in French when it has one; beneath it, the
 * (Latin) name everyone shares. In English, the name with the Arabic one beneath, as before.
 */
export function namesFor(
  n: Names,
  locale: Locale,
): { first: string; firstLang?: Locale; second?: string; secondLang?: Locale } {
  if (locale === 'ar' && n.nameAr) return { first: n.nameAr, firstLang: 'ar', second: n.name };
  if (locale === 'fr' && n.nameFr) {
    return n.nameFr === n.name
      ? { first: n.name, second: n.nameAr ?? undefined, secondLang: 'ar' }
      : { first: n.nameFr, firstLang: 'fr', second: n.name };
  }
  return { first: n.name, second: n.nameAr ?? undefined, secondLang: 'ar' };
}

/** The name of a centre or organisation in the page's language, as one line (e.g. for a picker). */
export const localName = (n: Names, locale: Locale = currentLocale()): string => namesFor(n, locale).first;

/**
 * A name with its other form beneath it. Centres and organisations (`script="ar"`, the default)
 * show the name of the page's language first (see `namesFor`); people (`script="auto"`) show the
 * Latin spelling first and their name in its own script (Ge'ez, Bengali, Arabic…) beneath it, its
 * direction taken from its letters.
 */
export function BilingualName({
  name,
  nameAr,
  nameFr,
  strong,
  script = 'ar',
}: {
  name: string;
  nameAr?: string | null;
  nameFr?: string | null;
  strong?: boolean;
  script?: 'ar' | 'auto';
}) {
  const shown =
    script === 'ar'
      ? namesFor({ name, nameAr, nameFr }, currentLocale())
      : { first: name, second: nameAr ?? undefined, secondLang: undefined };
  return (
    <Stack gap={0}>
      <Text size="sm" fw={strong ? 600 : undefined} lang={shown.firstLang}>
        <bdi>{shown.first}</bdi>
      </Text>
      {shown.second ? (
        <Text size="sm" c="dimmed" lang={shown.secondLang}>
          <bdi>{shown.second}</bdi>
        </Text>
      ) : null}
    </Stack>
  );
}
