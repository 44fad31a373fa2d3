import type { z } from 'zod';
import { unprocessable } from '../../platform/errors';

/**
 * A patch is checked field by field by its own schema, but rules across fields (a medicine's
 * fields, a centre store's centre, a project's dates) hold on the record as patched: the stored
 * row with the patch over it is checked against the create schema (422 with field paths).
 */
export function checkPatched<T extends Record<string, unknown>>(
  schema: z.ZodType,
  before: T,
  patch: Partial<Record<keyof T, unknown>>,
  fields: readonly (keyof T & string)[],
): void {
  const merged: Record<string, unknown> = {};
  for (const f of fields) {
    const v = f in patch && patch[f] !== undefined ? patch[f] : before[f];
    if (v !== null && v !== undefined) merged[f] = v;
  }
  const r = schema.safeParse(merged);
  if (!r.success)
    throw unprocessable(
      'The record as changed breaks a rule',
      r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
}
