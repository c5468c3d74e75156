// The dashboards' object types. Rows come from the service as they are; the
// `company` / `invoice` / `project` fields load full records for every row of a list
// in one statement (see `recordOf`).
import type { EnumRef } from '@pothos/core';
import { responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import { builder } from '../../graphql/builder';
import type { Context } from '../../graphql/context';
import { CompanyStatusEnum, ContactStatusEnum, InvoiceStatusEnum, InvoiceTypeEnum, PriorityEnum, ProjectStatusEnum, TicketStatusEnum } from '../../graphql/enums';
import { compiled } from '../../graphql/compiled/declare';
import { byIds, requestLoader } from '../../graphql/loaders';
import { delegate } from '../../graphql/model-queries';
import {
  type ActiveClientRow,
  type ActiveClientsOverview,
  type MonthlyRecurringRevenue,
  type MonthRevenue,
  type MrrByCompany,
  type MrrByProjectType,
  type OverdueInvoiceRow,
  type OverdueInvoices,
  type PipelineStage,
  type PipelineStageValue,
  type PipelineValue,
  type ProjectTimeline,
  type ProjectTimelineRow,
  type RevenueByMonth,
  type StatusCount,
  type StatusCounts,
} from './dashboard.service';

/**
 * The record with this id, planned by the Prisma plugin from the field's selection
 * (nested relations included). Every row of a list asks in the same tick, so one
 * loader per position in the query (the response path without list indices) and
 * planned query sends one `findMany ... WHERE id IN (...)` for all of them. Reading
 * each row's query into the key also tells the plugin that it was used.
 */
function recordOf<T>(ctx: Context, info: GraphQLResolveInfo, model: 'Company' | 'Invoice' | 'Project', query: object, id: string): Promise<T>;
function recordOf<T>(ctx: Context, info: GraphQLResolveInfo, model: 'Company' | 'Invoice' | 'Project', query: object, id: string | null): Promise<T | null>;
function recordOf<T>(ctx: Context, info: GraphQLResolveInfo, model: 'Company' | 'Invoice' | 'Project', query: object, id: string | null): Promise<T | null> {
  const position = responsePathAsArray(info.path).filter((key) => typeof key === 'string').join('.');
  const loader = requestLoader<string, T>(ctx, `dashboards:${position}:${JSON.stringify(query)}`, async (ids) => {
    const rows = (await delegate(ctx, model).findMany({ ...query, where: { id: { in: [...ids] } } })) as (T & { id: string })[];
    return byIds(ids, rows) as T[];
  });
  // A row without the record (an invoice with no project) still read its query above: nothing was planned in vain.
  return id === null ? Promise.resolve(null) : loader.load(id);
}

/**
 * A row's link to the record whose id is in its `key` column (null when the
 * column is): for the resolvers through `recordOf`, for the compiled read path as a
 * declaration.
 */
function record(model: 'Company' | 'Invoice' | 'Project', key: string) {
  return {
    extensions: compiled({ kind: 'record', model, key }),
    resolve: (query: object, row: object, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
      recordOf(ctx, info, model, query, (row as Record<string, string | null>)[key] ?? null),
  } as { resolve: never; extensions: ReturnType<typeof compiled> };
}

// ---- activeClientsOverview --------------------------------------------------------------

export const ActiveClientType = builder.objectRef<ActiveClientRow>('ActiveClient').implement({
  description: 'A company with at least one LIVE or IN_PROGRESS project (view `active_clients_overview`). Money in TTD.',
  fields: (t) => ({
    companyId: t.expose('companyId', { type: 'UUID' }),
    companyName: t.exposeString('companyName'),
    industry: t.exposeString('industry', { nullable: true }),
    country: t.exposeString('country', { nullable: true }),
    status: t.expose('status', { type: CompanyStatusEnum, description: 'The company\'s relationship status.' }),
    primaryContactId: t.expose('primaryContactId', { type: 'UUID', nullable: true }),
    primaryContactName: t.exposeString('primaryContactName', { nullable: true, description: 'First and last name of the primary contact.' }),
    primaryContactEmail: t.expose('primaryContactEmail', { type: 'EmailAddress', nullable: true }),
    activeProjectCount: t.exposeInt('activeProjectCount', { description: 'Projects LIVE or IN_PROGRESS.' }),
    liveProjectCount: t.exposeInt('liveProjectCount', { description: 'Projects LIVE.' }),
    mrr: t.expose('mrr', { type: 'Decimal', description: 'Monthly recurring revenue: the sum of LIVE projects\' monthly fees (TTD).' }),
    monthlyToolCosts: t.expose('monthlyToolCosts', {
      type: 'Decimal',
      description: 'LIVE projects\' tool costs plus the monthly cost of their ACTIVE integrations (TTD per month).',
    }),
    nextContractEnd: t.expose('nextContractEnd', { type: 'LocalDate', nullable: true, description: 'The company\'s contract end date.' }),
    openTicketCount: t.exposeInt('openTicketCount', { description: 'Support tickets OPEN, IN_PROGRESS or WAITING.' }),
    outstandingBalance: t.expose('outstandingBalance', { type: 'Decimal', description: 'Unpaid invoices (SENT or OVERDUE), whatever their due date (TTD).' }),
    company: t.prismaField({
      type: 'Company',
      description: 'The company record.',
      ...record('Company', 'companyId'),
    }),
  }),
});

export const ActiveClientsOverviewType = builder.objectRef<ActiveClientsOverview>('ActiveClientsOverview').implement({
  description: 'Active clients, highest MRR first, with totals over all of them (not only the returned page).',
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', { description: 'Active clients matching the arguments.' }),
    totalMrr: t.expose('totalMrr', { type: 'Decimal', description: 'Their MRR (TTD).' }),
    totalMonthlyToolCosts: t.expose('totalMonthlyToolCosts', { type: 'Decimal', description: 'Their monthly tool costs (TTD).' }),
    totalOutstandingBalance: t.expose('totalOutstandingBalance', { type: 'Decimal', description: 'Their unpaid invoices (TTD).' }),
    clients: t.expose('clients', { type: [ActiveClientType], description: 'The first `first` clients by MRR (descending), then name.' }),
  }),
});

// ---- monthlyRecurringRevenue ------------------------------------------------------------

export const MrrByCompanyType = builder.objectRef<MrrByCompany>('MrrByCompany').implement({
  description: 'One company\'s MRR over its LIVE projects (TTD), with USD where a rate is known.',
  fields: (t) => ({
    companyId: t.expose('companyId', { type: 'UUID' }),
    companyName: t.exposeString('companyName'),
    country: t.exposeString('country', { nullable: true }),
    liveProjectCount: t.exposeInt('liveProjectCount'),
    mrrTtd: t.expose('mrrTtd', { type: 'Decimal', description: 'Sum of LIVE projects\' monthly fees (TTD).' }),
    toolCostsTtd: t.expose('toolCostsTtd', { type: 'Decimal', description: 'LIVE projects\' tool costs plus their ACTIVE integrations\' monthly cost (TTD).' }),
    marginTtd: t.expose('marginTtd', { type: 'Decimal', description: 'mrrTtd − toolCostsTtd; negative when the tools cost more than the fees.' }),
    usdRate: t.exposeFloat('usdRate', {
      nullable: true,
      description:
        'USD per 1 TTD: amountUsd / amount of the company\'s most recent invoice (latest issue date) that has both, with amount > 0. ' +
        'Null when it has no such invoice.',
    }),
    usdRateDate: t.expose('usdRateDate', { type: 'LocalDate', nullable: true, description: 'Issue date of the invoice the rate comes from.' }),
    mrrUsd: t.expose('mrrUsd', { type: 'Decimal', nullable: true, description: 'mrrTtd × usdRate, rounded to cents; null when the rate is unknown.' }),
    company: t.prismaField({
      type: 'Company',
      description: 'The company record.',
      ...record('Company', 'companyId'),
    }),
  }),
});

export const MrrByProjectTypeType = builder.objectRef<MrrByProjectType>('MrrByProjectType').implement({
  description: 'MRR of the LIVE projects of one project type (TTD).',
  fields: (t) => ({
    projectType: t.exposeString('projectType', { description: 'chatbot, lead_gen, ...; "other" for projects without a type.' }),
    liveProjectCount: t.exposeInt('liveProjectCount'),
    companyCount: t.exposeInt('companyCount', { description: 'Companies with a LIVE project of this type.' }),
    mrrTtd: t.expose('mrrTtd', { type: 'Decimal' }),
    toolCostsTtd: t.expose('toolCostsTtd', { type: 'Decimal' }),
    marginTtd: t.expose('marginTtd', { type: 'Decimal', description: 'mrrTtd − toolCostsTtd; may be negative.' }),
  }),
});

export const MonthlyRecurringRevenueType = builder.objectRef<MonthlyRecurringRevenue>('MonthlyRecurringRevenue').implement({
  description:
    'Monthly recurring revenue over LIVE projects (view `monthly_recurring_revenue`), in TTD, with USD where known. ' +
    'A company\'s USD rate comes from its most recent invoice with both `amount` > 0 and `amountUsd`; `totalUsd` covers only ' +
    'companies with a rate, and `unconvertedTtd` is the TTD MRR of the others (so totalTtd = unconvertedTtd + the converted companies\' mrrTtd).',
  fields: (t) => ({
    totalTtd: t.expose('totalTtd', { type: 'Decimal', description: 'Total MRR: the sum of LIVE projects\' monthly fees (TTD).' }),
    toolCostsTtd: t.expose('toolCostsTtd', { type: 'Decimal', description: 'Tool costs of LIVE projects plus their ACTIVE integrations (TTD per month).' }),
    marginTtd: t.expose('marginTtd', { type: 'Decimal', description: 'totalTtd − toolCostsTtd.' }),
    liveProjectCount: t.exposeInt('liveProjectCount'),
    totalUsd: t.expose('totalUsd', { type: 'Decimal', description: 'Sum of `byCompany.mrrUsd` over companies with a known rate (USD).' }),
    unconvertedTtd: t.expose('unconvertedTtd', { type: 'Decimal', description: 'MRR of companies without a known USD rate (TTD), not in totalUsd.' }),
    byCompany: t.expose('byCompany', { type: [MrrByCompanyType], description: 'Every company with LIVE projects, highest MRR first.' }),
    byProjectType: t.expose('byProjectType', { type: [MrrByProjectTypeType], description: 'Every project type with LIVE projects, highest MRR first.' }),
  }),
});

// ---- pipelineValue -----------------------------------------------------------------------

export const PipelineStageEnum = builder.enumType('PipelineStage', {
  description: 'A stage of the sales pipeline, in order: leads by contact status, then projects not yet under way.',
  values: {
    LEAD: { description: 'Contacts with status LEAD and no company, or a PROSPECT company.' },
    CONTACTED: { description: 'Such contacts with status CONTACTED.' },
    QUALIFIED: { description: 'Such contacts with status QUALIFIED.' },
    SCOPING: { description: 'Projects in SCOPING.' },
    DEMO: { description: 'Projects in DEMO.' },
  } satisfies Record<PipelineStage, { description: string }>,
});

export const PipelineStageValueType = builder.objectRef<PipelineStageValue>('PipelineStageValue').implement({
  description:
    'Potential revenue at one stage (TTD). Projects count their own fees; a lead is valued at the active catalog\'s average minimum ' +
    'setup and monthly fees.',
  fields: (t) => ({
    stage: t.expose('stage', { type: PipelineStageEnum }),
    stageOrder: t.exposeInt('stageOrder', { description: '1 (LEAD) to 5 (DEMO).' }),
    recordCount: t.exposeInt('recordCount', { description: 'Contacts (lead stages) or projects (SCOPING, DEMO) at this stage.' }),
    setupValueTtd: t.expose('setupValueTtd', { type: 'Decimal' }),
    monthlyValueTtd: t.expose('monthlyValueTtd', { type: 'Decimal' }),
    firstYearValueTtd: t.expose('firstYearValueTtd', { type: 'Decimal', description: 'setupValueTtd + 12 × monthlyValueTtd.' }),
  }),
});

export const PipelineValueType = builder.objectRef<PipelineValue>('PipelineValue').implement({
  description: 'Potential revenue from prospects and unconverted leads (view `pipeline_value`), per stage and in total (TTD).',
  fields: (t) => ({
    stages: t.expose('stages', { type: [PipelineStageValueType], description: 'All five stages in pipeline order, zeros included.' }),
    recordCount: t.exposeInt('recordCount', { description: 'Records over all stages.' }),
    setupValueTtd: t.expose('setupValueTtd', { type: 'Decimal' }),
    monthlyValueTtd: t.expose('monthlyValueTtd', { type: 'Decimal' }),
    firstYearValueTtd: t.expose('firstYearValueTtd', { type: 'Decimal' }),
  }),
});

// ---- overdueInvoices ---------------------------------------------------------------------

export const OverdueInvoiceType = builder.objectRef<OverdueInvoiceRow>('OverdueInvoice').implement({
  description: 'An unpaid (SENT or OVERDUE) invoice whose due date is before today (view `overdue_invoices`).',
  fields: (t) => ({
    invoiceId: t.expose('invoiceId', { type: 'UUID' }),
    invoiceNumber: t.exposeString('invoiceNumber'),
    invoiceType: t.expose('invoiceType', { type: InvoiceTypeEnum }),
    amount: t.expose('amount', { type: 'Decimal', description: 'Amount owed (TTD).' }),
    amountUsd: t.expose('amountUsd', { type: 'Decimal', nullable: true, description: 'Amount in USD, where known.' }),
    currency: t.exposeString('currency', { description: 'The currency the client is billed in.' }),
    status: t.expose('status', { type: InvoiceStatusEnum, description: 'The stored status: SENT or OVERDUE.' }),
    issueDate: t.expose('issueDate', { type: 'LocalDate' }),
    dueDate: t.expose('dueDate', { type: 'LocalDate' }),
    daysOverdue: t.exposeInt('daysOverdue', { description: 'Today (database CURRENT_DATE) minus the due date; at least 1.' }),
    companyId: t.expose('companyId', { type: 'UUID' }),
    companyName: t.exposeString('companyName'),
    projectId: t.expose('projectId', { type: 'UUID', nullable: true }),
    projectName: t.exposeString('projectName', { nullable: true }),
    contactEmail: t.expose('contactEmail', { type: 'EmailAddress', nullable: true, description: 'The company\'s primary contact\'s email.' }),
    invoice: t.prismaField({
      type: 'Invoice',
      description: 'The invoice record.',
      ...record('Invoice', 'invoiceId'),
    }),
    company: t.prismaField({
      type: 'Company',
      description: 'The billed company.',
      ...record('Company', 'companyId'),
    }),
    project: t.prismaField({
      type: 'Project',
      nullable: true,
      description: 'The project billed for, if any.',
      ...record('Project', 'projectId'),
    }),
  }),
});

export const OverdueInvoicesType = builder.objectRef<OverdueInvoices>('OverdueInvoices').implement({
  description: 'Overdue invoices, longest overdue first, and what they add up to.',
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', { description: 'Overdue invoices matching the arguments.' }),
    totalOwed: t.expose('totalOwed', { type: 'Decimal', description: 'Sum of their amounts (TTD), over all of them, not only the returned page.' }),
    invoices: t.expose('invoices', { type: [OverdueInvoiceType], description: 'The first `first` by days overdue (descending), then amount (descending).' }),
  }),
});

// ---- projectTimeline ---------------------------------------------------------------------

export const ProjectTimelineRowType = builder.objectRef<ProjectTimelineRow>('ProjectTimelineRow').implement({
  description: 'One bar of the project Gantt chart (view `project_timeline`).',
  fields: (t) => ({
    projectId: t.expose('projectId', { type: 'UUID' }),
    projectName: t.exposeString('projectName'),
    projectType: t.exposeString('projectType', { nullable: true }),
    companyId: t.expose('companyId', { type: 'UUID' }),
    companyName: t.exposeString('companyName'),
    status: t.expose('status', { type: ProjectStatusEnum }),
    priority: t.expose('priority', { type: PriorityEnum }),
    startDate: t.expose('startDate', { type: 'LocalDate', nullable: true, description: 'Start of the bar; null for an unscheduled project.' }),
    goLiveDate: t.expose('goLiveDate', { type: 'LocalDate', nullable: true, description: 'End of the bar; null when not planned yet (the bar is then the start date alone).' }),
    estimatedHours: t.exposeInt('estimatedHours', { nullable: true }),
    actualHours: t.exposeInt('actualHours', { nullable: true }),
    hoursVariance: t.exposeInt('hoursVariance', { nullable: true, description: 'actualHours − estimatedHours (positive: over estimate); null when either is unknown.' }),
    assignedTo: t.expose('assignedTo', { type: 'UUID', nullable: true, description: 'The team member (Supabase auth user id).' }),
    serviceNames: t.exposeString('serviceNames', {
      nullable: true,
      description: 'The project\'s services, alphabetical and comma-separated; null when none (`project.services` has them as records).',
    }),
    project: t.prismaField({
      type: 'Project',
      description: 'The project record.',
      ...record('Project', 'projectId'),
    }),
    company: t.prismaField({
      type: 'Company',
      description: 'The client company.',
      ...record('Company', 'companyId'),
    }),
  }),
});

export const ProjectTimelineType = builder.objectRef<ProjectTimeline>('ProjectTimeline').implement({
  description: 'Gantt rows in start-date order.',
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', { description: 'Projects matching the arguments.' }),
    rows: t.expose('rows', {
      type: [ProjectTimelineRowType],
      description: 'The first `first` by start date, then go-live date, then name; unscheduled projects (no start date) last.',
    }),
  }),
});

// ---- statusCounts ------------------------------------------------------------------------

function statusCountType<S extends string>(name: string, statusEnum: EnumRef<typeof builder.$inferSchemaTypes, S>, what: string) {
  return builder.objectRef<StatusCount<S>>(name).implement({
    description: `How many ${what} have a status.`,
    fields: (t) => ({
      status: t.expose('status', { type: statusEnum }),
      count: t.exposeInt('count', { description: 'Zero when none.' }),
    }),
  });
}

export const StatusCountsType = builder.objectRef<StatusCounts>('StatusCounts').implement({
  description: 'Record counts per status, one entry for every value of the status enum (zeros included), in the enum\'s order.',
  fields: (t) => ({
    contacts: t.expose('contacts', { type: [statusCountType('ContactStatusCount', ContactStatusEnum, 'contacts')] }),
    projects: t.expose('projects', { type: [statusCountType('ProjectStatusCount', ProjectStatusEnum, 'projects')] }),
    invoices: t.expose('invoices', {
      type: [statusCountType('InvoiceStatusCount', InvoiceStatusEnum, 'invoices')],
      description:
        'OVERDUE is derived: an invoice stored as SENT or OVERDUE whose due date is before today (database CURRENT_DATE) counts as ' +
        'OVERDUE, so SENT counts only sent invoices not yet past due (or without a due date), and OVERDUE also includes invoices ' +
        'stored as OVERDUE that are not past due.',
    }),
    supportTickets: t.expose('supportTickets', { type: [statusCountType('TicketStatusCount', TicketStatusEnum, 'support tickets')] }),
  }),
});

// ---- revenueByMonth ----------------------------------------------------------------------

export const MonthRevenueType = builder.objectRef<MonthRevenue>('MonthRevenue').implement({
  description: 'Paid invoices of one calendar month, by their paid date.',
  fields: (t) => ({
    month: t.expose('month', { type: 'LocalDate', description: 'The first day of the month.' }),
    revenueTtd: t.expose('revenueTtd', { type: 'Decimal', description: 'Sum of the paid invoices\' amounts (TTD); 0 when none.' }),
    revenueUsd: t.expose('revenueUsd', { type: 'Decimal', description: 'Sum of their `amountUsd` where it is set (USD).' }),
    unconvertedTtd: t.expose('unconvertedTtd', { type: 'Decimal', description: 'TTD of those paid invoices without `amountUsd`, not in revenueUsd.' }),
    invoiceCount: t.exposeInt('invoiceCount', { description: 'Invoices paid in the month.' }),
  }),
});

export const RevenueByMonthType = builder.objectRef<RevenueByMonth>('RevenueByMonth').implement({
  description: 'Revenue received per calendar month: invoices with status PAID, by the month of their paid date.',
  fields: (t) => ({
    firstMonth: t.expose('firstMonth', { type: 'LocalDate', description: 'The first day of the first month.' }),
    lastMonth: t.expose('lastMonth', { type: 'LocalDate', description: 'The first day of the last month.' }),
    totalTtd: t.expose('totalTtd', { type: 'Decimal', description: 'Over all the months (TTD).' }),
    totalUsd: t.expose('totalUsd', { type: 'Decimal', description: 'Over all the months, where `amountUsd` is set (USD).' }),
    unconvertedTtd: t.expose('unconvertedTtd', { type: 'Decimal', description: 'TTD without `amountUsd`, over all the months.' }),
    invoiceCount: t.exposeInt('invoiceCount'),
    months: t.expose('months', { type: [MonthRevenueType], description: 'Every month of the range in order, zeros included.' }),
  }),
});
