CREATE TABLE "consular_interviews" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"embassy_organisation_id" uuid NOT NULL,
	"request_id" uuid,
	"held_on" date NOT NULL,
	"mode" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consular_interviews_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "embassy_request_people" (
	"mission_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"consent_id" uuid,
	"answer" text,
	"answered_on" date,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "embassy_request_people_mission_id_request_id_case_id_pk" PRIMARY KEY("mission_id","request_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "embassy_requests" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reference" text NOT NULL,
	"embassy_organisation_id" uuid NOT NULL,
	"nationality" text NOT NULL,
	"language" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sent_fields" text[],
	"sent_on" date,
	"answered_on" date,
	"note" text,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "embassy_requests_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "exit_clearances" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "exit_clearances_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "movement_escorts" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "movement_escorts_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "movement_passengers" (
	"mission_id" uuid NOT NULL,
	"movement_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"needs_medical_escort" boolean DEFAULT false NOT NULL,
	"departed_at" timestamp with time zone,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "movement_passengers_mission_id_movement_id_case_id_pk" PRIMARY KEY("mission_id","movement_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "movements" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reference" text NOT NULL,
	"kind" text NOT NULL,
	"departs_on" date NOT NULL,
	"route" text NOT NULL,
	"destination_country" text NOT NULL,
	"carrier" text NOT NULL,
	"flight_number" text,
	"seats" integer NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"departed_at" timestamp with time zone,
	"project_id" uuid,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "movements_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "reintegration_follow_ups" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"months_after_arrival" integer NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"survey_id" uuid,
	"answers" jsonb,
	"economic" double precision,
	"social" double precision,
	"psychosocial" double precision,
	"composite" double precision,
	"note" text,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reintegration_follow_ups_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "reintegration_items" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"budget_minor" bigint NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"delivered_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reintegration_items_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "reintegration_plans" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"partner_organisation_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"agreed_on" date NOT NULL,
	"note" text,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reintegration_plans_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "return_cases" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reference" text NOT NULL,
	"person_id" uuid NOT NULL,
	"programme" text NOT NULL,
	"origin" text NOT NULL,
	"destination_country" text NOT NULL,
	"embassy_organisation_id" uuid,
	"project_id" uuid,
	"centre_id" uuid,
	"requested_on" date NOT NULL,
	"state" text DEFAULT 'requested' NOT NULL,
	"state_since" timestamp with time zone DEFAULT now() NOT NULL,
	"reason_closed" text,
	"clearance_reason_enc" text,
	"cleared_by" uuid,
	"cleared_at" timestamp with time zone,
	"departed_on" date,
	"arrived_on" date,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "return_cases_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "return_state_spans" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"state" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"left_at" timestamp with time zone,
	"entered_by" uuid,
	"reason" text,
	CONSTRAINT "return_state_spans_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "returns_settings" (
	"mission_id" uuid PRIMARY KEY NOT NULL,
	"follow_up_months" integer[] DEFAULT '{3,6,12}'::integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sustainability_surveys" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "sustainability_surveys_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "travel_documents" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"issuing_organisation_id" uuid NOT NULL,
	"number" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "travel_documents_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
ALTER TABLE "consular_interviews" ADD CONSTRAINT "consular_interviews_mission_id_case_id_return_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."return_cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consular_interviews" ADD CONSTRAINT "consular_interviews_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consular_interviews" ADD CONSTRAINT "consular_interviews_mission_id_embassy_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","embassy_organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consular_interviews" ADD CONSTRAINT "consular_interviews_mission_id_request_id_embassy_requests_mission_id_id_fk" FOREIGN KEY ("mission_id","request_id") REFERENCES "public"."embassy_requests"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "embassy_request_people" ADD CONSTRAINT "embassy_request_people_mission_id_request_id_embassy_requests_mission_id_id_fk" FOREIGN KEY ("mission_id","request_id") REFERENCES "public"."embassy_requests"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "embassy_request_people" ADD CONSTRAINT "embassy_request_people_mission_id_case_id_return_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."return_cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "embassy_request_people" ADD CONSTRAINT "embassy_request_people_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "embassy_requests" ADD CONSTRAINT "embassy_requests_mission_id_embassy_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","embassy_organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_clearances" ADD CONSTRAINT "exit_clearances_mission_id_case_id_return_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."return_cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_clearances" ADD CONSTRAINT "exit_clearances_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_escorts" ADD CONSTRAINT "movement_escorts_mission_id_movement_id_movements_mission_id_id_fk" FOREIGN KEY ("mission_id","movement_id") REFERENCES "public"."movements"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_escorts" ADD CONSTRAINT "movement_escorts_mission_id_user_id_users_mission_id_id_fk" FOREIGN KEY ("mission_id","user_id") REFERENCES "public"."users"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_passengers" ADD CONSTRAINT "movement_passengers_mission_id_movement_id_movements_mission_id_id_fk" FOREIGN KEY ("mission_id","movement_id") REFERENCES "public"."movements"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_passengers" ADD CONSTRAINT "movement_passengers_mission_id_case_id_return_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."return_cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_passengers" ADD CONSTRAINT "movement_passengers_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_mission_id_project_id_projects_mission_id_id_fk" FOREIGN KEY ("mission_id","project_id") REFERENCES "public"."projects"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_follow_ups" ADD CONSTRAINT "reintegration_follow_ups_mission_id_case_id_return_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."return_cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_follow_ups" ADD CONSTRAINT "reintegration_follow_ups_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_follow_ups" ADD CONSTRAINT "reintegration_follow_ups_mission_id_survey_id_sustainability_surveys_mission_id_id_fk" FOREIGN KEY ("mission_id","survey_id") REFERENCES "public"."sustainability_surveys"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_items" ADD CONSTRAINT "reintegration_items_mission_id_plan_id_reintegration_plans_mission_id_id_fk" FOREIGN KEY ("mission_id","plan_id") REFERENCES "public"."reintegration_plans"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_plans" ADD CONSTRAINT "reintegration_plans_mission_id_case_id_return_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."return_cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_plans" ADD CONSTRAINT "reintegration_plans_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reintegration_plans" ADD CONSTRAINT "reintegration_plans_mission_id_partner_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","partner_organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_cases" ADD CONSTRAINT "return_cases_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_cases" ADD CONSTRAINT "return_cases_mission_id_embassy_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","embassy_organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_cases" ADD CONSTRAINT "return_cases_mission_id_project_id_projects_mission_id_id_fk" FOREIGN KEY ("mission_id","project_id") REFERENCES "public"."projects"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_cases" ADD CONSTRAINT "return_cases_mission_id_centre_id_centres_mission_id_id_fk" FOREIGN KEY ("mission_id","centre_id") REFERENCES "public"."centres"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_cases" ADD CONSTRAINT "return_cases_mission_id_cleared_by_users_mission_id_id_fk" FOREIGN KEY ("mission_id","cleared_by") REFERENCES "public"."users"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_state_spans" ADD CONSTRAINT "return_state_spans_mission_id_case_id_return_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."return_cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "returns_settings" ADD CONSTRAINT "returns_settings_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_documents" ADD CONSTRAINT "travel_documents_mission_id_case_id_return_cases_mission_id_id_fk" FOREIGN KEY ("mission_id","case_id") REFERENCES "public"."return_cases"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_documents" ADD CONSTRAINT "travel_documents_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_documents" ADD CONSTRAINT "travel_documents_mission_id_issuing_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","issuing_organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consular_interviews_case_idx" ON "consular_interviews" USING btree ("mission_id","case_id");--> statement-breakpoint
CREATE INDEX "embassy_request_people_case_idx" ON "embassy_request_people" USING btree ("mission_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "embassy_requests_reference_uq" ON "embassy_requests" USING btree ("mission_id","reference");--> statement-breakpoint
CREATE INDEX "embassy_requests_embassy_idx" ON "embassy_requests" USING btree ("mission_id","embassy_organisation_id","status");--> statement-breakpoint
CREATE INDEX "exit_clearances_case_idx" ON "exit_clearances" USING btree ("mission_id","case_id");--> statement-breakpoint
CREATE INDEX "movement_escorts_movement_idx" ON "movement_escorts" USING btree ("mission_id","movement_id");--> statement-breakpoint
CREATE INDEX "movement_passengers_case_idx" ON "movement_passengers" USING btree ("mission_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "movements_reference_uq" ON "movements" USING btree ("mission_id","reference");--> statement-breakpoint
CREATE INDEX "movements_departs_idx" ON "movements" USING btree ("mission_id","departs_on");--> statement-breakpoint
CREATE UNIQUE INDEX "reintegration_follow_ups_case_uq" ON "reintegration_follow_ups" USING btree ("mission_id","case_id","months_after_arrival");--> statement-breakpoint
CREATE INDEX "reintegration_follow_ups_due_idx" ON "reintegration_follow_ups" USING btree ("mission_id","done_on","due_on");--> statement-breakpoint
CREATE INDEX "reintegration_items_plan_idx" ON "reintegration_items" USING btree ("mission_id","plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reintegration_plans_case_uq" ON "reintegration_plans" USING btree ("mission_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_cases_reference_uq" ON "return_cases" USING btree ("mission_id","reference");--> statement-breakpoint
CREATE INDEX "return_cases_person_idx" ON "return_cases" USING btree ("mission_id","person_id");--> statement-breakpoint
CREATE INDEX "return_cases_state_idx" ON "return_cases" USING btree ("mission_id","state","state_since");--> statement-breakpoint
CREATE INDEX "return_cases_departed_idx" ON "return_cases" USING btree ("mission_id","departed_on");--> statement-breakpoint
CREATE INDEX "return_state_spans_case_idx" ON "return_state_spans" USING btree ("mission_id","case_id","entered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sustainability_surveys_version_uq" ON "sustainability_surveys" USING btree ("mission_id","code","version");--> statement-breakpoint
CREATE INDEX "travel_documents_case_idx" ON "travel_documents" USING btree ("mission_id","case_id");--> statement-breakpoint
-- Mission isolation on the returns tables (as in 0001).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['return_cases','return_state_spans','travel_documents','exit_clearances',
    'embassy_requests','embassy_request_people','consular_interviews','movements','movement_escorts',
    'movement_passengers','reintegration_plans','reintegration_items','sustainability_surveys',
    'reintegration_follow_ups','returns_settings']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY mission_isolation ON %I
      USING (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)
      WITH CHECK (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)$p$, t);
  END LOOP;
END
$$;
--> statement-breakpoint
ALTER TABLE return_cases ADD CONSTRAINT return_cases_state_ck CHECK (state IN ('requested', 'counselled',
  'consented', 'protection_cleared', 'nationality_confirmed', 'travel_document_issued', 'exit_cleared',
  'fit_to_travel', 'booked', 'departed', 'arrived', 'reintegration_planned', 'reintegration_in_progress',
  'closed', 'withdrawn', 'ineligible', 'no_show'));
--> statement-breakpoint
ALTER TABLE return_cases ADD CONSTRAINT return_cases_programme_ck CHECK (programme IN ('vhr', 'avrr'));
--> statement-breakpoint
ALTER TABLE return_cases ADD CONSTRAINT return_cases_origin_ck CHECK (origin IN ('person', 'embassy'));
--> statement-breakpoint
ALTER TABLE travel_documents ADD CONSTRAINT travel_documents_type_ck CHECK (type IN ('passport',
  'emergency_travel_document', 'laissez_passer', 'consular_attestation'));
--> statement-breakpoint
ALTER TABLE travel_documents ADD CONSTRAINT travel_documents_dates_ck CHECK (expires_on >= issued_on);
--> statement-breakpoint
ALTER TABLE exit_clearances ADD CONSTRAINT exit_clearances_dates_ck CHECK (valid_until >= issued_on);
--> statement-breakpoint
ALTER TABLE embassy_requests ADD CONSTRAINT embassy_requests_status_ck CHECK (status IN ('draft', 'sent', 'answered', 'closed'));
--> statement-breakpoint
ALTER TABLE embassy_request_people ADD CONSTRAINT embassy_request_people_answer_ck
  CHECK (answer IS NULL OR answer IN ('confirmed', 'not_confirmed', 'interview_needed'));
--> statement-breakpoint
ALTER TABLE consular_interviews ADD CONSTRAINT consular_interviews_mode_ck CHECK (mode IN ('in_person', 'video'));
--> statement-breakpoint
ALTER TABLE consular_interviews ADD CONSTRAINT consular_interviews_outcome_ck
  CHECK (outcome IN ('confirmed', 'not_confirmed', 'pending'));
--> statement-breakpoint
ALTER TABLE movements ADD CONSTRAINT movements_kind_ck CHECK (kind IN ('charter', 'scheduled', 'road'));
--> statement-breakpoint
ALTER TABLE movements ADD CONSTRAINT movements_status_ck CHECK (status IN ('planned', 'departed', 'cancelled'));
--> statement-breakpoint
ALTER TABLE movements ADD CONSTRAINT movements_seats_ck CHECK (seats > 0);
--> statement-breakpoint
ALTER TABLE movement_escorts ADD CONSTRAINT movement_escorts_kind_ck CHECK (kind IN ('medical', 'operational'));
--> statement-breakpoint
ALTER TABLE movement_passengers ADD CONSTRAINT movement_passengers_status_ck
  CHECK (status IN ('booked', 'departed', 'no_show', 'removed'));
--> statement-breakpoint
ALTER TABLE reintegration_items ADD CONSTRAINT reintegration_items_kind_ck
  CHECK (kind IN ('cash', 'business', 'training', 'medical', 'housing', 'psychosocial'));
--> statement-breakpoint
ALTER TABLE reintegration_items ADD CONSTRAINT reintegration_items_status_ck
  CHECK (status IN ('planned', 'in_progress', 'delivered', 'cancelled'));
--> statement-breakpoint
ALTER TABLE reintegration_items ADD CONSTRAINT reintegration_items_budget_ck CHECK (budget_minor >= 0);
--> statement-breakpoint
ALTER TABLE reintegration_follow_ups ADD CONSTRAINT reintegration_follow_ups_scores_ck CHECK (
  (economic IS NULL OR economic BETWEEN 0 AND 1) AND (social IS NULL OR social BETWEEN 0 AND 1)
  AND (psychosocial IS NULL OR psychosocial BETWEEN 0 AND 1) AND (composite IS NULL OR composite BETWEEN 0 AND 1));
--> statement-breakpoint
-- A person has at most one return case in progress.
CREATE UNIQUE INDEX return_cases_one_open_uq ON return_cases (mission_id, person_id)
  WHERE state NOT IN ('closed', 'withdrawn', 'ineligible');
--> statement-breakpoint
-- The pipeline board's "stuck longest": open cases, oldest in their state first (read 20 in order).
CREATE INDEX return_cases_open_since_idx ON return_cases (mission_id, state_since, id)
  WHERE state NOT IN ('closed', 'withdrawn', 'ineligible');
--> statement-breakpoint
-- An organisation that handled someone's return keeps following them (DESIGN §5), as for
-- protection records (0004), distributions (0012) and consultations (0013).
CREATE TRIGGER return_cases_footprint AFTER INSERT ON return_cases
  FOR EACH ROW EXECUTE FUNCTION footprint_from_record();
