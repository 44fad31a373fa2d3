import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let list: Set<string> | undefined;

/** Whether a password is one of the 10,000 most common (data/README.md says where they come from). */
export function isCommonPassword(password: string): boolean {
  list ??= new Set(
    readFileSync(join(import.meta.dirname, 'data', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean),
  );
  return list.has(password.trim().toLowerCase());
}
