// Filter and sort keys of SupportTicket lists (see src/graphql/filters.ts).
import { PriorityEnum, TicketStatusEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';
import { defineWriteInputs } from '../../graphql/write-inputs';

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
  companyId: { type: 'UUID', required: true, references: 'Company', only: 'create' },
  projectId: { type: 'UUID', references: 'Project', description: 'Must belong to the ticket\'s company.' },
  contactId: { type: 'UUID', references: 'Contact', description: 'Who reported it.' },
  subject: { type: 'String', required: true },
  description: { type: 'String' },
  priority: { type: PriorityEnum, description: 'Default MEDIUM.' },
  status: { type: TicketStatusEnum, only: 'update', description: 'RESOLVED or CLOSED set resolvedAt; OPEN, IN_PROGRESS or WAITING reopen (clearing resolvedAt and the resolution).' },
  category: { type: 'String', description: 'bug, feature_request, question' },
  assignedTo: { type: 'UUID' },
});
