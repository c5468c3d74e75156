// Filter and sort keys of Invoice lists (see src/graphql/filters.ts).
import { InvoiceStatusEnum, InvoiceTypeEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';

defineListInputs('Invoice', {
  fields: {
    id: 'UUID',
    invoiceNumber: 'String',
    companyId: 'UUID',
    projectId: 'UUID',
    invoiceType: { enum: InvoiceTypeEnum, name: 'InvoiceType' },
    amount: 'Decimal',
    amountUsd: 'Decimal',
    currency: 'String',
    status: { enum: InvoiceStatusEnum, name: 'InvoiceStatus' },
    issueDate: 'LocalDate',
    dueDate: 'LocalDate',
    paidDate: 'LocalDate',
    paymentMethod: 'String',
    notes: 'String',
    createdAt: 'DateTime',
    updatedAt: 'DateTime',
    company: { one: 'Company' },
    project: { one: 'Project' },
  },
  searchDescription: 'Matches the invoice number or the company name, ignoring case.',
  search: (term) => ({
    OR: [{ invoiceNumber: { contains: term, mode: 'insensitive' } }, { company: { is: { companyName: { contains: term, mode: 'insensitive' } } } }],
  }),
});
