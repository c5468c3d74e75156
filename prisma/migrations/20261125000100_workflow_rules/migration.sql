-- Rules for the write API, in the database so they hold for every writer and every
-- API instance: company totals kept by triggers, document numbers from a counter,
-- the overdue sweep, and the idempotency store's functions. Hand-written; runs on
-- Supabase, plain PostgreSQL 15+ and PGlite. Documented in README ("Database rules").

-- The API's own tables: RLS on with no policies, so only the functions below (and
-- the table owner) reach them; Supabase's default grants give nothing away.
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_counters ENABLE ROW LEVEL SECURITY;

-- Functions the API calls whatever role a request runs as. A schema of their own:
-- Supabase's REST API exposes `public`, not this.
CREATE SCHEMA IF NOT EXISTS app_private;
GRANT USAGE ON SCHEMA app_private TO anon, authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Company totals: total_revenue = paid invoices, monthly_recurring = live
-- projects' monthly fees, recomputed for the companies a statement touched.
-- ---------------------------------------------------------------------------
CREATE FUNCTION app_private.refresh_company_totals(company_ids uuid[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  UPDATE companies c
  SET total_revenue = t.revenue, monthly_recurring = t.mrr
  FROM (
    SELECT co.id,
           coalesce((SELECT sum(amount) FROM invoices WHERE company_id = co.id AND status = 'paid'), 0) AS revenue,
           coalesce((SELECT sum(monthly_fee) FROM projects WHERE company_id = co.id AND status = 'live'), 0) AS mrr
    FROM companies co WHERE co.id = ANY (company_ids)
  ) t
  WHERE c.id = t.id AND (c.total_revenue IS DISTINCT FROM t.revenue OR c.monthly_recurring IS DISTINCT FROM t.mrr)
$$;

CREATE FUNCTION app_private.company_totals_after_insert() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM app_private.refresh_company_totals(ARRAY(SELECT DISTINCT company_id FROM new_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION app_private.company_totals_after_update() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM app_private.refresh_company_totals(ARRAY(
    SELECT company_id FROM new_rows UNION SELECT company_id FROM old_rows));
  RETURN NULL;
END $$;

CREATE FUNCTION app_private.company_totals_after_delete() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM app_private.refresh_company_totals(ARRAY(SELECT DISTINCT company_id FROM old_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER invoices_company_totals_insert AFTER INSERT ON invoices
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.company_totals_after_insert();
CREATE TRIGGER invoices_company_totals_update AFTER UPDATE ON invoices
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.company_totals_after_update();
CREATE TRIGGER invoices_company_totals_delete AFTER DELETE ON invoices
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.company_totals_after_delete();
CREATE TRIGGER projects_company_totals_insert AFTER INSERT ON projects
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.company_totals_after_insert();
CREATE TRIGGER projects_company_totals_update AFTER UPDATE ON projects
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.company_totals_after_update();
CREATE TRIGGER projects_company_totals_delete AFTER DELETE ON projects
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION app_private.company_totals_after_delete();

-- Companies created before this rule get their totals now.
SELECT app_private.refresh_company_totals(ARRAY(SELECT id FROM companies));

-- ---------------------------------------------------------------------------
-- Document numbers: the next INV-/TKT-<year>-<n> for a kind and year. The counter
-- row is locked until the creating transaction ends, so concurrent creators get
-- consecutive numbers and a rolled-back creation leaves no gap. A year's counter
-- starts after the highest number already stored (imported or seeded documents).
-- ---------------------------------------------------------------------------
CREATE FUNCTION app_private.next_document_number(doc_kind text, doc_year integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  next_value integer;
  highest integer;
BEGIN
  UPDATE document_counters SET last_value = last_value + 1
  WHERE kind = doc_kind AND year = doc_year RETURNING last_value INTO next_value;
  IF FOUND THEN
    RETURN next_value;
  END IF;
  IF doc_kind = 'invoice' THEN
    SELECT max(substring(invoice_number FROM '^INV-' || doc_year || '-(\d+)$')::integer) INTO highest FROM invoices
    WHERE invoice_number LIKE 'INV-' || doc_year || '-%';
  ELSIF doc_kind = 'ticket' THEN
    SELECT max(substring(ticket_number FROM '^TKT-' || doc_year || '-(\d+)$')::integer) INTO highest FROM support_tickets
    WHERE ticket_number LIKE 'TKT-' || doc_year || '-%';
  ELSE
    RAISE EXCEPTION 'unknown document kind %', doc_kind;
  END IF;
  INSERT INTO document_counters (kind, year, last_value) VALUES (doc_kind, doc_year, coalesce(highest, 0) + 1)
  ON CONFLICT (kind, year) DO UPDATE SET last_value = document_counters.last_value + 1
  RETURNING last_value INTO next_value;
  RETURN next_value;
END $$;

-- ---------------------------------------------------------------------------
-- Overdue: an unpaid (sent) invoice past its due date is stored as overdue. The
-- API reads status as derived anyway; this keeps the stored value in step for
-- everyone else (Supabase dashboard, exports). The API runs it at start-up and
-- hourly; on Supabase it can also be scheduled with pg_cron.
-- ---------------------------------------------------------------------------
CREATE FUNCTION app_private.mark_overdue_invoices() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  changed integer;
BEGIN
  UPDATE invoices SET status = 'overdue' WHERE status = 'sent' AND due_date < CURRENT_DATE;
  GET DIAGNOSTICS changed = ROW_COUNT;
  RETURN changed;
END $$;

-- ---------------------------------------------------------------------------
-- Idempotency store. The caller first takes a transaction-level advisory lock on
-- (scope, key), so concurrent retries of one request wait for the first to finish
-- and then find its stored response.
-- ---------------------------------------------------------------------------
CREATE FUNCTION app_private.idempotency_lookup(key_scope text, idem_key text)
RETURNS TABLE (request_hash text, response_status integer, response_body text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT request_hash, response_status, response_body FROM idempotency_keys
  WHERE scope = key_scope AND key = idem_key AND expires_at > now()
$$;

CREATE FUNCTION app_private.idempotency_save(key_scope text, idem_key text, hash text, status integer, body text, ttl_seconds integer)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body, expires_at)
  VALUES (key_scope, idem_key, hash, status, body, now() + make_interval(secs => ttl_seconds))
  ON CONFLICT (scope, key) DO UPDATE
  SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status,
      response_body = EXCLUDED.response_body, created_at = now(), expires_at = EXCLUDED.expires_at
$$;

CREATE FUNCTION app_private.idempotency_purge() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  removed integer;
BEGIN
  DELETE FROM idempotency_keys WHERE expires_at <= now();
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END $$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA app_private FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_private.next_document_number(text, integer),
  app_private.idempotency_lookup(text, text),
  app_private.idempotency_save(text, text, text, integer, text, integer)
  TO anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION app_private.mark_overdue_invoices(), app_private.idempotency_purge() TO service_role;
