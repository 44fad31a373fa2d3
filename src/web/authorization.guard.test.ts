import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../domain/access/roles.ts';

// DESIGN §5: "the web app reads [allowedActions] instead of re-implementing rules". This guard fails
// when a page names a role or reads the access matrix: ask the server (a record's allowedActions,
// /me capabilities) instead. Role names are shown only through translations (`roles.<role>`).

const ROOT = join(import.meta.dirname);

/** A role named where it decides nothing: each entry says why. */
const ALLOWED: Record<string, string> = {
  // the role a new account's first row starts with, which the administrator changes at will
  'features/directory/users/UserForm.tsx': "role: 'caseworker'",
};

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });

const roleLiteral = new RegExp(`['"\`](${ROLES.join('|')})['"\`]`);
const ruleReading = [
  /\brole\s*[!=]==/, // comparing a role
  /[!=]==\s*r(ole)?\.role\b/,
  /\b(ACCESS|canRead|canWrite|TOTP_REQUIRED_ROLES|PERSONAL_CATEGORIES)\b/, // the matrix itself
];
// from the access module, only the list of roles (to pick one in a form) and its type
const accessImport = /import\s*\{([^}]*)\}\s*from\s*'[./]*domain\/access\/[^']*'/;
const importsMoreThanRoles = (line: string) => {
  const names = accessImport.exec(line)?.[1];
  return !!names && names.split(',').some((n) => !['ROLES', 'type Role', 'Role'].includes(n.trim()));
};

describe('the web app never decides authorization itself', () => {
  const found = files(ROOT).flatMap((path) => {
    const name = relative(ROOT, path).replaceAll('\\', '/');
    return readFileSync(path, 'utf8')
      .split('\n')
      .map((line, i) => ({ where: `${name}:${i + 1}`, name, line: line.trim() }))
      .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*'));
  });

  it('names no role outside translations', () => {
    const named = found.filter(
      ({ name, line }) => roleLiteral.test(line) && !(ALLOWED[name] && line.includes(ALLOWED[name])),
    );
    expect(named.map((f) => `${f.where}: ${f.line}`)).toEqual([]);
  });

  it('compares no role and reads no access matrix', () => {
    const rules = found.filter(
      ({ line }) => ruleReading.some((r) => r.test(line)) || importsMoreThanRoles(line),
    );
    expect(rules.map((f) => `${f.where}: ${f.line}`)).toEqual([]);
  });

  it('catches the rules it looks for', () => {
    expect(roleLiteral.test("me.roles.some((r) => r.role === 'protection_officer')")).toBe(true);
    expect(ruleReading.some((r) => r.test('if (a.role === wanted) return true;'))).toBe(true);
    expect(importsMoreThanRoles("import { ACCESS, ROLES } from '../../domain/access/roles.ts';")).toBe(true);
    expect(importsMoreThanRoles("import { ROLES } from '../../../../domain/access/roles.ts';")).toBe(false);
    expect(roleLiteral.test('label: t("user.role")')).toBe(false);
  });

  it('scans the pages (the guard is not vacuous)', () => {
    expect(found.some(({ name }) => name === 'features/protection/person/ProtectionTab.tsx')).toBe(true);
  });
});
