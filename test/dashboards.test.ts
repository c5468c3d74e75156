// The dashboard root fields through HTTP: every figure checked against the same
// question asked of the base tables in SQL (not the views the API reads), the
// argument checks, and the statement count of the all-dashboards request, which
// must not grow with the number of rows.
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, type TestServer } from './helpers/http';

type Row = Record<string, unknown>;

/** Today's UTC month as YYYY-MM-01, shifted by `offset` months. */
function utcMonth(offset = 0): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

const ALL_DASHBOARDS = `{
  activeClientsOverview {
    totalCount totalMrr
    clients { companyId companyName mrr outstandingBalance company { id companyName } }
  }
  monthlyRecurringRevenue {
    totalTtd totalUsd unconvertedTtd
    byCompany { companyId mrrTtd mrrUsd company { id status } }
    byProjectType { projectType mrrTtd }
  }
  pipelineValue { firstYearValueTtd stages { stage recordCount } }
  overdueInvoices {
    totalCount totalOwed
    invoices { invoiceId daysOverdue invoice { id invoiceNumber } company { id companyName } }
  }
  projectTimeline { totalCount rows { projectId startDate project { id projectName } } }
  statusCounts { invoices { status count } projects { status count } }
  revenueByMonth { totalTtd months { month revenueTtd } }
}`;

/** Records with relations of their own under the rows: the Prisma plugin plans them into the records' statement. */
const NESTED_RECORDS = `{
  activeClientsOverview { clients { company { id primaryContact { email } projects(first: 3) { totalCount nodes { id integrations { totalCount } } } } } }
  overdueInvoices { invoices { invoice { id project { id projectName } } } }
}`;

describe.each(testTargets())('dashboards (%s)', (target) => {
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

  async function data<T = Record<string, Row>>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const res = await api.post(query, variables);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    return res.body.data as T;
  }

  async function badInput(query: string, variables?: Record<string, unknown>) {
    const res = await api.post(query, variables);
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    return res.body.errors![0]!;
  }

  it('activeClientsOverview: companies with live or in-progress projects, highest MRR first, with their figures and Company', async () => {
    const { activeClientsOverview: overview } = await data<{ activeClientsOverview: { totalCount: number; totalMrr: string; clients: Row[] } }>(`{
      activeClientsOverview {
        totalCount totalMrr totalMonthlyToolCosts totalOutstandingBalance
        clients {
          companyId companyName status activeProjectCount liveProjectCount mrr monthlyToolCosts nextContractEnd
          openTicketCount outstandingBalance primaryContactEmail company { id companyName status }
        }
      }
    }`);
    const expected = await db.sql<Row>(`
      SELECT c.id AS "companyId", c.company_name AS "companyName", upper(c.status::text) AS status,
             count(*) FILTER (WHERE p.status IN ('live', 'in_progress'))::int AS "activeProjectCount",
             count(*) FILTER (WHERE p.status = 'live')::int AS "liveProjectCount",
             coalesce(sum(p.monthly_fee) FILTER (WHERE p.status = 'live'), 0)::numeric(12, 2)::text AS mrr,
             (coalesce(sum(p.tool_costs) FILTER (WHERE p.status = 'live'), 0)
               + coalesce((SELECT sum(i.monthly_cost) FROM integrations i JOIN projects lp ON lp.id = i.project_id
                           WHERE lp.company_id = c.id AND lp.status = 'live' AND i.status = 'active'), 0))::numeric(12, 2)::text AS "monthlyToolCosts",
             c.contract_end_date::text AS "nextContractEnd",
             (SELECT count(*)::int FROM support_tickets t WHERE t.company_id = c.id AND t.status IN ('open', 'in_progress', 'waiting')) AS "openTicketCount",
             coalesce((SELECT sum(amount) FROM invoices i WHERE i.company_id = c.id AND i.status IN ('sent', 'overdue')), 0)::numeric(12, 2)::text AS "outstandingBalance",
             (SELECT email FROM contacts WHERE id = c.primary_contact_id) AS "primaryContactEmail"
      FROM companies c JOIN projects p ON p.company_id = c.id
      GROUP BY c.id HAVING count(*) FILTER (WHERE p.status IN ('live', 'in_progress')) > 0
      ORDER BY coalesce(sum(p.monthly_fee) FILTER (WHERE p.status = 'live'), 0) DESC, c.company_name, c.id`);
    expect(expected.length).toBeGreaterThan(3);
    expect(overview.totalCount).toBe(expected.length);
    expect(overview.clients.map(({ company: _c, ...row }) => row)).toEqual(expected);
    for (const client of overview.clients) {
      expect(client.company).toEqual({ id: client.companyId, companyName: client.companyName, status: client.status });
    }
    const [totals] = await db.sql<Row>(`
      SELECT coalesce(sum(monthly_fee), 0)::numeric(14, 2)::text AS mrr FROM projects
      WHERE status = 'live' AND company_id IN (SELECT company_id FROM projects WHERE status IN ('live', 'in_progress'))`);
    expect(overview.totalMrr).toBe(totals!.mrr);
  });

  it('activeClientsOverview: country (ignoring case) and first; totals cover every matching client', async () => {
    const [{ country }] = (await db.sql<{ country: string }>(`
      SELECT c.country FROM companies c WHERE EXISTS (SELECT 1 FROM projects p WHERE p.company_id = c.id AND p.status IN ('live', 'in_progress'))
      GROUP BY c.country ORDER BY count(*) DESC LIMIT 1`)) as [{ country: string }];
    const expected = await db.sql<{ id: string; mrr: string }>(
      `SELECT c.id, coalesce(sum(p.monthly_fee) FILTER (WHERE p.status = 'live'), 0)::numeric(14, 2)::text AS mrr
       FROM companies c JOIN projects p ON p.company_id = c.id WHERE c.country = $1
       GROUP BY c.id HAVING count(*) FILTER (WHERE p.status IN ('live', 'in_progress')) > 0
       ORDER BY coalesce(sum(p.monthly_fee) FILTER (WHERE p.status = 'live'), 0) DESC, c.company_name, c.id`,
      [country],
    );
    expect(expected.length).toBeGreaterThan(1);
    const { activeClientsOverview: page } = await data<{ activeClientsOverview: { totalCount: number; totalMrr: string; clients: Row[] } }>(
      `query($country: String) { activeClientsOverview(country: $country, first: 1) { totalCount totalMrr clients { companyId country } } }`,
      { country: country.toUpperCase() },
    );
    expect(page.totalCount).toBe(expected.length);
    expect(page.clients).toEqual([{ companyId: expected[0]!.id, country }]);
    const total = expected.reduce((cents, e) => cents + Math.round(Number(e.mrr) * 100), 0);
    expect(page.totalMrr).toBe((total / 100).toFixed(2));

    const none = await data<{ activeClientsOverview: Row }>(`{ activeClientsOverview(country: "Atlantis") { totalCount totalMrr clients { companyId } } }`);
    expect(none.activeClientsOverview).toEqual({ totalCount: 0, totalMrr: '0.00', clients: [] });
  });

  it('monthlyRecurringRevenue: total, tool costs and margin, by company and by project type, matching live projects', async () => {
    const { monthlyRecurringRevenue: mrr } = await data<{ monthlyRecurringRevenue: Row & { byCompany: Row[]; byProjectType: Row[] } }>(`{
      monthlyRecurringRevenue {
        totalTtd toolCostsTtd marginTtd liveProjectCount
        byCompany { companyId companyName liveProjectCount mrrTtd toolCostsTtd marginTtd company { id companyName } }
        byProjectType { projectType liveProjectCount companyCount mrrTtd toolCostsTtd marginTtd }
      }
    }`);
    const liveCosts = `
      WITH live AS (
        SELECT p.*, p.tool_costs + coalesce((SELECT sum(monthly_cost) FROM integrations i WHERE i.project_id = p.id AND i.status = 'active'), 0) AS costs
        FROM projects p WHERE p.status = 'live'
      )`;
    const [totals] = await db.sql<Row>(`${liveCosts}
      SELECT sum(monthly_fee)::numeric(14, 2)::text AS "totalTtd", sum(costs)::numeric(14, 2)::text AS "toolCostsTtd",
             (sum(monthly_fee) - sum(costs))::numeric(14, 2)::text AS "marginTtd", count(*)::int AS "liveProjectCount" FROM live`);
    expect(Number(totals!.totalTtd)).toBeGreaterThan(0);
    expect({ totalTtd: mrr.totalTtd, toolCostsTtd: mrr.toolCostsTtd, marginTtd: mrr.marginTtd, liveProjectCount: mrr.liveProjectCount }).toEqual(totals);

    const byCompany = await db.sql<Row>(`${liveCosts}
      SELECT l.company_id AS "companyId", c.company_name AS "companyName", count(*)::int AS "liveProjectCount",
             sum(monthly_fee)::numeric(14, 2)::text AS "mrrTtd", sum(costs)::numeric(14, 2)::text AS "toolCostsTtd",
             (sum(monthly_fee) - sum(costs))::numeric(14, 2)::text AS "marginTtd"
      FROM live l JOIN companies c ON c.id = l.company_id GROUP BY l.company_id, c.company_name
      ORDER BY sum(monthly_fee) DESC, c.company_name, l.company_id`);
    expect(mrr.byCompany.map(({ company: _c, ...row }) => row)).toEqual(byCompany);
    for (const row of mrr.byCompany) expect(row.company).toEqual({ id: row.companyId, companyName: row.companyName });

    const byType = await db.sql<Row>(`${liveCosts}
      SELECT coalesce(project_type, 'other') AS "projectType", count(*)::int AS "liveProjectCount", count(DISTINCT company_id)::int AS "companyCount",
             sum(monthly_fee)::numeric(14, 2)::text AS "mrrTtd", sum(costs)::numeric(14, 2)::text AS "toolCostsTtd",
             (sum(monthly_fee) - sum(costs))::numeric(14, 2)::text AS "marginTtd"
      FROM live GROUP BY 1 ORDER BY sum(monthly_fee) DESC, 1`);
    expect(mrr.byProjectType).toEqual(byType);
  });

  it('monthlyRecurringRevenue: USD at each company\'s latest invoice rate where known; the rest reported as unconverted TTD', async () => {
    const { monthlyRecurringRevenue: mrr } = await data<{ monthlyRecurringRevenue: Row & { byCompany: Row[] } }>(`{
      monthlyRecurringRevenue { totalTtd totalUsd unconvertedTtd byCompany { companyId mrrTtd usdRate usdRateDate mrrUsd } }
    }`);
    const expected = await db.sql<{ companyId: string; rate: string | null; rateDate: string | null; mrrUsd: string | null }>(`
      WITH mrr AS (SELECT company_id, sum(monthly_fee) AS ttd FROM projects WHERE status = 'live' GROUP BY company_id),
      latest AS (
        SELECT DISTINCT ON (company_id) company_id, amount, amount_usd, issue_date FROM invoices
        WHERE amount > 0 AND amount_usd IS NOT NULL ORDER BY company_id, issue_date DESC, created_at DESC, id DESC
      )
      SELECT m.company_id AS "companyId", (l.amount_usd / l.amount)::text AS rate, l.issue_date::text AS "rateDate",
             round(m.ttd * l.amount_usd / l.amount, 2)::text AS "mrrUsd"
      FROM mrr m LEFT JOIN latest l ON l.company_id = m.company_id`);
    const byId = new Map(expected.map((e) => [e.companyId, e]));
    let knownCents = 0;
    let unconvertedCents = 0;
    for (const row of mrr.byCompany) {
      const e = byId.get(row.companyId as string)!;
      expect([row.mrrUsd, row.usdRateDate]).toEqual([e.mrrUsd, e.rateDate]);
      if (e.rate === null) {
        expect(row.usdRate).toBeNull();
        unconvertedCents += Math.round(Number(row.mrrTtd) * 100);
      } else {
        expect(row.usdRate).toBeCloseTo(Number(e.rate), 10);
        knownCents += Math.round(Number(e.mrrUsd) * 100);
      }
    }
    // The seed has companies on both sides, so both parts of the rule are exercised.
    expect(knownCents).toBeGreaterThan(0);
    expect(unconvertedCents).toBeGreaterThan(0);
    expect(mrr.totalUsd).toBe((knownCents / 100).toFixed(2));
    expect(mrr.unconvertedTtd).toBe((unconvertedCents / 100).toFixed(2));
  });

  it('pipelineValue: all five stages in order, leads at the catalog average, projects at their own fees, with totals', async () => {
    const { pipelineValue } = await data<{ pipelineValue: Row & { stages: Row[] } }>(`{
      pipelineValue { recordCount setupValueTtd monthlyValueTtd firstYearValueTtd stages { stage stageOrder recordCount setupValueTtd monthlyValueTtd firstYearValueTtd } }
    }`);
    const stages = await db.sql<Row>(`
      WITH catalog AS (SELECT coalesce(avg(base_setup_fee_min), 0) AS avg_setup, coalesce(avg(base_monthly_fee_min), 0) AS avg_monthly FROM services WHERE is_active),
      stages(stage, ord) AS (VALUES ('lead', 1), ('contacted', 2), ('qualified', 3), ('scoping', 4), ('demo', 5)),
      counted AS (
        SELECT s.stage, s.ord,
               CASE WHEN s.ord <= 3 THEN (SELECT count(*) FROM contacts ct LEFT JOIN companies co ON co.id = ct.company_id
                                          WHERE ct.status::text = s.stage AND (ct.company_id IS NULL OR co.status = 'prospect'))
                    ELSE (SELECT count(*) FROM projects WHERE status::text = s.stage) END AS n,
               (SELECT sum(setup_fee) FROM projects WHERE status::text = s.stage) AS setup,
               (SELECT sum(monthly_fee) FROM projects WHERE status::text = s.stage) AS monthly
        FROM stages s
      ),
      valued AS (
        SELECT stage, ord, n, CASE WHEN ord <= 3 THEN n * avg_setup ELSE coalesce(setup, 0) END AS setup,
               CASE WHEN ord <= 3 THEN n * avg_monthly ELSE coalesce(monthly, 0) END AS monthly
        FROM counted CROSS JOIN catalog
      )
      SELECT upper(stage) AS stage, ord AS "stageOrder", n::int AS "recordCount", setup::numeric(12, 2)::text AS "setupValueTtd",
             monthly::numeric(12, 2)::text AS "monthlyValueTtd", (setup + 12 * monthly)::numeric(14, 2)::text AS "firstYearValueTtd"
      FROM valued ORDER BY ord`);
    expect(pipelineValue.stages).toEqual(stages);
    expect(pipelineValue.stages.map((s) => s.stage)).toEqual(['LEAD', 'CONTACTED', 'QUALIFIED', 'SCOPING', 'DEMO']);
    const cents = (key: string) => (stages.reduce((n, s) => n + Math.round(Number(s[key]) * 100), 0) / 100).toFixed(2);
    expect(pipelineValue.recordCount).toBe(stages.reduce((n, s) => n + (s.recordCount as number), 0));
    expect([pipelineValue.setupValueTtd, pipelineValue.monthlyValueTtd, pipelineValue.firstYearValueTtd]).toEqual([
      cents('setupValueTtd'),
      cents('monthlyValueTtd'),
      cents('firstYearValueTtd'),
    ]);
  });

  it('overdueInvoices: unpaid invoices past due, longest overdue first, with the total owed, Invoice and Company', async () => {
    const { overdueInvoices } = await data<{ overdueInvoices: { totalCount: number; totalOwed: string; invoices: Row[] } }>(`{
      overdueInvoices {
        totalCount totalOwed
        invoices {
          invoiceId invoiceNumber status amount dueDate daysOverdue companyId companyName projectId
          invoice { id invoiceNumber amount } company { id companyName } project { id }
        }
      }
    }`);
    const expected = await db.sql<Row>(`
      SELECT i.id AS "invoiceId", i.invoice_number AS "invoiceNumber", upper(i.status::text) AS status, i.amount::text AS amount,
             i.due_date::text AS "dueDate", (CURRENT_DATE - i.due_date)::int AS "daysOverdue", i.company_id AS "companyId",
             c.company_name AS "companyName", i.project_id AS "projectId"
      FROM invoices i JOIN companies c ON c.id = i.company_id
      WHERE i.status IN ('sent', 'overdue') AND i.due_date < CURRENT_DATE
      ORDER BY i.due_date, i.amount DESC, i.invoice_number`);
    expect(expected.length).toBeGreaterThan(3);
    expect(overdueInvoices.invoices.map(({ invoice: _i, company: _c, project: _p, ...row }) => row)).toEqual(expected);
    for (const row of overdueInvoices.invoices) {
      expect(row.invoice).toEqual({ id: row.invoiceId, invoiceNumber: row.invoiceNumber, amount: row.amount });
      expect(row.company).toEqual({ id: row.companyId, companyName: row.companyName });
      expect(row.project).toEqual(row.projectId === null ? null : { id: row.projectId });
    }
    const cents = expected.reduce((n, e) => n + Math.round(Number(e.amount) * 100), 0);
    expect(overdueInvoices.totalCount).toBe(expected.length);
    expect(overdueInvoices.totalOwed).toBe((cents / 100).toFixed(2));
  });

  it('overdueInvoices: companyId, minDaysOverdue and first filter; the totals follow the filter', async () => {
    const [pick] = await db.sql<{ company_id: string; days: number }>(`
      SELECT company_id, min(CURRENT_DATE - due_date)::int AS days FROM invoices
      WHERE status IN ('sent', 'overdue') AND due_date < CURRENT_DATE GROUP BY company_id ORDER BY count(*) DESC, company_id LIMIT 1`);
    const { overdueInvoices } = await data<{ overdueInvoices: { totalCount: number; totalOwed: string; invoices: Row[] } }>(
      `query($companyId: UUID, $min: Int) { overdueInvoices(companyId: $companyId, minDaysOverdue: $min, first: 1) { totalCount totalOwed invoices { companyId daysOverdue } } }`,
      { companyId: pick!.company_id, min: pick!.days },
    );
    const [expected] = await db.sql<{ n: number; owed: string; max: number }>(
      `SELECT count(*)::int AS n, sum(amount)::numeric(14, 2)::text AS owed, max(CURRENT_DATE - due_date)::int AS max FROM invoices
       WHERE status IN ('sent', 'overdue') AND due_date < CURRENT_DATE AND company_id = $1 AND CURRENT_DATE - due_date >= $2`,
      [pick!.company_id, pick!.days],
    );
    expect(overdueInvoices.totalCount).toBe(expected!.n);
    expect(overdueInvoices.totalOwed).toBe(expected!.owed);
    expect(overdueInvoices.invoices).toEqual([{ companyId: pick!.company_id, daysOverdue: expected!.max }]);

    const none = await data<{ overdueInvoices: Row }>(`{ overdueInvoices(minDaysOverdue: 100000) { totalCount totalOwed invoices { invoiceId } } }`);
    expect(none.overdueInvoices).toEqual({ totalCount: 0, totalOwed: '0.00', invoices: [] });
  });

  it('projectTimeline: projects whose [start, go-live ?? start] overlaps the range, by status; undated ones only without a range', async () => {
    const [range] = await db.sql<{ from: string; to: string }>(`
      SELECT (min(start_date) + 120)::text AS from, (min(start_date) + 300)::text AS to FROM projects`);
    const query = `query($from: LocalDate, $to: LocalDate, $status: [ProjectStatus!]) {
      projectTimeline(from: $from, to: $to, status: $status) {
        totalCount
        rows { projectId projectName companyName status priority startDate goLiveDate estimatedHours actualHours hoursVariance project { id projectName } }
      }
    }`;
    const select = `
      SELECT p.id AS "projectId", p.project_name AS "projectName", c.company_name AS "companyName", upper(p.status::text) AS status,
             upper(p.priority::text) AS priority, p.start_date::text AS "startDate", p.go_live_date::text AS "goLiveDate",
             p.estimated_hours AS "estimatedHours", p.actual_hours AS "actualHours", p.actual_hours - p.estimated_hours AS "hoursVariance"
      FROM projects p JOIN companies c ON c.id = p.company_id`;
    const order = `ORDER BY p.start_date NULLS LAST, p.go_live_date NULLS LAST, p.project_name, p.id`;
    const strip = (rows: Row[]) => rows.map(({ project: _p, ...row }) => row);

    const inRange = await db.sql<Row>(`${select} WHERE p.start_date <= $2::date AND coalesce(p.go_live_date, p.start_date) >= $1::date ${order}`, [range!.from, range!.to]);
    const all = await db.sql<Row>(`${select} ${order}`);
    expect(inRange.length).toBeGreaterThan(2);
    expect(inRange.length).toBeLessThan(all.length);
    const ranged = await data<{ projectTimeline: { totalCount: number; rows: Row[] } }>(query, range);
    expect(strip(ranged.projectTimeline.rows)).toEqual(inRange);
    expect(ranged.projectTimeline.totalCount).toBe(inRange.length);
    for (const row of ranged.projectTimeline.rows) expect(row.project).toEqual({ id: row.projectId, projectName: row.projectName });

    // No range: every project, the ones without a start date last.
    const unbounded = await data<{ projectTimeline: { totalCount: number; rows: Row[] } }>(query);
    expect(strip(unbounded.projectTimeline.rows)).toEqual(all);
    expect(all.some((r) => r.startDate === null)).toBe(true);

    // One open bound; a status filter.
    const fromOnly = await db.sql<Row>(`${select} WHERE p.start_date IS NOT NULL AND coalesce(p.go_live_date, p.start_date) >= $1::date AND p.status IN ('live', 'in_progress') ${order}`, [range!.to]);
    const filtered = await data<{ projectTimeline: { totalCount: number; rows: Row[] } }>(query, { from: range!.to, status: ['LIVE', 'IN_PROGRESS'] });
    expect(fromOnly.length).toBeGreaterThan(0);
    expect(strip(filtered.projectTimeline.rows)).toEqual(fromOnly);

    const empty = await data<{ projectTimeline: { totalCount: number } }>(query, { status: [] });
    expect(empty.projectTimeline.totalCount).toBe(0);
  });

  it('projectTimeline: from after to is BAD_USER_INPUT (400) naming both arguments', async () => {
    const error = await badInput(`{ projectTimeline(from: "2026-05-02", to: "2026-05-01") { totalCount } }`);
    expect(error.extensions!.fieldErrors).toEqual([
      { path: ['from'], message: expect.stringContaining('on or before') },
      { path: ['to'], message: expect.stringContaining('on or before') },
    ]);
  });

  it('statusCounts: every status of each entity, zeros included; past-due sent invoices count as OVERDUE', async () => {
    const { statusCounts } = await data<{ statusCounts: Record<string, { status: string; count: number }[]> }>(`{
      statusCounts { contacts { status count } projects { status count } invoices { status count } supportTickets { status count } }
    }`);
    const expected = async (table: string, enumType: string, derived = 'x.status::text') =>
      db.sql<{ status: string; count: number }>(`
        SELECT upper(s.status::text) AS status, count(x.id)::int AS count
        FROM unnest(enum_range(NULL::${enumType})) WITH ORDINALITY AS s(status, ord)
        LEFT JOIN ${table} x ON ${derived} = s.status::text
        GROUP BY s.status, s.ord ORDER BY s.ord`);
    expect(statusCounts.contacts).toEqual(await expected('contacts', 'contact_status'));
    expect(statusCounts.projects).toEqual(await expected('projects', 'project_status'));
    expect(statusCounts.supportTickets).toEqual(await expected('support_tickets', 'ticket_status'));
    expect(statusCounts.invoices).toEqual(
      await expected('invoices', 'invoice_status', `CASE WHEN x.status IN ('sent', 'overdue') AND x.due_date < CURRENT_DATE THEN 'overdue' ELSE x.status::text END`),
    );
    expect(statusCounts.invoices.map((c) => c.status)).toEqual(['DRAFT', 'SENT', 'PAID', 'OVERDUE', 'CANCELLED']);

    // The derivation is visible in the seed: some sent invoices are past due.
    const [{ stored }] = (await db.sql<{ stored: number }>(`SELECT count(*)::int AS stored FROM invoices WHERE status = 'overdue'`)) as [{ stored: number }];
    expect(statusCounts.invoices.find((c) => c.status === 'OVERDUE')!.count).toBeGreaterThan(stored);
    // A status no row has is listed with 0.
    await db.sql(`UPDATE projects SET status = 'in_progress' WHERE status = 'paused'`);
    const after = await data<{ statusCounts: Record<string, { status: string; count: number }[]> }>(`{ statusCounts { projects { status count } } }`);
    expect(after.statusCounts.projects.find((c) => c.status === 'PAUSED')).toEqual({ status: 'PAUSED', count: 0 });
  });

  it('revenueByMonth: by default the last 12 months including this one (UTC), zero-filled, matching paid invoices', async () => {
    const { revenueByMonth } = await data<{ revenueByMonth: Row & { months: Row[] } }>(`{
      revenueByMonth { firstMonth lastMonth totalTtd totalUsd unconvertedTtd invoiceCount months { month revenueTtd revenueUsd unconvertedTtd invoiceCount } }
    }`);
    const expected = await db.sql<Row>(
      `SELECT to_char(m, 'YYYY-MM-DD') AS month,
              coalesce(sum(i.amount), 0)::numeric(14, 2)::text AS "revenueTtd",
              coalesce(sum(i.amount_usd), 0)::numeric(14, 2)::text AS "revenueUsd",
              coalesce(sum(i.amount) FILTER (WHERE i.amount_usd IS NULL), 0)::numeric(14, 2)::text AS "unconvertedTtd",
              count(i.id)::int AS "invoiceCount"
       FROM generate_series($1::date, $2::date, interval '1 month') m
       LEFT JOIN invoices i ON i.status = 'paid' AND to_char(i.paid_date, 'YYYY-MM') = to_char(m, 'YYYY-MM')
       GROUP BY m ORDER BY m`,
      [utcMonth(-11), utcMonth()],
    );
    expect(expected).toHaveLength(12);
    expect(revenueByMonth.months).toEqual(expected);
    expect([revenueByMonth.firstMonth, revenueByMonth.lastMonth]).toEqual([utcMonth(-11), utcMonth()]);
    const total = (key: string) => (expected.reduce((n, e) => n + Math.round(Number(e[key]) * 100), 0) / 100).toFixed(2);
    expect(Number(revenueByMonth.totalTtd)).toBeGreaterThan(0);
    expect([revenueByMonth.totalTtd, revenueByMonth.totalUsd, revenueByMonth.unconvertedTtd]).toEqual([total('revenueTtd'), total('revenueUsd'), total('unconvertedTtd')]);
    expect(revenueByMonth.invoiceCount).toBe(expected.reduce((n, e) => n + (e.invoiceCount as number), 0));
  });

  it('revenueByMonth: from and to pick whole months; a range with no payments is all zeros', async () => {
    const [paid] = await db.sql<{ month: string; ttd: string; n: number }>(`
      SELECT to_char(paid_date, 'YYYY-MM') AS month, sum(amount)::numeric(14, 2)::text AS ttd, count(*)::int AS n
      FROM invoices WHERE status = 'paid' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const query = `query($from: LocalDate, $to: LocalDate) { revenueByMonth(from: $from, to: $to) { firstMonth lastMonth totalTtd invoiceCount months { month revenueTtd invoiceCount } } }`;
    // The 15th to the 15th still covers the whole month.
    const one = await data<{ revenueByMonth: Row }>(query, { from: `${paid!.month}-15`, to: `${paid!.month}-15` });
    expect(one.revenueByMonth).toEqual({
      firstMonth: `${paid!.month}-01`,
      lastMonth: `${paid!.month}-01`,
      totalTtd: paid!.ttd,
      invoiceCount: paid!.n,
      months: [{ month: `${paid!.month}-01`, revenueTtd: paid!.ttd, invoiceCount: paid!.n }],
    });

    const old = await data<{ revenueByMonth: Row & { months: Row[] } }>(query, { from: '2019-11-15', to: '2020-02-01' });
    expect(old.revenueByMonth.months).toEqual(
      ['2019-11-01', '2019-12-01', '2020-01-01', '2020-02-01'].map((month) => ({ month, revenueTtd: '0.00', invoiceCount: 0 })),
    );
    expect(old.revenueByMonth.totalTtd).toBe('0.00');

    const sixty = await data<{ revenueByMonth: { months: Row[] } }>(query, { from: '2021-01-31', to: '2025-12-01' });
    expect(sixty.revenueByMonth.months).toHaveLength(60);
  });

  it('revenueByMonth: more than 60 months or from after to is BAD_USER_INPUT (400)', async () => {
    const tooLong = await badInput(`{ revenueByMonth(from: "2021-01-01", to: "2026-01-01") { totalTtd } }`);
    expect(tooLong.message).toContain('61 months');
    expect(tooLong.extensions!.fieldErrors).toEqual([
      { path: ['from'], message: expect.any(String) },
      { path: ['to'], message: expect.any(String) },
    ]);
    const reversed = await badInput(`{ revenueByMonth(from: "2026-03-02", to: "2026-03-01") { totalTtd } }`);
    expect(reversed.extensions!.fieldErrors).toHaveLength(2);
    // Only `from`, far back: up to the current month is too long, and the error names `from` alone.
    const fromOnly = await badInput(`{ revenueByMonth(from: "2000-01-01") { totalTtd } }`);
    expect(fromOnly.extensions!.fieldErrors).toEqual([{ path: ['from'], message: expect.any(String) }]);
  });

  it('first above 100 or below 0, and a negative minDaysOverdue, are BAD_USER_INPUT (400)', async () => {
    for (const field of ['activeClientsOverview(first: 101) { totalCount }', 'overdueInvoices(first: 101) { totalCount }', 'projectTimeline(first: 101) { totalCount }']) {
      const error = await badInput(`{ ${field} }`);
      expect(error.extensions!.fieldErrors).toEqual([{ path: ['first'], message: expect.any(String) }]);
    }
    await badInput(`{ overdueInvoices(first: -1) { totalCount } }`);
    const negative = await badInput(`{ overdueInvoices(minDaysOverdue: -1) { totalCount } }`);
    expect(negative.extensions!.fieldErrors).toEqual([{ path: ['minDaysOverdue'], message: expect.any(String) }]);
  });

  it('every dashboard in one request, in a fixed number of SQL statements that does not grow with the rows', async () => {
    const statements = async (query: string, headers: Record<string, string> = {}) => {
      const res = await api.post(query, undefined, headers);
      expect(res.body.errors).toBeUndefined();
      expect(res.status).toBe(200);
      return { count: Number(res.headers.get('x-sql-statements')), data: res.body.data as Record<string, Row> };
    };
    // What any request costs around its fields (a transaction on the embedded database).
    const { count: overhead } = await statements('{ __typename }');
    const before = await statements(ALL_DASHBOARDS);
    // Compiled: one statement per dashboard (7), the records they link to included.
    expect(before.count - overhead).toBe(7);
    const nestedBefore = await statements(NESTED_RECORDS);
    // The resolvers: one statement per SQL source of each dashboard (its totals and each of its lists: 18), plus one
    // per record relation selected: activeClientsOverview.clients.company, monthlyRecurringRevenue.byCompany.company,
    // overdueInvoices.invoices.invoice and .company, projectTimeline.rows.project.
    const resolvers = { 'x-read-path': 'resolvers' };
    const resolversBefore = await statements(ALL_DASHBOARDS, resolvers);
    expect(resolversBefore.count - overhead).toBe(18 + 5);

    // More of everything the dashboards list: active clients, live projects, overdue invoices, timeline rows.
    await db.sql(`INSERT INTO companies (company_name, status, country) SELECT 'Load Test Co ' || g, 'active', 'Grenada' FROM generate_series(1, 12) g`);
    await db.sql(`
      INSERT INTO projects (company_id, project_name, status, monthly_fee, start_date, go_live_date)
      SELECT id, company_name || ' Bot', 'live', 1000, CURRENT_DATE - 60, CURRENT_DATE - 10 FROM companies WHERE company_name LIKE 'Load Test Co %'`);
    await db.sql(`
      INSERT INTO invoices (invoice_number, company_id, amount, amount_usd, status, issue_date, due_date)
      SELECT 'INV-LOAD-' || row_number() OVER (), id, 500, 74, 'sent', CURRENT_DATE - 40, CURRENT_DATE - 10 FROM companies WHERE company_name LIKE 'Load Test Co %'`);

    const after = await statements(ALL_DASHBOARDS);
    expect((after.data.activeClientsOverview!.clients as Row[]).length).toBeGreaterThan((before.data.activeClientsOverview!.clients as Row[]).length);
    expect(after.data.overdueInvoices!.totalCount).toBe((before.data.overdueInvoices!.totalCount as number) + 12);
    expect((after.data.monthlyRecurringRevenue!.byCompany as Row[]).length).toBe((before.data.monthlyRecurringRevenue!.byCompany as Row[]).length + 12);
    expect(after.count).toBe(before.count);
    const nestedAfter = await statements(NESTED_RECORDS);
    const clients = nestedAfter.data.activeClientsOverview!.clients as { company: { projects: { totalCount: number } } }[];
    expect(clients.filter((c) => c.company.projects.totalCount > 0)).toHaveLength(clients.length);
    expect(nestedAfter.count).toBe(nestedBefore.count);
    expect((await statements(ALL_DASHBOARDS, resolvers)).count).toBe(resolversBefore.count);
  });
});
