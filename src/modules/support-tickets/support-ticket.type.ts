import { builder } from '../../graphql/builder';
import { PriorityEnum, TicketStatusEnum } from '../../graphql/enums';

export const SupportTicketType = builder.prismaObject('SupportTicket', {
  description: 'A client support request.',
  fields: (t) => ({
    id: t.expose('id', { type: 'UUID' }),
    ticketNumber: t.exposeString('ticketNumber', { description: 'TKT-<year>-<NNN>, unique.' }),
    companyId: t.expose('companyId', { type: 'UUID' }),
    projectId: t.expose('projectId', { type: 'UUID', nullable: true }),
    contactId: t.expose('contactId', { type: 'UUID', nullable: true }),
    subject: t.exposeString('subject'),
    description: t.exposeString('description', { nullable: true }),
    priority: t.expose('priority', { type: PriorityEnum }),
    status: t.expose('status', { type: TicketStatusEnum }),
    category: t.exposeString('category', { nullable: true, description: 'bug, feature_request, question' }),
    assignedTo: t.expose('assignedTo', { type: 'UUID', nullable: true }),
    resolution: t.exposeString('resolution', { nullable: true, description: 'How it was solved.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was submitted.' }),
    resolvedAt: t.expose('resolvedAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    company: t.relation('company'),
    project: t.relation('project', { nullable: true }),
    contact: t.relation('contact', { nullable: true, description: 'Who reported it.' }),
  }),
});
