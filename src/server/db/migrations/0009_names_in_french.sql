ALTER TABLE "centres" ADD COLUMN "name_fr" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "name_fr" text;