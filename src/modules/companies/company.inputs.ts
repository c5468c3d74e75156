// Filter and sort keys of Company lists (see src/graphql/filters.ts).
import { CompanyStatusEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';
import { defineWriteInputs } from '../../graphql/write-inputs';

defineListInputs('Company', {
  fields: {
    id: 'UUID',
    companyName: 'String',
    industry: 'String',
    companySize: 'String',
    website: 'String',
    address: 'String',
    city: 'String',
    country: 'String',
    status: { enum: CompanyStatusEnum, name: 'CompanyStatus' },
    primaryContactId: 'UUID',
    totalRevenue: 'Decimal',
    monthlyRecurring: 'Decimal',
    contractStartDate: 'LocalDate',
    contractEndDate: 'LocalDate',
    createdAt: 'DateTime',
    updatedAt: 'DateTime',
    primaryContact: { one: 'Contact' },
    contacts: { many: 'Contact' },
    projects: { many: 'Project' },
    invoices: { many: 'Invoice' },
    meetings: { many: 'Meeting' },
    supportTickets: { many: 'SupportTicket' },
  },
  searchDescription: 'Matches the company name, ignoring case.',
  search: (term) => ({ companyName: { contains: term, mode: 'insensitive' } }),
});

// total_revenue and monthly_recurring are kept by the database (paid invoices,
// live projects), so they are not inputs.
export const companyWrite = defineWriteInputs('Company', {
  companyName: { type: 'String', required: true, description: 'Legal company name.' },
  industry: { type: 'String' },
  companySize: { type: 'String', description: 'Employee count range: 1-10, 11-50, 51-200, ...' },
  website: { type: 'URL' },
  address: { type: 'String' },
  city: { type: 'String' },
  country: { type: 'String' },
  status: { type: CompanyStatusEnum, description: 'Default PROSPECT.' },
  primaryContactId: { type: 'UUID', references: 'Contact' },
  contractStartDate: { type: 'LocalDate' },
  contractEndDate: { type: 'LocalDate', description: 'On or after contractStartDate.' },
  notesText: { type: 'String', column: 'notes', description: 'Free-text notes (the companies.notes column).' },
});
