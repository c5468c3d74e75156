// Support ticket rules: how a ticket is opened and numbered (createSupportTicket
// and openSupportTicket share it), which statuses are closed, and what resolving
// and reopening do to resolvedAt and the resolution.
import type { Prisma, SupportTicket, TicketStatus } from '../../generated/prisma/client';
import { nextDocumentNumber } from '../../db/document-numbers';
import { conflictError, notFoundError } from '../../graphql/errors';
import { utcToday, withRemark } from '../invoices/invoice.service';

type Db = Prisma.TransactionClient;

export const CLOSED_TICKET_STATUSES = ['RESOLVED', 'CLOSED'] as const satisfies readonly TicketStatus[];

export function isClosed(status: TicketStatus): boolean {
  return (CLOSED_TICKET_STATUSES as readonly TicketStatus[]).includes(status);
}

/**
 * Fields a status change sets too: closing stamps resolvedAt (when not already
 * set); reopening clears resolvedAt and the resolution.
 */
export function ticketStatusEffects(from: TicketStatus, to: TicketStatus, resolvedAt: Date | null, now: Date): { resolvedAt?: Date | null; resolution?: null } {
  if (isClosed(to)) return resolvedAt ? {} : { resolvedAt: now };
  if (isClosed(from)) return { resolvedAt: null, resolution: null };
  return {};
}

/**
 * Why a ticket cannot move from `from` to `to`, or undefined when it can: the one
 * rule resolveSupportTicket, reopenSupportTicket and updateSupportTicket's status
 * follow. A CLOSED ticket is reopened (to OPEN) before anything else; a RESOLVED one
 * may be CLOSED or reopened.
 */
export function statusChangeRefusal(from: TicketStatus, to: TicketStatus): string | undefined {
  if (from === to) return `is already ${to}`;
  if (isClosed(to)) return from === 'CLOSED' ? 'is CLOSED: reopen it (reopenSupportTicket) before resolving it again' : undefined;
  if (isClosed(from) && to !== 'OPEN') return `is ${from}: reopen it (status OPEN) before moving it to ${to}`;
  return undefined;
}

/** Inserts an OPEN ticket (checked data) numbered TKT-<year>-<NNN>; returns its id. */
export async function openSupportTicket(db: Db, data: Record<string, unknown>, now: Date): Promise<string> {
  const ticketNumber = await nextDocumentNumber(db, 'ticket', now.getUTCFullYear());
  return (await db.supportTicket.create({ data: { ...data, ticketNumber } as Prisma.SupportTicketUncheckedCreateInput, select: { id: true } })).id;
}

/** The ticket, locked until the request's transaction ends, so concurrent status changes run one after the other. */
async function lockTicket(db: Db, id: string): Promise<SupportTicket> {
  await db.$queryRaw`SELECT 1 FROM support_tickets WHERE id = ${id}::uuid FOR UPDATE`;
  const ticket = await db.supportTicket.findUnique({ where: { id } });
  if (!ticket) throw notFoundError('support ticket', id);
  return ticket;
}

export function refuse(ticket: Pick<SupportTicket, 'ticketNumber'>, problem: string): never {
  throw conflictError(`Ticket ${ticket.ticketNumber} ${problem}`, [{ path: ['id'], message: problem }]);
}

export interface Resolution {
  resolution: string;
  /** RESOLVED (default) or CLOSED. */
  status?: TicketStatus | null;
}

/**
 * OPEN, IN_PROGRESS or WAITING → RESOLVED or CLOSED with the resolution, stamping
 * resolvedAt; a RESOLVED ticket may also be CLOSED (keeping its resolvedAt). A
 * CLOSED ticket is reopened first; resolving a RESOLVED one again is a CONFLICT.
 */
export async function resolveSupportTicket(db: Db, id: string, { resolution, status }: Resolution, now: Date): Promise<void> {
  const ticket = await lockTicket(db, id);
  const to = status ?? 'RESOLVED';
  const problem = statusChangeRefusal(ticket.status, to);
  if (problem) refuse(ticket, problem);
  // resolved_at ≥ created_at is a CHECK; created_at is the database's clock, which
  // may run a little ahead of this server's.
  const stamp = new Date(Math.max(now.getTime(), ticket.createdAt.getTime()));
  await db.supportTicket.update({
    where: { id },
    data: { status: to, ...ticketStatusEffects(ticket.status, to, ticket.resolvedAt, stamp), resolution },
    select: { id: true },
  });
}

export interface Reopening {
  /** Appended to the description, dated. */
  reason?: string | null;
}

/** RESOLVED or CLOSED → OPEN, clearing resolvedAt and the resolution. */
export async function reopenSupportTicket(db: Db, id: string, { reason }: Reopening, now: Date): Promise<void> {
  const ticket = await lockTicket(db, id);
  if (!isClosed(ticket.status)) refuse(ticket, `is ${ticket.status}, not RESOLVED or CLOSED: only a resolved or closed ticket can be reopened`);
  await db.supportTicket.update({
    where: { id },
    data: {
      status: 'OPEN',
      ...ticketStatusEffects(ticket.status, 'OPEN', ticket.resolvedAt, now),
      ...(reason ? { description: withRemark(ticket.description, 'Reopened', reason, utcToday(now)) } : {}),
    },
    select: { id: true },
  });
}
