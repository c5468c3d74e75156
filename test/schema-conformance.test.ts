// After migrating, the database catalog holds every table, column, type, length,
// enum, index, unique key, foreign key, view and RLS flag of the seed design
// (docs/database-design.md).
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';

const ts = 'timestamptz';
const money = 'numeric(10,2)';
const EXPECTED_COLUMNS: Record<string, Record<string, string>> = {
  contacts: {
    id: 'uuid', first_name: 'varchar(100)', last_name: 'varchar(100)', email: 'varchar(255)', phone: 'varchar(50)',
    company_name: 'varchar(255)', company_size: 'varchar(50)', message: 'text', status: 'contact_status',
    source: 'varchar(100)', company_id: 'uuid', assigned_to: 'uuid', created_at: ts, updated_at: ts,
  },
  companies: {
    id: 'uuid', company_name: 'varchar(255)', industry: 'varchar(100)', company_size: 'varchar(50)', website: 'varchar(255)',
    address: 'text', city: 'varchar(100)', country: 'varchar(100)', status: 'company_status', primary_contact_id: 'uuid',
    total_revenue: money, monthly_recurring: money, contract_start_date: 'date', contract_end_date: 'date', notes: 'text',
    created_at: ts, updated_at: ts,
  },
  projects: {
    id: 'uuid', company_id: 'uuid', project_name: 'varchar(255)', project_type: 'varchar(100)', description: 'text',
    status: 'project_status', setup_fee: money, monthly_fee: money, tool_costs: money, start_date: 'date',
    go_live_date: 'date', demo_url: 'varchar(255)', production_url: 'varchar(255)', assigned_to: 'uuid',
    priority: 'priority', estimated_hours: 'int4', actual_hours: 'int4', created_at: ts, updated_at: ts,
  },
  services: {
    id: 'uuid', service_name: 'varchar(100)', service_category: 'varchar(50)', description: 'text',
    base_setup_fee_min: money, base_setup_fee_max: money, base_monthly_fee_min: money, base_monthly_fee_max: money,
    typical_duration_weeks: 'int4', is_active: 'bool', created_at: ts, updated_at: ts,
  },
  project_services: { id: 'uuid', project_id: 'uuid', service_id: 'uuid', created_at: ts },
  invoices: {
    id: 'uuid', invoice_number: 'varchar(50)', company_id: 'uuid', project_id: 'uuid', invoice_type: 'invoice_type',
    amount: money, amount_usd: money, currency: 'varchar(3)', status: 'invoice_status', issue_date: 'date',
    due_date: 'date', paid_date: 'date', payment_method: 'varchar(50)', notes: 'text', created_at: ts, updated_at: ts,
  },
  meetings: {
    id: 'uuid', contact_id: 'uuid', company_id: 'uuid', meeting_type: 'meeting_type', title: 'varchar(255)',
    description: 'text', scheduled_at: ts, duration_minutes: 'int4', status: 'meeting_status', meeting_url: 'varchar(255)',
    outcome: 'text', attendees: 'text', created_at: ts, updated_at: ts,
  },
  support_tickets: {
    id: 'uuid', ticket_number: 'varchar(50)', company_id: 'uuid', project_id: 'uuid', contact_id: 'uuid',
    subject: 'varchar(255)', description: 'text', priority: 'priority', status: 'ticket_status', category: 'varchar(50)',
    assigned_to: 'uuid', resolution: 'text', created_at: ts, resolved_at: ts, updated_at: ts,
  },
  integrations: {
    id: 'uuid', project_id: 'uuid', tool_name: 'varchar(100)', tool_category: 'varchar(50)', status: 'integration_status',
    api_key_name: 'varchar(100)', monthly_cost: money, notes: 'text', created_at: ts, updated_at: ts,
  },
  notes: {
    id: 'uuid', note_type: 'note_type', related_id: 'uuid', note_text: 'text', created_by: 'uuid', is_private: 'bool',
    created_at: ts, updated_at: ts,
  },
};

const EXPECTED_ENUMS: Record<string, string[]> = {
  contact_status: ['lead', 'contacted', 'qualified', 'converted', 'lost'],
  company_status: ['prospect', 'active', 'inactive', 'churned'],
  project_status: ['scoping', 'demo', 'in_progress', 'live', 'paused', 'cancelled'],
  invoice_status: ['draft', 'sent', 'paid', 'overdue', 'cancelled'],
  meeting_status: ['scheduled', 'completed', 'cancelled', 'no_show'],
  ticket_status: ['open', 'in_progress', 'waiting', 'resolved', 'closed'],
  priority: ['low', 'medium', 'high', 'urgent', 'critical'],
  invoice_type: ['setup', 'monthly', 'one_time', 'tool_cost'],
  meeting_type: ['discovery', 'demo', 'onboarding', 'support', 'review'],
  note_type: ['contact', 'company', 'project', 'general'],
  integration_status: ['active', 'inactive', 'testing'],
};

/** The seed's "Indexes:" lines: each must lead an index of its table. */
const EXPECTED_INDEXES: Record<string, string[][]> = {
  contacts: [['email'], ['status'], ['company_id'], ['created_at']],
  companies: [['company_name'], ['status'], ['country'], ['contract_end_date']],
  projects: [['company_id'], ['status'], ['go_live_date'], ['assigned_to']],
  services: [['is_active'], ['service_category']],
  project_services: [['project_id', 'service_id']],
  invoices: [['company_id'], ['invoice_number'], ['status'], ['due_date']],
  meetings: [['contact_id'], ['company_id'], ['scheduled_at'], ['status']],
  support_tickets: [['ticket_number'], ['company_id'], ['status'], ['priority']],
  integrations: [['project_id'], ['tool_name'], ['status']],
  notes: [['related_id'], ['note_type'], ['created_at']],
};

/** Tables of the API's own beyond the seed's: the audit log and the write API's bookkeeping. */
const API_TABLES = ['api_keys', 'audit_log', 'document_counters', 'idempotency_keys', 'rate_limits'];
const EXPECTED_UNIQUE = ['contacts(email)', 'invoices(invoice_number)', 'project_services(project_id,service_id)', 'support_tickets(ticket_number)'];

/** Every relationship of the seed, with the ON DELETE rule the data model decided. */
const EXPECTED_FOREIGN_KEYS = [
  'companies.primary_contact_id -> contacts SET NULL',
  'contacts.company_id -> companies SET NULL',
  'integrations.project_id -> projects CASCADE',
  'invoices.company_id -> companies RESTRICT',
  'invoices.project_id -> projects RESTRICT',
  'meetings.company_id -> companies SET NULL',
  'meetings.contact_id -> contacts CASCADE',
  'project_services.project_id -> projects CASCADE',
  'project_services.service_id -> services RESTRICT',
  'projects.company_id -> companies RESTRICT',
  'support_tickets.company_id -> companies RESTRICT',
  'support_tickets.contact_id -> contacts SET NULL',
  'support_tickets.project_id -> projects SET NULL',
];

const VIEWS = ['active_clients_overview', 'monthly_recurring_revenue', 'overdue_invoices', 'pipeline_value', 'project_timeline'];

describe.each(testTargets())('schema conformance (%s)', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(target, { seed: false });
  });
  afterAll(() => db?.drop());

  it('has every column of every table with its type and length', async () => {
    const rows = await db.sql<{ table_name: string; column_name: string; udt_name: string; len: number | null; prec: number | null; scale: number | null }>(`
      SELECT table_name, column_name, udt_name, character_maximum_length AS len, numeric_precision AS prec, numeric_scale AS scale
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY($1)`, [Object.keys(EXPECTED_COLUMNS)]);
    const actual: Record<string, Record<string, string>> = {};
    for (const r of rows) {
      const type = r.udt_name === 'varchar' ? `varchar(${r.len})` : r.udt_name === 'numeric' ? `numeric(${r.prec},${r.scale})` : r.udt_name;
      (actual[r.table_name] ??= {})[r.column_name] = type;
    }
    expect(actual).toEqual(EXPECTED_COLUMNS);
  });

  it('has every enum with its values in order', async () => {
    const rows = await db.sql<{ name: string; labels: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    expect(Object.fromEntries(rows.map((r) => [r.name, r.labels]))).toEqual(EXPECTED_ENUMS);
  });

  it('has an index led by every indexed column of the seed, and the unique keys', async () => {
    const rows = await db.sql<{ tbl: string; cols: string[]; uniq: boolean }>(`
      SELECT c.relname AS tbl, i.indisunique AS uniq,
             array_agg(a.attname::text ORDER BY k.ord) AS cols
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      GROUP BY c.relname, i.indexrelid, i.indisunique`);
    for (const [table, indexes] of Object.entries(EXPECTED_INDEXES)) {
      for (const cols of indexes) {
        const found = rows.some((r) => r.tbl === table && cols.every((col, i) => r.cols[i] === col));
        expect({ table, cols, found }).toEqual({ table, cols, found: true });
      }
    }
    const unique = rows.filter((r) => r.uniq && !(r.cols.length === 1 && r.cols[0] === 'id')).map((r) => `${r.tbl}(${r.cols.join(',')})`);
    expect(unique.filter((u) => !u.startsWith('_prisma') && !API_TABLES.some((t) => u.startsWith(`${t}(`))).sort()).toEqual(EXPECTED_UNIQUE);
  });

  it('has every relationship as a foreign key with its ON DELETE rule', async () => {
    const rows = await db.sql<{ fk: string }>(`
      SELECT format('%s.%s -> %s %s', c.conrelid::regclass, a.attname, c.confrelid::regclass,
        CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END) AS fk
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
    expect(rows.map((r) => r.fk.replace(/"/g, '')).sort()).toEqual(EXPECTED_FOREIGN_KEYS);
  });

  it('has the five views', async () => {
    const rows = await db.sql<{ table_name: string }>(`SELECT table_name FROM information_schema.views WHERE table_schema = 'public' ORDER BY 1`);
    expect(rows.map((r) => r.table_name)).toEqual(VIEWS);
  });

  it('has row level security enabled on every table', async () => {
    const rows = await db.sql<{ relname: string; relrowsecurity: boolean }>(`
      SELECT relname, relrowsecurity FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> '_prisma_migrations' ORDER BY 1`);
    expect(rows).toEqual([...Object.keys(EXPECTED_COLUMNS), ...API_TABLES].sort().map((relname) => ({ relname, relrowsecurity: true })));
  });

  it('has policies for authenticated reads and writes and the anonymous contact form', async () => {
    const rows = await db.sql<{ tablename: string; roles: string[]; cmd: string }>(`SELECT tablename, roles::text[] AS roles, cmd FROM pg_policies WHERE schemaname = 'public'`);
    for (const table of Object.keys(EXPECTED_COLUMNS)) {
      const mine = rows.filter((r) => r.tablename === table && r.roles.includes('authenticated')).map((r) => r.cmd);
      expect({ table, read: mine.includes('SELECT') || mine.includes('ALL'), write: ['INSERT', 'UPDATE', 'DELETE'].every((c) => mine.includes(c) || mine.includes('ALL')) }).toEqual({ table, read: true, write: true });
    }
    const anon = rows.filter((r) => r.roles.includes('anon')).map((r) => `${r.tablename}:${r.cmd}`);
    expect(anon).toEqual(['contacts:INSERT']);
  });
});
