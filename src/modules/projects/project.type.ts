import { builder } from '../../graphql/builder';
import { PriorityEnum, ProjectStatusEnum } from '../../graphql/enums';
import { compiled } from '../../graphql/compiled/declare';
import { relatedList } from '../../graphql/fields';
import { requestLoader } from '../../graphql/loaders';
import type { Prisma } from '../../generated/prisma/client';
import { ACTIVE_INTEGRATION, activeIntegrationCosts, monthlyMargin } from './project.service';

export const ProjectType = builder.prismaObject('Project', {
  // Only the columns a query asks for are read (fields declare what they need).
  select: { id: true },
  description: 'An automation implementation for a client (a chatbot, a lead-generation system, ...).',
  fields: (t) => ({
    id: t.expose('id', { type: 'UUID' }),
    companyId: t.expose('companyId', { type: 'UUID' }),
    projectName: t.exposeString('projectName', { description: 'e.g. "ABC Clinic Chatbot".' }),
    projectType: t.exposeString('projectType', { nullable: true, description: 'chatbot, lead_gen, email_automation, ...' }),
    description: t.exposeString('description', { nullable: true, description: 'Project scope.' }),
    status: t.expose('status', { type: ProjectStatusEnum }),
    setupFee: t.expose('setupFee', { type: 'Decimal', description: 'One-time setup fee (TTD).' }),
    monthlyFee: t.expose('monthlyFee', { type: 'Decimal', description: 'Recurring monthly fee (TTD).' }),
    toolCosts: t.expose('toolCosts', { type: 'Decimal', description: 'Platform costs (TTD per month).' }),
    monthlyMargin: t.field({
      type: 'Decimal',
      description:
        'monthlyFee − toolCosts − the monthlyCost of the project\'s ACTIVE integrations (TTD per month), the margin rule of ' +
        '`monthlyRecurringRevenue`. Negative when the tools cost more than the fee (e.g. "-120.00").',
      select: { monthlyFee: true, toolCosts: true },
      extensions: compiled({
        kind: 'value',
        sql: (row) => `${row.col('monthlyFee')} - ${row.col('toolCosts')} - ${row.aggregate('sum', 'integrations', 'monthlyCost', ACTIVE_INTEGRATION)}`,
      }),
      resolve: async (project, _args, ctx) => {
        // One grouped statement per request for every project asking.
        const costs = requestLoader<string, Prisma.Decimal>(ctx, 'project-active-integration-costs', (ids) => activeIntegrationCosts(ctx.db, ids));
        return monthlyMargin(project, await costs.load(project.id));
      },
    }),
    startDate: t.expose('startDate', { type: 'LocalDate', nullable: true, description: 'Project kickoff.' }),
    goLiveDate: t.expose('goLiveDate', { type: 'LocalDate', nullable: true, description: 'When it launched.' }),
    demoUrl: t.expose('demoUrl', { type: 'URL', nullable: true }),
    productionUrl: t.expose('productionUrl', { type: 'URL', nullable: true }),
    assignedTo: t.expose('assignedTo', { type: 'UUID', nullable: true, description: 'The team member (Supabase user id) leading it.' }),
    priority: t.expose('priority', { type: PriorityEnum }),
    estimatedHours: t.exposeInt('estimatedHours', { nullable: true }),
    actualHours: t.exposeInt('actualHours', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    company: t.relation('company', { description: 'The client.' }),
    integrations: t.relatedConnection('integrations', { ...relatedList(t, 'Integration'), description: 'Tools this project runs on.' }),
    supportTickets: t.relatedConnection('supportTickets', { ...relatedList(t, 'SupportTicket'), description: 'Support tickets about this project.' }),
    invoices: t.relatedConnection('invoices', { ...relatedList(t, 'Invoice'), description: 'Invoices for this project.' }),
  }),
});
