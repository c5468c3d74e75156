// Filter and sort keys of Company lists (see src/graphql/filters.ts).
import { CompanyStatusEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';

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
