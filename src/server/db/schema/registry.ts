import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { missionId, tracked, ts } from './columns';
import { centres, missions, organisations } from './directory';

export const persons = pgTable(
  'persons',
  {
    missionId: missionId().references(() => missions.id),
    id: uuid('id').notNull(),
    registrationNumber: text('registration_number').notNull(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    fullNameOriginal: text('full_name_original'),
    sex: text('sex').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    birthDateEstimated: boolean('birth_date_estimated').notNull().default(false),
    nationality: text('nationality').notNull(),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    documents: jsonb('documents').notNull().default(sql`'[]'::jsonb`),
    phone: text('phone'),
    status: text('status').notNull().default('active'),
    mergedIntoId: uuid('merged_into_id'),
    /** phonetic key of every name, both scripts, for trigram search (src/domain/names) */
    nameKey: text('name_key').notNull(),
    /** the organisation whose staff registered the person: part of the scope rule (DESIGN §5) */
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('persons_registration_number_uq').on(t.missionId, t.registrationNumber),
    // GiST, not GIN: nearest-neighbour ordering (<<->) uses it even under row-level security,
    // where pg_trgm's % operators (not LEAKPROOF) cannot be index conditions
    index('persons_name_key_trgm').using('gist', sql`${t.nameKey} gist_trgm_ops`),
    index('persons_nationality_idx').on(t.missionId, t.nationality),
    // the list's sortable columns (keyset pages on (column, id)); registration number has its unique index
    index('persons_family_name_idx').on(t.missionId, t.familyName, t.id),
    index('persons_created_at_idx').on(t.missionId, t.createdAt, t.id),
    // a number typed in part ("308", "2026-308") finds its sequence, in any year
    index('persons_number_seq_idx').on(
      t.missionId,
      sql`ltrim(split_part(${t.registrationNumber}, '-', 3), '0')`,
    ),
    foreignKey({
      columns: [t.missionId, t.createdByOrganisationId],
      foreignColumns: [organisations.missionId, organisations.id],
    }),
  ],
);

/**
 * Blocking keys for search and duplicate checks: each phonetic key of a person's names
 * (`persons.name_key`, the same for both scripts) and each unordered pair of them ("ahmd mhmd").
 * Looked up exactly (btree); trigram search on `name_key` remains the fallback for misspellings.
 * Kept by a trigger on persons (migration 0008), so every write path maintains it.
 */
export const personNameKeys = pgTable(
  'person_name_keys',
  {
    missionId: missionId(),
    personId: uuid('person_id').notNull(),
    key: text('key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.personId, t.key] }),
    index('person_name_keys_key_idx').on(t.missionId, t.key, t.personId),
    foreignKey({
      columns: [t.missionId, t.personId],
      foreignColumns: [persons.missionId, persons.id],
    }).onDelete('cascade'),
  ],
);

/** Per mission, series (registration, referral…) and year, the last number handed out. */
export const counters = pgTable(
  'counters',
  {
    missionId: missionId().references(() => missions.id),
    series: text('series').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.missionId, t.series, t.year] })],
);

/**
 * A stay in one centre. At most one open episode per person (a partial unique index) and no
 * two episodes of a person overlapping in time (an exclusion constraint, migration 0003).
 */
export const episodes = pgTable(
  'episodes',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    personId: uuid('person_id').notNull(),
    centreId: uuid('centre_id').notNull(),
    admittedOn: date('admitted_on', { mode: 'string' }).notNull(),
    circumstances: text('circumstances').notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    endReason: text('end_reason'),
    createdByOrganisationId: uuid('created_by_organisation_id').notNull(),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    uniqueIndex('episodes_one_open_uq').on(t.missionId, t.personId).where(sql`${t.endedOn} is null`),
    index('episodes_centre_idx').on(t.missionId, t.centreId, t.admittedOn),
    index('episodes_person_idx').on(t.missionId, t.personId, t.admittedOn),
    foreignKey({ columns: [t.missionId, t.personId], foreignColumns: [persons.missionId, persons.id] }),
    foreignKey({ columns: [t.missionId, t.centreId], foreignColumns: [centres.missionId, centres.id] }),
  ],
);

/**
 * Where an organisation has recorded something about a person (DESIGN §5): one row per
 * (person, organisation, centre). A centre-scoped user reaches a person their organisation
 * recorded at one of their centres. Filled by triggers (migration 0004) so no module can forget.
 */
export const personFootprints = pgTable(
  'person_footprints',
  {
    missionId: missionId(),
    personId: uuid('person_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    centreId: uuid('centre_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.personId, t.organisationId, t.centreId] }),
    index('person_footprints_reach_idx').on(t.missionId, t.organisationId, t.centreId, t.personId),
  ],
);

/** People detained together and how they are related (one row per direction). */
export const relationships = pgTable(
  'relationships',
  {
    missionId: missionId(),
    personId: uuid('person_id').notNull(),
    relatedPersonId: uuid('related_person_id').notNull(),
    relationship: text('relationship').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.personId, t.relatedPersonId] }),
    foreignKey({ columns: [t.missionId, t.personId], foreignColumns: [persons.missionId, persons.id] }),
    foreignKey({
      columns: [t.missionId, t.relatedPersonId],
      foreignColumns: [persons.missionId, persons.id],
    }),
  ],
);

/** Counts reported by the detaining authority, recorded by monitors and managers. */
export const headcounts = pgTable(
  'headcounts',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    centreId: uuid('centre_id').notNull(),
    countedOn: date('counted_on', { mode: 'string' }).notNull(),
    total: integer('total').notNull(),
    men: integer('men'),
    women: integer('women'),
    children: integer('children'),
    note: text('note'),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('headcounts_centre_idx').on(t.missionId, t.centreId, t.countedOn),
    foreignKey({ columns: [t.missionId, t.centreId], foreignColumns: [centres.missionId, centres.id] }),
  ],
);

/** A merge of a duplicate into a survivor; `moves` records what was re-pointed, so it can be undone. */
export const personMerges = pgTable(
  'person_merges',
  {
    missionId: missionId(),
    id: uuid('id').notNull(),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    moves: jsonb('moves').notNull(),
    undoneAt: ts('undone_at'),
    undoneBy: uuid('undone_by'),
    ...tracked(),
  },
  (t) => [
    primaryKey({ columns: [t.missionId, t.id] }),
    index('person_merges_merged_idx').on(t.missionId, t.mergedId),
    foreignKey({ columns: [t.missionId, t.survivorId], foreignColumns: [persons.missionId, persons.id] }),
    foreignKey({ columns: [t.missionId, t.mergedId], foreignColumns: [persons.missionId, persons.id] }),
  ],
);
