// Filter and sort keys of Project lists (see src/graphql/filters.ts).
import { PriorityEnum, ProjectStatusEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';
import { defineWriteInputs, writeInput } from '../../graphql/write-inputs';
import { PROJECT_TRANSITIONS } from './project.service';

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

export const projectWrite = defineWriteInputs('Project', {
  companyId: { type: 'UUID', required: true, references: 'Company', only: 'create', description: 'The client (fixed once created).' },
  projectName: { type: 'String', required: true },
  projectType: { type: 'String', description: 'chatbot, lead_gen, email_automation, ...' },
  description: { type: 'String' },
  status: { type: ProjectStatusEnum, description: 'Default SCOPING. Changes follow the allowed transitions (CANCELLED is final); LIVE sets goLiveDate to today when empty.' },
  setupFee: { type: 'Decimal' },
  monthlyFee: { type: 'Decimal' },
  toolCosts: { type: 'Decimal', description: 'Platform costs per month (TTD).' },
  startDate: { type: 'LocalDate' },
  goLiveDate: { type: 'LocalDate', description: 'On or after startDate.' },
  demoUrl: { type: 'URL' },
  productionUrl: { type: 'URL' },
  assignedTo: { type: 'UUID' },
  priority: { type: PriorityEnum, description: 'Default MEDIUM.' },
  estimatedHours: { type: 'Int', min: 0 },
  actualHours: { type: 'Int', min: 0 },
});

// The transitions are spelt out from the rule itself, so the schema cannot drift from it.
const transitions = Object.entries(PROJECT_TRANSITIONS)
  .map(([from, to]) => (to.length > 0 ? `from ${from}: ${to.join(', ')}` : `${from} is final`))
  .join('; ');

export const ChangeProjectStatusInput = writeInput(
  'ChangeProjectStatusInput',
  { status: { type: ProjectStatusEnum, required: true, description: `The new status (${transitions}).` } },
  'create',
  'Where a project moves.',
);
