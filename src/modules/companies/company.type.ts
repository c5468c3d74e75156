import { builder } from '../../graphql/builder';
import { CompanyStatusEnum } from '../../graphql/enums';
import { compiled } from '../../graphql/compiled/declare';
import { relatedList } from '../../graphql/fields';
import { requestLoader } from '../../graphql/loaders';
import type { Prisma } from '../../generated/prisma/client';
import { OPEN_TICKET_STATUSES, outstandingBalances, UNPAID_INVOICE } from './company.service';

export const CompanyType = builder.prismaObject('Company', {
  description: 'A client business or prospect.',
  fields: (t) => ({
    id: t.expose('id', { type: 'UUID' }),
    companyName: t.exposeString('companyName', { description: 'Legal company name.' }),
    industry: t.exposeString('industry', { nullable: true, description: 'Healthcare, Legal, Retail, ...' }),
    companySize: t.exposeString('companySize', { nullable: true, description: 'Employee count range: 1-10, 11-50, 51-200, ...' }),
    website: t.expose('website', { type: 'URL', nullable: true }),
    address: t.exposeString('address', { nullable: true }),
    city: t.exposeString('city', { nullable: true }),
    country: t.exposeString('country', { nullable: true, description: 'Trinidad and Tobago, Barbados, ...' }),
    status: t.expose('status', { type: CompanyStatusEnum }),
    primaryContactId: t.expose('primaryContactId', { type: 'UUID', nullable: true }),
    totalRevenue: t.expose('totalRevenue', { type: 'Decimal', description: 'Lifetime value in TTD: the sum of paid invoices.' }),
    monthlyRecurring: t.expose('monthlyRecurring', { type: 'Decimal', description: 'Current MRR in TTD: the sum of live projects\' monthly fees.' }),
    openTicketCount: t.relationCount('supportTickets', {
      description: 'Support tickets still needing work: status OPEN, IN_PROGRESS or WAITING.',
      where: { status: { in: [...OPEN_TICKET_STATUSES] } },
    }),
    outstandingBalance: t.field({
      type: 'Decimal',
      description: 'What the company owes: the sum of its unpaid (SENT or OVERDUE) invoices\' amounts, TTD; "0.00" when none.',
      extensions: compiled({ kind: 'value', sql: (row) => row.aggregate('sum', 'invoices', 'amount', UNPAID_INVOICE) }),
      resolve: (company, _args, ctx) =>
        // One grouped statement per request for every company asking.
        requestLoader<string, Prisma.Decimal>(ctx, 'company-outstanding-balance', (ids) => outstandingBalances(ctx.db, ids)).load(company.id),
    }),
    contractStartDate: t.expose('contractStartDate', { type: 'LocalDate', nullable: true, description: 'When they became a client.' }),
    contractEndDate: t.expose('contractEndDate', { type: 'LocalDate', nullable: true, description: 'When the contract expires.' }),
    notesText: t.exposeString('notes', {
      nullable: true,
      description: 'The `companies.notes` column (free text). Named `notesText` because `notes` is the connection of Note records.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    primaryContact: t.relation('primaryContact', { nullable: true, description: 'The main contact person.' }),
    contacts: t.relatedConnection('contacts', { ...relatedList(t, 'Contact'), description: 'People at this company.' }),
    projects: t.relatedConnection('projects', { ...relatedList(t, 'Project'), description: 'Automation projects for this company.' }),
    invoices: t.relatedConnection('invoices', { ...relatedList(t, 'Invoice'), description: 'Invoices billed to this company.' }),
    meetings: t.relatedConnection('meetings', { ...relatedList(t, 'Meeting'), description: 'Meetings held with this company.' }),
    supportTickets: t.relatedConnection('supportTickets', { ...relatedList(t, 'SupportTicket'), description: 'Support tickets of this company.' }),
  }),
});
