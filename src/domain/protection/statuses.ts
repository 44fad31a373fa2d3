// Referral services and the lifecycle's states, alone in a module: the web app's route tree validates a list
// filter with them, and must not pull the protection schemas into the first page load.
export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'acknowledged',
  'accepted',
  'declined',
  'completed',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_SERVICES = [
  'international_protection',
  'refugee_status_determination',
  'resettlement',
  'medical',
  'psychosocial',
  'legal',
  'family_tracing',
  'shelter',
  'other',
] as const;
