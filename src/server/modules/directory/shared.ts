/** A patch that flips `active` is a deactivation or reactivation, authorised and audited as such. */
export function activeChange(
  current: boolean,
  next: boolean | undefined,
): 'deactivate' | 'reactivate' | null {
  if (next === undefined || next === current) return null;
  return next ? 'reactivate' : 'deactivate';
}
