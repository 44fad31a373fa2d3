// Every user-visible string exists in English, Arabic and French, and every key the code uses
// exists in the English strings (the shell's en.json and every bundle's). Keys built at run time
// (`roles.${role}`) are checked from the enums they come from.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../domain/access/roles.ts';
import { AUDIT_ACTIONS } from '../../domain/audit/schemas.ts';
import { CENTRE_TYPES, ORGANISATION_KINDS } from '../../domain/directory/schemas.ts';
import {
  CASE_STATUSES,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  NOTE_CATEGORIES,
  REFERRAL_STATUSES,
} from '../../domain/protection/records.ts';
import {
  ADMISSION_CIRCUMSTANCES,
  AGE_GROUPS,
  DOCUMENT_TYPES,
  EPISODE_END_REASONS,
  PERSON_STATUSES,
  RELATIONSHIPS,
  SEXES,
} from '../../domain/registry/schemas.ts';
import { MODULES, modulePages } from '../app/nav.ts';
import { PROTECTION_KINDS } from '../features/protection/timeline.tsx';
import { END_TYPES } from '../features/registry/api.ts';
import { ALL_STRINGS } from './all-strings.ts';
import { BUNDLES } from './bundles.ts';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

// as the app has them once every bundle is in: the JSON plus the enums' tables from src/domain
const locales = {
  en: flatten(ALL_STRINGS.en as unknown as Tree),
  ar: flatten(ALL_STRINGS.ar as unknown as Tree),
  fr: flatten(ALL_STRINGS.fr as unknown as Tree),
};
const here = fileURLToPath(new URL('.', import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(join(here, path), 'utf8')) as Tree;
/** The shell's files and each bundle's, as `dir/` ('' for the shell). */
const FILE_SETS = ['', ...BUNDLES.map((b) => `bundles/${b}/`)];
const enKeys = [...locales.en.keys()].sort();
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const webRoot = fileURLToPath(new URL('..', import.meta.url));
// the domain names keys too (a date's error: `validation.dateTooEarly`)
const domainRoot = fileURLToPath(new URL('../../domain', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    // the label tables' files name the prefixes of the domain's tables, not keys
    const tables = name === 'labels.ts' && path.includes('/i18n/bundles/');
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !tables ? [path] : [];
  });
}

/** Every 'ns.key' literal in src/web, as `key|file`: t('a.b'), and keys passed as values (labelKey: 'nav.home'). */
function literalKeys(): Set<string> {
  const namespaces = new Set(Object.keys(ALL_STRINGS.en));
  const used = new Set<string>();
  for (const file of [...sources(webRoot), ...sources(domainRoot)]) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/['"`]([a-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9_]*)+)['"`]/g)) {
      const key = m[1]!;
      if (namespaces.has(key.split('.')[0]!) && !/\.(ts|tsx|json|css)$/.test(key)) used.add(`${key}|${file}`);
    }
  }
  return used;
}
const used = literalKeys();

/** Keys built at run time (`t(`roles.${role}`)`), listed from the enums they come from. */
const dynamic = [
  ...ROLES.map((r) => `roles.${r}`),
  ...ORGANISATION_KINDS.map((k) => `organisation.kinds.${k}`),
  ...CENTRE_TYPES.map((k) => `centre.types.${k}`),
  ...AUDIT_ACTIONS.map((a) => `audit.actions.${a}`),
  ...MODULES.flatMap((m) => [`modules.${m.key}`, `modules.about.${m.key}`]),
  ...['organisations', 'centres', 'users'].map((r) => `home.count.${r}`),
  ...SEXES.map((s) => `person.sexes.${s}`),
  ...PERSON_STATUSES.map((s) => `person.statuses.${s}`),
  ...DOCUMENT_TYPES.map((d) => `person.documentTypes.${d}`),
  ...RELATIONSHIPS.map((r) => `person.relationships.${r}`),
  ...ADMISSION_CIRCUMSTANCES.map((c) => `episode.circumstanceTypes.${c}`),
  ...EPISODE_END_REASONS.flatMap((r) => [`episode.endReasons.${r}`, `timeline.kinds.${r}`]),
  ...END_TYPES.map((r) => `episode.endReasons.${r}`),
  ...['admission', 'transfer', 'end'].flatMap((k) => [
    `movement.titles.${k}`,
    `movement.submit.${k}`,
    `movement.actions.${k}`,
  ]),
  ...['registration', 'admission', 'merge', 'unmerge'].map((k) => `timeline.kinds.${k}`),
  ...AGE_GROUPS.map((g) => `population.ageGroups.${g}`),
  ...MODULES.flatMap((m) => modulePages(m).map((p) => p.labelKey)),
  ...REFERRAL_STATUSES.flatMap((s) => [`protection.referralStatuses.${s}`]),
  ...REFERRAL_STATUSES.filter((s) => s !== 'draft').flatMap((s) => [
    `referral.actions.${s}`,
    `referral.confirmBody.${s}`,
  ]),
  ...CASE_STATUSES.map((s) => `protection.caseStatuses.${s}`),
  ...['open', 'done'].map((s) => `protection.taskStatuses.${s}`),
  ...['assign', 'hand_over', 'hold', 'close', 'reopen'].flatMap((a) => [
    `case.actions.${a}`,
    `case.titles.${a}`,
    `case.bodies.${a}`,
  ]),
  ...CONSENT_PURPOSES.map((p) => `consent.purposes.${p}`),
  ...CONSENT_METHODS.map((m) => `consent.methods.${m}`),
  ...['given', 'declined'].map((d) => `consent.decisions.${d}`),
  ...NOTE_CATEGORIES.map((c) => `note.categories.${c}`),
  ...['yes', 'no', 'unknown'].map((v) => `screening.values.${v}`),
  ...PROTECTION_KINDS.map((k) => `timeline.kinds.${k}`),
  ...['screening', 'consent', 'referral', 'case', 'note', 'task', 'sharing_profile'].map(
    (e) => `audit.entities.${e}`,
  ),
  ...['30', '90', '365', '730'].map((r) => `population.ranges.d${r}`),
  ...['nameLatin', 'nameOriginal', 'nameCross'].map((k) => `duplicates.reasons.${k}`),
];

/**
 * Keys built at run time from values no enum lists (e.g. a server's error code), used by prefix.
 * Each is a whole group of keys the code picks from; keep this list short.
 */
const DYNAMIC_PREFIXES = [
  // audit events' entity types, as the server wrote them (home panel, audit page, entity links)
  'audit.entities.',
];

describe('locales', () => {
  it.each(['ar', 'fr'] as const)('%s has exactly the keys of en', (lng) => {
    const keys = [...locales[lng].keys()].sort();
    expect(
      enKeys.filter((k) => !locales[lng].has(k)),
      `missing in ${lng}`,
    ).toEqual([]);
    expect(
      keys.filter((k) => !locales.en.has(k)),
      `only in ${lng}`,
    ).toEqual([]);
  });

  it.each(FILE_SETS.map((dir) => [dir || 'the shell', dir] as const))(
    '%s has the same keys in en, ar and fr (a language switch finds every one)',
    (_, dir) => {
      const en = [...flatten(json(`${dir}en.json`)).keys()].sort();
      for (const lng of ['ar', 'fr'])
        expect([...flatten(json(`${dir}${lng}.json`)).keys()].sort(), lng).toEqual(en);
    },
  );

  it('holds each key in one file only (shell or one bundle)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const dir of FILE_SETS) {
      for (const key of flatten(json(`${dir}en.json`)).keys()) {
        if (seen.has(key)) twice.push(`${key}: ${seen.get(key)}en.json and ${dir}en.json`);
        seen.set(key, dir);
      }
    }
    expect(twice).toEqual([]);
    expect(readdirSync(join(here, 'bundles')).sort(), 'every bundle folder is in BUNDLES').toEqual(
      [...BUNDLES].sort(),
    );
  });

  it.each(['ar', 'fr'] as const)('%s keeps the placeholders of en and leaves nothing empty', (lng) => {
    for (const [key, value] of locales.en) {
      const other = locales[lng].get(key) ?? '';
      expect(other.trim(), `${lng}:${key} is empty`).not.toBe('');
      expect(placeholders(other), `${lng}:${key} placeholders`).toEqual(placeholders(value));
    }
  });

  it('has every literal key used in src/web', () => {
    const missing = [...used]
      .filter((u) => !locales.en.has(u.split('|')[0]!))
      .map((u) => u.replace(webRoot, ''));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(100);
  });

  it('has the keys built from enums', () => {
    expect(dynamic.filter((k) => !locales.en.has(k))).toEqual([]);
  });

  it('uses every key of the English files: none is left behind when the code stops using it', () => {
    const usedKeys = new Set([...used].map((u) => u.split('|')[0]!));
    for (const k of dynamic) usedKeys.add(k);
    const jsonKeys = FILE_SETS.flatMap((dir) => [...flatten(json(`${dir}en.json`)).keys()]);
    const unused = jsonKeys.filter(
      // i18next plural forms (`count_one`) are used through their base key
      (k) =>
        !usedKeys.has(k.replace(/_(zero|one|two|few|many|other)$/, '')) &&
        !DYNAMIC_PREFIXES.some((p) => k.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });

  it('really translates Arabic (Arabic script in every sentence)', () => {
    const untranslated = [...locales.ar].filter(
      ([, v]) => /[A-Za-z]{4,}/.test(v) && !/[\u0600-\u06FF]/.test(v) && !/\{\{/.test(v),
    );
    expect(untranslated).toEqual([]);
  });
});
