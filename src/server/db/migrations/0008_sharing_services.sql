ALTER TABLE "sharing_profiles" ADD COLUMN "services" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "screenings_date_idx" ON "screenings" USING btree ("mission_id","screened_on");--> statement-breakpoint
CREATE INDEX "tasks_referral_idx" ON "tasks" USING btree ("mission_id","referral_id");