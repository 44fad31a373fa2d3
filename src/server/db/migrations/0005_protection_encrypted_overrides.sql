ALTER TABLE "referrals" ADD COLUMN "consent_override_reason_enc" text;--> statement-breakpoint
ALTER TABLE "screenings" ADD COLUMN "override_reason_enc" text;