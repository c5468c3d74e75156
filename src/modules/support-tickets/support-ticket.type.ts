import { builder } from '../../graphql/builder';
import { PriorityEnum, TicketStatusEnum } from '../../graphql/enums';

export const SupportTicketType = builder.prismaObject('SupportTicket', {
  // Only the columns a query asks for are read (fields declare what they need).
  select: { id: true },
  description: 'A client support request.',
  fields: (t) => ({
    id: t.expose('id', { type: 'UUID', description: 'The row\'s UUID.' }),
    ticketNumber: t.exposeString('ticketNumber', { description: 'TKT-<year>-<NNN>, unique.' }),
    companyId: t.expose('companyId', { type: 'UUID', description: 'The client company\'s id.' }),
    projectId: t.expose('projectId', { type: 'UUID', nullable: true, description: 'The id of the project concerned, if any.' }),
    contactId: t.expose('contactId', { type: 'UUID', nullable: true, description: 'The id of the contact who reported it, if known.' }),
    subject: t.exposeString('subject', { description: 'One line: what is wrong or wanted.' }),
    description: t.exposeString('description', { nullable: true, description: 'The details; reopenSupportTicket appends its reason here.' }),
    priority: t.expose('priority', { type: PriorityEnum, description: 'How urgent it is.' }),
    status: t.expose('status', {
      type: TicketStatusEnum,
      description: 'OPEN (openSupportTicket), IN_PROGRESS or WAITING while worked on; RESOLVED or CLOSED (resolveSupportTicket) until reopened (reopenSupportTicket).',
    }),
    category: t.exposeString('category', { nullable: true, description: 'bug, feature_request, question' }),
    assignedTo: t.expose('assignedTo', { type: 'UUID', nullable: true, description: 'The team member (Supabase user id) working on it.' }),
    resolution: t.exposeString('resolution', { nullable: true, description: 'How it was solved.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was submitted.' }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true, description: 'When it was resolved or closed; null while open.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the row last changed.' }),
    company: t.relation('company', { description: 'The client company.' }),
    project: t.relation('project', { nullable: true, description: 'The project concerned, if any.' }),
    contact: t.relation('contact', { nullable: true, description: 'Who reported it.' }),
  }),
});
