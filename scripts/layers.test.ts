import { describe, expect, it } from 'vitest';
import { checkSource, checkTree } from './layers';

describe('layering check', () => {
  it('catches the web app importing the server', () => {
    expect(
      checkSource('src/web/features/x.tsx', "import { buildApp } from '../../server/app';"),
    ).toHaveLength(1);
  });
  it('catches the domain importing server code or Node built-ins', () => {
    expect(
      checkSource('src/domain/a/b.ts', "import { users } from '../../server/db/schema/index';"),
    ).toHaveLength(1);
    expect(checkSource('src/domain/a/b.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(checkSource('src/domain/a/b.ts', "export { x } from '../../web/y';")).toHaveLength(1);
  });
  it('allows the web app and the server to import the domain', () => {
    expect(
      checkSource(
        'src/web/a.tsx',
        "import { z } from 'zod';\nimport { ROLES } from '../domain/access/roles';",
      ),
    ).toEqual([]);
  });
  it('finds nothing wrong in this repository', () => {
    expect(checkTree('.')).toEqual([]);
  });
});
