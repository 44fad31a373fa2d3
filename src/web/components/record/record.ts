/** What the server says the user may do with one record (DESIGN §5): never re-derived here. */
export const can = (record: { allowedActions?: readonly string[] } | undefined, action: string): boolean =>
  !!record?.allowedActions?.includes(action);

/**
 * The fields that differ from the stored record, for a PATCH. An optional field that was set and
 * is now empty is reported in `cleared` (the update schemas cannot empty a field yet).
 */
export function changedFields<T extends Record<string, unknown>>(
  before: Record<string, unknown>,
  after: T,
): { changes: Partial<T>; cleared: string[] } {
  const changes: Partial<T> = {};
  const cleared: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (value === undefined) {
      if (old !== undefined && old !== null && old !== '') cleared.push(key);
      continue;
    }
    if (JSON.stringify(value) !== JSON.stringify(old)) (changes as Record<string, unknown>)[key] = value;
  }
  return { changes, cleared };
}

/** '' → undefined, so optional fields are left out rather than sent empty. */
export const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

/** Number inputs give number | ''. */
export const optNum = (v: number | string): number | undefined =>
  typeof v === 'number' ? v : v.trim() === '' ? undefined : Number(v);
