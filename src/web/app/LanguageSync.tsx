import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyDocumentLocale, currentLocale, directionOf } from '../i18n/index.ts';

/** Keeps <html lang dir> and Mantine's direction in step with the i18next language. */
export function LanguageSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const language = i18n.language;
  useEffect(() => {
    void language;
    const locale = currentLocale();
    applyDocumentLocale(locale);
    setDirection(directionOf(locale));
  }, [language, setDirection]);
  return null;
}
