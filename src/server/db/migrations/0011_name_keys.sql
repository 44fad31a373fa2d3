CREATE TABLE "person_name_keys" (
	"mission_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"key" text NOT NULL,
	CONSTRAINT "person_name_keys_mission_id_person_id_key_pk" PRIMARY KEY("mission_id","person_id","key")
);
--> statement-breakpoint
ALTER TABLE "person_name_keys" ADD CONSTRAINT "person_name_keys_mission_id_person_id_persons_mission_id_id_fk" FOREIGN KEY ("mission_id","person_id") REFERENCES "public"."persons"("mission_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_name_keys_key_idx" ON "person_name_keys" USING btree ("mission_id","key","person_id");--> statement-breakpoint
CREATE INDEX "persons_family_name_idx" ON "persons" USING btree ("mission_id","family_name","id");--> statement-breakpoint
CREATE INDEX "persons_created_at_idx" ON "persons" USING btree ("mission_id","created_at","id");--> statement-breakpoint
CREATE INDEX "persons_number_seq_idx" ON "persons" USING btree ("mission_id",ltrim(split_part("registration_number", '-', 3), '0'));--> statement-breakpoint
ALTER TABLE person_name_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mission_isolation ON person_name_keys
  USING (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)
  WITH CHECK (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid);
--> statement-breakpoint
-- The blocking keys of a name key ("abdrhmn al mhmd | abdrhmn al mhmd"): each phonetic key and
-- each unordered pair of them, at most the first 8 distinct keys (a name has at most 8 parts).
CREATE FUNCTION name_blocking_keys(name_key text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  WITH parts AS (
    SELECT DISTINCT k FROM regexp_split_to_table(name_key, '[ |]+') AS k WHERE k <> ''
  )
  SELECT k FROM parts
  UNION
  SELECT a.k || ' ' || b.k FROM parts a JOIN parts b ON a.k < b.k
$$;
--> statement-breakpoint
-- Kept in the write's own transaction by a trigger, so no write path (registration, edit, merge,
-- bulk load, demo) can forget it. A merged record keeps its keys: searches filter on status.
CREATE FUNCTION person_name_keys_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.name_key = OLD.name_key AND NEW.id = OLD.id THEN
      RETURN NEW;
    END IF;
    DELETE FROM person_name_keys WHERE mission_id = OLD.mission_id AND person_id = OLD.id;
  END IF;
  INSERT INTO person_name_keys (mission_id, person_id, key)
  SELECT NEW.mission_id, NEW.id, k FROM name_blocking_keys(NEW.name_key) AS k
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER persons_name_keys AFTER INSERT OR UPDATE OF name_key, id ON persons
  FOR EACH ROW EXECUTE FUNCTION person_name_keys_sync();
--> statement-breakpoint
INSERT INTO person_name_keys (mission_id, person_id, key)
SELECT p.mission_id, p.id, k FROM persons p, name_blocking_keys(p.name_key) AS k
ON CONFLICT DO NOTHING;
