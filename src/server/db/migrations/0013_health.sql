CREATE TABLE "alert_rules" (
	"mission_id" uuid NOT NULL,
	"code" text NOT NULL,
	"rule" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "alert_rules_mission_id_code_pk" PRIMARY KEY("mission_id","code")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"week" text NOT NULL,
	"syndrome" text NOT NULL,
	"rule_code" text NOT NULL,
	"kind" text NOT NULL,
	"value" numeric,
	"threshold" numeric NOT NULL,
	"cases" integer NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acted_by" uuid,
	"acted_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "alerts_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "clinic_queue" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"ticket" integer NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"consultation_id" uuid,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "clinic_queue_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "clinic_schedules" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"starts_at" text NOT NULL,
	"stock_point_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "clinic_schedules_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "clinic_session_staff" (
	"mission_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "clinic_session_staff_mission_id_session_id_user_id_pk" PRIMARY KEY("mission_id","session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "clinic_sessions" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"stock_point_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "clinic_sessions_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "consultation_diagnoses" (
	"mission_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"certainty" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "consultation_diagnoses_mission_id_consultation_id_code_pk" PRIMARY KEY("mission_id","consultation_id","code")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"consulted_on" date NOT NULL,
	"week" text NOT NULL,
	"person_id" uuid NOT NULL,
	"age_years" integer,
	"clinician_user_id" uuid NOT NULL,
	"created_by_organisation_id" uuid NOT NULL,
	"complaint" text,
	"vitals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dehydration" text DEFAULT 'none' NOT NULL,
	"treatment_notes" text,
	"outcome" text NOT NULL,
	"follow_up_on" date,
	"fitness" text,
	"fitness_valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consultations_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "counselling_participants" (
	"mission_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_by_organisation_id" uuid NOT NULL,
	CONSTRAINT "counselling_participants_mission_id_session_id_person_id_pk" PRIMARY KEY("mission_id","session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "counselling_sessions" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"centre_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"duration_minutes" integer NOT NULL,
	"counsellor_user_id" uuid NOT NULL,
	"created_by_organisation_id" uuid NOT NULL,
	"presenting_problems" text[] NOT NULL,
	"interventions" text[] NOT NULL,
	"instrument" text,
	"score" integer,
	"band" text,
	"self_harm" text,
	"urgent" boolean DEFAULT false NOT NULL,
	"answers" text,
	"notes" text,
	"next_session_on" date,
	"interpreter_used" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "counselling_sessions_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "health_conditions" (
	"mission_id" uuid NOT NULL,
	"code" text NOT NULL,
	"group" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_fr" text NOT NULL,
	"terms" text[] DEFAULT '{}' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "health_conditions_mission_id_code_pk" PRIMARY KEY("mission_id","code")
);
--> statement-breakpoint
CREATE TABLE "mhpss_follow_ups" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "mhpss_follow_ups_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "prescription_lots" (
	"mission_id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"prescription_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "prescription_lots_mission_id_movement_id_pk" PRIMARY KEY("mission_id","movement_id")
);
--> statement-breakpoint
CREATE TABLE "prescriptions" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"dose" text NOT NULL,
	"frequency" text NOT NULL,
	"days" integer NOT NULL,
	"quantity" integer NOT NULL,
	"dispensed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "prescriptions_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "surveillance_cases" (
	"mission_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"syndrome" text NOT NULL,
	"centre_id" uuid NOT NULL,
	"week" text NOT NULL,
	"person_id" uuid NOT NULL,
	"age_years" integer,
	"severe_dehydration" boolean NOT NULL,
	CONSTRAINT "surveillance_cases_mission_id_consultation_id_syndrome_pk" PRIMARY KEY("mission_id","consultation_id","syndrome")
);
--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_mission_id_centre_id_centres_mission_id_id_fk" FOREIGN KEY ("mission_id","centre_id") REFERENCES "public"."centres"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_queue" ADD CONSTRAINT "clinic_queue_mission_id_session_id_clinic_sessions_mission_id_id_fk" FOREIGN KEY ("mission_id","session_id") REFERENCES "public"."clinic_sessions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_queue" ADD CONSTRAINT "clinic_queue_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_schedules" ADD CONSTRAINT "clinic_schedules_mission_id_centre_id_centres_mission_id_id_fk" FOREIGN KEY ("mission_id","centre_id") REFERENCES "public"."centres"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_schedules" ADD CONSTRAINT "clinic_schedules_mission_id_stock_point_id_stock_points_mission_id_id_fk" FOREIGN KEY ("mission_id","stock_point_id") REFERENCES "public"."stock_points"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_session_staff" ADD CONSTRAINT "clinic_session_staff_mission_id_session_id_clinic_sessions_mission_id_id_fk" FOREIGN KEY ("mission_id","session_id") REFERENCES "public"."clinic_sessions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_session_staff" ADD CONSTRAINT "clinic_session_staff_mission_id_user_id_users_mission_id_id_fk" FOREIGN KEY ("mission_id","user_id") REFERENCES "public"."users"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_sessions" ADD CONSTRAINT "clinic_sessions_mission_id_centre_id_centres_mission_id_id_fk" FOREIGN KEY ("mission_id","centre_id") REFERENCES "public"."centres"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_sessions" ADD CONSTRAINT "clinic_sessions_mission_id_stock_point_id_stock_points_mission_id_id_fk" FOREIGN KEY ("mission_id","stock_point_id") REFERENCES "public"."stock_points"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_diagnoses" ADD CONSTRAINT "consultation_diagnoses_mission_id_consultation_id_consultations_mission_id_id_fk" FOREIGN KEY ("mission_id","consultation_id") REFERENCES "public"."consultations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_mission_id_session_id_clinic_sessions_mission_id_id_fk" FOREIGN KEY ("mission_id","session_id") REFERENCES "public"."clinic_sessions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_participants" ADD CONSTRAINT "counselling_participants_mission_id_session_id_counselling_sessions_mission_id_id_fk" FOREIGN KEY ("mission_id","session_id") REFERENCES "public"."counselling_sessions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_participants" ADD CONSTRAINT "counselling_participants_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselling_sessions" ADD CONSTRAINT "counselling_sessions_mission_id_centre_id_centres_mission_id_id_fk" FOREIGN KEY ("mission_id","centre_id") REFERENCES "public"."centres"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mhpss_follow_ups" ADD CONSTRAINT "mhpss_follow_ups_mission_id_session_id_counselling_sessions_mission_id_id_fk" FOREIGN KEY ("mission_id","session_id") REFERENCES "public"."counselling_sessions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mhpss_follow_ups" ADD CONSTRAINT "mhpss_follow_ups_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mhpss_follow_ups" ADD CONSTRAINT "mhpss_follow_ups_mission_id_assignee_user_id_users_mission_id_id_fk" FOREIGN KEY ("mission_id","assignee_user_id") REFERENCES "public"."users"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_lots" ADD CONSTRAINT "prescription_lots_mission_id_movement_id_stock_movements_mission_id_id_fk" FOREIGN KEY ("mission_id","movement_id") REFERENCES "public"."stock_movements"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_lots" ADD CONSTRAINT "prescription_lots_mission_id_prescription_id_prescriptions_mission_id_id_fk" FOREIGN KEY ("mission_id","prescription_id") REFERENCES "public"."prescriptions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescription_lots" ADD CONSTRAINT "prescription_lots_mission_id_lot_id_stock_lots_mission_id_id_fk" FOREIGN KEY ("mission_id","lot_id") REFERENCES "public"."stock_lots"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_mission_id_consultation_id_consultations_mission_id_id_fk" FOREIGN KEY ("mission_id","consultation_id") REFERENCES "public"."consultations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_mission_id_item_id_supply_items_mission_id_id_fk" FOREIGN KEY ("mission_id","item_id") REFERENCES "public"."supply_items"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveillance_cases" ADD CONSTRAINT "surveillance_cases_mission_id_consultation_id_consultations_mission_id_id_fk" FOREIGN KEY ("mission_id","consultation_id") REFERENCES "public"."consultations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_rule_week_uq" ON "alerts" USING btree ("mission_id","centre_id","week","rule_code");--> statement-breakpoint
CREATE INDEX "alerts_status_idx" ON "alerts" USING btree ("mission_id","status","raised_at");--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_queue_person_uq" ON "clinic_queue" USING btree ("mission_id","session_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_queue_ticket_uq" ON "clinic_queue" USING btree ("mission_id","session_id","ticket");--> statement-breakpoint
CREATE INDEX "clinic_schedules_centre_idx" ON "clinic_schedules" USING btree ("mission_id","centre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_sessions_centre_day_uq" ON "clinic_sessions" USING btree ("mission_id","centre_id","held_on");--> statement-breakpoint
CREATE INDEX "consultation_diagnoses_code_idx" ON "consultation_diagnoses" USING btree ("mission_id","code");--> statement-breakpoint
CREATE INDEX "consultations_person_idx" ON "consultations" USING btree ("mission_id","person_id","consulted_on");--> statement-breakpoint
CREATE INDEX "consultations_session_idx" ON "consultations" USING btree ("mission_id","session_id");--> statement-breakpoint
CREATE INDEX "consultations_week_idx" ON "consultations" USING btree ("mission_id","week","centre_id");--> statement-breakpoint
CREATE INDEX "counselling_participants_person_idx" ON "counselling_participants" USING btree ("mission_id","person_id");--> statement-breakpoint
CREATE INDEX "counselling_sessions_centre_idx" ON "counselling_sessions" USING btree ("mission_id","centre_id","held_on");--> statement-breakpoint
CREATE INDEX "mhpss_follow_ups_assignee_idx" ON "mhpss_follow_ups" USING btree ("mission_id","assignee_user_id","status","due_on");--> statement-breakpoint
CREATE INDEX "prescription_lots_prescription_idx" ON "prescription_lots" USING btree ("mission_id","prescription_id");--> statement-breakpoint
CREATE INDEX "prescriptions_consultation_idx" ON "prescriptions" USING btree ("mission_id","consultation_id");--> statement-breakpoint
CREATE INDEX "surveillance_cases_week_idx" ON "surveillance_cases" USING btree ("mission_id","week","centre_id","syndrome");--> statement-breakpoint
CREATE INDEX "surveillance_cases_curve_idx" ON "surveillance_cases" USING btree ("mission_id","syndrome","centre_id","week");--> statement-breakpoint
-- Mission isolation on the health tables (as in 0001).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['clinic_schedules','clinic_sessions','clinic_session_staff','clinic_queue','consultations',
    'consultation_diagnoses','prescriptions','prescription_lots','health_conditions','surveillance_cases',
    'alert_rules','alerts','counselling_sessions','counselling_participants','mhpss_follow_ups']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY mission_isolation ON %I
      USING (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)
      WITH CHECK (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)$p$, t);
  END LOOP;
END
$$;
--> statement-breakpoint
ALTER TABLE clinic_schedules ADD CONSTRAINT clinic_schedules_weekday_ck CHECK (weekday BETWEEN 1 AND 7);
--> statement-breakpoint
ALTER TABLE clinic_sessions ADD CONSTRAINT clinic_sessions_status_ck CHECK (status IN ('open', 'closed'));
--> statement-breakpoint
ALTER TABLE clinic_queue ADD CONSTRAINT clinic_queue_status_ck CHECK (status IN ('waiting', 'seen', 'referred', 'left'));
--> statement-breakpoint
ALTER TABLE consultations ADD CONSTRAINT consultations_outcome_ck CHECK (outcome IN ('treated', 'referred', 'follow_up'));
--> statement-breakpoint
ALTER TABLE consultations ADD CONSTRAINT consultations_fitness_ck
  CHECK ((fitness IS NULL) = (fitness_valid_until IS NULL) AND (fitness IS NULL OR fitness IN ('fit', 'fit_with_escort', 'not_fit')));
--> statement-breakpoint
ALTER TABLE prescriptions ADD CONSTRAINT prescriptions_quantity_ck CHECK (quantity > 0 AND dispensed BETWEEN 0 AND quantity);
--> statement-breakpoint
ALTER TABLE alerts ADD CONSTRAINT alerts_status_ck CHECK (status IN ('new', 'verified', 'discarded', 'responded'));
--> statement-breakpoint
ALTER TABLE counselling_sessions ADD CONSTRAINT counselling_sessions_kind_ck CHECK (kind IN ('individual', 'group'));
--> statement-breakpoint
ALTER TABLE mhpss_follow_ups ADD CONSTRAINT mhpss_follow_ups_status_ck CHECK (status IN ('open', 'done'));
--> statement-breakpoint
-- An organisation that saw a patient, queued them or counselled them keeps following them
-- (DESIGN §5), as for protection records (0004) and distributions (0012).
CREATE TRIGGER clinic_queue_footprint AFTER INSERT ON clinic_queue
  FOR EACH ROW EXECUTE FUNCTION footprint_from_record();
--> statement-breakpoint
CREATE TRIGGER consultations_footprint AFTER INSERT ON consultations
  FOR EACH ROW EXECUTE FUNCTION footprint_from_record();
--> statement-breakpoint
CREATE TRIGGER counselling_participants_footprint AFTER INSERT ON counselling_participants
  FOR EACH ROW EXECUTE FUNCTION footprint_from_record();
