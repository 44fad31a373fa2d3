import { bigint, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every tenant row carries its mission; every key includes it (DESIGN §4). */
export const missionId = () => uuid('mission_id').notNull();

/** Bookkeeping on every mutable row: who, when, and the version for optimistic concurrency. */
export const tracked = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
});

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const bigintNum = (name: string) => bigint(name, { mode: 'number' });
