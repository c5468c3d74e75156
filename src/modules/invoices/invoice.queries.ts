import { builder } from '../../graphql/builder';
import { addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'Invoice', single: 'invoice', list: 'invoices', noun: 'invoice', nouns: 'invoices' });
builder.queryField('invoiceByNumber', (t) =>
  t.prismaField({
    type: 'Invoice',
    nullable: true,
    description: 'The invoice with this number (e.g. INV-2026-001); null when there is none.',
    args: { invoiceNumber: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.db.invoice.findUnique({ ...query, where: { invoiceNumber: args.invoiceNumber.trim() } }),
  }),
);
