-- Mission isolation on the registry tables (as in 0001).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['persons','counters','episodes','relationships','headcounts','person_merges']
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
--> statement-breakpoint
-- Mission isolation on the protection tables (as in 0001).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cases','screenings','consents','sharing_profiles','referrals','referral_events','notes','tasks']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY mission_isolation ON %I
      USING (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)
      WITH CHECK (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)$p$, t);
  END LOOP;
END
$$;
--> statement-breakpoint
ALTER TABLE consents ADD CONSTRAINT consents_decision_ck CHECK (decision IN ('given', 'declined'));
--> statement-breakpoint
ALTER TABLE consents ADD CONSTRAINT consents_withdrawn_ck CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on);
--> statement-breakpoint
ALTER TABLE referrals ADD CONSTRAINT referrals_status_ck CHECK (
  status IN ('draft', 'sent', 'acknowledged', 'accepted', 'declined', 'completed', 'cancelled')
);
--> statement-breakpoint
ALTER TABLE cases ADD CONSTRAINT cases_status_ck CHECK (status IN ('open', 'on_hold', 'closed'));
--> statement-breakpoint
-- referral events, like the audit trail, are history: the application appends, never rewrites
REVOKE UPDATE, DELETE ON referral_events FROM sanad_app;
