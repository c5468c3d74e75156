import type { InvoiceStatus } from '../../generated/prisma/client';
import { builder } from '../../graphql/builder';
import { addCrudMutations, atomic, checkInput, findRecord } from '../../graphql/crud';
import { conflictError } from '../../graphql/errors';
import { checkOrder, merged } from '../../graphql/write-inputs';
import {
  CancelInvoiceInput,
  cancelInvoiceFields,
  invoiceWrite,
  MarkInvoicePaidInput,
  markInvoicePaidFields,
  SendInvoiceInput,
  sendInvoiceFields,
} from './invoice.inputs';
import {
  cancelInvoice,
  createInvoice,
  isFinal,
  isUnpaid,
  markInvoicePaid,
  PAYMENT_TERMS_DAYS,
  sendInvoice,
  unpaidStatus,
  utcToday,
  type CancelChanges,
  type PaymentChanges,
  type SendInvoiceChanges,
} from './invoice.service';

addCrudMutations({
  model: 'Invoice',
  inputs: invoiceWrite,
  scopes: { billing: true },
  rules: async ({ ctx, data, existing, errors }) => {
    if (existing && isFinal(existing.status as InvoiceStatus)) {
      throw conflictError(`This invoice is ${String(existing.status)} and can no longer be changed`);
    }
    if (!existing && !data.issueDate) data.issueDate = utcToday();
    checkOrder(errors, data, existing, 'issueDate', 'dueDate', 'must be on or after the issue date');
    // A sent invoice's stored status follows its due date, as sendInvoice sets it:
    // moving the deadline later takes an OVERDUE invoice back to SENT.
    if (existing && 'dueDate' in data && isUnpaid(existing.status as InvoiceStatus)) data.status = unpaidStatus(data.dueDate as Date | null, utcToday());
    const projectId = merged<string>(data, existing, 'projectId');
    const companyId = merged<string>(data, existing, 'companyId');
    if (projectId && ('projectId' in data || 'companyId' in data)) {
      const project = await ctx.db.project.findUnique({ where: { id: projectId }, select: { companyId: true } });
      if (project && project.companyId !== companyId) errors.add(['input', 'projectId'], 'belongs to another company');
    }
  },
  create: (ctx, data) => createInvoice(ctx.db, data as Record<string, unknown> & { issueDate: Date }),
  beforeDelete: async (_ctx, invoice) => {
    if (invoice.status !== 'DRAFT') throw conflictError(`Only draft invoices can be deleted; this one is ${String(invoice.status)}: cancel it instead`);
  },
  descriptions: {
    create: 'Creates a DRAFT invoice numbered INV-<year of issue>-<NNN>: the next number of that year, gap-free and unique even under concurrent requests.',
    update:
      'Changes a draft, sent or overdue invoice (paid and cancelled ones are final: CONFLICT): fields left out stay as they are, null clears an optional field. ' +
      'A sent invoice whose due date moves is stored OVERDUE or SENT by the new date.',
    delete: 'Deletes a DRAFT invoice (others are financial records: cancel them instead). Returns it as it was.',
  },
});

const invoiceId = 'The invoice\'s id.';
// Billing, like the invoices' CRUD: admins and API keys with the billing scope.
const billing = { authScopes: { billing: true }, skipTypeScopes: true } as const;
const conflicts = 'Any other status is a CONFLICT (409) saying why; retries are safe with an Idempotency-Key.';

builder.mutationFields((t) => ({
  sendInvoice: t.prismaField({
    type: 'Invoice',
    ...billing,
    description:
      'Sends a DRAFT invoice: status SENT, or OVERDUE at once when its due date has already passed. The due date is the input\'s, ' +
      `else the stored one, else the issue date + ${PAYMENT_TERMS_DAYS} days. ${conflicts} Returns the invoice.`,
    args: {
      id: t.arg({ type: 'UUID', required: true, description: invoiceId }),
      input: t.arg({ type: SendInvoiceInput, required: false, description: 'Optional: the due date.' }),
    },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        const changes = await checkInput(ctx, { model: 'Invoice', fields: sendInvoiceFields }, args.input ?? {});
        await sendInvoice(ctx.db, args.id, changes as SendInvoiceChanges, utcToday());
        return findRecord(ctx, 'Invoice', query, args.id);
      }),
  }),
  markInvoicePaid: t.prismaField({
    type: 'Invoice',
    ...billing,
    description:
      'Records the payment of a DRAFT, SENT or OVERDUE invoice: status PAID with its paidDate (default today, UTC) and payment method; ' +
      'the company\'s totalRevenue includes it at once. An invoice already PAID or CANCELLED is a CONFLICT (409): a payment is recorded once ' +
      '(send an Idempotency-Key to make retries safe). Returns the invoice.',
    args: {
      id: t.arg({ type: 'UUID', required: true, description: invoiceId }),
      input: t.arg({ type: MarkInvoicePaidInput, required: false, description: 'Optional: when and how it was paid.' }),
    },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        const changes = await checkInput(ctx, { model: 'Invoice', fields: markInvoicePaidFields }, args.input ?? {});
        await markInvoicePaid(ctx.db, args.id, changes as PaymentChanges, utcToday());
        return findRecord(ctx, 'Invoice', query, args.id);
      }),
  }),
  cancelInvoice: t.prismaField({
    type: 'Invoice',
    ...billing,
    description:
      'Cancels a DRAFT, SENT or OVERDUE invoice (status CANCELLED, final); the reason, if given, is appended to its notes. ' +
      `A paid invoice cannot be cancelled. ${conflicts} Returns the invoice.`,
    args: {
      id: t.arg({ type: 'UUID', required: true, description: invoiceId }),
      input: t.arg({ type: CancelInvoiceInput, required: false, description: 'Optional: why.' }),
    },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        const changes = await checkInput(ctx, { model: 'Invoice', fields: cancelInvoiceFields }, args.input ?? {});
        await cancelInvoice(ctx.db, args.id, changes as CancelChanges, utcToday());
        return findRecord(ctx, 'Invoice', query, args.id);
      }),
  }),
}));
