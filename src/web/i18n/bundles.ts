/// <reference types="vite/client" />
// A feature's strings (and its enums' label tables) arrive with its pages, not with the shell:
// the shell's own strings are ./{en,ar,fr}.json; each bundle is ./bundles/<bundle>/{en,ar,fr}.json
// plus an optional ./bundles/<bundle>/labels.ts, each its own chunk. Keys stay where they were (one
// namespace): a bundle is merged into it before the page that needs it renders.
import i18next, { type i18n as I18n } from 'i18next';
import { LOCALES, type Locale } from '../../domain/common/schemas.ts';
import { type LabelTables, type Tree, withLabels } from './shared-labels.ts';

export const BUNDLES = [
  'directory',
  'home',
  'audit',
  'registry',
  'protection',
  'supplies',
  'assistance',
  'surveillance',
  'counselling',
  'health',
  'returns',
  'embassy',
  'movements',
  'reintegration',
  'returns-board',
] as const;
export type Bundle = (typeof BUNDLES)[number];

export interface BundleSource {
  strings(bundle: Bundle, lng: string): Promise<Tree>;
  labels(bundle: Bundle): Promise<LabelTables>;
}

const STRINGS = import.meta.glob<Tree>('./bundles/*/*.json', { import: 'default' });
const LABELS = import.meta.glob<LabelTables>('./bundles/*/labels.ts', { import: 'LABELS' });

const VITE_SOURCE: BundleSource = {
  strings(bundle, lng) {
    const load = STRINGS[`./bundles/${bundle}/${lng}.json`];
    return load ? load() : Promise.reject(new Error(`no ${lng} strings for bundle ${bundle}`));
  },
  labels: (bundle) => LABELS[`./bundles/${bundle}/labels.ts`]?.() ?? Promise.resolve({}),
};

const asLocale = (lng: string): Locale => (LOCALES.includes(lng as Locale) ? (lng as Locale) : 'en');

export function createStringLoader(i18n: I18n, source: BundleSource) {
  const loaded = new Map<string, Promise<void>>();
  const inUse = new Set<Bundle>();
  // the language being switched to: a page opened meanwhile needs its bundles in that one too
  let switchingTo: string | undefined;

  function load(lng: string, bundle: Bundle): Promise<void> {
    const key = `${lng}|${bundle}`;
    let done = loaded.get(key);
    if (!done) {
      done = Promise.all([source.strings(bundle, lng), source.labels(bundle), i18n.loadLanguages(lng)]).then(
        // after the shell's strings: i18next merges a backend's answer shallowly, and a bundle may
        // hold part of a subtree the shell also holds (`user.menu` in the shell, `user.title` here)
        ([strings, labels]) => {
          i18n.addResourceBundle(lng, 'translation', withLabels(strings, labels, asLocale(lng)), true, true);
        },
      );
      // a fetch that failed (offline) is tried again the next time a page asks
      done.catch(() => loaded.delete(key));
      loaded.set(key, done);
    }
    return done;
  }

  const loadAll = (lng: string, bundles: Iterable<Bundle>) =>
    Promise.all([...bundles].map((b) => load(lng, b))).then(() => undefined);

  return {
    /** The bundles a page needs, in the language shown (and the one being switched to). */
    loadStrings(bundles: readonly Bundle[]): Promise<void> {
      for (const b of bundles) inUse.add(b);
      const languages = new Set([i18n.language, switchingTo].filter((l): l is string => Boolean(l)));
      return Promise.all([...languages].map((l) => loadAll(l, bundles))).then(() => undefined);
    },

    /**
     * Makes `i18n.changeLanguage` fetch the bundles already in use in the new language before the
     * switch is shown (whoever calls it: the switcher, sign-in, another tab), so no key shows raw.
     */
    install(): void {
      const change = i18n.changeLanguage.bind(i18n);
      i18n.changeLanguage = async (lng, callback) => {
        if (lng) {
          switchingTo = lng;
          // offline: switch anyway; what is missing falls back to English
          await loadAll(lng, inUse).catch(() => undefined);
        }
        try {
          return await change(lng, callback);
        } finally {
          if (switchingTo === lng) switchingTo = undefined;
        }
      };
    },
  };
}

const loader = createStringLoader(i18next, VITE_SOURCE);

export const loadStrings = loader.loadStrings;
export const installBundleLoading = loader.install;

/** A page's module together with the bundles it needs, for `lazyRouteComponent`. */
export const withStrings =
  <M>(bundles: readonly Bundle[], load: () => Promise<M>) =>
  async (): Promise<M> =>
    (await Promise.all([load(), loadStrings(bundles)]))[0];
