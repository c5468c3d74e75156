import type { InvoiceStatus } from '../../generated/prisma/client';
import { nextDocumentNumber } from '../../db/document-numbers';
import { addCrudMutations } from '../../graphql/crud';
import { conflictError } from '../../graphql/errors';
import { checkOrder, merged } from '../../graphql/write-inputs';
import { invoiceWrite } from './invoice.inputs';
import { isFinal, utcToday } from './invoice.service';

addCrudMutations({
  model: 'Invoice',
  inputs: invoiceWrite,
  rules: async ({ ctx, data, existing, errors }) => {
    if (existing && isFinal(existing.status as InvoiceStatus)) {
      throw conflictError(`This invoice is ${String(existing.status)} and can no longer be changed`);
    }
    if (!existing && !data.issueDate) data.issueDate = utcToday();
    checkOrder(errors, data, existing, 'issueDate', 'dueDate', 'must be on or after the issue date');
    const projectId = merged<string>(data, existing, 'projectId');
    const companyId = merged<string>(data, existing, 'companyId');
    if (projectId && ('projectId' in data || 'companyId' in data)) {
      const project = await ctx.db.project.findUnique({ where: { id: projectId }, select: { companyId: true } });
      if (project && project.companyId !== companyId) errors.add(['input', 'projectId'], 'belongs to another company');
    }
  },
  create: async (ctx, data) => {
    const invoiceNumber = await nextDocumentNumber(ctx.db, 'invoice', (data.issueDate as Date).getUTCFullYear());
    return (await ctx.db.invoice.create({ data: { ...data, invoiceNumber } as never, select: { id: true } })).id;
  },
  beforeDelete: async (_ctx, invoice) => {
    if (invoice.status !== 'DRAFT') throw conflictError(`Only draft invoices can be deleted; this one is ${String(invoice.status)}: cancel it instead`);
  },
  descriptions: {
    create: 'Creates a DRAFT invoice numbered INV-<year of issue>-<NNN>: the next number of that year, gap-free and unique even under concurrent requests.',
    update: 'Changes a draft, sent or overdue invoice (paid and cancelled ones are final): fields left out stay as they are, null clears an optional field.',
    delete: 'Deletes a DRAFT invoice (others are financial records: cancel them instead). Returns it as it was.',
  },
});
