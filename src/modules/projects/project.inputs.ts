// Filter and sort keys of Project lists (see src/graphql/filters.ts).
import { PriorityEnum, ProjectStatusEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';

defineListInputs('Project', {
  fields: {
    id: 'UUID',
    companyId: 'UUID',
    projectName: 'String',
    projectType: 'String',
    description: 'String',
    status: { enum: ProjectStatusEnum, name: 'ProjectStatus' },
    setupFee: 'Decimal',
    monthlyFee: 'Decimal',
    toolCosts: 'Decimal',
    startDate: 'LocalDate',
    goLiveDate: 'LocalDate',
    demoUrl: 'String',
    productionUrl: 'String',
    assignedTo: 'UUID',
    priority: { enum: PriorityEnum, name: 'Priority' },
    estimatedHours: 'Int',
    actualHours: 'Int',
    createdAt: 'DateTime',
    updatedAt: 'DateTime',
    company: { one: 'Company' },
    services: { many: 'Service', through: 'service' },
    integrations: { many: 'Integration' },
    supportTickets: { many: 'SupportTicket' },
    invoices: { many: 'Invoice' },
  },
  searchDescription: 'Matches the project name, ignoring case.',
  search: (term) => ({ projectName: { contains: term, mode: 'insensitive' } }),
});
