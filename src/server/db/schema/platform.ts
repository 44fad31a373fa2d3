import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { missionId, ts } from './columns';
import { missions, users } from './directory';

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    missionId: missionId().references(() => missions.id),
    userId: uuid('user_id').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    index('sessions_user_idx').on(t.missionId, t.userId),
    foreignKey({ columns: [t.missionId, t.userId], foreignColumns: [users.missionId, users.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** Sign-in attempts per client address, for the rate limit (kept in the database so servers can scale out). */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey(),
    ip: text('ip').notNull(),
    username: text('username').notNull(),
    at: ts('at').notNull(),
    success: boolean('success').notNull(),
  },
  (t) => [index('login_attempts_ip_at_idx').on(t.ip, t.at)],
);

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    missionId: missionId().references(() => missions.id),
    userId: uuid('user_id').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    /**
     * Where the created or changed record is read (a GET path). A replay re-reads it as the
     * current user, so it is authorised again and no answer (nor any decrypted text) is kept.
     */
    location: text('location'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.userId, t.key] }),
    index('idempotency_keys_created_idx').on(t.missionId, t.createdAt),
  ],
);

/** Append-only; each row holds the hash of the previous one in its mission (a hash chain). */
export const auditEvents = pgTable(
  'audit_events',
  {
    missionId: missionId().references(() => missions.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorUsername: text('actor_username'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changedFields: text('changed_fields').array().notNull(),
    ip: text('ip'),
    detail: jsonb('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.seq] }),
    index('audit_events_entity_idx').on(t.missionId, t.entityType, t.entityId),
    index('audit_events_actor_idx').on(t.missionId, t.actorUsername),
    index('audit_events_at_idx').on(t.missionId, t.at),
  ],
);

/** The head of each mission's chain; locking this row serialises appends. */
export const auditHeads = pgTable('audit_heads', {
  missionId: missionId()
    .primaryKey()
    .references(() => missions.id),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
