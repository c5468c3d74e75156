import { builder } from '../../graphql/builder';
import { InvoiceStatusEnum, InvoiceTypeEnum } from '../../graphql/enums';

export const InvoiceType = builder.prismaObject('Invoice', {
  description: 'A bill to a client. Financial records are never deleted along with anything else.',
  fields: (t) => ({
    id: t.expose('id', { type: 'UUID' }),
    invoiceNumber: t.exposeString('invoiceNumber', { description: 'INV-<year>-<NNN>, unique.' }),
    companyId: t.expose('companyId', { type: 'UUID' }),
    projectId: t.expose('projectId', { type: 'UUID', nullable: true }),
    invoiceType: t.expose('invoiceType', { type: InvoiceTypeEnum }),
    amount: t.expose('amount', { type: 'Decimal', description: 'Amount in TTD.' }),
    amountUsd: t.expose('amountUsd', { type: 'Decimal', nullable: true, description: 'Amount in USD, where known.' }),
    currency: t.exposeString('currency', { description: 'ISO 4217 code the client is billed in: TTD (default), USD, ...' }),
    status: t.expose('status', { type: InvoiceStatusEnum }),
    issueDate: t.expose('issueDate', { type: 'LocalDate', description: 'When the invoice was issued.' }),
    dueDate: t.expose('dueDate', { type: 'LocalDate', nullable: true, description: 'Payment deadline (on or after the issue date).' }),
    paidDate: t.expose('paidDate', { type: 'LocalDate', nullable: true }),
    paymentMethod: t.exposeString('paymentMethod', { nullable: true, description: 'bank_transfer, credit_card, ...' }),
    notes: t.exposeString('notes', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    company: t.relation('company', { description: 'The billed company.' }),
    project: t.relation('project', { nullable: true, description: 'The project billed for, if any.' }),
  }),
});
