CREATE TABLE "person_footprints" (
	"mission_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	CONSTRAINT "person_footprints_mission_id_person_id_organisation_id_centre_id_pk" PRIMARY KEY("mission_id","person_id","organisation_id","centre_id")
);
--> statement-breakpoint
CREATE INDEX "person_footprints_reach_idx" ON "person_footprints" USING btree ("mission_id","organisation_id","centre_id","person_id");--> statement-breakpoint
ALTER TABLE person_footprints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mission_isolation ON person_footprints
  USING (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)
  WITH CHECK (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid);
--> statement-breakpoint
-- A stay records the organisation that admitted the person at that centre.
CREATE FUNCTION footprint_from_episode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_footprints (mission_id, person_id, organisation_id, centre_id)
  VALUES (NEW.mission_id, NEW.person_id, NEW.created_by_organisation_id, NEW.centre_id)
  ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER episodes_footprint AFTER INSERT OR UPDATE OF person_id, centre_id ON episodes
  FOR EACH ROW EXECUTE FUNCTION footprint_from_episode();
--> statement-breakpoint
-- Any other record about a person is made at the centre where the person is held at the time.
CREATE FUNCTION footprint_from_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.person_id IS NOT NULL THEN
    INSERT INTO person_footprints (mission_id, person_id, organisation_id, centre_id)
    SELECT NEW.mission_id, NEW.person_id, NEW.created_by_organisation_id, e.centre_id
      FROM episodes e
     WHERE e.mission_id = NEW.mission_id AND e.person_id = NEW.person_id AND e.ended_on IS NULL
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cases','screenings','consents','referrals','notes','tasks']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I FOR EACH ROW EXECUTE FUNCTION footprint_from_record()',
      t || '_footprint', t);
  END LOOP;
END
$$;
--> statement-breakpoint
INSERT INTO person_footprints (mission_id, person_id, organisation_id, centre_id)
SELECT DISTINCT mission_id, person_id, created_by_organisation_id, centre_id FROM episodes
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO person_footprints (mission_id, person_id, organisation_id, centre_id)
SELECT DISTINCT r.mission_id, r.person_id, r.created_by_organisation_id, e.centre_id
  FROM (
    SELECT mission_id, person_id, created_by_organisation_id, created_at FROM cases
    UNION ALL SELECT mission_id, person_id, created_by_organisation_id, created_at FROM screenings
    UNION ALL SELECT mission_id, person_id, created_by_organisation_id, created_at FROM consents
    UNION ALL SELECT mission_id, person_id, created_by_organisation_id, created_at FROM referrals
    UNION ALL SELECT mission_id, person_id, created_by_organisation_id, created_at FROM notes
    UNION ALL SELECT mission_id, person_id, created_by_organisation_id, created_at FROM tasks WHERE person_id IS NOT NULL
  ) r
  JOIN episodes e ON e.mission_id = r.mission_id AND e.person_id = r.person_id
   AND e.admitted_on <= r.created_at::date AND (e.ended_on IS NULL OR e.ended_on >= r.created_at::date)
ON CONFLICT DO NOTHING;
