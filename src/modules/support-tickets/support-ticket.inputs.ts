// Filter and sort keys of SupportTicket lists (see src/graphql/filters.ts).
import { PriorityEnum, TicketStatusEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';

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
