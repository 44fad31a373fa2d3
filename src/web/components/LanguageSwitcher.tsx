import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/common/schemas.ts';
import { useSwitchLocale } from '../features/auth/useSwitchLocale.ts';
import { currentLocale } from '../i18n/index.ts';

/** Each language is named in itself, so anyone can find theirs whatever is shown now. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ar: 'العربية', fr: 'Français' };

/** `onChoose`: told of a language the user picks here (the sign-in page keeps it past signing in). */
export function LanguageSwitcher({ onChoose }: { onChoose?: (locale: Locale) => void } = {}) {
  const { t } = useTranslation();
  const switchLocale = useSwitchLocale();
  const active = currentLocale();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconLanguage size={18} aria-hidden />}
          data-testid="language-switcher"
          px="xs"
        >
          {/* the accessible name starts with what is shown (WCAG 2.5.3), then says what it does */}
          <span lang={active}>{LANGUAGE_NAMES[active]}</span>
          <VisuallyHidden>{` — ${t('language.choose')}`}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            dir={l === 'ar' ? 'rtl' : 'ltr'}
            data-testid={`language-${l}`}
            onClick={() => {
              onChoose?.(l);
              void switchLocale(l);
            }}
            rightSection={l === active ? <IconCheck size={16} aria-hidden /> : null}
          >
            {LANGUAGE_NAMES[l]}
            {l === active ? (
              <VisuallyHidden lang={active}>{` (${t('language.current')})`}</VisuallyHidden>
            ) : null}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
