import type { ConsentPurpose, ReferralService } from '../../../../domain/protection/records.ts';

// The referral form's services (and the consent form's purposes) come from the server (the person's protection summary lists those
// the reader may refer this person for): the web never decides that a doctor may refer only to a
// hospital. These helpers only shape that list for the form.

/** The service options, in the server's order, each with its label in the page's language. */
export const serviceOptions = (
  offered: readonly ReferralService[],
  label: (s: ReferralService) => string,
): { value: ReferralService; label: string }[] => offered.map((s) => ({ value: s, label: label(s) }));

/**
 * The service the form opens with: the one asked for (a screening's recommendation) if the reader
 * may refer for it, else the only one offered (a doctor's `medical`), else none to choose yet.
 * Any list the server offers opens this way (the consent form's purposes too).
 */
export function initialChoice<T extends string>(offered: readonly T[], wanted?: string | null): T | null {
  const asked = offered.find((s) => s === wanted);
  if (asked) return asked;
  return offered.length === 1 ? (offered[0] ?? null) : null;
}
export const initialService: (
  offered: readonly ReferralService[],
  wanted?: string | null,
) => ReferralService | null = initialChoice;

/**
 * The consent form's purpose: the one its caller asks for (a referral's), else `referral` (the
 * common case in protection), if the person's protection summary lists it for the reader; else the
 * only purpose they may record (a doctor's `medical`, a return officer's `return`).
 */
export const initialPurpose = (offered: readonly ConsentPurpose[], wanted?: string): ConsentPurpose | null =>
  initialChoice(offered, wanted ?? 'referral');
