import { builder } from '../../graphql/builder';
import { addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'SupportTicket', single: 'supportTicket', list: 'supportTickets', noun: 'support ticket', nouns: 'support tickets' });
builder.queryField('supportTicketByNumber', (t) =>
  t.prismaField({
    type: 'SupportTicket',
    nullable: true,
    description: 'The ticket with this number (e.g. TKT-2026-001); null when there is none.',
    args: { ticketNumber: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) => ctx.db.supportTicket.findUnique({ ...query, where: { ticketNumber: args.ticketNumber.trim() } }),
  }),
);
