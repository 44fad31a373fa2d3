// Every page names the string bundles its code uses (pages.ts, `withStrings([...], ...)`), and the
// shell uses only the shell's strings: a key from a bundle the page did not load would show raw.
// Follows each page's imports (static and dynamic) through src/web and src/domain.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLES, type Bundle } from './bundles.ts';
import { type LabelTables, type Tree, withLabels } from './shared-labels.ts';

const here = dirname(fileURLToPath(import.meta.url));
const webRoot = resolve(here, '..');
const json = (path: string): Tree => JSON.parse(readFileSync(path, 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [key.replace(/_(zero|one|two|few|many|other)$/, '')] : flatten(v, key);
  });
}

async function bundleKeys(bundle: Bundle): Promise<string[]> {
  const labelsFile = resolve(here, 'bundles', bundle, 'labels.ts');
  const labels: LabelTables = existsSync(labelsFile) ? (await import(labelsFile)).LABELS : {};
  return flatten(withLabels(json(resolve(here, 'bundles', bundle, 'en.json')), labels, 'en'));
}

const shellKeys = flatten(json(resolve(here, 'en.json')));
const keysOf = new Map<Bundle, string[]>();
for (const b of BUNDLES) keysOf.set(b, await bundleKeys(b));
const namespaces = new Set([...shellKeys, ...[...keysOf.values()].flat()].map((k) => k.split('.')[0]!));

/** The keys a file names: whole ones ('nav.home') and prefixes of built ones (`roles.${role}`). */
function keysIn(text: string): { whole: string[]; prefixes: string[] } {
  const known = (k: string) => namespaces.has(k.split('.')[0]!) && !/\.(ts|tsx|json|css)$/.test(k);
  const whole = [...text.matchAll(/['"`]([a-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9_]*)+)['"`]/g)].map(
    (m) => m[1]!,
  );
  const prefixes = [
    ...text.matchAll(/[`'"]([a-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)\.(?:\$\{|['"`] *\+)/g),
  ].map((m) => m[1]!);
  return { whole: whole.filter(known), prefixes: prefixes.filter(known) };
}

/** The .ts/.tsx files a file imports (types aside), resolved; pages.ts's own imports are the pages. */
function importsOf(file: string): string[] {
  if (file.endsWith('/app/pages.ts')) return [];
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^(?:import|export)(?! type )[^'";]*?from\s+'(\.[^']+)'/gms),
    ...text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g),
  ].map((m) => m[1]!);
  return specs.filter((s) => /\.tsx?$/.test(s)).map((s) => resolve(dirname(file), s));
}

function closure(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return [...seen];
}

/** The keys a page's code names that the strings it has loaded lack, as `key (file)`. */
function missing(entry: string, bundles: readonly Bundle[]): string[] {
  const available = new Set([...shellKeys, ...bundles.flatMap((b) => keysOf.get(b)!)]);
  const out: string[] = [];
  // the i18n files name tables' prefixes and examples, not keys
  for (const file of closure(entry).filter((f) => !f.startsWith(here))) {
    const { whole, prefixes } = keysIn(readFileSync(file, 'utf8'));
    const at = ` (${file.replace(`${webRoot}/`, '')})`;
    for (const k of whole) if (!available.has(k)) out.push(k + at);
    for (const p of prefixes) if (![...available].some((k) => k.startsWith(`${p}.`))) out.push(`${p}.*${at}`);
  }
  return [...new Set(out)].sort();
}

/** The bundles that hold some of these keys: what the page should name. */
const holders = (keys: string[]) =>
  BUNDLES.filter((b) => keys.some((k) => keysOf.get(b)!.some((bk) => bk.startsWith(k.split(/\.\*| /)[0]!))));

/** pages.ts's entries: each page's module and the bundles it loads with it. */
function pages(): { module: string; bundles: Bundle[] }[] {
  const text = readFileSync(resolve(webRoot, 'app/pages.ts'), 'utf8');
  return [
    ...text.matchAll(
      /lazyRouteComponent\(\s*(?:withStrings\(\s*\[([^\]]*)\],\s*)?\(\) => import\('([^']+)'\)/g,
    ),
  ].map((m) => ({
    module: resolve(webRoot, 'app', m[2]!),
    bundles: [...(m[1] ?? '').matchAll(/'([\w-]+)'/g)].map((b) => b[1] as Bundle),
  }));
}

describe('the strings each page loads', () => {
  it('the shell (main.tsx and what it imports) uses only the shell strings', () => {
    expect(missing(resolve(webRoot, 'main.tsx'), [])).toEqual([]);
  });

  it('no page imports all-strings.ts (every bundle at once: for tests only)', () => {
    const all = resolve(here, 'all-strings.ts');
    for (const entry of [resolve(webRoot, 'main.tsx'), ...pages().map((p) => p.module)]) {
      expect(closure(entry), entry).not.toContain(all);
    }
  });

  const entries = pages();
  it('finds every page of pages.ts', () => {
    const lazy = readFileSync(resolve(webRoot, 'app/pages.ts'), 'utf8').match(/lazyRouteComponent\(/g) ?? [];
    expect(entries.length).toBe(lazy.length);
    expect(entries.length).toBeGreaterThan(40);
  });

  it.each(entries.map((e) => [e.module.replace(`${webRoot}/`, ''), e] as const))(
    '%s loads the bundles its code uses',
    (_, { module, bundles }) => {
      for (const b of bundles) expect(BUNDLES, b).toContain(b);
      const lacking = missing(module, bundles);
      expect(lacking, `in bundles ${holders(lacking).join(', ')}`).toEqual([]);
    },
  );

  it('catches a page that leaves out a bundle it uses', () => {
    const items = resolve(webRoot, 'features/supplies/items/ItemsPage.tsx');
    expect(missing(items, [])).toContainEqual(expect.stringMatching(/^supplies\./));
  });
});
