// Root fields of the dashboards: argument checks, then the service. Each field is
// one SQL statement (plus one per record relation selected, whatever the row count),
// so a dashboard's first screen can ask for all of them in one request.
import { builder } from '../../graphql/builder';
import { checkPageSize, MAX_PAGE_SIZE } from '../../graphql/connections';
import type { ProjectStatus } from '../../generated/prisma/client';
import { ProjectStatusEnum } from '../../graphql/enums';
import { userInputError } from '../../graphql/errors';
import { compiled } from '../../graphql/compiled/declare';
import type { Context } from '../../graphql/context';
import {
  activeClientsSources,
  DEFAULT_REVENUE_MONTHS,
  loadDashboard,
  MAX_REVENUE_MONTHS,
  monthlyRecurringRevenueSources,
  overdueInvoicesSources,
  pipelineValueSources,
  projectTimelineSources,
  revenueByMonthSources,
  revenueMonths,
  statusCountsSources,
  type DashboardSources,
} from './dashboard.service';
import {
  ActiveClientsOverviewType,
  MonthlyRecurringRevenueType,
  OverdueInvoicesType,
  PipelineValueType,
  ProjectTimelineType,
  RevenueByMonthType,
  StatusCountsType,
} from './dashboard.type';

/** Rows to return: `first` (default and maximum MAX_PAGE_SIZE); BAD_USER_INPUT beyond or below 0. */
function pageSize(first: number | null | undefined): number {
  checkPageSize({ first });
  return first ?? MAX_PAGE_SIZE;
}

/** A BAD_USER_INPUT about a from/to range, naming the bounds the caller gave. */
function rangeError(message: string, args: { from?: Date | null; to?: Date | null }) {
  const given = (['from', 'to'] as const).filter((name) => args[name] != null);
  return userInputError(message, given.map((name) => ({ path: [name], message })));
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A dashboard field answered from its SQL sources: the resolver runs them, the
 * compiled read path builds the JSON from them. `sources` checks the arguments first.
 */
function dashboard<A>(sources: (args: A) => DashboardSources) {
  return {
    extensions: compiled({ kind: 'rows', sources: sources as (args: Record<string, unknown>) => DashboardSources }),
    resolve: (_root: unknown, args: A, ctx: Context) => loadDashboard(ctx.db, sources(args)),
  } as { resolve: never; extensions: ReturnType<typeof compiled> };
}

builder.queryFields((t) => {
  const first = () =>
    t.arg.int({
      defaultValue: MAX_PAGE_SIZE,
      description: `How many rows to return, at most ${MAX_PAGE_SIZE} (more is a BAD_USER_INPUT error). Totals always cover every matching row.`,
    });

  return {
    activeClientsOverview: t.field({
      type: ActiveClientsOverviewType,
      description:
        'Clients with work under way: companies with at least one LIVE or IN_PROGRESS project, with their project counts, MRR, ' +
        'monthly tool costs, next contract end, open tickets and outstanding balance (TTD). Highest MRR first.',
      args: {
        country: t.arg.string({ description: 'Only companies in this country (exact name, ignoring case), e.g. "Barbados".' }),
        first: first(),
      },
      ...dashboard((args: { country?: string | null; first?: number | null }) => activeClientsSources({ country: args.country, limit: pageSize(args.first) })),
    }),

    monthlyRecurringRevenue: t.field({
      type: MonthlyRecurringRevenueType,
      description:
        'Total MRR over LIVE projects (TTD) with tool costs and margin, broken down by company and by project type; ' +
        'plus USD where a company\'s rate is known from its invoices (see the type\'s description).',
      ...dashboard(monthlyRecurringRevenueSources),
    }),

    pipelineValue: t.field({
      type: PipelineValueType,
      description: 'Potential revenue from unconverted leads and from projects in SCOPING or DEMO, per stage (all five, in order) and in total (TTD).',
      ...dashboard(pipelineValueSources),
    }),

    overdueInvoices: t.field({
      type: OverdueInvoicesType,
      description: 'Unpaid (SENT or OVERDUE) invoices past their due date, longest overdue first, with the total owed (TTD).',
      args: {
        companyId: t.arg({ type: 'UUID', description: 'Only this company\'s invoices.' }),
        minDaysOverdue: t.arg.int({ description: 'Only invoices at least this many days past due (0 or more).' }),
        first: first(),
      },
      ...dashboard((args: { companyId?: string | null; minDaysOverdue?: number | null; first?: number | null }) => {
        if (args.minDaysOverdue != null && args.minDaysOverdue < 0) {
          throw userInputError(`"minDaysOverdue" must not be negative (got ${args.minDaysOverdue})`, [{ path: ['minDaysOverdue'], message: 'must be 0 or more' }]);
        }
        return overdueInvoicesSources({ companyId: args.companyId, minDaysOverdue: args.minDaysOverdue, limit: pageSize(args.first) });
      }),
    }),

    projectTimeline: t.field({
      type: ProjectTimelineType,
      description:
        'Gantt rows: each project with its company, start and go-live dates, status, priority, estimated vs actual hours and services. ' +
        'With `from` and/or `to`, only projects whose bar [startDate, goLiveDate ?? startDate] overlaps [from, to] ' +
        '(a missing bound is open); projects without a start date have no bar and are then left out. ' +
        'Without either bound, every project, unscheduled ones last.',
      args: {
        from: t.arg({ type: 'LocalDate', description: 'Range start (inclusive).' }),
        to: t.arg({ type: 'LocalDate', description: 'Range end (inclusive); on or after `from`.' }),
        status: t.arg({ type: [ProjectStatusEnum], description: 'Only projects with one of these statuses (an empty list matches none).' }),
        first: first(),
      },
      ...dashboard((args: { from?: Date | null; to?: Date | null; status?: ProjectStatus[] | null; first?: number | null }) => {
        if (args.from && args.to && args.from > args.to) {
          throw rangeError(`"from" (${isoDate(args.from)}) must be on or before "to" (${isoDate(args.to)})`, args);
        }
        return projectTimelineSources({ from: args.from, to: args.to, statuses: args.status, limit: pageSize(args.first) });
      }),
    }),

    statusCounts: t.field({
      type: StatusCountsType,
      description:
        'How many contacts, projects, invoices and support tickets have each status, every status listed (zeros included). ' +
        'Invoices past due count as OVERDUE, not SENT (see `StatusCounts.invoices`).',
      ...dashboard(statusCountsSources),
    }),

    revenueByMonth: t.field({
      type: RevenueByMonthType,
      description:
        'Paid invoices summed per calendar month of their paid date (TTD, and USD where `amountUsd` is set), every month of the range ' +
        `listed. \`from\` and \`to\` pick months (the day is ignored); the default is the last ${DEFAULT_REVENUE_MONTHS} months including the current one ` +
        `(UTC). At most ${MAX_REVENUE_MONTHS} months.`,
      args: {
        from: t.arg({ type: 'LocalDate', description: 'A day in the first month. Default: 11 months before `to`\'s month.' }),
        to: t.arg({ type: 'LocalDate', description: 'A day in the last month; on or after `from`. Default: today (UTC).' }),
      },
      ...dashboard((args: { from?: Date | null; to?: Date | null }) => {
        if (args.from && args.to && args.from > args.to) {
          throw rangeError(`"from" (${isoDate(args.from)}) must be on or before "to" (${isoDate(args.to)})`, args);
        }
        const range = revenueMonths(args.from, args.to);
        if (range.months < 1) throw rangeError(`"from" (${isoDate(args.from!)}) is after the current month`, args);
        if (range.months > MAX_REVENUE_MONTHS) {
          throw rangeError(`The range covers ${range.months} months; at most ${MAX_REVENUE_MONTHS}`, args);
        }
        return revenueByMonthSources(range);
      }),
    }),
  };
});
