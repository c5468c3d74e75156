// Filter and sort keys of SupportTicket lists (see src/graphql/filters.ts), and
// the inputs of its mutations.
import type { TicketStatus } from '../../generated/prisma/client';
import { PriorityEnum, TicketStatusEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';
import { defineWriteInputs, writeInput, type WriteFields } from '../../graphql/write-inputs';
import { CLOSED_TICKET_STATUSES, isClosed } from './support-ticket.service';

defineListInputs('SupportTicket', {
  fields: {
    id: 'UUID',
    ticketNumber: 'String',
    companyId: 'UUID',
    projectId: 'UUID',
    contactId: 'UUID',
    subject: 'String',
    description: 'String',
    priority: { enum: PriorityEnum, name: 'Priority' },
    status: { enum: TicketStatusEnum, name: 'TicketStatus' },
    category: 'String',
    assignedTo: 'UUID',
    resolution: 'String',
    createdAt: 'DateTime',
    resolvedAt: 'DateTime',
    updatedAt: 'DateTime',
    company: { one: 'Company' },
    project: { one: 'Project' },
    contact: { one: 'Contact' },
  },
  searchDescription: 'Matches the ticket number or subject, ignoring case.',
  search: (term) => ({
    OR: [{ ticketNumber: { contains: term, mode: 'insensitive' } }, { subject: { contains: term, mode: 'insensitive' } }],
  }),
});

// The number is assigned (TKT-<year>-<NNN>); resolveSupportTicket and
// reopenSupportTicket move the status with its resolution and resolvedAt.
export const supportTicketWrite = defineWriteInputs('SupportTicket', {
  companyId: { type: 'UUID', required: true, references: 'Company', only: 'create', description: 'The client company asking for help.' },
  projectId: { type: 'UUID', references: 'Project', description: 'The project concerned; it must belong to the ticket\'s company.' },
  contactId: { type: 'UUID', references: 'Contact', description: 'Who reported it.' },
  subject: { type: 'String', required: true, description: 'One line: what is wrong or wanted.' },
  description: { type: 'String', description: 'The details.' },
  priority: { type: PriorityEnum, description: 'Default MEDIUM.' },
  status: {
    type: TicketStatusEnum,
    only: 'update',
    description:
      'The rules of resolveSupportTicket and reopenSupportTicket: RESOLVED or CLOSED need a resolution and set resolvedAt; a RESOLVED ticket may be CLOSED; ' +
      'a RESOLVED or CLOSED ticket goes back to OPEN first (clearing resolvedAt and the resolution). Anything else is a CONFLICT (409).',
  },
  resolution: { type: 'String', only: 'update', description: 'How it was solved: required when status becomes RESOLVED or CLOSED.' },
  category: { type: 'String', description: 'bug, feature_request, question' },
  assignedTo: { type: 'UUID', description: 'The team member (Supabase user id) working on it.' },
});

// The workflow steps' inputs, checked like the fields above (trimmed, required not blank).
export const resolveSupportTicketFields: WriteFields = {
  resolution: { type: 'String', required: true, description: 'How it was solved (not blank).' },
  status: {
    type: TicketStatusEnum,
    check: (status: TicketStatus) => (isClosed(status) ? undefined : `must be ${CLOSED_TICKET_STATUSES.join(' or ')}`),
    description: 'RESOLVED (default) or CLOSED.',
  },
};
export const ResolveSupportTicketInput = writeInput('ResolveSupportTicketInput', resolveSupportTicketFields, 'create', 'How a support ticket was solved.');

export const reopenSupportTicketFields: WriteFields = {
  reason: { type: 'String', description: 'Why it is reopened; appended to the description as "Reopened <YYYY-MM-DD>: <reason>".' },
};
export const ReopenSupportTicketInput = writeInput('ReopenSupportTicketInput', reopenSupportTicketFields, 'create', 'Why a support ticket is reopened.');
