CREATE TABLE "projects" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"donor_organisation_id" uuid,
	"starts_on" date,
	"ends_on" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "projects_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "distribution_lines" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"distribution_id" uuid NOT NULL,
	"person_id" uuid,
	"item_id" uuid NOT NULL,
	"category" text NOT NULL,
	"occurred_on" date NOT NULL,
	"lot_id" uuid NOT NULL,
	"project_id" uuid,
	"quantity" integer NOT NULL,
	"movement_id" uuid NOT NULL,
	"override_reason" text,
	"cancelled_at" timestamp with time zone,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "distribution_lines_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "distributions" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reference" text NOT NULL,
	"centre_id" uuid NOT NULL,
	"stock_point_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"item_ids" uuid[] NOT NULL,
	"note" text,
	"created_by_organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "distributions_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "eligibility_rules" (
	"mission_id" uuid NOT NULL,
	"category" text NOT NULL,
	"interval_days" integer NOT NULL,
	"allowed" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "eligibility_rules_mission_id_category_pk" PRIMARY KEY("mission_id","category")
);
--> statement-breakpoint
CREATE TABLE "stock_balances" (
	"mission_id" uuid NOT NULL,
	"stock_point_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"on_hand" integer NOT NULL,
	CONSTRAINT "stock_balances_mission_id_stock_point_id_item_id_lot_id_pk" PRIMARY KEY("mission_id","stock_point_id","item_id","lot_id")
);
--> statement-breakpoint
CREATE TABLE "stock_count_lines" (
	"mission_id" uuid NOT NULL,
	"count_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"counted" integer,
	"on_hand_at_approval" integer,
	"adjustment" integer,
	"reason" text,
	"reason_text" text,
	CONSTRAINT "stock_count_lines_mission_id_count_id_lot_id_pk" PRIMARY KEY("mission_id","count_id","lot_id")
);
--> statement-breakpoint
CREATE TABLE "stock_counts" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reference" text NOT NULL,
	"stock_point_id" uuid NOT NULL,
	"counted_on" date NOT NULL,
	"status" text NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stock_counts_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "stock_levels" (
	"mission_id" uuid NOT NULL,
	"stock_point_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"minimum" integer NOT NULL,
	"maximum" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stock_levels_mission_id_stock_point_id_item_id_pk" PRIMARY KEY("mission_id","stock_point_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "stock_lots" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_number" text NOT NULL,
	"expiry_on" date NOT NULL,
	"project_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_lots_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"stock_point_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"reason" text NOT NULL,
	"reason_text" text,
	"document_number" text,
	"supplier_organisation_id" uuid,
	"unit_cost_minor" bigint,
	"currency" text,
	"transfer_id" uuid,
	"distribution_id" uuid,
	"count_id" uuid,
	"reverses_id" uuid,
	"recorded_by" uuid,
	"recorded_by_organisation_id" uuid,
	CONSTRAINT "stock_movements_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "stock_points" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_ar" text,
	"name_fr" text,
	"kind" text NOT NULL,
	"centre_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stock_points_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "stock_transfer_lines" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"transfer_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"received_quantity" integer,
	"shortfall_reason" text,
	CONSTRAINT "stock_transfer_lines_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "stock_transfers" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reference" text NOT NULL,
	"from_stock_point_id" uuid NOT NULL,
	"to_stock_point_id" uuid NOT NULL,
	"status" text NOT NULL,
	"dispatched_on" date NOT NULL,
	"received_on" date,
	"document_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stock_transfers_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
CREATE TABLE "supplies_settings" (
	"mission_id" uuid PRIMARY KEY NOT NULL,
	"near_expiry_block_days" integer DEFAULT 0 NOT NULL,
	"near_expiry_block_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_items" (
	"mission_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_ar" text,
	"name_fr" text,
	"category" text NOT NULL,
	"base_unit" text NOT NULL,
	"pack_size" integer NOT NULL,
	"active_ingredient" text,
	"strength" text,
	"form" text,
	"atc_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "supply_items_mission_id_id_pk" PRIMARY KEY("mission_id","id")
);
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_mission_id_donor_organisation_id_organisations_mission_id_id_fk" FOREIGN KEY ("mission_id","donor_organisation_id") REFERENCES "public"."organisations"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_lines" ADD CONSTRAINT "distribution_lines_mission_id_distribution_id_distributions_mission_id_id_fk" FOREIGN KEY ("mission_id","distribution_id") REFERENCES "public"."distributions"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_lines" ADD CONSTRAINT "distribution_lines_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distribution_lines" ADD CONSTRAINT "distribution_lines_mission_id_lot_id_stock_lots_mission_id_id_fk" FOREIGN KEY ("mission_id","lot_id") REFERENCES "public"."stock_lots"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_mission_id_centre_id_centres_mission_id_id_fk" FOREIGN KEY ("mission_id","centre_id") REFERENCES "public"."centres"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "distributions" ADD CONSTRAINT "distributions_mission_id_stock_point_id_stock_points_mission_id_id_fk" FOREIGN KEY ("mission_id","stock_point_id") REFERENCES "public"."stock_points"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_balances" ADD CONSTRAINT "stock_balances_mission_id_lot_id_stock_lots_mission_id_id_fk" FOREIGN KEY ("mission_id","lot_id") REFERENCES "public"."stock_lots"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_mission_id_count_id_stock_counts_mission_id_id_fk" FOREIGN KEY ("mission_id","count_id") REFERENCES "public"."stock_counts"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_count_lines" ADD CONSTRAINT "stock_count_lines_mission_id_lot_id_stock_lots_mission_id_id_fk" FOREIGN KEY ("mission_id","lot_id") REFERENCES "public"."stock_lots"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_counts" ADD CONSTRAINT "stock_counts_mission_id_stock_point_id_stock_points_mission_id_id_fk" FOREIGN KEY ("mission_id","stock_point_id") REFERENCES "public"."stock_points"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_mission_id_stock_point_id_stock_points_mission_id_id_fk" FOREIGN KEY ("mission_id","stock_point_id") REFERENCES "public"."stock_points"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_mission_id_item_id_supply_items_mission_id_id_fk" FOREIGN KEY ("mission_id","item_id") REFERENCES "public"."supply_items"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_lots" ADD CONSTRAINT "stock_lots_mission_id_item_id_supply_items_mission_id_id_fk" FOREIGN KEY ("mission_id","item_id") REFERENCES "public"."supply_items"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_lots" ADD CONSTRAINT "stock_lots_mission_id_project_id_projects_mission_id_id_fk" FOREIGN KEY ("mission_id","project_id") REFERENCES "public"."projects"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_mission_id_stock_point_id_stock_points_mission_id_id_fk" FOREIGN KEY ("mission_id","stock_point_id") REFERENCES "public"."stock_points"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_mission_id_item_id_supply_items_mission_id_id_fk" FOREIGN KEY ("mission_id","item_id") REFERENCES "public"."supply_items"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_mission_id_lot_id_stock_lots_mission_id_id_fk" FOREIGN KEY ("mission_id","lot_id") REFERENCES "public"."stock_lots"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_points" ADD CONSTRAINT "stock_points_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_points" ADD CONSTRAINT "stock_points_mission_id_centre_id_centres_mission_id_id_fk" FOREIGN KEY ("mission_id","centre_id") REFERENCES "public"."centres"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_transfer_lines" ADD CONSTRAINT "stock_transfer_lines_mission_id_transfer_id_stock_transfers_mission_id_id_fk" FOREIGN KEY ("mission_id","transfer_id") REFERENCES "public"."stock_transfers"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_transfer_lines" ADD CONSTRAINT "stock_transfer_lines_mission_id_lot_id_stock_lots_mission_id_id_fk" FOREIGN KEY ("mission_id","lot_id") REFERENCES "public"."stock_lots"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_transfers" ADD CONSTRAINT "stock_transfers_mission_id_from_stock_point_id_stock_points_mission_id_id_fk" FOREIGN KEY ("mission_id","from_stock_point_id") REFERENCES "public"."stock_points"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_transfers" ADD CONSTRAINT "stock_transfers_mission_id_to_stock_point_id_stock_points_mission_id_id_fk" FOREIGN KEY ("mission_id","to_stock_point_id") REFERENCES "public"."stock_points"("mission_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplies_settings" ADD CONSTRAINT "supplies_settings_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_items" ADD CONSTRAINT "supply_items_mission_id_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."missions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_uq" ON "projects" USING btree ("mission_id","code");--> statement-breakpoint
CREATE INDEX "distribution_lines_distribution_idx" ON "distribution_lines" USING btree ("mission_id","distribution_id");--> statement-breakpoint
CREATE INDEX "distribution_lines_person_idx" ON "distribution_lines" USING btree ("mission_id","person_id","category","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "distributions_reference_uq" ON "distributions" USING btree ("mission_id","reference");--> statement-breakpoint
CREATE INDEX "distributions_centre_day_idx" ON "distributions" USING btree ("mission_id","centre_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_counts_reference_uq" ON "stock_counts" USING btree ("mission_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_lots_uq" ON "stock_lots" USING btree ("mission_id","item_id","lot_number",coalesce("project_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "stock_movements_card_idx" ON "stock_movements" USING btree ("mission_id","stock_point_id","item_id","lot_id","occurred_on");--> statement-breakpoint
CREATE INDEX "stock_movements_point_day_idx" ON "stock_movements" USING btree ("mission_id","stock_point_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_movements_reverses_uq" ON "stock_movements" USING btree ("mission_id","reverses_id") WHERE "stock_movements"."reverses_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_points_name_uq" ON "stock_points" USING btree ("mission_id",lower("name"));--> statement-breakpoint
CREATE INDEX "stock_transfer_lines_transfer_idx" ON "stock_transfer_lines" USING btree ("mission_id","transfer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_transfers_reference_uq" ON "stock_transfers" USING btree ("mission_id","reference");--> statement-breakpoint
CREATE INDEX "stock_transfers_status_idx" ON "stock_transfers" USING btree ("mission_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_items_code_uq" ON "supply_items" USING btree ("mission_id","code");--> statement-breakpoint
-- Mission isolation on the supplies tables (as in 0001).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['projects','supply_items','stock_points','stock_levels','stock_lots','stock_movements',
    'stock_balances','stock_transfers','stock_transfer_lines','stock_counts','stock_count_lines','distributions',
    'distribution_lines','eligibility_rules','supplies_settings']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY mission_isolation ON %I
      USING (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)
      WITH CHECK (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)$p$, t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The ledger is history: the application appends, never rewrites (corrections are reversals).
REVOKE UPDATE, DELETE ON stock_movements FROM sanad_app;
--> statement-breakpoint
ALTER TABLE stock_movements ADD CONSTRAINT stock_movements_quantity_ck CHECK (quantity <> 0);
--> statement-breakpoint
-- The last wall: on hand never goes below zero, whatever the code above it does.
ALTER TABLE stock_balances ADD CONSTRAINT stock_balances_on_hand_ck CHECK (on_hand >= 0);
--> statement-breakpoint
ALTER TABLE stock_transfer_lines ADD CONSTRAINT stock_transfer_lines_quantity_ck
  CHECK (quantity > 0 AND (received_quantity IS NULL OR received_quantity BETWEEN 0 AND quantity));
--> statement-breakpoint
ALTER TABLE stock_transfers ADD CONSTRAINT stock_transfers_status_ck CHECK (status IN ('dispatched', 'received'));
--> statement-breakpoint
ALTER TABLE stock_counts ADD CONSTRAINT stock_counts_status_ck CHECK (status IN ('open', 'approved', 'cancelled'));
--> statement-breakpoint
ALTER TABLE distributions ADD CONSTRAINT distributions_kind_ck CHECK (kind IN ('individual', 'bulk'));
--> statement-breakpoint
ALTER TABLE distribution_lines ADD CONSTRAINT distribution_lines_quantity_ck CHECK (quantity > 0);
--> statement-breakpoint
ALTER TABLE stock_levels ADD CONSTRAINT stock_levels_ck CHECK (minimum >= 0 AND maximum >= minimum);
--> statement-breakpoint
-- An organisation that handed something to a person keeps following them (DESIGN §5), as for
-- protection records (0004).
CREATE TRIGGER distribution_lines_footprint AFTER INSERT ON distribution_lines
  FOR EACH ROW EXECUTE FUNCTION footprint_from_record();
