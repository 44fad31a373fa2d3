import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The layering rules of DESIGN §2: the web app never imports the server; the domain imports
 * neither, and stays isomorphic (no Node built-ins, no database, no DOM framework).
 */
export const RULES: { from: string; forbid: RegExp; why: string }[] = [
  { from: 'src/web/', forbid: /^src\/server\//, why: 'the web app must not import server code' },
  {
    from: 'src/domain/',
    forbid: /^src\/(server|web)\//,
    why: 'the domain must not import server or web code',
  },
  {
    from: 'src/domain/',
    forbid: /^(node:|fs$|path$|crypto$|pg$|drizzle-orm|@electric-sql|fastify|react|@mantine)/,
    why: 'the domain must stay isomorphic: no Node, SQL or UI packages',
  },
];

const IMPORT = /(?:import|export)\s+(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) yield p;
  }
}

export interface Violation {
  file: string;
  specifier: string;
  why: string;
}

/** Checks one file's source; `file` is relative to the repository root. */
export function checkSource(file: string, source: string): Violation[] {
  const out: Violation[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = (m[1] ?? m[2]) as string;
    const target = spec.startsWith('.')
      ? relative('.', resolve(dirname(file), spec)).replaceAll('\\', '/')
      : spec;
    for (const rule of RULES) {
      if (file.startsWith(rule.from) && rule.forbid.test(target))
        out.push({ file, specifier: spec, why: rule.why });
    }
  }
  return out;
}

export function checkTree(root: string): Violation[] {
  const out: Violation[] = [];
  for (const top of ['src/web', 'src/domain']) {
    let list: string[] = [];
    try {
      list = [...files(join(root, top))];
    } catch {
      continue;
    }
    for (const f of list)
      out.push(...checkSource(relative(root, f).replaceAll('\\', '/'), readFileSync(f, 'utf8')));
  }
  return out;
}
