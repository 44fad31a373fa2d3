import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/engine';
import { referrals, screenings } from '../../db/schema/index';
import type { Cipher } from '../../platform/crypto';
import { inSystem } from '../../platform/tx';

/**
 * Override reasons were once stored in clear (referrals' consent overrides, screenings' outcome
 * overrides). SQL cannot encrypt them (the key lives with the app), so this one-off step runs at
 * start right after the migrations (and so on `sanad migrate`): it moves any clear reason into the
 * encrypted column and empties the clear one. Idempotent: once done it finds nothing. Returns how
 * many rows moved.
 */
export async function encryptClearOverrideReasons(database: Database, cipher: Cipher): Promise<number> {
  return inSystem(database, async (tx) => {
    let moved = 0;
    const refs = await tx
      .select({ m: referrals.missionId, id: referrals.id, clear: referrals.consentOverrideReasonClear })
      .from(referrals)
      .where(isNotNull(referrals.consentOverrideReasonClear));
    for (const r of refs) {
      await tx
        .update(referrals)
        .set({ consentOverrideReason: cipher.encrypt(r.clear ?? ''), consentOverrideReasonClear: null })
        .where(and(eq(referrals.missionId, r.m), eq(referrals.id, r.id)));
      moved++;
    }
    const scr = await tx
      .select({ m: screenings.missionId, id: screenings.id, clear: screenings.overrideReasonClear })
      .from(screenings)
      .where(isNotNull(screenings.overrideReasonClear));
    for (const s of scr) {
      await tx
        .update(screenings)
        .set({ overrideReason: cipher.encrypt(s.clear ?? ''), overrideReasonClear: null })
        .where(and(eq(screenings.missionId, s.m), eq(screenings.id, s.id)));
      moved++;
    }
    return moved;
  });
}
