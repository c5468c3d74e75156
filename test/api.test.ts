// Through HTTP: nested lifecycle data comes back with the stored values, paging
// follows the contract, unknown ids are null, health endpoints answer.
import { CompaniesPageQuery, CompanyTreeQuery, NoteWithSubjectQuery } from './operations';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { bearer, signToken, startTestServer, type TestServer } from './helpers/http';

describe.each(testTargets())('GraphQL over HTTP (%s)', (target) => {
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

  it('returns a company with its projects, their services and integrations, as stored', async () => {
    const [company] = await db.sql<{ id: string }>(`
      SELECT c.id FROM companies c JOIN projects p ON p.company_id = c.id
      JOIN integrations i ON i.project_id = p.id JOIN project_services ps ON ps.project_id = p.id
      GROUP BY c.id ORDER BY count(DISTINCT i.id) DESC, c.id LIMIT 1`);
    expect(company).toBeDefined();
    const data = await api.runOk(CompanyTreeQuery, { id: company!.id });

    const [stored] = await db.sql<Record<string, string>>(`
      SELECT c.id, c.company_name, c.status::text, c.country, c.total_revenue::text, c.monthly_recurring::text,
             to_char(c.contract_end_date, 'YYYY-MM-DD') AS contract_end_date, pc.email AS primary_email
      FROM companies c LEFT JOIN contacts pc ON pc.id = c.primary_contact_id WHERE c.id = $1`, [company!.id]);
    expect(data.company).toMatchObject({
      id: stored!.id,
      companyName: stored!.company_name,
      status: stored!.status!.toUpperCase(),
      country: stored!.country,
      totalRevenue: stored!.total_revenue,
      monthlyRecurring: stored!.monthly_recurring,
      contractEndDate: stored!.contract_end_date,
      primaryContact: stored!.primary_email ? { email: stored!.primary_email } : null,
    });

    const projects = await db.sql<{ id: string; project_name: string; status: string; monthly_fee: string; go_live_date: string | null }>(
      `SELECT id, project_name, status::text, monthly_fee::text, to_char(go_live_date, 'YYYY-MM-DD') AS go_live_date FROM projects WHERE company_id = $1 ORDER BY id`,
      [company!.id],
    );
    const got = data.company!.projects;
    expect(got.totalCount).toBe(projects.length);
    expect(got.nodes.map((p) => ({ id: p.id, projectName: p.projectName, status: p.status, monthlyFee: p.monthlyFee, goLiveDate: p.goLiveDate }))).toEqual(
      projects.map((p) => ({ id: p.id, projectName: p.project_name, status: p.status.toUpperCase(), monthlyFee: p.monthly_fee, goLiveDate: p.go_live_date })),
    );
    for (const project of got.nodes) {
      const integrations = await db.sql<{ id: string; tool_name: string; status: string; monthly_cost: string }>(
        `SELECT id, tool_name, status::text, monthly_cost::text FROM integrations WHERE project_id = $1 ORDER BY id`,
        [project.id],
      );
      expect(project.integrations.totalCount).toBe(integrations.length);
      expect(project.integrations.nodes).toEqual(
        integrations.map((i) => ({ id: i.id, toolName: i.tool_name, status: i.status.toUpperCase(), monthlyCost: i.monthly_cost })),
      );
      const services = await db.sql<{ id: string; service_name: string }>(
        `SELECT s.id, s.service_name FROM project_services ps JOIN services s ON s.id = ps.service_id WHERE ps.project_id = $1 ORDER BY ps.created_at, ps.id`,
        [project.id],
      );
      expect(project.services.totalCount).toBe(services.length);
      expect(new Set(project.services.nodes.map((s) => `${s.id}:${s.serviceName}`))).toEqual(new Set(services.map((s) => `${s.id}:${s.service_name}`)));
    }
    expect(got.nodes.some((p) => p.integrations.totalCount > 0 && p.services.totalCount > 0)).toBe(true);
  });

  it('returns null for an unknown id', async () => {
    const data = await api.runOk(CompanyTreeQuery, { id: '00000000-0000-4000-8000-000000000000' });
    expect(data.company).toBeNull();
  });

  it('finds rows by their other unique keys: email (any case), invoice and ticket numbers', async () => {
    const [row] = await db.sql<{ email: string; id: string; invoice_number: string; ticket_number: string }>(`
      SELECT c.email, c.id, (SELECT invoice_number FROM invoices ORDER BY invoice_number LIMIT 1),
             (SELECT ticket_number FROM support_tickets ORDER BY ticket_number LIMIT 1) FROM contacts c ORDER BY c.email LIMIT 1`);
    const query = `query($email: EmailAddress!, $inv: String!, $tkt: String!) {
      contactByEmail(email: $email) { id email }
      invoiceByNumber(invoiceNumber: $inv) { invoiceNumber }
      supportTicketByNumber(ticketNumber: $tkt) { ticketNumber }
      missing: invoiceByNumber(invoiceNumber: "INV-1900-999") { id }
    }`;
    const res = await api.post(query, { email: ` ${row!.email.toUpperCase()} `.trim(), inv: row!.invoice_number, tkt: row!.ticket_number });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        contactByEmail: { id: row!.id, email: row!.email },
        invoiceByNumber: { invoiceNumber: row!.invoice_number },
        supportTicketByNumber: { ticketNumber: row!.ticket_number },
        missing: null,
      },
    });
  });

  it('rejects an id that is not a UUID with BAD_USER_INPUT and HTTP 400', async () => {
    const res = await api.runError(CompanyTreeQuery, { id: 'not-a-uuid' });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('pages forwards and backwards with cursors and counts everything', async () => {
    const [{ n }] = (await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM companies`)) as [{ n: number }];
    const first = await api.runOk(CompaniesPageQuery, { first: 5 });
    expect(first.companies.totalCount).toBe(n);
    expect(first.companies.edges).toHaveLength(5);
    expect(first.companies.nodes.map((c) => c.id)).toEqual(first.companies.edges.map((e) => e.node.id));
    expect(first.companies.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const second = await api.runOk(CompaniesPageQuery, { first: 5, after: first.companies.pageInfo.endCursor });
    expect(second.companies.nodes).toHaveLength(5);
    expect(second.companies.nodes.map((c) => c.id)).not.toContain(first.companies.nodes[0]!.id);
    expect(second.companies.pageInfo.hasPreviousPage).toBe(true);

    const back = await api.runOk(CompaniesPageQuery, { last: 5, before: second.companies.pageInfo.startCursor });
    expect(back.companies.nodes.map((c) => c.id)).toEqual(first.companies.nodes.map((c) => c.id));

    const all = await api.runOk(CompaniesPageQuery, {});
    expect(all.companies.nodes).toHaveLength(Math.min(20, n));
  });

  it('refuses a page larger than 100 with BAD_USER_INPUT, not a silent cut', async () => {
    const res = await api.runError(CompaniesPageQuery, { first: 101 });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['first'], message: 'at most 100' }] });
  });

  it('resolves polymorphic note subjects to the row their note_type names', async () => {
    const data = await api.runOk(NoteWithSubjectQuery, { first: 100 });
    expect(data.notes.nodes.length).toBeGreaterThan(0);
    const types = new Set<string>();
    for (const note of data.notes.nodes) {
      types.add(note.noteType);
      if (note.noteType === 'GENERAL') {
        expect(note.related).toBeNull();
      } else {
        expect(note.related).toMatchObject({ __typename: note.noteType[0] + note.noteType.slice(1).toLowerCase(), id: note.relatedId });
      }
    }
    expect([...types].sort()).toEqual(['COMPANY', 'CONTACT', 'GENERAL', 'PROJECT']);
  });

  it('answers /healthz and /readyz with JSON', async () => {
    const base = api.url.replace(/\/graphql$/, '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: target === 'postgres' ? 'postgres' : 'embedded' });
  });

  it('refuses invalid JSON bodies and unsafe GETs (CSRF prevention) with 400', async () => {
    const bad = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    const csrf = await fetch(`${api.url}?query=${encodeURIComponent('{ companies { totalCount } }')}`);
    expect(csrf.status).toBe(400);
    const ok = await fetch(`${api.url}?query=${encodeURIComponent('{ companies { totalCount } }')}`, {
      headers: { 'apollo-require-preflight': 'true', ...bearer(await signToken()) },
    });
    expect(ok.status).toBe(200);
  });
});
