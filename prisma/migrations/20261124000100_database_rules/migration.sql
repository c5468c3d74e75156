-- Database rules that Prisma cannot express: CHECK constraints, triggers, the five
-- views, row level security and the audit log. Hand-written; runs unchanged on
-- Supabase, plain PostgreSQL 15+ and PGlite. Documented in README ("Database rules").

-- ---------------------------------------------------------------------------
-- CHECK constraints: what the domain forbids
-- ---------------------------------------------------------------------------
ALTER TABLE contacts
  ADD CONSTRAINT contacts_first_name_check CHECK (btrim(first_name) <> ''),
  ADD CONSTRAINT contacts_email_check CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');

ALTER TABLE companies
  ADD CONSTRAINT companies_company_name_check CHECK (btrim(company_name) <> ''),
  ADD CONSTRAINT companies_total_revenue_check CHECK (total_revenue >= 0),
  ADD CONSTRAINT companies_monthly_recurring_check CHECK (monthly_recurring >= 0),
  ADD CONSTRAINT companies_contract_dates_check CHECK (contract_end_date IS NULL OR contract_start_date IS NULL OR contract_end_date >= contract_start_date);

ALTER TABLE projects
  ADD CONSTRAINT projects_project_name_check CHECK (btrim(project_name) <> ''),
  ADD CONSTRAINT projects_setup_fee_check CHECK (setup_fee >= 0),
  ADD CONSTRAINT projects_monthly_fee_check CHECK (monthly_fee >= 0),
  ADD CONSTRAINT projects_tool_costs_check CHECK (tool_costs >= 0),
  ADD CONSTRAINT projects_estimated_hours_check CHECK (estimated_hours IS NULL OR estimated_hours >= 0),
  ADD CONSTRAINT projects_actual_hours_check CHECK (actual_hours IS NULL OR actual_hours >= 0),
  ADD CONSTRAINT projects_dates_check CHECK (go_live_date IS NULL OR start_date IS NULL OR go_live_date >= start_date);

ALTER TABLE services
  ADD CONSTRAINT services_service_name_check CHECK (btrim(service_name) <> ''),
  ADD CONSTRAINT services_fees_check CHECK (
    coalesce(base_setup_fee_min, 0) >= 0 AND coalesce(base_setup_fee_max, 0) >= 0
    AND coalesce(base_monthly_fee_min, 0) >= 0 AND coalesce(base_monthly_fee_max, 0) >= 0),
  ADD CONSTRAINT services_setup_fee_range_check CHECK (base_setup_fee_min IS NULL OR base_setup_fee_max IS NULL OR base_setup_fee_min <= base_setup_fee_max),
  ADD CONSTRAINT services_monthly_fee_range_check CHECK (base_monthly_fee_min IS NULL OR base_monthly_fee_max IS NULL OR base_monthly_fee_min <= base_monthly_fee_max),
  ADD CONSTRAINT services_typical_duration_weeks_check CHECK (typical_duration_weeks IS NULL OR typical_duration_weeks > 0);

ALTER TABLE invoices
  ADD CONSTRAINT invoices_invoice_number_check CHECK (btrim(invoice_number) <> ''),
  ADD CONSTRAINT invoices_amount_check CHECK (amount >= 0),
  ADD CONSTRAINT invoices_amount_usd_check CHECK (amount_usd IS NULL OR amount_usd >= 0),
  ADD CONSTRAINT invoices_currency_check CHECK (currency ~ '^[A-Z]{3}$'),
  ADD CONSTRAINT invoices_due_date_check CHECK (due_date IS NULL OR due_date >= issue_date),
  ADD CONSTRAINT invoices_paid_date_check CHECK (paid_date IS NULL OR paid_date >= issue_date);

ALTER TABLE meetings
  ADD CONSTRAINT meetings_title_check CHECK (btrim(title) <> ''),
  ADD CONSTRAINT meetings_duration_minutes_check CHECK (duration_minutes > 0);

ALTER TABLE support_tickets
  ADD CONSTRAINT support_tickets_ticket_number_check CHECK (btrim(ticket_number) <> ''),
  ADD CONSTRAINT support_tickets_subject_check CHECK (btrim(subject) <> ''),
  ADD CONSTRAINT support_tickets_resolved_at_check CHECK (resolved_at IS NULL OR resolved_at >= created_at);

ALTER TABLE integrations
  ADD CONSTRAINT integrations_tool_name_check CHECK (btrim(tool_name) <> ''),
  ADD CONSTRAINT integrations_monthly_cost_check CHECK (monthly_cost >= 0);

ALTER TABLE notes
  ADD CONSTRAINT notes_note_text_check CHECK (btrim(note_text) <> ''),
  ADD CONSTRAINT notes_related_id_check CHECK ((note_type = 'general') = (related_id IS NULL));

-- ---------------------------------------------------------------------------
-- updated_at kept current, whoever edits the row (API, Supabase dashboard, SQL)
-- ---------------------------------------------------------------------------
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;

CREATE TRIGGER contacts_set_updated_at BEFORE UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER companies_set_updated_at BEFORE UPDATE ON companies FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER projects_set_updated_at BEFORE UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER services_set_updated_at BEFORE UPDATE ON services FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER invoices_set_updated_at BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER meetings_set_updated_at BEFORE UPDATE ON meetings FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER support_tickets_set_updated_at BEFORE UPDATE ON support_tickets FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER integrations_set_updated_at BEFORE UPDATE ON integrations FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER notes_set_updated_at BEFORE UPDATE ON notes FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Emails are stored trimmed and lower-case, so the unique index on contacts.email
-- is case-insensitive for every writer (the website form inserts directly too).
CREATE FUNCTION normalize_contact_email() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.email := lower(btrim(NEW.email));
  RETURN NEW;
END $$;

CREATE TRIGGER contacts_normalize_email BEFORE INSERT OR UPDATE OF email ON contacts FOR EACH ROW EXECUTE FUNCTION normalize_contact_email();

-- ---------------------------------------------------------------------------
-- Polymorphic notes kept honest: related_id points at an existing row of the
-- table note_type names, and a record's notes go with it.
-- ---------------------------------------------------------------------------
CREATE FUNCTION check_note_subject() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  found boolean;
BEGIN
  IF NEW.note_type = 'general' OR NEW.related_id IS NULL THEN
    RETURN NEW; -- notes_related_id_check speaks for a missing related_id
  END IF;
  EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)',
                 CASE NEW.note_type WHEN 'contact' THEN 'contacts' WHEN 'company' THEN 'companies' ELSE 'projects' END)
    INTO found USING NEW.related_id;
  IF NOT found THEN
    RAISE EXCEPTION 'note related_id % does not exist in the % records', NEW.related_id, NEW.note_type
      USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'notes_related_id_fkey';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER notes_check_subject BEFORE INSERT OR UPDATE OF note_type, related_id ON notes FOR EACH ROW EXECUTE FUNCTION check_note_subject();

-- SECURITY DEFINER: deleting a record removes its notes even when the deleting
-- user may not see (or delete) other people's private notes.
CREATE FUNCTION delete_subject_notes() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  DELETE FROM notes WHERE note_type = TG_ARGV[0]::note_type AND related_id = OLD.id;
  RETURN OLD;
END $$;

CREATE TRIGGER contacts_delete_notes AFTER DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION delete_subject_notes('contact');
CREATE TRIGGER companies_delete_notes AFTER DELETE ON companies FOR EACH ROW EXECUTE FUNCTION delete_subject_notes('company');
CREATE TRIGGER projects_delete_notes AFTER DELETE ON projects FOR EACH ROW EXECUTE FUNCTION delete_subject_notes('project');

-- ---------------------------------------------------------------------------
-- Supabase roles and auth helpers, created only where missing (plain Postgres,
-- PGlite); on Supabase they exist and belong to Supabase.
-- ---------------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
    CREATE ROLE anon NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
    CREATE ROLE authenticated NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN
    CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;
  END IF;
END $$;

CREATE SCHEMA IF NOT EXISTS auth;

DO $$
BEGIN
  IF to_regprocedure('auth.jwt()') IS NULL THEN
    CREATE FUNCTION auth.jwt() RETURNS jsonb LANGUAGE sql STABLE AS $f$
      SELECT coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
    $f$;
  END IF;
  IF to_regprocedure('auth.uid()') IS NULL THEN
    CREATE FUNCTION auth.uid() RETURNS uuid LANGUAGE sql STABLE AS $f$
      SELECT coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
                      nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid
    $f$;
  END IF;
END $$;

-- The team role lives in the token's app_metadata (set by admins, not by users).
CREATE FUNCTION app_is_admin() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb -> 'app_metadata' ->> 'role', '') = 'admin'
$$;

GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
GRANT USAGE ON SCHEMA auth TO anon, authenticated, service_role;
GRANT EXECUTE ON FUNCTION app_is_admin() TO anon, authenticated, service_role;
GRANT SELECT, INSERT, UPDATE, DELETE ON contacts, companies, projects, services, project_services, invoices, meetings,
  support_tickets, integrations, notes TO authenticated, service_role;
GRANT SELECT ON audit_log TO authenticated, service_role;
GRANT INSERT ON contacts TO anon;

-- ---------------------------------------------------------------------------
-- Row level security: on every table; reads and writes are separate policies.
-- service_role bypasses RLS (BYPASSRLS); the table owner (migrations, the API's
-- own connection) is not subject to it.
-- ---------------------------------------------------------------------------
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['contacts', 'companies', 'projects', 'services', 'project_services', 'invoices', 'meetings',
                           'support_tickets', 'integrations', 'notes', 'audit_log'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['contacts', 'companies', 'projects', 'services', 'project_services', 'invoices', 'meetings',
                           'support_tickets', 'integrations'] LOOP
    EXECUTE format('CREATE POLICY authenticated_read ON %I FOR SELECT TO authenticated USING (true)', t);
    EXECUTE format('CREATE POLICY authenticated_insert ON %I FOR INSERT TO authenticated WITH CHECK (true)', t);
    EXECUTE format('CREATE POLICY authenticated_update ON %I FOR UPDATE TO authenticated USING (true) WITH CHECK (true)', t);
    EXECUTE format('CREATE POLICY authenticated_delete ON %I FOR DELETE TO authenticated USING (true)', t);
  END LOOP;
END $$;

-- Private notes: only their author and admins see or change them.
CREATE POLICY authenticated_read ON notes FOR SELECT TO authenticated
  USING (NOT is_private OR created_by = auth.uid() OR app_is_admin());
CREATE POLICY authenticated_insert ON notes FOR INSERT TO authenticated
  WITH CHECK (created_by = auth.uid() OR app_is_admin());
CREATE POLICY authenticated_update ON notes FOR UPDATE TO authenticated
  USING (created_by = auth.uid() OR app_is_admin() OR (NOT is_private AND created_by IS NULL))
  WITH CHECK (created_by = auth.uid() OR app_is_admin() OR (NOT is_private AND created_by IS NULL));
CREATE POLICY authenticated_delete ON notes FOR DELETE TO authenticated
  USING (created_by = auth.uid() OR app_is_admin());

-- The website form: anonymous visitors may only create a fresh lead.
CREATE POLICY anon_insert_contact ON contacts FOR INSERT TO anon
  WITH CHECK (status = 'lead' AND company_id IS NULL AND assigned_to IS NULL);

-- The audit log is written by triggers only and read by admins.
CREATE POLICY authenticated_read ON audit_log FOR SELECT TO authenticated USING (app_is_admin());

-- ---------------------------------------------------------------------------
-- Audit log of sensitive changes: who (app.actor set by the API for the
-- transaction, else the JWT subject, else the database role), what, when, and
-- the old and new row.
-- ---------------------------------------------------------------------------
CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  old_doc jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_doc jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  changed text[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT coalesce(array_agg(n.key ORDER BY n.key), '{}') INTO changed
    FROM jsonb_each(new_doc) n
    WHERE n.key <> 'updated_at' AND n.value IS DISTINCT FROM old_doc -> n.key;
    IF cardinality(changed) = 0 THEN
      RETURN NULL;
    END IF;
  ELSE
    SELECT coalesce(array_agg(k ORDER BY k), '{}') INTO changed FROM jsonb_object_keys(coalesce(new_doc, old_doc)) k;
  END IF;
  INSERT INTO audit_log (table_name, record_id, action, actor, request_id, changed_fields, old_row, new_row)
  VALUES (
    TG_TABLE_NAME,
    (coalesce(new_doc, old_doc) ->> 'id')::uuid,
    TG_OP,
    left(coalesce(nullif(current_setting('app.actor', true), ''),
                  nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub',
                  session_user::text), 255),
    left(nullif(current_setting('app.request_id', true), ''), 255),
    changed,
    old_doc,
    new_doc);
  RETURN NULL;
END $$;

CREATE TRIGGER invoices_audit AFTER INSERT OR UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER integrations_audit AFTER INSERT OR UPDATE OR DELETE ON integrations FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER companies_audit_insert_delete AFTER INSERT OR DELETE ON companies FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER companies_audit_financials AFTER UPDATE ON companies FOR EACH ROW
  WHEN (OLD.total_revenue IS DISTINCT FROM NEW.total_revenue OR OLD.monthly_recurring IS DISTINCT FROM NEW.monthly_recurring
        OR OLD.contract_start_date IS DISTINCT FROM NEW.contract_start_date OR OLD.contract_end_date IS DISTINCT FROM NEW.contract_end_date
        OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER projects_audit_insert_delete AFTER INSERT OR DELETE ON projects FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER projects_audit_fees AFTER UPDATE ON projects FOR EACH ROW
  WHEN (OLD.setup_fee IS DISTINCT FROM NEW.setup_fee OR OLD.monthly_fee IS DISTINCT FROM NEW.monthly_fee
        OR OLD.tool_costs IS DISTINCT FROM NEW.tool_costs OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION audit_row_change();

-- ---------------------------------------------------------------------------
-- Views (security_invoker: the querying role's RLS applies)
-- ---------------------------------------------------------------------------
CREATE VIEW active_clients_overview WITH (security_invoker = true) AS
SELECT c.id AS company_id,
       c.company_name,
       c.industry,
       c.country,
       c.status,
       c.primary_contact_id,
       nullif(btrim(concat_ws(' ', pc.first_name, pc.last_name)), '') AS primary_contact_name,
       pc.email AS primary_contact_email,
       p.active_project_count,
       p.live_project_count,
       p.mrr,
       p.live_tool_costs + coalesce(ic.monthly_cost, 0) AS monthly_tool_costs,
       c.contract_end_date AS next_contract_end,
       coalesce(t.open_ticket_count, 0) AS open_ticket_count,
       coalesce(b.outstanding_balance, 0)::numeric(12, 2) AS outstanding_balance
FROM companies c
JOIN LATERAL (
  SELECT count(*) FILTER (WHERE status IN ('live', 'in_progress'))::int AS active_project_count,
         count(*) FILTER (WHERE status = 'live')::int AS live_project_count,
         coalesce(sum(monthly_fee) FILTER (WHERE status = 'live'), 0)::numeric(12, 2) AS mrr,
         coalesce(sum(tool_costs) FILTER (WHERE status = 'live'), 0)::numeric(12, 2) AS live_tool_costs
  FROM projects WHERE company_id = c.id
) p ON p.active_project_count > 0
LEFT JOIN contacts pc ON pc.id = c.primary_contact_id
LEFT JOIN LATERAL (
  SELECT sum(i.monthly_cost) AS monthly_cost FROM integrations i JOIN projects lp ON lp.id = i.project_id
  WHERE lp.company_id = c.id AND lp.status = 'live' AND i.status = 'active'
) ic ON true
LEFT JOIN LATERAL (
  SELECT count(*)::int AS open_ticket_count FROM support_tickets
  WHERE company_id = c.id AND status IN ('open', 'in_progress', 'waiting')
) t ON true
LEFT JOIN LATERAL (
  SELECT sum(amount) AS outstanding_balance FROM invoices WHERE company_id = c.id AND status IN ('sent', 'overdue')
) b ON true;

COMMENT ON VIEW active_clients_overview IS
  'Companies with at least one live or in-progress project: project counts, MRR (live monthly fees), monthly tool costs, next contract end, open tickets and outstanding balance (TTD).';

CREATE VIEW monthly_recurring_revenue WITH (security_invoker = true) AS
SELECT p.company_id,
       c.company_name,
       c.country,
       coalesce(p.project_type, 'other') AS project_type,
       count(*)::int AS live_project_count,
       sum(p.monthly_fee)::numeric(12, 2) AS mrr_ttd,
       (sum(p.tool_costs) + coalesce(sum(ic.monthly_cost), 0))::numeric(12, 2) AS tool_costs_ttd,
       (sum(p.monthly_fee) - sum(p.tool_costs) - coalesce(sum(ic.monthly_cost), 0))::numeric(12, 2) AS margin_ttd
FROM projects p
JOIN companies c ON c.id = p.company_id
LEFT JOIN LATERAL (
  SELECT sum(monthly_cost) AS monthly_cost FROM integrations WHERE project_id = p.id AND status = 'active'
) ic ON true
WHERE p.status = 'live'
GROUP BY p.company_id, c.company_name, c.country, coalesce(p.project_type, 'other');

COMMENT ON VIEW monthly_recurring_revenue IS
  'MRR in TTD per company and project type over live projects; the total MRR is sum(mrr_ttd).';

CREATE VIEW pipeline_value WITH (security_invoker = true) AS
WITH stages(stage, stage_order) AS (
  VALUES ('lead', 1), ('contacted', 2), ('qualified', 3), ('scoping', 4), ('demo', 5)
),
catalog AS (
  SELECT coalesce(avg(base_setup_fee_min), 0) AS setup, coalesce(avg(base_monthly_fee_min), 0) AS monthly
  FROM services WHERE is_active
),
leads AS (
  SELECT ct.status::text AS stage, count(*)::int AS n
  FROM contacts ct LEFT JOIN companies co ON co.id = ct.company_id
  WHERE ct.status IN ('lead', 'contacted', 'qualified') AND (ct.company_id IS NULL OR co.status = 'prospect')
  GROUP BY ct.status
),
deals AS (
  SELECT status::text AS stage, count(*)::int AS n, sum(setup_fee) AS setup, sum(monthly_fee) AS monthly
  FROM projects WHERE status IN ('scoping', 'demo')
  GROUP BY status
)
SELECT s.stage,
       s.stage_order,
       coalesce(l.n, d.n, 0) AS record_count,
       coalesce(d.setup, l.n * catalog.setup, 0)::numeric(12, 2) AS setup_value_ttd,
       coalesce(d.monthly, l.n * catalog.monthly, 0)::numeric(12, 2) AS monthly_value_ttd,
       (coalesce(d.setup, l.n * catalog.setup, 0) + 12 * coalesce(d.monthly, l.n * catalog.monthly, 0))::numeric(14, 2) AS first_year_value_ttd
FROM stages s
CROSS JOIN catalog
LEFT JOIN leads l ON l.stage = s.stage
LEFT JOIN deals d ON d.stage = s.stage;

COMMENT ON VIEW pipeline_value IS
  'Potential revenue by stage: unconverted leads (valued at the active catalog''s average minimum fees) and projects in scoping or demo (their own fees); first year = setup + 12 x monthly.';

CREATE VIEW overdue_invoices WITH (security_invoker = true) AS
SELECT i.id AS invoice_id,
       i.invoice_number,
       i.company_id,
       c.company_name,
       i.project_id,
       p.project_name,
       i.invoice_type,
       i.amount,
       i.amount_usd,
       i.currency,
       i.status,
       i.issue_date,
       i.due_date,
       (CURRENT_DATE - i.due_date) AS days_overdue,
       pc.email AS contact_email
FROM invoices i
JOIN companies c ON c.id = i.company_id
LEFT JOIN projects p ON p.id = i.project_id
LEFT JOIN contacts pc ON pc.id = c.primary_contact_id
WHERE i.status IN ('sent', 'overdue') AND i.due_date < CURRENT_DATE;

COMMENT ON VIEW overdue_invoices IS
  'Unpaid (sent or overdue) invoices whose due date has passed, with days overdue, the company and its primary contact''s email.';

CREATE VIEW project_timeline WITH (security_invoker = true) AS
SELECT p.id AS project_id,
       p.project_name,
       p.project_type,
       p.company_id,
       c.company_name,
       p.status,
       p.priority,
       p.start_date,
       p.go_live_date,
       p.estimated_hours,
       p.actual_hours,
       (p.actual_hours - p.estimated_hours) AS hours_variance,
       p.assigned_to,
       s.service_names
FROM projects p
JOIN companies c ON c.id = p.company_id
LEFT JOIN LATERAL (
  SELECT string_agg(sv.service_name, ', ' ORDER BY sv.service_name) AS service_names
  FROM project_services ps JOIN services sv ON sv.id = ps.service_id WHERE ps.project_id = p.id
) s ON true;

COMMENT ON VIEW project_timeline IS
  'Gantt rows: every project with its company, start and go-live dates, status, priority, estimated vs actual hours and services.';

GRANT SELECT ON active_clients_overview, monthly_recurring_revenue, pipeline_value, overdue_invoices, project_timeline TO authenticated, service_role;
