-- the stored answers held decrypted text and were never re-authorised: forget them all
DELETE FROM "idempotency_keys";--> statement-breakpoint
ALTER TABLE "missions" ADD COLUMN "idempotency_key_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "request_hash" text NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD COLUMN "location" text;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("mission_id","created_at");