import { createHash } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Database, Queryable, Tx } from '../db/engine';
import { auditEvents, auditHeads, missions } from '../db/schema/index';
import type { Actor } from './actor';
import { newId } from './ids';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  changedFields?: string[];
  detail?: Record<string, unknown> | null;
}

export const GENESIS = '0'.repeat(64);

/** JSON with sorted keys: jsonb reorders keys, so hashes must not depend on order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

type ChainFields = {
  missionId: string;
  seq: number;
  id: string;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changedFields: string[];
  ip: string | null;
  detail: unknown;
  prevHash: string;
};

/** Hashes exactly the chained fields (a row read back also has `hash`, which must not count). */
export function hashEvent(e: ChainFields): string {
  const fields: Record<keyof ChainFields, unknown> = {
    missionId: e.missionId,
    seq: e.seq,
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorUsername: e.actorUsername,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    changedFields: e.changedFields,
    ip: e.ip,
    detail: e.detail ?? null,
    prevHash: e.prevHash,
  };
  return createHash('sha256').update(canonical(fields)).digest('hex');
}

const eventFields = (
  missionId: string,
  seq: number,
  prevHash: string,
  actor: Actor | null,
  input: AuditInput,
  at: Date,
): ChainFields => ({
  missionId,
  seq,
  id: newId(),
  at,
  actorId: actor?.userId ?? null,
  actorUsername: actor?.username ?? null,
  action: input.action,
  entityType: input.entityType,
  entityId: input.entityId ?? null,
  changedFields: input.changedFields ?? [],
  ip: actor?.ip ?? null,
  detail: input.detail ?? null,
  prevHash,
});

/** The mission's chain head, locked until the transaction ends (appends are serialised). */
async function lockHead(tx: Tx, missionId: string) {
  await tx.insert(auditHeads).values({ missionId, seq: 0, hash: GENESIS }).onConflictDoNothing();
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.missionId, missionId)).for('update');
  if (!head) throw new Error('audit head missing');
  return head;
}

/**
 * Appends one event to the mission's chain, inside the caller's transaction so the event exists
 * exactly when the change does. Locking the head row serialises appends within a mission.
 */
export async function audit(tx: Tx, actor: Actor | null, missionId: string, input: AuditInput, at: Date) {
  const head = await lockHead(tx, missionId);
  const fields = eventFields(missionId, head.seq + 1, head.hash, actor, input, at);
  const hash = hashEvent(fields);
  await tx.insert(auditEvents).values({ ...fields, detail: fields.detail, hash });
  await tx.update(auditHeads).set({ seq: fields.seq, hash }).where(eq(auditHeads.missionId, missionId));
}

/**
 * For bulk loads in one transaction (the demo): events are kept in order and appended to the chain
 * by `flush`, in multi-row inserts, rather than four statements each. The chain is the same as with
 * `audit`, and `flush` runs in the same transaction as the changes, so they still commit together;
 * the loader must flush before it returns and must not read the audit trail before then.
 */
export function auditBuffer(tx: Tx, missionId: string) {
  const pending: { actor: Actor | null; input: AuditInput; at: Date }[] = [];
  return {
    add(actor: Actor | null, input: AuditInput, at: Date): Promise<void> {
      pending.push({ actor, input, at });
      return Promise.resolve();
    },
    async flush(): Promise<void> {
      if (pending.length === 0) return;
      const head = await lockHead(tx, missionId);
      let { seq, hash } = head;
      const rows = pending.splice(0).map(({ actor, input, at }) => {
        const fields = eventFields(missionId, ++seq, hash, actor, input, at);
        hash = hashEvent(fields);
        return { ...fields, detail: fields.detail, hash };
      });
      for (let i = 0; i < rows.length; i += 500) await tx.insert(auditEvents).values(rows.slice(i, i + 500));
      await tx.update(auditHeads).set({ seq, hash }).where(eq(auditHeads.missionId, missionId));
    },
  };
}

export interface ChainBreak {
  missionId: string;
  missionCode: string;
  seq: number;
  id: string;
  reason: string;
}

/** Walks every mission's chain in order and reports the first broken link of each. */
export async function verifyAuditChains(
  database: Database,
  batch = 1000,
): Promise<{
  checked: number;
  breaks: ChainBreak[];
}> {
  const db: Queryable = database.db;
  const all = await db.select({ id: missions.id, code: missions.code }).from(missions);
  const breaks: ChainBreak[] = [];
  let checked = 0;
  for (const m of all) {
    let prev = GENESIS;
    let expectedSeq = 1;
    let lastSeq = 0;
    let broken: ChainBreak | null = null;
    while (!broken) {
      const chunk = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.missionId, m.id), gt(auditEvents.seq, lastSeq)))
        .orderBy(asc(auditEvents.seq))
        .limit(batch);
      if (chunk.length === 0) break;
      for (const e of chunk) {
        checked++;
        const recomputed = hashEvent(e);
        const at = { missionId: m.id, missionCode: m.code, seq: e.seq, id: e.id };
        if (e.seq !== expectedSeq) broken = { ...at, reason: `sequence gap: expected ${expectedSeq}` };
        else if (e.prevHash !== prev) broken = { ...at, reason: 'previous-hash link does not match' };
        else if (recomputed !== e.hash) broken = { ...at, reason: 'contents do not match their hash' };
        if (broken) break;
        prev = e.hash;
        expectedSeq++;
        lastSeq = e.seq;
      }
    }
    if (!broken) {
      const [head] = await db.select().from(auditHeads).where(eq(auditHeads.missionId, m.id));
      if (head && (head.seq !== lastSeq || head.hash !== prev)) {
        broken = {
          missionId: m.id,
          missionCode: m.code,
          seq: head.seq,
          id: '-',
          reason: `chain ends at ${lastSeq} but its head says ${head.seq}: rows were removed`,
        };
      }
    }
    if (broken) breaks.push(broken);
  }
  return { checked, breaks };
}
