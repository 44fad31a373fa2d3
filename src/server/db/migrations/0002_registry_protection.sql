-- trigram search on name keys; btree_gist for the no-overlap constraint on episodes (0003)
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
CREATE TABLE "counters" (
	"mission_id" uuid NOT NULL,
	"series" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "counters_mission_id_series_year_pk" PRIMARY KEY("mission_id","series","year")
);
--> statement-breakpoint
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
CREATE TABLE "cases" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"assigned_user_id" uuid,
	"organisation_id" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"close_reason" text,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cases_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"recipient_organisation_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"method" text NOT NULL,
	"language" text NOT NULL,
	"interpreter" boolean DEFAULT false NOT NULL,
	"given_on" date NOT NULL,
	"withdrawn_on" date,
	"withdrawn_reason" text,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consents_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid,
	"category" text NOT NULL,
	"body" text NOT NULL,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "notes_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid,
	"note" text,
	CONSTRAINT "referral_events_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reference" text NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"recipient_organisation_id" uuid NOT NULL,
	"service" text NOT NULL,
	"urgency" text NOT NULL,
	"reason" text NOT NULL,
	"linked_flags" text[] NOT NULL,
	"status" text NOT NULL,
	"consent_id" uuid,
	"consent_override_reason" text,
	"consent_overridden_by" uuid,
	"sent_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "referrals_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"template_key" text NOT NULL,
	"template_version" integer NOT NULL,
	"answers" text NOT NULL,
	"screened_on" date NOT NULL,
	"interview_language" text,
	"interpreter" boolean DEFAULT false NOT NULL,
	"computed_flags" text[] NOT NULL,
	"computed_risk" text NOT NULL,
	"matched_rules" text[] NOT NULL,
	"flags" text[] NOT NULL,
	"risk_level" text NOT NULL,
	"override_reason" text,
	"overridden_by" uuid,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "screenings_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "sharing_profiles" (
	"mission_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"fields" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sharing_profiles_mission_id_organisation_id_pk" PRIMARY KEY("mission_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"person_id" uuid,
	"referral_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tasks_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "referral_overdue_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_mission_id_centre_id_centres_mission_id_id_fk" FOREIGN KEY ("mission_id","centre_id") REFERENCES "public"."centres"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "headcounts" ADD CONSTRAINT "headcounts_mission_id_centre_id_centres_mission_id_id_fk" FOREIGN KEY ("mission_id","centre_id") REFERENCES "public"."centres"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_mission_id_survivor_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","survivor_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_mission_id_merged_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","merged_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_mission_id_created_by_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","created_by_organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationships" ADD CONSTRAINT "relationships_mission_id_related_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","related_person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_mission_id_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_mission_id_assigned_user_id_users_mission_id_id_fk" FOREIGN KEY ("mission_id","assigned_user_id") REFERENCES "public"."users"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_mission_id_recipient_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","recipient_organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_mission_id_referral_id_referrals_mission_id_id_fk" FOREIGN KEY ("mission_id","referral_id") REFERENCES "public"."referrals"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_mission_id_recipient_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","recipient_organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_mission_id_consent_id_consents_mission_id_id_fk" FOREIGN KEY ("mission_id","consent_id") REFERENCES "public"."consents"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screenings" ADD CONSTRAINT "screenings_mission_id_case_id_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_profiles" ADD CONSTRAINT "sharing_profiles_mission_id_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_mission_id_assignee_user_id_users_mission_id_id_fk" FOREIGN KEY ("mission_id","assignee_user_id") REFERENCES "public"."users"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_mission_id_referral_id_referrals_mission_id_id_fk" FOREIGN KEY ("mission_id","referral_id") REFERENCES "public"."referrals"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "episodes_one_open_uq" ON "episodes" USING btree ("mission_id","person_id") WHERE "episodes"."ended_on" is null;--> statement-breakpoint
CREATE INDEX "episodes_centre_idx" ON "episodes" USING btree ("mission_id","centre_id","admitted_on");--> statement-breakpoint
CREATE INDEX "episodes_person_idx" ON "episodes" USING btree ("mission_id","person_id","admitted_on");--> statement-breakpoint
CREATE INDEX "headcounts_centre_idx" ON "headcounts" USING btree ("mission_id","centre_id","counted_on");--> statement-breakpoint
CREATE INDEX "person_merges_merged_idx" ON "person_merges" USING btree ("mission_id","merged_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_registration_number_uq" ON "persons" USING btree ("mission_id","registration_number");--> statement-breakpoint
CREATE INDEX "persons_name_key_trgm" ON "persons" USING gist ("name_key" gist_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_nationality_idx" ON "persons" USING btree ("mission_id","nationality");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_one_active_uq" ON "cases" USING btree ("mission_id","person_id") WHERE "cases"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("mission_id","assigned_user_id");--> statement-breakpoint
CREATE INDEX "consents_person_idx" ON "consents" USING btree ("mission_id","person_id","purpose","recipient_organisation_id");--> statement-breakpoint
CREATE INDEX "notes_person_idx" ON "notes" USING btree ("mission_id","person_id");--> statement-breakpoint
CREATE INDEX "referral_events_referral_idx" ON "referral_events" USING btree ("mission_id","referral_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_reference_uq" ON "referrals" USING btree ("mission_id","reference");--> statement-breakpoint
CREATE INDEX "referrals_status_idx" ON "referrals" USING btree ("mission_id","status","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_person_idx" ON "referrals" USING btree ("mission_id","person_id");--> statement-breakpoint
CREATE INDEX "screenings_person_idx" ON "screenings" USING btree ("mission_id","person_id","screened_on");--> statement-breakpoint
CREATE INDEX "tasks_assignee_idx" ON "tasks" USING btree ("mission_id","assignee_user_id","status","due_on");