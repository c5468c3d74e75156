// The dashboards: one SQL statement each, over the database views (README,
// "Database rules" → Views) and the tables. Rows come back with camelCase keys
// and enum values upper-cased (the views return the stored lowercase text), so the
// GraphQL types expose them as they are.
import {
  ContactStatus,
  InvoiceStatus,
  Prisma,
  ProjectStatus,
  TicketStatus,
  type CompanyStatus,
  type InvoiceType,
  type Priority,
  type PrismaClient,
} from '../../generated/prisma/client';

/** The shared client or a request's transaction: all a dashboard needs is raw SQL. */
export type Db = Pick<PrismaClient, '$queryRaw'>;

type Decimal = Prisma.Decimal;
const ZERO = new Prisma.Decimal(0);
const sum = (values: Decimal[]) => values.reduce((a, b) => a.plus(b), ZERO);

/** A DATE parameter as `YYYY-MM-DD`, so the session's time zone cannot shift it. */
const sqlDate = (date: Date) => date.toISOString().slice(0, 10);

// ---- active clients ------------------------------------------------------------------

export interface ActiveClientRow {
  companyId: string;
  companyName: string;
  industry: string | null;
  country: string | null;
  status: CompanyStatus;
  primaryContactId: string | null;
  primaryContactName: string | null;
  primaryContactEmail: string | null;
  activeProjectCount: number;
  liveProjectCount: number;
  mrr: Decimal;
  monthlyToolCosts: Decimal;
  nextContractEnd: Date | null;
  openTicketCount: number;
  outstandingBalance: Decimal;
}

export interface ActiveClientsOverview {
  totalCount: number;
  totalMrr: Decimal;
  totalMonthlyToolCosts: Decimal;
  totalOutstandingBalance: Decimal;
  clients: ActiveClientRow[];
}

/**
 * A page of rows plus totals over every matching row, from one statement: the
 * totals row is LEFT JOINed to the page, so it comes back even when the page is
 * empty (that padding row has null in every page column, `key` included).
 */
type PageRow<T, R> = T & { [K in keyof R]: R[K] | null };

function splitPage<T, R>(rows: PageRow<T, R>[], key: keyof R): { totals: T; page: R[] } {
  return { totals: rows[0]!, page: rows.filter((row) => row[key] !== null) as R[] };
}

export async function activeClientsOverview(db: Db, options: { country?: string | null; limit: number }): Promise<ActiveClientsOverview> {
  const country = options.country?.trim();
  const where = country ? Prisma.sql`WHERE lower(country) = lower(${country})` : Prisma.empty;
  const rows = await db.$queryRaw<PageRow<Omit<ActiveClientsOverview, 'clients'>, ActiveClientRow>[]>(Prisma.sql`
    WITH matching AS (
      SELECT * FROM active_clients_overview ${where}
    ), page AS (
      SELECT * FROM matching ORDER BY mrr DESC, company_name, company_id LIMIT ${options.limit}
    )
    SELECT t."totalCount", t."totalMrr", t."totalMonthlyToolCosts", t."totalOutstandingBalance",
           p.company_id AS "companyId", p.company_name AS "companyName", p.industry, p.country,
           upper(p.status::text) AS status, p.primary_contact_id AS "primaryContactId",
           p.primary_contact_name AS "primaryContactName", p.primary_contact_email AS "primaryContactEmail",
           p.active_project_count::int AS "activeProjectCount", p.live_project_count::int AS "liveProjectCount",
           p.mrr, p.monthly_tool_costs AS "monthlyToolCosts", p.next_contract_end AS "nextContractEnd",
           p.open_ticket_count::int AS "openTicketCount", p.outstanding_balance AS "outstandingBalance"
    FROM (
      SELECT count(*)::int AS "totalCount",
             coalesce(sum(mrr), 0)::numeric(14, 2) AS "totalMrr",
             coalesce(sum(monthly_tool_costs), 0)::numeric(14, 2) AS "totalMonthlyToolCosts",
             coalesce(sum(outstanding_balance), 0)::numeric(14, 2) AS "totalOutstandingBalance"
      FROM matching
    ) t
    LEFT JOIN page p ON true
    ORDER BY p.mrr DESC, p.company_name, p.company_id`);
  const { totals, page } = splitPage(rows, 'companyId');
  const { totalCount, totalMrr, totalMonthlyToolCosts, totalOutstandingBalance } = totals;
  return { totalCount, totalMrr, totalMonthlyToolCosts, totalOutstandingBalance, clients: page };
}

// ---- monthly recurring revenue -------------------------------------------------------

export interface MrrByCompany {
  companyId: string;
  companyName: string;
  country: string | null;
  liveProjectCount: number;
  mrrTtd: Decimal;
  toolCostsTtd: Decimal;
  marginTtd: Decimal;
  /** USD per TTD from the company's latest invoice with both amounts; null when none. */
  usdRate: number | null;
  usdRateDate: Date | null;
  mrrUsd: Decimal | null;
}

export interface MrrByProjectType {
  projectType: string;
  liveProjectCount: number;
  companyCount: number;
  mrrTtd: Decimal;
  toolCostsTtd: Decimal;
  marginTtd: Decimal;
}

export interface MonthlyRecurringRevenue {
  totalTtd: Decimal;
  toolCostsTtd: Decimal;
  marginTtd: Decimal;
  liveProjectCount: number;
  totalUsd: Decimal;
  unconvertedTtd: Decimal;
  byCompany: MrrByCompany[];
  byProjectType: MrrByProjectType[];
}

/** A row of either breakdown: `projectType` is null on company rows, `companyId` on type rows. */
type MrrRow = Omit<MrrByCompany, 'companyId' | 'companyName'> &
  Omit<MrrByProjectType, 'projectType'> & { companyId: string | null; companyName: string | null; projectType: string | null };

/**
 * MRR from the `monthly_recurring_revenue` view, by company and by project type.
 * USD where known: a company's rate is amount_usd / amount of its most recent invoice
 * (latest issue date, then latest created) with amount > 0 and amount_usd set; its
 * USD MRR is its TTD MRR at that rate, rounded to cents. `totalUsd` sums those
 * companies' USD MRR, and `unconvertedTtd` is the TTD MRR of companies without a rate.
 */
export async function monthlyRecurringRevenue(db: Db): Promise<MonthlyRecurringRevenue> {
  // Both breakdowns in one statement: GROUPING(project_type) = 1 marks the company rows.
  const rows = await db.$queryRaw<MrrRow[]>(Prisma.sql`
    WITH rated AS (
      SELECT m.*, r.amount AS rate_amount, r.amount_usd AS rate_usd, r.issue_date AS rate_date
      FROM monthly_recurring_revenue m
      LEFT JOIN LATERAL (
        SELECT amount, amount_usd, issue_date FROM invoices
        WHERE company_id = m.company_id AND amount > 0 AND amount_usd IS NOT NULL
        ORDER BY issue_date DESC, created_at DESC, id DESC
        LIMIT 1
      ) r ON true
    )
    SELECT CASE WHEN GROUPING(project_type) = 1 THEN company_id END AS "companyId",
           CASE WHEN GROUPING(project_type) = 1 THEN company_name END AS "companyName",
           CASE WHEN GROUPING(project_type) = 1 THEN country END AS country,
           project_type AS "projectType",
           sum(live_project_count)::int AS "liveProjectCount",
           count(*)::int AS "companyCount",
           sum(mrr_ttd)::numeric(14, 2) AS "mrrTtd",
           sum(tool_costs_ttd)::numeric(14, 2) AS "toolCostsTtd",
           sum(margin_ttd)::numeric(14, 2) AS "marginTtd",
           CASE WHEN GROUPING(project_type) = 1 THEN (rate_usd / rate_amount)::float8 END AS "usdRate",
           CASE WHEN GROUPING(project_type) = 1 THEN rate_date END AS "usdRateDate",
           CASE WHEN GROUPING(project_type) = 1 THEN round(sum(mrr_ttd) * rate_usd / rate_amount, 2)::numeric(14, 2) END AS "mrrUsd"
    FROM rated
    GROUP BY GROUPING SETS ((company_id, company_name, country, rate_amount, rate_usd, rate_date), (project_type))
    ORDER BY "mrrTtd" DESC, "companyName", "projectType", "companyId"`);

  const byCompany: MrrByCompany[] = [];
  const byProjectType: MrrByProjectType[] = [];
  for (const { companyId, companyName, projectType, companyCount, ...row } of rows) {
    if (companyId !== null && companyName !== null) byCompany.push({ ...row, companyId, companyName });
    else if (projectType !== null) byProjectType.push({ ...row, projectType, companyCount });
  }
  return {
    totalTtd: sum(byCompany.map((c) => c.mrrTtd)),
    toolCostsTtd: sum(byCompany.map((c) => c.toolCostsTtd)),
    marginTtd: sum(byCompany.map((c) => c.marginTtd)),
    liveProjectCount: byCompany.reduce((n, c) => n + c.liveProjectCount, 0),
    totalUsd: sum(byCompany.flatMap((c) => (c.mrrUsd ? [c.mrrUsd] : []))),
    unconvertedTtd: sum(byCompany.flatMap((c) => (c.mrrUsd ? [] : [c.mrrTtd]))),
    byCompany,
    byProjectType,
  };
}

// ---- pipeline --------------------------------------------------------------------------

export type PipelineStage = 'LEAD' | 'CONTACTED' | 'QUALIFIED' | 'SCOPING' | 'DEMO';

export interface PipelineStageValue {
  stage: PipelineStage;
  stageOrder: number;
  recordCount: number;
  setupValueTtd: Decimal;
  monthlyValueTtd: Decimal;
  firstYearValueTtd: Decimal;
}

export interface PipelineValue {
  stages: PipelineStageValue[];
  recordCount: number;
  setupValueTtd: Decimal;
  monthlyValueTtd: Decimal;
  firstYearValueTtd: Decimal;
}

export async function pipelineValue(db: Db): Promise<PipelineValue> {
  const stages = await db.$queryRaw<PipelineStageValue[]>(Prisma.sql`
    SELECT upper(stage) AS stage, stage_order::int AS "stageOrder", record_count::int AS "recordCount",
           setup_value_ttd AS "setupValueTtd", monthly_value_ttd AS "monthlyValueTtd", first_year_value_ttd AS "firstYearValueTtd"
    FROM pipeline_value
    ORDER BY stage_order`);
  return {
    stages,
    recordCount: stages.reduce((n, s) => n + s.recordCount, 0),
    setupValueTtd: sum(stages.map((s) => s.setupValueTtd)),
    monthlyValueTtd: sum(stages.map((s) => s.monthlyValueTtd)),
    firstYearValueTtd: sum(stages.map((s) => s.firstYearValueTtd)),
  };
}

// ---- overdue invoices ------------------------------------------------------------------

export interface OverdueInvoiceRow {
  invoiceId: string;
  invoiceNumber: string;
  invoiceType: InvoiceType;
  amount: Decimal;
  amountUsd: Decimal | null;
  currency: string;
  status: InvoiceStatus;
  issueDate: Date;
  dueDate: Date;
  daysOverdue: number;
  companyId: string;
  companyName: string;
  projectId: string | null;
  projectName: string | null;
  contactEmail: string | null;
}

export interface OverdueInvoices {
  totalCount: number;
  totalOwed: Decimal;
  invoices: OverdueInvoiceRow[];
}

export async function overdueInvoices(
  db: Db,
  options: { companyId?: string | null; minDaysOverdue?: number | null; limit: number },
): Promise<OverdueInvoices> {
  const conditions: Prisma.Sql[] = [];
  if (options.companyId) conditions.push(Prisma.sql`company_id = ${options.companyId}::uuid`);
  if (options.minDaysOverdue != null) conditions.push(Prisma.sql`days_overdue >= ${options.minDaysOverdue}::int`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const rows = await db.$queryRaw<PageRow<Omit<OverdueInvoices, 'invoices'>, OverdueInvoiceRow>[]>(Prisma.sql`
    WITH matching AS (
      SELECT * FROM overdue_invoices ${where}
    ), page AS (
      SELECT * FROM matching ORDER BY days_overdue DESC, amount DESC, invoice_number LIMIT ${options.limit}
    )
    SELECT t."totalCount", t."totalOwed",
           p.invoice_id AS "invoiceId", p.invoice_number AS "invoiceNumber", upper(p.invoice_type::text) AS "invoiceType",
           p.amount, p.amount_usd AS "amountUsd", p.currency, upper(p.status::text) AS status,
           p.issue_date AS "issueDate", p.due_date AS "dueDate", p.days_overdue::int AS "daysOverdue",
           p.company_id AS "companyId", p.company_name AS "companyName", p.project_id AS "projectId",
           p.project_name AS "projectName", p.contact_email AS "contactEmail"
    FROM (SELECT count(*)::int AS "totalCount", coalesce(sum(amount), 0)::numeric(14, 2) AS "totalOwed" FROM matching) t
    LEFT JOIN page p ON true
    ORDER BY p.days_overdue DESC, p.amount DESC, p.invoice_number`);
  const { totals, page } = splitPage(rows, 'invoiceId');
  return { totalCount: totals.totalCount, totalOwed: totals.totalOwed, invoices: page };
}

// ---- project timeline ------------------------------------------------------------------

export interface ProjectTimelineRow {
  projectId: string;
  projectName: string;
  projectType: string | null;
  companyId: string;
  companyName: string;
  status: ProjectStatus;
  priority: Priority;
  startDate: Date | null;
  goLiveDate: Date | null;
  estimatedHours: number | null;
  actualHours: number | null;
  hoursVariance: number | null;
  assignedTo: string | null;
  serviceNames: string | null;
}

export interface ProjectTimeline {
  totalCount: number;
  rows: ProjectTimelineRow[];
}

/**
 * Gantt rows from the `project_timeline` view. With a `from` or `to`, a project is
 * in range when [start_date, coalesce(go_live_date, start_date)] overlaps [from, to]
 * (an open bound does not limit); projects without a start date have no bar and are
 * left out. Without either bound every project is listed, undated ones last.
 * `statuses` null: any status; an empty list matches nothing.
 */
export async function projectTimeline(
  db: Db,
  options: { from?: Date | null; to?: Date | null; statuses?: readonly ProjectStatus[] | null; limit: number },
): Promise<ProjectTimeline> {
  const { from, to, statuses } = options;
  const conditions: Prisma.Sql[] = [];
  if (statuses) conditions.push(Prisma.sql`status::text = ANY(${statuses.map((s) => s.toLowerCase())}::text[])`);
  if (from || to) conditions.push(Prisma.sql`start_date IS NOT NULL`);
  if (from) conditions.push(Prisma.sql`coalesce(go_live_date, start_date) >= ${sqlDate(from)}::date`);
  if (to) conditions.push(Prisma.sql`start_date <= ${sqlDate(to)}::date`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const rows = await db.$queryRaw<PageRow<{ totalCount: number }, ProjectTimelineRow>[]>(Prisma.sql`
    WITH matching AS (
      SELECT * FROM project_timeline ${where}
    ), page AS (
      SELECT * FROM matching
      ORDER BY start_date NULLS LAST, go_live_date NULLS LAST, project_name, project_id
      LIMIT ${options.limit}
    )
    SELECT t."totalCount",
           p.project_id AS "projectId", p.project_name AS "projectName", p.project_type AS "projectType",
           p.company_id AS "companyId", p.company_name AS "companyName",
           upper(p.status::text) AS status, upper(p.priority::text) AS priority,
           p.start_date AS "startDate", p.go_live_date AS "goLiveDate",
           p.estimated_hours AS "estimatedHours", p.actual_hours AS "actualHours", p.hours_variance AS "hoursVariance",
           p.assigned_to AS "assignedTo", p.service_names AS "serviceNames"
    FROM (SELECT count(*)::int AS "totalCount" FROM matching) t
    LEFT JOIN page p ON true
    ORDER BY p.start_date NULLS LAST, p.go_live_date NULLS LAST, p.project_name, p.project_id`);
  const { totals, page } = splitPage(rows, 'projectId');
  return { totalCount: totals.totalCount, rows: page };
}

// ---- status counts ---------------------------------------------------------------------

export interface StatusCount<S> {
  status: S;
  count: number;
}

export interface StatusCounts {
  contacts: StatusCount<ContactStatus>[];
  projects: StatusCount<ProjectStatus>[];
  invoices: StatusCount<InvoiceStatus>[];
  supportTickets: StatusCount<TicketStatus>[];
}

/** Every value of the enum in declaration order, zero when no row has it. */
function zeroFilled<S extends string>(values: Record<string, S>, counts: Map<string, number>): StatusCount<S>[] {
  return Object.values(values).map((status) => ({ status, count: counts.get(status) ?? 0 }));
}

/**
 * Rows per status. Invoices report OVERDUE as derived: a SENT or OVERDUE invoice
 * whose due date is before CURRENT_DATE counts as OVERDUE (the `overdue_invoices`
 * rule), so SENT counts only invoices not yet past due.
 */
export async function statusCounts(db: Db): Promise<StatusCounts> {
  const rows = await db.$queryRaw<{ entity: keyof StatusCounts; status: string; count: number }[]>(Prisma.sql`
    SELECT 'contacts' AS entity, upper(status::text) AS status, count(*)::int AS count FROM contacts GROUP BY status
    UNION ALL
    SELECT 'projects', upper(status::text), count(*)::int FROM projects GROUP BY status
    UNION ALL
    SELECT 'invoices', derived, count(*)::int FROM (
      SELECT CASE WHEN status IN ('sent', 'overdue') AND due_date < CURRENT_DATE THEN 'OVERDUE' ELSE upper(status::text) END AS derived
      FROM invoices
    ) i GROUP BY derived
    UNION ALL
    SELECT 'supportTickets', upper(status::text), count(*)::int FROM support_tickets GROUP BY status`);
  const counts = (entity: keyof StatusCounts) => new Map(rows.filter((r) => r.entity === entity).map((r) => [r.status, r.count]));
  return {
    contacts: zeroFilled(ContactStatus, counts('contacts')),
    projects: zeroFilled(ProjectStatus, counts('projects')),
    invoices: zeroFilled(InvoiceStatus, counts('invoices')),
    supportTickets: zeroFilled(TicketStatus, counts('supportTickets')),
  };
}

// ---- revenue by month ------------------------------------------------------------------

export const MAX_REVENUE_MONTHS = 60;
export const DEFAULT_REVENUE_MONTHS = 12;

export interface MonthRange {
  /** First day of the first month. */
  firstMonth: Date;
  /** First day of the last month. */
  lastMonth: Date;
  /** Months from firstMonth to lastMonth inclusive (0 or less when they are reversed). */
  months: number;
}

const monthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
const addMonths = (month: Date, n: number) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + n, 1));

/**
 * The calendar months from `from`'s to `to`'s (the day of month does not matter).
 * `to` defaults to the current month in UTC (Postgres CURRENT_DATE on a UTC server),
 * `from` to the 11 months before `to`'s, so the default is the last 12 months.
 */
export function revenueMonths(from: Date | null | undefined, to: Date | null | undefined, now = new Date()): MonthRange {
  const lastMonth = monthStart(to ?? now);
  const firstMonth = from ? monthStart(from) : addMonths(lastMonth, -(DEFAULT_REVENUE_MONTHS - 1));
  const months = (lastMonth.getUTCFullYear() - firstMonth.getUTCFullYear()) * 12 + lastMonth.getUTCMonth() - firstMonth.getUTCMonth() + 1;
  return { firstMonth, lastMonth, months };
}

export interface MonthRevenue {
  /** First day of the month. */
  month: Date;
  revenueTtd: Decimal;
  revenueUsd: Decimal;
  unconvertedTtd: Decimal;
  invoiceCount: number;
}

export interface RevenueByMonth {
  firstMonth: Date;
  lastMonth: Date;
  totalTtd: Decimal;
  totalUsd: Decimal;
  unconvertedTtd: Decimal;
  invoiceCount: number;
  months: MonthRevenue[];
}

/**
 * Paid invoices (status paid) summed per calendar month of their paid_date, every
 * month of the range present (zero when nothing was paid). USD sums amount_usd where
 * it is set; `unconvertedTtd` is the TTD of paid invoices without it.
 */
export async function revenueByMonth(db: Db, range: Pick<MonthRange, 'firstMonth' | 'lastMonth'>): Promise<RevenueByMonth> {
  const months = await db.$queryRaw<MonthRevenue[]>(Prisma.sql`
    WITH months AS (
      SELECT g::date AS month
      FROM generate_series(${sqlDate(range.firstMonth)}::timestamp, ${sqlDate(range.lastMonth)}::timestamp, interval '1 month') g
    )
    SELECT m.month,
           coalesce(sum(i.amount), 0)::numeric(14, 2) AS "revenueTtd",
           coalesce(sum(i.amount_usd), 0)::numeric(14, 2) AS "revenueUsd",
           coalesce(sum(i.amount) FILTER (WHERE i.amount_usd IS NULL), 0)::numeric(14, 2) AS "unconvertedTtd",
           count(i.id)::int AS "invoiceCount"
    FROM months m
    LEFT JOIN invoices i
      ON i.status = 'paid' AND i.paid_date >= m.month AND i.paid_date < (m.month + interval '1 month')::date
    GROUP BY m.month
    ORDER BY m.month`);
  return {
    firstMonth: range.firstMonth,
    lastMonth: range.lastMonth,
    totalTtd: sum(months.map((m) => m.revenueTtd)),
    totalUsd: sum(months.map((m) => m.revenueUsd)),
    unconvertedTtd: sum(months.map((m) => m.unconvertedTtd)),
    invoiceCount: months.reduce((n, m) => n + m.invoiceCount, 0),
    months,
  };
}
