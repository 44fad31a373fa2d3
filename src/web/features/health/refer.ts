// Referring a patient to hospital reuses protection's referral form with the `medical` service. The
// server says, per person, which services the reader may refer for (the protection summary's
// `referralServices`); these helpers only read that answer, they never decide who may refer.
import type { ReferralService } from '../../../domain/protection/records.ts';

const HOSPITAL: ReferralService = 'medical';

/** The services the hospital referral form offers: `medical`, if the server lists it, else none. */
export const hospitalServices = (offered: readonly ReferralService[] | undefined): ReferralService[] =>
  (offered ?? []).filter((s) => s === HOSPITAL);

/**
 * How a consultation offers the referral: prominently when its outcome is `referred` (the doctor
 * decided the patient needs a hospital), as a secondary action otherwise, not at all when the
 * server does not let the reader refer this patient to hospital (or has not answered yet).
 */
export function hospitalReferralOffer(
  outcome: string,
  offered: readonly ReferralService[] | undefined,
): 'primary' | 'secondary' | null {
  if (hospitalServices(offered).length === 0) return null;
  return outcome === 'referred' ? 'primary' : 'secondary';
}
