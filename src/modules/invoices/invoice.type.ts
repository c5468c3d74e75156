import { builder } from '../../graphql/builder';
import type { Context } from '../../graphql/context';
import { compiled, type Row } from '../../graphql/compiled/declare';
import { InvoiceStatusEnum, InvoiceTypeEnum } from '../../graphql/enums';
import { daysOverdue, effectiveStatus, UNPAID_INVOICE_STATUSES, utcToday } from './invoice.service';

// One "today" per request, so every invoice in a response (and isOverdue and
// daysOverdue of one invoice) is judged on the same date, even across midnight.
const todayOfRequest = new WeakMap<Context, Date>();

function requestToday(ctx: Context): Date {
  let today = todayOfRequest.get(ctx);
  if (!today) {
    today = utcToday();
    todayOfRequest.set(ctx, today);
  }
  return today;
}

// The same rules in SQL, for the compiled read path (src/graphql/compiled).
const overdueDaysSql = (row: Row) =>
  `CASE WHEN ${row.value('status')} = ANY(${row.param([...UNPAID_INVOICE_STATUSES], 'text[]')}) AND ${row.today()} - ${row.col('dueDate')} > 0 ` +
  `THEN ${row.today()} - ${row.col('dueDate')} END`;
const statusSql = (row: Row) => `CASE WHEN ${row.value('status')} = 'SENT' AND ${row.col('dueDate')} < ${row.today()} THEN 'OVERDUE' ELSE ${row.value('status')} END`;

export const InvoiceType = builder.prismaObject('Invoice', {
  // Only the columns a query asks for are read (fields declare what they need).
  select: { id: true },
  description: 'A bill to a client. Financial records are never deleted along with anything else.',
  fields: (t) => ({
    id: t.expose('id', { type: 'UUID', description: 'The row\'s UUID.' }),
    invoiceNumber: t.exposeString('invoiceNumber', { description: 'INV-<year>-<NNN>, unique.' }),
    companyId: t.expose('companyId', { type: 'UUID', description: 'The billed company\'s id.' }),
    projectId: t.expose('projectId', { type: 'UUID', nullable: true, description: 'The id of the project billed for, if any.' }),
    invoiceType: t.expose('invoiceType', { type: InvoiceTypeEnum, description: 'What it bills for.' }),
    amount: t.expose('amount', { type: 'Decimal', description: 'Amount in TTD.' }),
    amountUsd: t.expose('amountUsd', { type: 'Decimal', nullable: true, description: 'Amount in USD, where known.' }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code the client is billed in: TTD (default), USD, ...' }),
    status: t.field({
      type: InvoiceStatusEnum,
      description:
        'DRAFT → SENT (sendInvoice) → PAID (markInvoicePaid), or CANCELLED (cancelInvoice); PAID and CANCELLED are final. As stored, except that an unpaid invoice past its due date (UTC today) is OVERDUE, ' +
        'so lists, filters and dashboards agree even before the hourly sweep stores it.',
      select: { status: true, dueDate: true },
      extensions: compiled({ kind: 'value', sql: statusSql }),
      resolve: (invoice, _args, ctx) => effectiveStatus(invoice, requestToday(ctx)),
    }),
    issueDate: t.expose('issueDate', { type: 'LocalDate', description: 'When the invoice was issued.' }),
    dueDate: t.expose('dueDate', { type: 'LocalDate', nullable: true, description: 'Payment deadline (on or after the issue date).' }),
    paidDate: t.expose('paidDate', { type: 'LocalDate', nullable: true, description: 'When the payment arrived (markInvoicePaid); null until PAID.' }),
    isOverdue: t.boolean({
      description:
        'Unpaid (status SENT or OVERDUE) with a due date before today, where today is the current calendar date in UTC ' +
        '(Postgres CURRENT_DATE on a UTC server; the `overdueInvoices` rule). An invoice without a due date is never overdue.',
      select: { status: true, dueDate: true },
      extensions: compiled({ kind: 'value', sql: (row) => `(${overdueDaysSql(row)}) IS NOT NULL` }),
      resolve: (invoice, _args, ctx) => daysOverdue(invoice, requestToday(ctx)) !== null,
    }),
    daysOverdue: t.int({
      nullable: true,
      description: 'Whole days since the due date (today in UTC minus dueDate) when `isOverdue`; null otherwise.',
      select: { status: true, dueDate: true },
      extensions: compiled({ kind: 'value', sql: overdueDaysSql }),
      resolve: (invoice, _args, ctx) => daysOverdue(invoice, requestToday(ctx)),
    }),
    paymentMethod: t.exposeString('paymentMethod', { nullable: true, description: 'bank_transfer, credit_card, ...' }),
    notes: t.exposeString('notes', { nullable: true, description: 'Free text; cancelInvoice appends its reason here.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the row was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the row last changed.' }),
    company: t.relation('company', { description: 'The billed company.' }),
    project: t.relation('project', { nullable: true, description: 'The project billed for, if any.' }),
  }),
});
