// Per-company aggregates, each one statement for any number of companies.
import { Prisma, type TicketStatus } from '../../generated/prisma/client';
import { UNPAID_INVOICE_STATUSES } from '../invoices/invoice.service';

/** Tickets still needing work (the `active_clients_overview` view's open_ticket_count). */
export const OPEN_TICKET_STATUSES = ['OPEN', 'IN_PROGRESS', 'WAITING'] as const satisfies readonly TicketStatus[];

/** The sum of each company's unpaid (SENT or OVERDUE) invoices in TTD, in the order of `companyIds`; 0 when none. */
/** The invoices a company still owes. */
export const UNPAID_INVOICE = { status: { in: [...UNPAID_INVOICE_STATUSES] } };

export async function outstandingBalances(db: Prisma.TransactionClient, companyIds: readonly string[]): Promise<Prisma.Decimal[]> {
  const sums = await db.invoice.groupBy({
    by: ['companyId'],
    where: { companyId: { in: [...companyIds] }, ...UNPAID_INVOICE },
    _sum: { amount: true },
  });
  const byCompany = new Map(sums.map((row) => [row.companyId, row._sum.amount]));
  return companyIds.map((id) => byCompany.get(id) ?? new Prisma.Decimal(0));
}

/** Companies named `name`, ignoring case; at most two, enough to tell one match from several. */
export function companiesNamed(db: Prisma.TransactionClient, name: string) {
  return db.company.findMany({ where: { companyName: { equals: name, mode: 'insensitive' } }, take: 2 });
}
