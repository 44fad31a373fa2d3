ALTER TABLE "sharing_profiles" ADD COLUMN "services" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "screenings_date_idx" ON "screenings" USING btree ("mission_id","screened_on");--> statement-breakpoint
CREATE INDEX "tasks_referral_idx" ON "tasks" USING btree ("mission_id","referral_id");--> statement-breakpoint
-- profiles that existed before services did could receive any referral: they keep every service
-- (embassies and the detaining authority stay refused by kind); new profiles start with none
UPDATE "sharing_profiles" SET "services" = ARRAY['international_protection','refugee_status_determination','resettlement','medical','psychosocial','legal','family_tracing','shelter','other']::text[] WHERE cardinality("fields") > 0;
