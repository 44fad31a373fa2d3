-- Mission isolation on the registry tables (as in 0001).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['persons','registration_counters','episodes','relationships','headcounts','person_merges']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY mission_isolation ON %I
      USING (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)
      WITH CHECK (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)$p$, t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- A person is in one place at a time: no two episodes of the same person overlap. Dates are
-- whole days and an episode ending on a day lets the next one start that same day ('[)').
ALTER TABLE episodes ADD CONSTRAINT episodes_no_overlap EXCLUDE USING gist (
  mission_id WITH =,
  person_id WITH =,
  daterange(admitted_on, ended_on, '[)') WITH &&
);
--> statement-breakpoint
ALTER TABLE episodes ADD CONSTRAINT episodes_dates_ck CHECK (ended_on IS NULL OR ended_on >= admitted_on);
--> statement-breakpoint
ALTER TABLE episodes ADD CONSTRAINT episodes_end_ck CHECK ((ended_on IS NULL) = (end_reason IS NULL));
--> statement-breakpoint
ALTER TABLE headcounts ADD CONSTRAINT headcounts_parts_ck CHECK (
  coalesce(men, 0) + coalesce(women, 0) + coalesce(children, 0) <= total
);
