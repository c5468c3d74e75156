// Filter and sort keys of Invoice lists (see src/graphql/filters.ts), and the
// inputs of its mutations.
import { InvoiceStatusEnum, InvoiceTypeEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';
import { currencyField, defineWriteInputs, writeInput, type WriteFields } from '../../graphql/write-inputs';
import { PAYMENT_TERMS_DAYS, utcToday } from './invoice.service';

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
  // status filters see what Invoice.status shows: a SENT invoice past due is OVERDUE.
  derived: {
    status: (value) => {
      const today = utcToday();
      if (value === 'OVERDUE') return { OR: [{ status: 'OVERDUE' }, { status: 'SENT', dueDate: { lt: today } }] };
      if (value === 'SENT') return { status: 'SENT', OR: [{ dueDate: null }, { dueDate: { gte: today } }] };
      return { status: value };
    },
  },
  search: (term) => ({
    OR: [{ invoiceNumber: { contains: term, mode: 'insensitive' } }, { company: { is: { companyName: { contains: term, mode: 'insensitive' } } } }],
  }),
});

// The number is assigned (INV-<year>-<NNN>) and the status moves through
// sendInvoice / markInvoicePaid / cancelInvoice, so neither is an input.
export const invoiceWrite = defineWriteInputs('Invoice', {
  companyId: { type: 'UUID', required: true, references: 'Company', description: 'The billed company.' },
  projectId: { type: 'UUID', references: 'Project', description: 'The project billed for; it must belong to the company.' },
  invoiceType: { type: InvoiceTypeEnum, description: 'Default ONE_TIME.' },
  amount: { type: 'Decimal', required: true, description: 'Amount in TTD.' },
  amountUsd: { type: 'Decimal', description: 'Amount in USD, where known.' },
  currency: { type: 'String', ...currencyField, description: 'Three-letter code, default TTD.' },
  issueDate: { type: 'LocalDate', description: 'Default today; decides the number\'s year.' },
  dueDate: { type: 'LocalDate', description: 'On or after the issue date.' },
  paymentMethod: { type: 'String', description: 'bank_transfer, credit_card, ...' },
  notes: { type: 'String' },
});

// The workflow steps' inputs, checked like the fields above (trimmed, column lengths).
export const sendInvoiceFields: WriteFields = {
  dueDate: {
    type: 'LocalDate',
    description: `Payment deadline, on or after the issue date. Default: the stored due date, else the issue date + ${PAYMENT_TERMS_DAYS} days.`,
  },
};
export const SendInvoiceInput = writeInput('SendInvoiceInput', sendInvoiceFields, 'create', 'How a draft invoice is sent.');

export const markInvoicePaidFields: WriteFields = {
  paidDate: { type: 'LocalDate', description: 'When the payment arrived: on or after the issue date and not after today (UTC). Default today (UTC).' },
  paymentMethod: { type: 'String', description: 'bank_transfer, credit_card, linx, cheque, ...; left out keeps the stored one.' },
};
export const MarkInvoicePaidInput = writeInput('MarkInvoicePaidInput', markInvoicePaidFields, 'create', 'The payment received for an invoice.');

export const cancelInvoiceFields: WriteFields = {
  reason: { type: 'String', description: 'Why it is cancelled; appended to the notes as "Cancelled <YYYY-MM-DD>: <reason>".' },
};
export const CancelInvoiceInput = writeInput('CancelInvoiceInput', cancelInvoiceFields, 'create', 'Why an invoice is cancelled.');
