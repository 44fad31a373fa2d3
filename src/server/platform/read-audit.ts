import type { Work } from './http';

// Reads of protection, medical and counselling records are audited in the read's own
// transaction (DESIGN §6).

/** One record read (its decrypted free text included). */
export const auditRead = (w: Work, entityType: string, id: string, personId: string) =>
  w.audit({ action: 'read', entityType, entityId: id, detail: { personId } });

/**
 * A list read writes ONE event naming the ids it returned, rather than one event per record or
 * only a count: the trail must say exactly whose records were shown (an investigation asks "who
 * saw this referral?", which a count cannot answer), while one event per page keeps the chain from
 * growing by a whole page per click. A page is bounded (limit ≤ 200), and ids are not sensitive,
 * so the event stays small and clear. Empty pages are logged too: "nothing here" is an answer.
 */
export const auditListRead = (
  w: Work,
  entityType: string,
  ids: string[],
  detail: Record<string, unknown> = {},
) => w.audit({ action: 'read', entityType, entityId: null, detail: { ...detail, ids, count: ids.length } });
