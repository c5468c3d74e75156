// Computed fields (Contact.fullName, Invoice.isOverdue / daysOverdue,
// Project.monthlyMargin, Company.openTicketCount / outstandingBalance) through
// HTTP, each checked for every row against the same quantity computed in SQL, and
// each costing a number of statements that does not grow with the rows listed.
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, type TestServer } from './helpers/http';

type Node = Record<string, unknown>;
type Page = { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] };

// "Today" as the API defines it: the UTC calendar date, whatever the session's time zone.
const TODAY = `(now() AT TIME ZONE 'UTC')::date`;

describe.each(testTargets())('computed fields (%s)', (target) => {
  let db: TestDatabase;
  let api: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase(target);
    api = await startTestServer(db);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  async function run(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data: Record<string, Page>; statements: number }> {
    const res = await api.post(query, variables, headers);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    return { data: res.body.data as Record<string, Page>, statements: Number(res.headers.get('x-sql-statements')) };
  }

  /** Every row of a root list, walking the pages, sorted by id. */
  async function all(list: string, selection: string): Promise<Node[]> {
    const nodes: Node[] = [];
    let after: string | null = null;
    do {
      const { data } = await run(`query($after: String) { ${list}(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id ${selection} } } }`, { after });
      const page: Page = data[list]!;
      nodes.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes.sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }

  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

  async function expectEveryRowMatchesSql(): Promise<void> {
    const contacts = await all('contacts', 'fullName');
    const expectedContacts = await db.sql<{ id: string; fullName: string }>(`
      SELECT id::text, btrim(regexp_replace(first_name || ' ' || coalesce(last_name, ''), '\\s+', ' ', 'g')) AS "fullName" FROM contacts`);
    expect(contacts).toEqual(byId(expectedContacts));

    const invoices = await all('invoices', 'isOverdue daysOverdue');
    const expectedInvoices = await db.sql<{ id: string; isOverdue: boolean; daysOverdue: number | null }>(`
      SELECT id::text, overdue AS "isOverdue", CASE WHEN overdue THEN ${TODAY} - due_date END AS "daysOverdue"
      FROM (SELECT id, due_date, coalesce(status IN ('sent', 'overdue') AND due_date < ${TODAY}, false) AS overdue FROM invoices) i`);
    expect(invoices).toEqual(byId(expectedInvoices));
    expect(invoices.some((i) => i.isOverdue)).toBe(true);
    // On a UTC server the overdue_invoices view (CURRENT_DATE) agrees invoice by invoice.
    const [{ utc }] = (await db.sql<{ utc: boolean }>(`SELECT CURRENT_DATE = ${TODAY} AS utc`)) as [{ utc: boolean }];
    if (utc) {
      const view = await db.sql<{ id: string; daysOverdue: number }>(`SELECT invoice_id::text AS id, days_overdue AS "daysOverdue" FROM overdue_invoices`);
      expect(invoices.filter((i) => i.isOverdue).map((i) => ({ id: i.id, daysOverdue: i.daysOverdue }))).toEqual(byId(view));
    }

    const projects = await all('projects', 'monthlyMargin');
    const expectedProjects = await db.sql<{ id: string; monthlyMargin: string }>(`
      SELECT p.id::text, (p.monthly_fee - p.tool_costs - coalesce(
        (SELECT sum(i.monthly_cost) FROM integrations i WHERE i.project_id = p.id AND i.status = 'active'), 0))::numeric(12, 2)::text AS "monthlyMargin"
      FROM projects p`);
    expect(projects).toEqual(byId(expectedProjects));
    // Summed over live projects per company and project type: the view's margin.
    const liveProjects = await db.sql<{ id: string; key: string }>(`SELECT id::text, company_id || '/' || coalesce(project_type, 'other') AS key FROM projects WHERE status = 'live'`);
    const marginOf = new Map(projects.map((p) => [p.id, Math.round(Number(p.monthlyMargin) * 100)]));
    const cents = new Map<string, number>();
    for (const p of liveProjects) cents.set(p.key, (cents.get(p.key) ?? 0) + marginOf.get(p.id)!);
    const mrr = await db.sql<{ key: string; margin: string }>(`SELECT company_id || '/' || project_type AS key, margin_ttd::text AS margin FROM monthly_recurring_revenue`);
    expect(mrr.length).toBeGreaterThan(0);
    expect(new Map(mrr.map((r) => [r.key, Math.round(Number(r.margin) * 100)]))).toEqual(cents);

    const companies = await all('companies', 'openTicketCount outstandingBalance');
    const expectedCompanies = await db.sql<{ id: string; openTicketCount: number; outstandingBalance: string }>(`
      SELECT c.id::text,
             (SELECT count(*) FROM support_tickets t WHERE t.company_id = c.id AND t.status IN ('open', 'in_progress', 'waiting'))::int AS "openTicketCount",
             coalesce((SELECT sum(i.amount) FROM invoices i WHERE i.company_id = c.id AND i.status IN ('sent', 'overdue')), 0)::numeric(12, 2)::text AS "outstandingBalance"
      FROM companies c`);
    expect(companies).toEqual(byId(expectedCompanies));
    expect(companies.some((c) => (c.openTicketCount as number) > 0 && c.outstandingBalance !== '0.00')).toBe(true);
  }

  it('computes every field as SQL does, for every row', async () => {
    await expectEveryRowMatchesSql();
  });

  it('collapses whitespace in full names and uses the first name alone without a last name', async () => {
    await db.sql(`INSERT INTO contacts (first_name, last_name, email) VALUES ('  Mary   Ann ', ' de  Souza ', 'mary.ann@example.tt'), ('Cher', NULL, 'cher@example.tt')`);
    const { data } = await run(`{ contacts(first: 10, filter: { email: { endsWith: "@example.tt" } }, orderBy: [{ email: DESC }]) { nodes { fullName } } }`);
    expect(data.contacts!.nodes).toEqual([{ fullName: 'Mary Ann de Souza' }, { fullName: 'Cher' }]);
  });

  it('serializes a negative margin, and counts only ACTIVE integrations', async () => {
    const [project] = await db.sql<{ id: string }>(`
      INSERT INTO projects (company_id, project_name, status, monthly_fee, tool_costs)
      SELECT id, 'Underwater Bot', 'live', 100.00, 50.00 FROM companies ORDER BY company_name LIMIT 1 RETURNING id::text`);
    await db.sql(
      `INSERT INTO integrations (project_id, tool_name, status, monthly_cost) VALUES ($1, 'HubSpot', 'active', 170.00), ($1, 'OpenAI', 'testing', 500.00), ($1, 'Zapier', 'inactive', 999.00)`,
      [project!.id],
    );
    const res = await api.post(`query($id: UUID!) { project(id: $id) { monthlyFee toolCosts monthlyMargin } }`, { id: project!.id });
    expect(res.body).toEqual({ data: { project: { monthlyFee: '100.00', toolCosts: '50.00', monthlyMargin: '-120.00' } } });
  });

  it('costs the same number of statements however many rows are listed: none more compiled, one per grouped aggregate for the resolvers', async () => {
    type Extra = { company?: string; contact?: string; project?: string; invoice?: string };
    const query = (extra: Extra = {}) => `{ companies(first: 100) { nodes { id ${extra.company ?? ''}
      contacts(first: 100) { nodes { id ${extra.contact ?? ''} } }
      projects(first: 100) { nodes { id ${extra.project ?? ''} } }
      invoices(first: 100) { nodes { id ${extra.invoice ?? ''} } } } } }`;
    const fields: Record<string, Extra> = {
      fullName: { contact: 'fullName' },
      isOverdue: { invoice: 'isOverdue daysOverdue' },
      monthlyMargin: { project: 'monthlyMargin' },
      openTicketCount: { company: 'openTicketCount' },
      outstandingBalance: { company: 'outstandingBalance' },
      everything: { company: 'openTicketCount outstandingBalance', contact: 'fullName', project: 'monthlyMargin', invoice: 'isOverdue daysOverdue' },
    };

    /** Statements of the plain query, what each computed field adds to it, and how many companies were listed. */
    async function measure(headers?: Record<string, string>) {
      const base = (await run(query(), undefined, headers)).statements;
      const added: Record<string, number> = {};
      for (const [name, extra] of Object.entries(fields)) added[name] = (await run(query(extra), undefined, headers)).statements - base;
      const companies = (await run(query(fields.everything), undefined, headers)).data.companies!.nodes.length;
      return { base, added, companies };
    }
    const resolvers = { 'x-read-path': 'resolvers' };

    const before = await measure();
    expect(before.base).toBeGreaterThan(0);
    // Compiled: every field is part of the one statement.
    expect(before.added).toEqual({ fullName: 0, isOverdue: 0, monthlyMargin: 0, openTicketCount: 0, outstandingBalance: 0, everything: 0 });
    const resolversBefore = await measure(resolvers);
    expect(resolversBefore.added).toEqual({ fullName: 0, isOverdue: 0, monthlyMargin: 1, openTicketCount: 0, outstandingBalance: 1, everything: 2 });

    // 30 more companies, each with tickets, invoices, a live project with tools and a contact.
    await db.sql(`INSERT INTO companies (company_name, status) SELECT 'Extra Co ' || g, 'active' FROM generate_series(1, 30) g`);
    await db.sql(`
      INSERT INTO support_tickets (ticket_number, company_id, subject, status)
      SELECT 'TKT-X-' || c.id || '-' || s.n, c.id, 'Extra ticket', s.status::ticket_status
      FROM companies c CROSS JOIN (VALUES (1, 'open'), (2, 'waiting'), (3, 'closed')) s(n, status)
      WHERE c.company_name LIKE 'Extra Co %'`);
    // Sent and past due (overdue), flagged OVERDUE but not yet due (not overdue), paid.
    await db.sql(`
      INSERT INTO invoices (invoice_number, company_id, amount, status, issue_date, due_date)
      SELECT 'INV-X-' || c.id || '-' || s.n, c.id, s.amount, s.status::invoice_status, ${TODAY} - 40, ${TODAY} + s.due
      FROM companies c CROSS JOIN (VALUES (1, 250.00, 'sent', -10), (2, 75.50, 'overdue', 5), (3, 900.00, 'paid', -20)) s(n, amount, status, due)
      WHERE c.company_name LIKE 'Extra Co %'`);
    await db.sql(`
      INSERT INTO projects (company_id, project_name, status, monthly_fee, tool_costs)
      SELECT c.id, 'Extra project', 'live', 300.00, 100.00 FROM companies c WHERE c.company_name LIKE 'Extra Co %'`);
    await db.sql(`
      INSERT INTO integrations (project_id, tool_name, status, monthly_cost)
      SELECT p.id, s.tool, s.status::integration_status, s.cost
      FROM projects p CROSS JOIN (VALUES ('HubSpot', 'active', 250.00), ('OpenAI', 'testing', 80.00)) s(tool, status, cost)
      WHERE p.project_name = 'Extra project'`);
    await db.sql(`
      INSERT INTO contacts (first_name, last_name, email, company_id)
      SELECT 'Extra', 'Person', 'extra-' || c.id || '@example.com', c.id FROM companies c WHERE c.company_name LIKE 'Extra Co %'`);

    const after = await measure();
    expect(after).toEqual({ ...before, companies: before.companies + 30 });
    expect(await measure(resolvers)).toEqual({ ...resolversBefore, companies: resolversBefore.companies + 30 });
    await expectEveryRowMatchesSql();
  });
});
