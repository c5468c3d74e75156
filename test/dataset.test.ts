// The benchmark dataset (bench/dataset.ts): exact sizes, data that satisfies the
// database rules and agrees with itself, and the same rows on every run.
import { generateDataset, type DatasetSummary } from '../bench/dataset';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';

const TODAY = new Date('2026-11-25T15:00:00Z');
const TABLES = ['services', 'companies', 'contacts', 'projects', 'project_services', 'integrations', 'invoices', 'meetings', 'support_tickets', 'notes'] as const;
const SCALE_1 = { services: 9, companies: 20, contacts: 200, projects: 100, project_services: 250, integrations: 400, invoices: 300, meetings: 100, support_tickets: 100, notes: 200 };

async function counts(db: TestDatabase): Promise<Record<string, number>> {
  const [row] = await db.sql<Record<string, number>>(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`);
  return row!;
}

/** One md5 per table over every column of every row, in id order. */
async function checksums(db: TestDatabase): Promise<Record<string, string>> {
  const [row] = await db.sql<Record<string, string>>(
    `SELECT ${TABLES.map((t) => `(SELECT md5(string_agg(x::text, '|' ORDER BY x.id)) FROM ${t} x) AS ${t}`).join(', ')}`,
  );
  return row!;
}

describe.each(testTargets())('benchmark dataset (%s)', (target) => {
  let db: TestDatabase;
  let summary: DatasetSummary;
  beforeAll(async () => {
    db = await createTestDatabase(target, { seed: false });
    summary = await generateDataset(db.prisma, { scale: 1, today: TODAY });
  });
  afterAll(() => db?.drop());

  it('writes the scale-1 sizes and reports them', async () => {
    expect(summary).toEqual({ scale: 1, today: '2026-11-25', rows: SCALE_1 });
    expect(await counts(db)).toEqual(SCALE_1);
  });

  it('keeps company totals equal to their paid invoices and live projects', async () => {
    const wrong = await db.sql(`
      SELECT c.id FROM companies c
      WHERE c.total_revenue <> (SELECT coalesce(sum(amount), 0) FROM invoices WHERE company_id = c.id AND status = 'paid')
         OR c.monthly_recurring <> (SELECT coalesce(sum(monthly_fee), 0) FROM projects WHERE company_id = c.id AND status = 'live')`);
    expect(wrong).toEqual([]);
    const [totals] = await db.sql<{ revenue: string; mrr: string }>(`SELECT sum(total_revenue)::text AS revenue, sum(monthly_recurring)::text AS mrr FROM companies`);
    expect(Number(totals!.revenue)).toBeGreaterThan(0);
    expect(Number(totals!.mrr)).toBeGreaterThan(0);
  });

  it('gives every company a primary contact of its own', async () => {
    const wrong = await db.sql(`
      SELECT c.id FROM companies c LEFT JOIN contacts p ON p.id = c.primary_contact_id
      WHERE p.id IS NULL OR p.company_id IS DISTINCT FROM c.id`);
    expect(wrong).toEqual([]);
  });

  it('spreads statuses and types over every enum value', async () => {
    const columns = [
      ['companies', 'status'], ['contacts', 'status'], ['projects', 'status'], ['projects', 'priority'], ['integrations', 'status'],
      ['invoices', 'status'], ['invoices', 'invoice_type'], ['meetings', 'status'], ['meetings', 'meeting_type'],
      ['support_tickets', 'status'], ['support_tickets', 'priority'], ['notes', 'note_type'],
    ] as const;
    for (const [table, column] of columns) {
      const [{ udt_name: type }] = (await db.sql<{ udt_name: string }>(
        `SELECT udt_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name = $2`,
        [table, column],
      )) as [{ udt_name: string }];
      const missing = await db.sql(`SELECT unnest(enum_range(NULL::${type}))::text AS value EXCEPT SELECT DISTINCT ${column}::text FROM ${table}`);
      expect({ table, column, missing }).toEqual({ table, column, missing: [] });
    }
  });

  it('has overdue, paid and USD-valued invoices that follow the billing rules', async () => {
    const [row] = await db.sql<{ overdue: number; paid_without_date: number; dated_unpaid: number; usd: number; in_view: number }>(
      `SELECT (SELECT count(*) FROM invoices WHERE status IN ('sent', 'overdue') AND due_date < $1::date)::int AS overdue,
              (SELECT count(*) FROM invoices WHERE status = 'paid' AND paid_date IS NULL)::int AS paid_without_date,
              (SELECT count(*) FROM invoices WHERE status <> 'paid' AND paid_date IS NOT NULL)::int AS dated_unpaid,
              (SELECT count(*) FROM invoices WHERE amount_usd IS NOT NULL)::int AS usd,
              (SELECT count(*) FROM invoices WHERE issue_date > $1::date OR paid_date > $1::date)::int AS in_view`,
      ['2026-11-25'],
    );
    expect(row!.overdue).toBeGreaterThan(10);
    expect(row!.usd).toBeGreaterThan(10);
    expect([row!.paid_without_date, row!.dated_unpaid, row!.in_view]).toEqual([0, 0, 0]);
  });

  it('numbers invoices and tickets <PREFIX>-<issue year>-<n>, unique and without gaps', async () => {
    for (const [table, column, prefix, dated] of [
      ['invoices', 'invoice_number', 'INV', 'issue_date'],
      ['support_tickets', 'ticket_number', 'TKT', 'created_at'],
    ] as const) {
      const wrong = await db.sql(`SELECT ${column} FROM ${table} WHERE ${column} !~ ('^${prefix}-' || extract(year FROM ${dated}) || '-\\d{3,}$')`);
      expect(wrong).toEqual([]);
      const gaps = await db.sql(`
        SELECT y FROM (SELECT split_part(${column}, '-', 2) AS y, split_part(${column}, '-', 3)::int AS n FROM ${table}) s
        GROUP BY y HAVING max(n) <> count(*) OR count(DISTINCT n) <> count(*)`);
      expect(gaps).toEqual([]);
    }
  });

  it('refuses a database that already has data', async () => {
    await expect(generateDataset(db.prisma, { scale: 1, today: TODAY })).rejects.toThrow(/needs an empty database, but it already has 20 companies/);
  });

  it('writes the same rows, ids included, on every run of the same day', async () => {
    const again = await createTestDatabase(target, { seed: false });
    try {
      await generateDataset(again.prisma, { scale: 1, today: TODAY });
      expect(await checksums(again)).toEqual(await checksums(db));
    } finally {
      await again.drop();
    }
  });

  it('scales every table but the service catalog by exactly 10', async () => {
    const big = await createTestDatabase(target, { seed: false });
    try {
      const result = await generateDataset(big.prisma, { scale: 10, today: TODAY });
      const expected = Object.fromEntries(Object.entries(SCALE_1).map(([table, n]) => [table, table === 'services' ? n : 10 * n]));
      expect(result.rows).toEqual(expected);
      expect(await counts(big)).toEqual(expected);
    } finally {
      await big.drop();
    }
  });
});
