-- trigram search on name keys; btree_gist for the no-overlap constraint on episodes (0003)
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "episodes" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"admitted_on" date NOT NULL,
	"circumstances" text NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "episodes_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "headcounts" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"counted_on" date NOT NULL,
	"total" integer NOT NULL,
	"men" integer,
	"women" integer,
	"children" integer,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "headcounts_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "person_merges" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"moves" jsonb NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "person_merges_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"registration_number" text NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"full_name_original" text,
	"sex" text NOT NULL,
	"birth_date" date,
	"birth_date_estimated" boolean DEFAULT false NOT NULL,
	"nationality" text NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"phone" text,
	"status" text DEFAULT 'active' NOT NULL,
	"merged_into_id" uuid,
	"name_key" text NOT NULL,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "persons_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "registration_counters" (
	"mission_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "registration_counters_mission_id_year_pk" PRIMARY KEY("mission_id","year")
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"mission_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"related_person_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "relationships_mission_id_person_id_related_person_id_pk" PRIMARY KEY("mission_id","person_id","related_person_id")
);
--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_mission_id_centre_id_centres_mission_id_id_fk" FOREIGN KEY ("mission_id","centre_id") REFERENCES "public"."centres"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "headcounts" ADD CONSTRAINT "headcounts_mission_id_centre_id_centres_mission_id_id_fk" FOREIGN KEY ("mission_id","centre_id") REFERENCES "public"."centres"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_mission_id_survivor_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","survivor_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_mission_id_merged_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","merged_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_mission_id_created_by_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","created_by_organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_counters" ADD CONSTRAINT "registration_counters_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mission_id_related_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","related_person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "episodes_one_open_uq" ON "episodes" USING btree ("mission_id","person_id") WHERE "episodes"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "episodes_centre_idx" ON "episodes" USING btree ("mission_id","centre_id","admitted_on");--> statement-breakpoint
CREATE INDEX "episodes_person_idx" ON "episodes" USING btree ("mission_id","person_id","admitted_on");--> statement-breakpoint
CREATE INDEX "headcounts_centre_idx" ON "headcounts" USING btree ("mission_id","centre_id","counted_on");--> statement-breakpoint
CREATE INDEX "person_merges_merged_idx" ON "person_merges" USING btree ("mission_id","merged_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_registration_number_uq" ON "persons" USING btree ("mission_id","registration_number");--> statement-breakpoint
CREATE INDEX "persons_name_key_trgm" ON "persons" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_nationality_idx" ON "persons" USING btree ("mission_id","nationality");