import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Bundle, BundleSource } from './bundles.ts';
import { createStringLoader } from './bundles.ts';
import type { LabelTables, Tree } from './shared-labels.ts';

const STRINGS: Record<string, Tree> = {
  'supplies|en': { supplies: { title: 'Supplies' } },
  'supplies|fr': { supplies: { title: 'Fournitures' } },
  'registry|en': { user: { title: 'Users' }, registry: { title: 'Registry' } },
  'registry|fr': { user: { title: 'Utilisateurs' }, registry: { title: 'Registre' } },
};
const SHELL: Record<string, Tree> = {
  en: { common: { save: 'Save' }, user: { menu: 'Your account' } },
  fr: { common: { save: 'Enregistrer' }, user: { menu: 'Votre compte' } },
};

const UNITS: LabelTables = { 'supplies.units': { box: { en: 'box', ar: 'علبة', fr: 'boîte' } } };

/** An i18next with a shell backend and a bundle source that count what they fetch. */
async function setup() {
  const fetched: string[] = [];
  const source: BundleSource = {
    strings: async (bundle: Bundle, lng: string) => {
      fetched.push(`${bundle}|${lng}`);
      const found = STRINGS[`${bundle}|${lng}`];
      if (!found) throw new Error(`no ${bundle}|${lng}`);
      return found;
    },
    labels: async (bundle) => (bundle === 'supplies' ? UNITS : {}),
  };
  const i18n = i18next.createInstance();
  await i18n
    .use({
      type: 'backend',
      read: (lng: string, _ns: string, cb: (e: unknown, d: Tree) => void) => cb(null, SHELL[lng]!),
    })
    .init({
      lng: 'en',
      fallbackLng: false,
      supportedLngs: ['en', 'fr'],
      interpolation: { escapeValue: false },
    });
  const loader = createStringLoader(i18n, source);
  loader.install();
  return { i18n, loader, fetched };
}

describe('string bundles', () => {
  it('merges a bundle and its label tables into the one namespace, beside the shell', async () => {
    const { i18n, loader } = await setup();
    expect(i18n.t('supplies.title')).toBe('supplies.title');
    await loader.loadStrings(['supplies', 'registry']);
    expect(i18n.t('supplies.title')).toBe('Supplies');
    expect(i18n.t('supplies.units.box')).toBe('box');
    // a subtree split between the shell and a bundle keeps both parts
    expect(i18n.t('user.menu')).toBe('Your account');
    expect(i18n.t('user.title')).toBe('Users');
  });

  it('fetches a bundle once per language, however many pages ask', async () => {
    const { loader, fetched } = await setup();
    await Promise.all([loader.loadStrings(['supplies']), loader.loadStrings(['supplies'])]);
    await loader.loadStrings(['supplies']);
    expect(fetched).toEqual(['supplies|en']);
  });

  it('on a language change, fetches the bundles in use in the new language before the switch shows', async () => {
    const { i18n, loader, fetched } = await setup();
    await loader.loadStrings(['supplies']);
    const seen: string[] = [];
    // what a re-render would show the moment the language changes
    i18n.on('languageChanged', () => seen.push(i18n.t('supplies.title'), i18n.t('supplies.units.box')));
    await i18n.changeLanguage('fr');
    expect(seen).toEqual(['Fournitures', 'boîte']);
    expect(i18n.t('common.save')).toBe('Enregistrer');
    // only what is in use: registry was never asked for
    expect(fetched).toEqual(['supplies|en', 'supplies|fr']);
    // and back: nothing fetched again
    await i18n.changeLanguage('en');
    expect(i18n.t('supplies.title')).toBe('Supplies');
    expect(fetched).toHaveLength(2);
  });

  it('a page opened after the switch gets its bundle in the new language', async () => {
    const { i18n, loader, fetched } = await setup();
    await i18n.changeLanguage('fr');
    await loader.loadStrings(['registry']);
    expect(i18n.t('registry.title')).toBe('Registre');
    expect(fetched).toEqual(['registry|fr']);
  });

  it('tries a failed fetch again (a weak line drops one)', async () => {
    const { i18n, loader } = await setup();
    await i18n.changeLanguage('fr');
    const flaky = { ...STRINGS };
    delete STRINGS['supplies|fr'];
    await expect(loader.loadStrings(['supplies'])).rejects.toThrow();
    Object.assign(STRINGS, flaky);
    await loader.loadStrings(['supplies']);
    expect(i18n.t('supplies.title')).toBe('Fournitures');
  });
});
