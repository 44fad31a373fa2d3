-- The application's queries run as sanad_app (SET LOCAL ROLE per transaction), a role that is
-- neither superuser nor table owner, so row-level security applies on PGlite and PostgreSQL alike.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sanad_app') THEN
    CREATE ROLE sanad_app NOLOGIN;
  END IF;
EXCEPTION
  -- roles are cluster-wide: another database's migration may create it at the same moment
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
--> statement-breakpoint
GRANT sanad_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO sanad_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sanad_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sanad_app;
--> statement-breakpoint
-- Missions: a session sees only its own.
ALTER TABLE missions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY mission_isolation ON missions
  USING (id = nullif(current_setting('app.mission_id', true), '')::uuid)
  WITH CHECK (id = nullif(current_setting('app.mission_id', true), '')::uuid);
--> statement-breakpoint
-- One policy per tenant table, generated so that no table is forgotten.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations','centres','users','role_assignments','role_assignment_centres',
                           'sessions','idempotency_keys','audit_events','audit_heads']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY mission_isolation ON %I
      USING (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)
      WITH CHECK (mission_id = nullif(current_setting('app.mission_id', true), '')::uuid)$p$, t);
  END LOOP;
END
$$;
--> statement-breakpoint
-- The audit trail is append-only for the application...
REVOKE UPDATE, DELETE ON audit_events FROM sanad_app;
--> statement-breakpoint
-- ...and for everyone else unless they first disable this trigger (itself a visible act).
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
-- Sign-in bookkeeping is platform data with no mission; the app role reaches it only through
-- the system connection.
REVOKE ALL ON login_attempts FROM sanad_app;
