import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// semver is in the tree through many packages (npm itself uses it); no types are installed
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
};

type Lock = { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as Lock;

// the oldest Node the project supports (package.json engines) and the current Node 20 line
const NODE_20 = ['20.19.0', '20.20.0'];

describe('package-lock.json', () => {
  it('holds no package whose engines.node excludes Node 20, so `npm ci` warns of none', () => {
    const excluded = Object.entries(lock.packages).flatMap(([path, p]) => {
      const range = Array.isArray(p.engines) ? undefined : p.engines?.node;
      if (!range) return [];
      const bad = NODE_20.filter((v) => !semver.satisfies(v, range));
      return bad.length ? [`${path || '(root)'}@${p.version}: node ${range}`] : [];
    });
    expect(excluded).toEqual([]);
  });

  it('would catch such a package', () => {
    expect(semver.satisfies('20.19.0', '>=22')).toBe(false);
    expect(semver.satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
  });
});
