// The dashboards, over the database views (README, "Database rules" → Views) and the
// tables. Each dashboard is its SQL sources (`DashboardSources`): one row holding the
// object's own fields (totals) and, per list field, the rows of the list. Columns
// are named after the GraphQL fields, enum values upper-cased (the views return the
// stored lowercase text), so the types expose them as they are. The resolvers run
// the sources (`load`); the compiled read path builds the dashboard's JSON from the
// same sources in one statement.
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

/** A dashboard's SQL: its own fields' row, and each list field's rows in `orderBy` (an ORDER BY over the row columns). */
export interface DashboardSources {
  object: Prisma.Sql;
  lists: Record<string, { rows: Prisma.Sql; orderBy: string }>;
}

/** Runs a dashboard's sources, one statement after the other (a request's transaction runs one at a time). */
export async function loadDashboard<T>(db: Db, sources: DashboardSources): Promise<T> {
  const [object] = await db.$queryRaw<Record<string, unknown>[]>(sources.object);
  const result: Record<string, unknown> = { ...object };
  for (const [name, list] of Object.entries(sources.lists)) result[name] = await db.$queryRaw(list.rows);
  return result as T;
}

type Decimal = Prisma.Decimal;

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

export function activeClientsSources(options: { country?: string | null; limit: number }): DashboardSources {
  const country = options.country?.trim();
  const where = country ? Prisma.sql`WHERE lower(country) = lower(${country})` : Prisma.empty;
  const matching = Prisma.sql`SELECT * FROM active_clients_overview ${where}`;
  return {
    object: Prisma.sql`
      SELECT count(*)::int AS "totalCount",
             coalesce(sum(mrr), 0)::numeric(14, 2) AS "totalMrr",
             coalesce(sum(monthly_tool_costs), 0)::numeric(14, 2) AS "totalMonthlyToolCosts",
             coalesce(sum(outstanding_balance), 0)::numeric(14, 2) AS "totalOutstandingBalance"
      FROM (${matching}) m`,
    lists: {
      clients: {
        rows: Prisma.sql`
          SELECT company_id AS "companyId", company_name AS "companyName", industry, country,
                 upper(status::text) AS status, primary_contact_id AS "primaryContactId",
                 primary_contact_name AS "primaryContactName", primary_contact_email AS "primaryContactEmail",
                 active_project_count::int AS "activeProjectCount", live_project_count::int AS "liveProjectCount",
                 mrr, monthly_tool_costs AS "monthlyToolCosts", next_contract_end AS "nextContractEnd",
                 open_ticket_count::int AS "openTicketCount", outstanding_balance AS "outstandingBalance"
          FROM (${matching}) m
          ORDER BY mrr DESC, company_name, company_id
          LIMIT ${options.limit}`,
        orderBy: '"mrr" DESC, "companyName", "companyId"',
      },
    },
  };
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

/**
 * MRR from the `monthly_recurring_revenue` view, by company and by project type.
 * USD where known: a company's rate is amount_usd / amount of its most recent invoice
 * (latest issue date, then latest created) with amount > 0 and amount_usd set; its
 * USD MRR is its TTD MRR at that rate, rounded to cents. `totalUsd` sums those
 * companies' USD MRR, and `unconvertedTtd` is the TTD MRR of companies without a rate.
 */
export function monthlyRecurringRevenueSources(): DashboardSources {
  const rated = Prisma.sql`
    SELECT m.*, r.amount AS rate_amount, r.amount_usd AS rate_usd, r.issue_date AS rate_date
    FROM monthly_recurring_revenue m
    LEFT JOIN LATERAL (
      SELECT amount, amount_usd, issue_date FROM invoices
      WHERE company_id = m.company_id AND amount > 0 AND amount_usd IS NOT NULL
      ORDER BY issue_date DESC, created_at DESC, id DESC
      LIMIT 1
    ) r ON true`;
  const byCompany = Prisma.sql`
    SELECT company_id AS "companyId", company_name AS "companyName", country,
           sum(live_project_count)::int AS "liveProjectCount",
           sum(mrr_ttd)::numeric(14, 2) AS "mrrTtd",
           sum(tool_costs_ttd)::numeric(14, 2) AS "toolCostsTtd",
           sum(margin_ttd)::numeric(14, 2) AS "marginTtd",
           (rate_usd / rate_amount)::float8 AS "usdRate",
           rate_date AS "usdRateDate",
           round(sum(mrr_ttd) * rate_usd / rate_amount, 2)::numeric(14, 2) AS "mrrUsd"
    FROM (${rated}) rated
    GROUP BY company_id, company_name, country, rate_amount, rate_usd, rate_date`;
  return {
    object: Prisma.sql`
      SELECT coalesce(sum("mrrTtd"), 0)::numeric(14, 2) AS "totalTtd",
             coalesce(sum("toolCostsTtd"), 0)::numeric(14, 2) AS "toolCostsTtd",
             coalesce(sum("marginTtd"), 0)::numeric(14, 2) AS "marginTtd",
             coalesce(sum("liveProjectCount"), 0)::int AS "liveProjectCount",
             coalesce(sum("mrrUsd"), 0)::numeric(14, 2) AS "totalUsd",
             coalesce(sum("mrrTtd") FILTER (WHERE "mrrUsd" IS NULL), 0)::numeric(14, 2) AS "unconvertedTtd"
      FROM (${byCompany}) c`,
    lists: {
      byCompany: {
        rows: Prisma.sql`${byCompany} ORDER BY "mrrTtd" DESC, "companyName", "companyId"`,
        orderBy: '"mrrTtd" DESC, "companyName", "companyId"',
      },
      byProjectType: {
        rows: Prisma.sql`
          SELECT project_type AS "projectType",
                 sum(live_project_count)::int AS "liveProjectCount",
                 count(*)::int AS "companyCount",
                 sum(mrr_ttd)::numeric(14, 2) AS "mrrTtd",
                 sum(tool_costs_ttd)::numeric(14, 2) AS "toolCostsTtd",
                 sum(margin_ttd)::numeric(14, 2) AS "marginTtd"
          FROM monthly_recurring_revenue
          GROUP BY project_type
          ORDER BY "mrrTtd" DESC, "projectType"`,
        orderBy: '"mrrTtd" DESC, "projectType"',
      },
    },
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

export function pipelineValueSources(): DashboardSources {
  return {
    object: Prisma.sql`
      SELECT coalesce(sum(record_count), 0)::int AS "recordCount",
             coalesce(sum(setup_value_ttd), 0) AS "setupValueTtd",
             coalesce(sum(monthly_value_ttd), 0) AS "monthlyValueTtd",
             coalesce(sum(first_year_value_ttd), 0) AS "firstYearValueTtd"
      FROM pipeline_value`,
    lists: {
      stages: {
        rows: Prisma.sql`
          SELECT upper(stage) AS stage, stage_order::int AS "stageOrder", record_count::int AS "recordCount",
                 setup_value_ttd AS "setupValueTtd", monthly_value_ttd AS "monthlyValueTtd", first_year_value_ttd AS "firstYearValueTtd"
          FROM pipeline_value
          ORDER BY stage_order`,
        orderBy: '"stageOrder"',
      },
    },
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

export function overdueInvoicesSources(options: { companyId?: string | null; minDaysOverdue?: number | null; limit: number }): DashboardSources {
  const conditions: Prisma.Sql[] = [];
  if (options.companyId) conditions.push(Prisma.sql`company_id = ${options.companyId}::uuid`);
  if (options.minDaysOverdue != null) conditions.push(Prisma.sql`days_overdue >= ${options.minDaysOverdue}::int`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const matching = Prisma.sql`SELECT * FROM overdue_invoices ${where}`;
  return {
    object: Prisma.sql`SELECT count(*)::int AS "totalCount", coalesce(sum(amount), 0)::numeric(14, 2) AS "totalOwed" FROM (${matching}) m`,
    lists: {
      invoices: {
        rows: Prisma.sql`
          SELECT invoice_id AS "invoiceId", invoice_number AS "invoiceNumber", upper(invoice_type::text) AS "invoiceType",
                 amount, amount_usd AS "amountUsd", currency, upper(status::text) AS status,
                 issue_date AS "issueDate", due_date AS "dueDate", days_overdue::int AS "daysOverdue",
                 company_id AS "companyId", company_name AS "companyName", project_id AS "projectId",
                 project_name AS "projectName", contact_email AS "contactEmail"
          FROM (${matching}) m
          ORDER BY days_overdue DESC, amount DESC, invoice_number
          LIMIT ${options.limit}`,
        orderBy: '"daysOverdue" DESC, "amount" DESC, "invoiceNumber"',
      },
    },
  };
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
export function projectTimelineSources(options: { from?: Date | null; to?: Date | null; statuses?: readonly ProjectStatus[] | null; limit: number }): DashboardSources {
  const { from, to, statuses } = options;
  const conditions: Prisma.Sql[] = [];
  if (statuses) conditions.push(Prisma.sql`status::text = ANY(${statuses.map((s) => s.toLowerCase())}::text[])`);
  if (from || to) conditions.push(Prisma.sql`start_date IS NOT NULL`);
  if (from) conditions.push(Prisma.sql`coalesce(go_live_date, start_date) >= ${sqlDate(from)}::date`);
  if (to) conditions.push(Prisma.sql`start_date <= ${sqlDate(to)}::date`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const matching = Prisma.sql`SELECT * FROM project_timeline ${where}`;
  return {
    object: Prisma.sql`SELECT count(*)::int AS "totalCount" FROM (${matching}) m`,
    lists: {
      rows: {
        rows: Prisma.sql`
          SELECT project_id AS "projectId", project_name AS "projectName", project_type AS "projectType",
                 company_id AS "companyId", company_name AS "companyName",
                 upper(status::text) AS status, upper(priority::text) AS priority,
                 start_date AS "startDate", go_live_date AS "goLiveDate",
                 estimated_hours AS "estimatedHours", actual_hours AS "actualHours", hours_variance AS "hoursVariance",
                 assigned_to AS "assignedTo", service_names AS "serviceNames"
          FROM (${matching}) m
          ORDER BY start_date NULLS LAST, go_live_date NULLS LAST, project_name, project_id
          LIMIT ${options.limit}`,
        orderBy: '"startDate" NULLS LAST, "goLiveDate" NULLS LAST, "projectName", "projectId"',
      },
    },
  };
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

/**
 * Every value of the enum in declaration order with how many rows have it (zero
 * when none); `statuses` gives each row's status name.
 */
function zeroFilled(values: Record<string, string>, statuses: Prisma.Sql): { rows: Prisma.Sql; orderBy: string } {
  return {
    rows: Prisma.sql`
      SELECT v.status, coalesce(c.count, 0)::int AS count, v.ord AS "order"
      FROM unnest(${Object.values(values)}::text[]) WITH ORDINALITY AS v(status, ord)
      LEFT JOIN (SELECT status, count(*) AS count FROM (${statuses}) s GROUP BY status) c ON c.status = v.status
      ORDER BY v.ord`,
    orderBy: '"order"',
  };
}

/**
 * Rows per status. Invoices report OVERDUE as derived: a SENT or OVERDUE invoice
 * whose due date is before CURRENT_DATE counts as OVERDUE (the `overdue_invoices`
 * rule), so SENT counts only invoices not yet past due.
 */
export function statusCountsSources(): DashboardSources {
  return {
    object: Prisma.sql`SELECT 1 AS one`,
    lists: {
      contacts: zeroFilled(ContactStatus, Prisma.sql`SELECT upper(status::text) AS status FROM contacts`),
      projects: zeroFilled(ProjectStatus, Prisma.sql`SELECT upper(status::text) AS status FROM projects`),
      invoices: zeroFilled(
        InvoiceStatus,
        Prisma.sql`SELECT CASE WHEN status IN ('sent', 'overdue') AND due_date < CURRENT_DATE THEN 'OVERDUE' ELSE upper(status::text) END AS status FROM invoices`,
      ),
      supportTickets: zeroFilled(TicketStatus, Prisma.sql`SELECT upper(status::text) AS status FROM support_tickets`),
    },
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
export function revenueByMonthSources(range: Pick<MonthRange, 'firstMonth' | 'lastMonth'>): DashboardSources {
  const months = Prisma.sql`
    SELECT m.month,
           coalesce(sum(i.amount), 0)::numeric(14, 2) AS "revenueTtd",
           coalesce(sum(i.amount_usd), 0)::numeric(14, 2) AS "revenueUsd",
           coalesce(sum(i.amount) FILTER (WHERE i.amount_usd IS NULL), 0)::numeric(14, 2) AS "unconvertedTtd",
           count(i.id)::int AS "invoiceCount"
    FROM (
      SELECT g::date AS month
      FROM generate_series(${sqlDate(range.firstMonth)}::timestamp, ${sqlDate(range.lastMonth)}::timestamp, interval '1 month') g
    ) m
    LEFT JOIN invoices i
      ON i.status = 'paid' AND i.paid_date >= m.month AND i.paid_date < (m.month + interval '1 month')::date
    GROUP BY m.month`;
  return {
    object: Prisma.sql`
      SELECT ${sqlDate(range.firstMonth)}::date AS "firstMonth", ${sqlDate(range.lastMonth)}::date AS "lastMonth",
             coalesce(sum("revenueTtd"), 0)::numeric(14, 2) AS "totalTtd",
             coalesce(sum("revenueUsd"), 0)::numeric(14, 2) AS "totalUsd",
             coalesce(sum("unconvertedTtd"), 0)::numeric(14, 2) AS "unconvertedTtd",
             coalesce(sum("invoiceCount"), 0)::int AS "invoiceCount"
      FROM (${months}) months`,
    lists: { months: { rows: Prisma.sql`${months} ORDER BY m.month`, orderBy: '"month"' } },
  };
}

