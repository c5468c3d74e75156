// Filters, search and ordering through HTTP, checked against the same question
// asked in SQL.
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, type TestServer } from './helpers/http';

type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Record<string, unknown>[] };

describe.each(testTargets())('read API: filters and ordering (%s)', (target) => {
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

  async function data<T = Record<string, Page>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await api.post(query, variables);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    return res.body.data as T;
  }

  it('combines operators, a to-one relation filter and ordering by a related field; cursors walk every page', async () => {
    const filter = { status: { in: ['SENT', 'OVERDUE'] }, amount: { gte: '500' }, company: { country: { contains: 'TRINIDAD' } } };
    const orderBy = [{ company: { companyName: 'ASC' } }, { dueDate: 'DESC' }];
    const expected = await db.sql<{ invoice_number: string }>(`
      SELECT i.invoice_number FROM invoices i JOIN companies c ON c.id = i.company_id
      WHERE i.status IN ('sent', 'overdue') AND i.amount >= 500 AND c.country ILIKE '%trinidad%'
      ORDER BY c.company_name ASC, i.due_date DESC NULLS FIRST, i.id ASC`);
    expect(expected.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const { invoices }: Record<string, Page> = await data(
        `query($filter: InvoiceFilter, $orderBy: [InvoiceOrderBy!], $after: String) {
          invoices(first: 4, after: $after, filter: $filter, orderBy: $orderBy) {
            totalCount pageInfo { hasNextPage endCursor } nodes { invoiceNumber }
          }
        }`,
        { filter, orderBy, after },
      );
      expect(invoices.totalCount).toBe(expected.length);
      seen.push(...invoices.nodes.map((n) => n.invoiceNumber as string));
      if (!invoices.pageInfo.hasNextPage) break;
      after = invoices.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected.map((r) => r.invoice_number));
  });

  it('filters companies by their projects with some / every / none, and counts filtered relations', async () => {
    const { companies } = await data(`{
      companies(first: 100, filter: { projects: { some: { status: { eq: LIVE } } } }, orderBy: [{ companyName: ASC }]) {
        totalCount
        nodes { id projects(filter: { status: { eq: LIVE } }) { totalCount nodes { status } } }
      }
    }`);
    const expected = await db.sql<{ id: string; live: number }>(`
      SELECT c.id, count(p.id)::int AS live FROM companies c JOIN projects p ON p.company_id = c.id AND p.status = 'live'
      GROUP BY c.id, c.company_name ORDER BY c.company_name, c.id`);
    expect(companies.totalCount).toBe(expected.length);
    expect(companies.nodes.map((c) => [c.id, (c.projects as Page).totalCount])).toEqual(expected.map((e) => [e.id, e.live]));
    for (const c of companies.nodes) expect((c.projects as Page).nodes.every((p) => p.status === 'LIVE')).toBe(true);

    const none = await data(`{ companies(filter: { projects: { none: {} } }) { totalCount } }`);
    const [noProjects] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM companies c WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.company_id = c.id)`);
    expect(none.companies.totalCount).toBe(noProjects!.n);

    const every = await data(`{ companies(filter: { projects: { every: { status: { eq: CANCELLED } } }, status: { eq: CHURNED } }) { totalCount } }`);
    const [allCancelled] = await db.sql<{ n: number }>(`
      SELECT count(*)::int AS n FROM companies c WHERE c.status = 'churned'
      AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.company_id = c.id AND p.status <> 'cancelled')`);
    expect(every.companies.totalCount).toBe(allCancelled!.n);
  });

  it('searches contacts by name, email or company name, ignoring case', async () => {
    const [company] = await db.sql<{ company_name: string }>(`SELECT company_name FROM companies ORDER BY company_name LIMIT 1`);
    const term = company!.company_name.split(' ')[0]!.toUpperCase();
    const { contacts } = await data(`query($term: String) { contacts(first: 100, filter: { search: $term }) { totalCount nodes { id } } }`, { term });
    const expected = await db.sql<{ id: string }>(
      `SELECT ct.id FROM contacts ct LEFT JOIN companies c ON c.id = ct.company_id
       WHERE ct.first_name ILIKE $1 OR ct.last_name ILIKE $1 OR ct.email ILIKE $1 OR ct.company_name ILIKE $1 OR c.company_name ILIKE $1 ORDER BY ct.id`,
      [`%${term}%`],
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(contacts.totalCount).toBe(expected.length);
    expect(contacts.nodes.map((n) => n.id)).toEqual(expected.map((e) => e.id));
  });

  it('supports and / or / not, isNull and string operators', async () => {
    const { projects } = await data(`{
      projects(first: 100, filter: {
        or: [{ status: { eq: LIVE } }, { and: [{ status: { eq: IN_PROGRESS } }, { goLiveDate: { isNull: false } }] }],
        not: { projectName: { startsWith: "bayside" } }
      }) { totalCount nodes { id } }
    }`);
    const expected = await db.sql<{ id: string }>(`
      SELECT id FROM projects WHERE (status = 'live' OR (status = 'in_progress' AND go_live_date IS NOT NULL))
      AND NOT (project_name ILIKE 'bayside%') ORDER BY id`);
    expect(projects.totalCount).toBe(expected.length);
    expect(projects.nodes.map((n) => n.id)).toEqual(expected.map((e) => e.id));
  });

  it('filters and orders the project ↔ services many-to-many', async () => {
    const { services } = await data(`{
      services(filter: { projects: { some: { status: { eq: LIVE } } } }, orderBy: [{ serviceName: DESC }]) {
        totalCount nodes { serviceName projects(filter: { status: { eq: LIVE } }) { totalCount } }
      }
    }`);
    const expected = await db.sql<{ service_name: string; live: number }>(`
      SELECT s.service_name, count(*)::int AS live FROM services s JOIN project_services ps ON ps.service_id = s.id
      JOIN projects p ON p.id = ps.project_id AND p.status = 'live' GROUP BY s.id, s.service_name ORDER BY s.service_name DESC`);
    expect(services.nodes.map((s) => [s.serviceName, (s.projects as Page).totalCount])).toEqual(expected.map((e) => [e.service_name, e.live]));
  });

  it('rejects an orderBy entry naming two fields, and a bad enum or date, with BAD_USER_INPUT', async () => {
    const two = await api.post(`{ invoices(orderBy: [{ amount: ASC, dueDate: DESC }]) { nodes { id } } }`);
    expect(two.status).toBe(400);
    expect(two.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['orderBy', '0'] }] });
    const countOnly = await api.post(`{ invoices(orderBy: [{ amount: ASC, dueDate: DESC }]) { totalCount } }`);
    expect(countOnly.status).toBe(400);
    expect(countOnly.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['orderBy', '0'] }] });
    const badDate = await api.post(`query($f: InvoiceFilter) { invoices(filter: $f) { totalCount } }`, { f: { dueDate: { lt: '2026-02-30' } } });
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const badEnum = await api.post(`query($f: InvoiceFilter) { invoices(filter: $f) { totalCount } }`, { f: { status: { eq: 'LATE' } } });
    expect(badEnum.status).toBe(400);
  });
  it('treats empty and impossible conditions as logic says, wherever they are nested', async () => {
    const [{ n: all }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM companies`);
    const [{ n: inCountry }] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM companies WHERE country = 'Barbados'`);
    expect(inCountry).toBeGreaterThan(0);
    const count = async (filter: unknown) => {
      const { companies } = await data(`query($f: CompanyFilter) { companies(filter: $f) { totalCount } }`, { f: filter });
      return companies.totalCount;
    };
    const barbados = { country: { eq: 'Barbados' } };
    // company_name is NOT NULL: "eq null" matches nothing, also next to another condition.
    expect(await count({ companyName: { eq: null }, ...barbados })).toBe(0);
    expect(await count({ and: [{ companyName: { isNull: true } }, barbados] })).toBe(0);
    // An empty filter matches everything: in an or, the or holds; negated, nothing does.
    expect(await count({ or: [{}, barbados] })).toBe(all);
    expect(await count({ or: [{ and: [] }] })).toBe(all);
    expect(await count({ not: {} })).toBe(0);
    expect(await count({ or: [] })).toBe(0);
    expect(await count({ and: [{ or: [] }, barbados] })).toBe(0);
    expect(await count({ not: { or: [] } })).toBe(all);
    expect(await count({ status: { in: [] } })).toBe(0);
    expect(await count({ status: { notIn: [] } })).toBe(all);
    const { invoices } = await data(`{ invoices(filter: { status: { in: [] }, currency: { eq: "TTD" } }) { totalCount } }`);
    expect(invoices.totalCount).toBe(0);
  });
});
