-- Who may do what, enforced by the database too (the API checks the same table
-- first; see README "Who may do what"). Requests from people run as the
-- `authenticated` role with their JWT claims, so these policies apply to them even
-- if an API check were missing. Hand-written; runs on Supabase, PostgreSQL 15+
-- and PGlite.

-- The API's own tables: no policies, so only the API's connection reaches them;
-- and no privileges either (Supabase grants new tables to its roles by default).
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE rate_limits ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON api_keys, rate_limits, idempotency_keys, document_counters FROM anon, authenticated;

-- ---------------------------------------------------------------------------
-- Invoices and the services catalog: everyone reads, admins write.
-- ---------------------------------------------------------------------------
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['invoices', 'services'] LOOP
    EXECUTE format('DROP POLICY authenticated_insert ON %I', t);
    EXECUTE format('DROP POLICY authenticated_update ON %I', t);
    EXECUTE format('CREATE POLICY admin_insert ON %I FOR INSERT TO authenticated WITH CHECK (app_is_admin())', t);
    EXECUTE format('CREATE POLICY admin_update ON %I FOR UPDATE TO authenticated USING (app_is_admin()) WITH CHECK (app_is_admin())', t);
  END LOOP;
  -- Deletes need an admin, on every table.
  FOREACH t IN ARRAY ARRAY['contacts', 'companies', 'projects', 'services', 'project_services', 'invoices', 'meetings',
                           'support_tickets', 'integrations', 'notes'] LOOP
    EXECUTE format('DROP POLICY authenticated_delete ON %I', t);
    EXECUTE format('CREATE POLICY admin_delete ON %I FOR DELETE TO authenticated USING (app_is_admin())', t);
  END LOOP;
END $$;

-- ---------------------------------------------------------------------------
-- Audit: every write to every data table, with the actor the API sets
-- (user:<id>, api-key:<id>, anonymous) and its run id or Idempotency-Key.
-- Replaces the earlier triggers that covered only some tables and columns.
-- ---------------------------------------------------------------------------
DROP TRIGGER companies_audit_insert_delete ON companies;
DROP TRIGGER companies_audit_financials ON companies;
DROP TRIGGER projects_audit_insert_delete ON projects;
DROP TRIGGER projects_audit_fees ON projects;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['contacts', 'companies', 'projects', 'services', 'project_services', 'meetings', 'support_tickets', 'notes'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row_change()', t || '_audit', t);
  END LOOP;
END $$;

-- ---------------------------------------------------------------------------
-- Rate limits: one fixed window per bucket; returns the hits in the current
-- window (this one included) and the seconds until it ends.
-- ---------------------------------------------------------------------------
CREATE FUNCTION app_private.hit_rate_limit(limit_bucket text, window_seconds integer)
RETURNS TABLE (hits integer, retry_after integer)
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH w AS (
    SELECT to_timestamp(floor(extract(epoch FROM now()) / window_seconds) * window_seconds) AS start
  )
  INSERT INTO rate_limits AS r (bucket, window_start, hits)
  SELECT limit_bucket, w.start, 1 FROM w
  ON CONFLICT (bucket, window_start) DO UPDATE SET hits = r.hits + 1
  RETURNING r.hits, ceil(extract(epoch FROM (r.window_start + make_interval(secs => window_seconds) - now())))::integer
$$;

CREATE FUNCTION app_private.purge_rate_limits() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  removed integer;
BEGIN
  DELETE FROM rate_limits WHERE window_start < now() - interval '1 day';
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END $$;

REVOKE ALL ON FUNCTION app_private.hit_rate_limit(text, integer), app_private.purge_rate_limits() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_private.hit_rate_limit(text, integer), app_private.purge_rate_limits() TO service_role;
