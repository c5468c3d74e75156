// The five views return what their definitions (README, "Database rules") promise,
// checked against the base tables on seeded data.
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';

const num = (v: unknown) => Number(v ?? 0);

describe.each(testTargets())('views (%s)', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(target);
  });
  afterAll(() => db?.drop());

  it('active_clients_overview: companies with live or in-progress projects, their counts and MRR', async () => {
    const rows = await db.sql<{ company_id: string; active_project_count: number; live_project_count: number; mrr: string }>(
      `SELECT company_id, active_project_count::int, live_project_count::int, mrr::text FROM active_clients_overview ORDER BY company_id`,
    );
    const expected = await db.sql<{ company_id: string; active: number; live: number; mrr: string }>(`
      SELECT company_id, count(*) FILTER (WHERE status IN ('live','in_progress'))::int AS active,
             count(*) FILTER (WHERE status = 'live')::int AS live,
             coalesce(sum(monthly_fee) FILTER (WHERE status = 'live'), 0)::numeric(12,2)::text AS mrr
      FROM projects GROUP BY company_id HAVING count(*) FILTER (WHERE status IN ('live','in_progress')) > 0 ORDER BY company_id`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r.company_id, r.active_project_count, r.live_project_count, num(r.mrr)])).toEqual(
      expected.map((e) => [e.company_id, e.active, e.live, num(e.mrr)]),
    );
  });

  it('monthly_recurring_revenue: live projects\' monthly fees by company and project type, summing to the total', async () => {
    const [view] = await db.sql<{ total: string; n: number }>(`SELECT sum(mrr_ttd)::text AS total, sum(live_project_count)::int AS n FROM monthly_recurring_revenue`);
    const [base] = await db.sql<{ total: string; n: number }>(`SELECT sum(monthly_fee)::text AS total, count(*)::int AS n FROM projects WHERE status = 'live'`);
    expect(num(view!.total)).toBe(num(base!.total));
    expect(view!.n).toBe(base!.n);
    expect(num(base!.total)).toBeGreaterThan(0);
    const dupes = await db.sql(`SELECT company_id, project_type FROM monthly_recurring_revenue GROUP BY 1, 2 HAVING count(*) > 1`);
    expect(dupes).toEqual([]);
  });

  it('pipeline_value: every stage, with project stages valued from their fees', async () => {
    const rows = await db.sql<{ stage: string; record_count: number; setup_value_ttd: string; monthly_value_ttd: string }>(
      `SELECT stage, record_count::int, setup_value_ttd::text, monthly_value_ttd::text FROM pipeline_value ORDER BY stage_order`,
    );
    expect(rows.map((r) => r.stage)).toEqual(['lead', 'contacted', 'qualified', 'scoping', 'demo']);
    for (const stage of ['scoping', 'demo']) {
      const [base] = await db.sql<{ n: number; setup: string; monthly: string }>(
        `SELECT count(*)::int AS n, coalesce(sum(setup_fee), 0)::text AS setup, coalesce(sum(monthly_fee), 0)::text AS monthly FROM projects WHERE status = $1::project_status`,
        [stage],
      );
      const row = rows.find((r) => r.stage === stage)!;
      expect([row.record_count, num(row.setup_value_ttd), num(row.monthly_value_ttd)]).toEqual([base!.n, num(base!.setup), num(base!.monthly)]);
    }
    expect(rows.some((r) => r.stage === 'lead' && r.record_count > 0)).toBe(true);
  });

  it('overdue_invoices: exactly the unpaid invoices past due, with days overdue', async () => {
    const rows = await db.sql<{ invoice_id: string; days_overdue: number; company_name: string }>(
      `SELECT invoice_id, days_overdue::int, company_name FROM overdue_invoices ORDER BY invoice_id`,
    );
    const base = await db.sql<{ id: string; days: number; company_name: string }>(`
      SELECT i.id, (CURRENT_DATE - i.due_date)::int AS days, c.company_name FROM invoices i JOIN companies c ON c.id = i.company_id
      WHERE i.status IN ('sent', 'overdue') AND i.due_date < CURRENT_DATE ORDER BY i.id`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r.invoice_id, r.days_overdue, r.company_name])).toEqual(base.map((b) => [b.id, b.days, b.company_name]));
    expect(rows.every((r) => r.days_overdue > 0)).toBe(true);
  });

  it('project_timeline: one row per project with company, dates, status and hours', async () => {
    const rows = await db.sql<{ project_id: string; company_name: string; estimated_hours: number | null; actual_hours: number | null; hours_variance: number | null }>(
      `SELECT project_id, company_name, estimated_hours, actual_hours, hours_variance FROM project_timeline`,
    );
    const [{ n }] = (await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM projects`)) as [{ n: number }];
    expect(rows).toHaveLength(n);
    for (const r of rows) {
      expect(r.company_name).toBeTruthy();
      if (r.estimated_hours != null && r.actual_hours != null) expect(r.hours_variance).toBe(r.actual_hours - r.estimated_hours);
    }
  });
});
