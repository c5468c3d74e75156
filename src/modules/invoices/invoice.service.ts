// Invoice rules: what counts as unpaid, overdue and final, how an invoice is
// numbered, and its workflow (send, pay, cancel), callable without GraphQL.
import type { Invoice, InvoiceStatus, Prisma } from '../../generated/prisma/client';
import { nextDocumentNumber } from '../../db/document-numbers';
import { conflictError, InputErrors, notFoundError } from '../../graphql/errors';

type Db = Prisma.TransactionClient;

/** Sent to the client and not yet paid (OVERDUE is a sent invoice past its due date). */
export const UNPAID_INVOICE_STATUSES = ['SENT', 'OVERDUE'] as const satisfies readonly InvoiceStatus[];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from issue to due date when an invoice is sent without a due date: net 14, Aurum's terms. */
export const PAYMENT_TERMS_DAYS = 14;

/**
 * Today's calendar date in UTC, as a DATE column's value (UTC midnight): what
 * Postgres' CURRENT_DATE is on a server whose time zone is UTC.
 */
export function utcToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** A DATE value as `YYYY-MM-DD`, for messages. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Whole days an invoice is past due on `today`, or null when it is not overdue:
 * overdue means unpaid (SENT or OVERDUE) with a due date before today, the rule of
 * the `overdue_invoices` view.
 */
export function daysOverdue(invoice: { status: InvoiceStatus; dueDate: Date | null }, today: Date): number | null {
  if (!invoice.dueDate || !isUnpaid(invoice.status)) return null;
  // DATE values are UTC midnights, so the difference is a whole number of days.
  const days = Math.round((today.getTime() - invoice.dueDate.getTime()) / DAY_MS);
  return days > 0 ? days : null;
}

export function isUnpaid(status: InvoiceStatus): boolean {
  return (UNPAID_INVOICE_STATUSES as readonly InvoiceStatus[]).includes(status);
}

/** Paid and cancelled invoices are final: no edits, no status changes back. */
export const FINAL_INVOICE_STATUSES = ['PAID', 'CANCELLED'] as const satisfies readonly InvoiceStatus[];

export function isFinal(status: InvoiceStatus): boolean {
  return (FINAL_INVOICE_STATUSES as readonly InvoiceStatus[]).includes(status);
}

/**
 * The status a reader sees: a SENT invoice past its due date is OVERDUE, whether or
 * not the hourly sweep (app_private.mark_overdue_invoices) has stored that yet.
 */
export function effectiveStatus(invoice: { status: InvoiceStatus; dueDate: Date | null }, today: Date): InvoiceStatus {
  return invoice.status === 'SENT' && invoice.dueDate && invoice.dueDate < today ? 'OVERDUE' : invoice.status;
}

/** The status to store for a sent, unpaid invoice with this due date: OVERDUE once it has passed. */
export function unpaidStatus(dueDate: Date | null, today: Date): InvoiceStatus {
  return effectiveStatus({ status: 'SENT', dueDate }, today);
}

/** Inserts an invoice (checked data with its issue date) numbered INV-<year of issue>-<NNN>; returns its id. */
export async function createInvoice(db: Db, data: Record<string, unknown> & { issueDate: Date }): Promise<string> {
  const invoiceNumber = await nextDocumentNumber(db, 'invoice', data.issueDate.getUTCFullYear());
  return (await db.invoice.create({ data: { ...data, invoiceNumber } as Prisma.InvoiceUncheckedCreateInput, select: { id: true } })).id;
}

/**
 * The invoice, locked until the request's transaction ends: concurrent workflow
 * steps on one invoice run one after the other, so the second sees what the first
 * did (two payments of one invoice: the second is a CONFLICT, not a silent overwrite).
 */
async function lockInvoice(db: Db, id: string): Promise<Invoice> {
  await db.$queryRaw`SELECT 1 FROM invoices WHERE id = ${id}::uuid FOR UPDATE`;
  const invoice = await db.invoice.findUnique({ where: { id } });
  if (!invoice) throw notFoundError('invoice', id);
  return invoice;
}

/** How an invoice's status reads in a CONFLICT message ("Invoice INV-2026-004 is already paid"). */
const STATE: Record<InvoiceStatus, string> = {
  DRAFT: 'is still a draft',
  SENT: 'has already been sent',
  OVERDUE: 'has already been sent (and is overdue)',
  PAID: 'is already paid',
  CANCELLED: 'is cancelled',
};

function refuse(invoice: Invoice, today: Date, why: string): never {
  const problem = `${STATE[effectiveStatus(invoice, today)]}: ${why}`;
  throw conflictError(`Invoice ${invoice.invoiceNumber} ${problem}`, [{ path: ['id'], message: problem }]);
}

/** `text` with a dated remark as a new paragraph (why an invoice was cancelled, a ticket reopened). */
export function withRemark(text: string | null, label: string, reason: string, today: Date): string {
  return [text, `${label} ${isoDate(today)}: ${reason}`].filter(Boolean).join('\n\n');
}

export interface SendInvoiceChanges {
  /** Replaces the stored due date. */
  dueDate?: Date | null;
}

/**
 * DRAFT → SENT. The due date is the one given, else the stored one, else the issue
 * date + PAYMENT_TERMS_DAYS; when it has already passed the invoice is stored
 * OVERDUE at once. The issue date (and so the number's year) stays as it is.
 */
export async function sendInvoice(db: Db, id: string, changes: SendInvoiceChanges, today: Date): Promise<void> {
  const invoice = await lockInvoice(db, id);
  if (invoice.status !== 'DRAFT') refuse(invoice, today, 'only a DRAFT invoice can be sent');
  const dueDate = changes.dueDate ?? invoice.dueDate ?? new Date(invoice.issueDate.getTime() + PAYMENT_TERMS_DAYS * DAY_MS);
  if (dueDate < invoice.issueDate) {
    const errors = new InputErrors();
    errors.add(['input', 'dueDate'], `must be on or after the issue date (${isoDate(invoice.issueDate)})`);
    errors.throwIfAny();
  }
  await db.invoice.update({ where: { id }, data: { status: unpaidStatus(dueDate, today), dueDate }, select: { id: true } });
}

export interface PaymentChanges {
  /** Default today (UTC). */
  paidDate?: Date | null;
  /** Left out: the stored one stays. */
  paymentMethod?: string | null;
}

/**
 * DRAFT, SENT or OVERDUE → PAID, on a date between the issue date and today. A
 * DRAFT may be paid: a payment received is a fact to record, sent or not. A second
 * payment of a PAID invoice is a CONFLICT (a retry of the same request is answered
 * by its Idempotency-Key instead). The company's totalRevenue follows (trigger).
 */
export async function markInvoicePaid(db: Db, id: string, changes: PaymentChanges, today: Date): Promise<void> {
  const invoice = await lockInvoice(db, id);
  if (invoice.status === 'PAID') refuse(invoice, today, `it was paid${invoice.paidDate ? ` on ${isoDate(invoice.paidDate)}` : ''}, and a payment is recorded once`);
  if (invoice.status === 'CANCELLED') refuse(invoice, today, 'a cancelled invoice cannot be paid');
  const paidDate = changes.paidDate ?? today;
  const errors = new InputErrors();
  if (paidDate < invoice.issueDate) errors.add(['input', 'paidDate'], `must be on or after the issue date (${isoDate(invoice.issueDate)})`);
  else if (paidDate > today) errors.add(['input', 'paidDate'], `must not be in the future (today is ${isoDate(today)} in UTC)`);
  errors.throwIfAny();
  await db.invoice.update({
    where: { id },
    data: { status: 'PAID', paidDate, ...(changes.paymentMethod ? { paymentMethod: changes.paymentMethod } : {}) },
    select: { id: true },
  });
}

export interface CancelChanges {
  /** Appended to the notes, dated. */
  reason?: string | null;
}

/** DRAFT, SENT or OVERDUE → CANCELLED; a paid invoice is revenue and stays PAID. */
export async function cancelInvoice(db: Db, id: string, changes: CancelChanges, today: Date): Promise<void> {
  const invoice = await lockInvoice(db, id);
  if (invoice.status === 'PAID') refuse(invoice, today, 'a paid invoice cannot be cancelled');
  if (invoice.status === 'CANCELLED') refuse(invoice, today, 'it cannot be cancelled again');
  await db.invoice.update({
    where: { id },
    data: { status: 'CANCELLED', ...(changes.reason ? { notes: withRemark(invoice.notes, 'Cancelled', changes.reason, today) } : {}) },
    select: { id: true },
  });
}
