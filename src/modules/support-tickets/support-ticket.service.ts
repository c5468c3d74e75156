// Support ticket rules: which statuses are closed, and what moving between open
// and closed does to resolvedAt and the resolution.
import type { TicketStatus } from '../../generated/prisma/client';

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
