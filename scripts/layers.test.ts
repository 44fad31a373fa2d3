// The module rules of .dependency-cruiser.cjs, as `npm run lint` runs them: each rule fails on a
// small fixture tree that breaks it, and the repository itself passes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Runs the lint's depcruise command in `cwd`; the exit status and what it printed. */
function lint(cwd: string) {
  const r = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'err-long'], {
    cwd,
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A throw-away project with these files (paths relative to its root). */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sanad-layers-'));
  dirs.push(dir);
  const all = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', allowImportingTsExtensions: true },
    }),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('module rules (npm run lint)', () => {
  it("fails a module importing another module's *.routes.ts, and says what to import instead", () => {
    const r = lint(
      fixture({
        'src/server/modules/registry/persons.routes.ts': 'export const loadPerson = () => 1;\n',
        'src/server/modules/protection/notes.routes.ts':
          "import { loadPerson } from '../registry/persons.routes';\nexport const x = loadPerson();\n",
      }),
    );
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('cross-module-routes');
    expect(r.out).toContain('src/server/modules/protection/notes.routes.ts');
    expect(r.out).toContain('*.queries.ts');
  });

  it("fails a module importing another module's internals (not its queries, scope or policy)", () => {
    const r = lint(
      fixture({
        'src/server/modules/registry/registration.ts': 'export const nextNumber = () => 1;\n',
        'src/server/modules/protection/referrals.service.ts':
          "import { nextNumber } from '../registry/registration';\nexport const n = nextNumber();\n",
      }),
    );
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(
      /cross-module-internals[^\n]*src\/server\/modules\/protection\/referrals\.service\.ts/,
    );
  });

  it("allows a module's own routes and another module's queries", () => {
    const r = lint(
      fixture({
        'src/server/modules/registry/persons.queries.ts': 'export const loadPerson = () => 1;\n',
        'src/server/modules/registry/persons.routes.ts':
          "import { loadPerson } from './persons.queries';\nexport const y = loadPerson();\n",
        'src/server/modules/registry/episodes.routes.ts':
          "import { y } from './persons.routes';\nexport const z = y;\n",
        'src/server/modules/protection/notes.routes.ts':
          "import { loadPerson } from '../registry/persons.queries';\nexport const x = loadPerson();\n",
      }),
    );
    expect(r.out).toContain('no dependency violations');
    expect(r.status).toBe(0);
  });

  it('fails an import cycle in the server or the web app', () => {
    const r = lint(
      fixture({
        'src/server/modules/registry/timeline.ts':
          "import { more } from '../protection/timeline';\nexport const all = () => more;\n",
        'src/server/modules/protection/timeline.ts':
          "import type { all } from '../registry/timeline';\nexport const more: typeof all[] = [];\n",
        'src/web/features/a/A.ts': "import { b } from '../b/B';\nexport const a = () => b;\n",
        'src/web/features/b/B.ts': "import { a } from '../a/A';\nexport const b = () => a;\n",
      }),
    );
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/no-cycles[^\n]*src\/server\/modules\/(registry|protection)\/timeline\.ts/);
    expect(r.out).toMatch(/no-cycles[^\n]*src\/web\/features\/[ab]\//);
    // and the registry may not import protection even without a cycle
    expect(r.out).toContain('registry-imports-later-module');
  });

  it('keeps the layers: web never imports server; the domain imports neither, nor Node/SQL/UI packages', () => {
    const r = lint(
      fixture({
        'src/server/app.ts': 'export const buildApp = 1;\n',
        'src/web/x.ts': "import { buildApp } from '../server/app';\nexport const x = buildApp;\n",
        'src/web/y.ts': "import { d } from '../domain/d';\nexport const y = d;\n",
        'src/domain/d.ts': 'export const d = 1;\n',
        'src/domain/a.ts': "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
        'src/domain/b.ts': "import { x } from '../web/x';\nexport const b = x;\n",
        'src/domain/c.ts': "import { eq } from 'drizzle-orm';\nexport const c = eq;\n",
      }),
    );
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/web-imports-server[^\n]*src\/web\/x\.ts/);
    expect(r.out).not.toMatch(/src\/web\/y\.ts/);
    expect(r.out).toMatch(/domain-imports-node[^\n]*src\/domain\/a\.ts/);
    expect(r.out).toMatch(/domain-imports-app[^\n]*src\/domain\/b\.ts/);
    expect(r.out).toMatch(/domain-imports-io-packages[^\n]*src\/domain\/c\.ts/);
  });

  // the whole tree takes a while on a busy machine
  it('finds nothing wrong in this repository', { timeout: 180_000 }, () => {
    const r = lint(ROOT);
    expect(r.out).toContain('no dependency violations');
    expect(r.status).toBe(0);
  });
});
