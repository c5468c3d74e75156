// Invoice rules that do not need the database: what counts as unpaid and overdue.
import type { InvoiceStatus } from '../../generated/prisma/client';

/** Sent to the client and not yet paid (OVERDUE is a sent invoice someone flagged). */
export const UNPAID_INVOICE_STATUSES = ['SENT', 'OVERDUE'] as const satisfies readonly InvoiceStatus[];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Today's calendar date in UTC, as a DATE column's value (UTC midnight): what
 * Postgres' CURRENT_DATE is on a server whose time zone is UTC.
 */
export function utcToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Whole days an invoice is past due on `today`, or null when it is not overdue:
 * overdue means unpaid (SENT or OVERDUE) with a due date before today, the rule of
 * the `overdue_invoices` view.
 */
export function daysOverdue(invoice: { status: InvoiceStatus; dueDate: Date | null }, today: Date): number | null {
  if (!invoice.dueDate || !(UNPAID_INVOICE_STATUSES as readonly InvoiceStatus[]).includes(invoice.status)) return null;
  // DATE values are UTC midnights, so the difference is a whole number of days.
  const days = Math.round((today.getTime() - invoice.dueDate.getTime()) / DAY_MS);
  return days > 0 ? days : null;
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
