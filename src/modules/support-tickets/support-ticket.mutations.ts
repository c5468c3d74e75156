import type { TicketStatus } from '../../generated/prisma/client';
import { builder } from '../../graphql/builder';
import { addCrudMutations, atomic, checkInput, findRecord, type CrudOptions } from '../../graphql/crud';
import { merged } from '../../graphql/write-inputs';
import {
  ReopenSupportTicketInput,
  reopenSupportTicketFields,
  ResolveSupportTicketInput,
  resolveSupportTicketFields,
  supportTicketWrite,
} from './support-ticket.inputs';
import {
  isClosed,
  openSupportTicket,
  refuse,
  reopenSupportTicket,
  resolveSupportTicket,
  statusChangeRefusal,
  ticketStatusEffects,
  type Reopening,
  type Resolution,
} from './support-ticket.service';

const numbered = 'numbered TKT-<year>-<NNN>: the next number of the year, gap-free and unique even under concurrent requests';

// createSupportTicket and openSupportTicket check and number a ticket the same way.
const rules: CrudOptions['rules'] = async ({ ctx, data, existing, errors }) => {
  const projectId = merged<string>(data, existing, 'projectId');
  if (projectId && 'projectId' in data) {
    const project = await ctx.db.project.findUnique({ where: { id: projectId }, select: { companyId: true } });
    if (project && project.companyId !== merged<string>(data, existing, 'companyId')) errors.add(['input', 'projectId'], 'belongs to another company');
  }
  // A status change follows resolveSupportTicket's and reopenSupportTicket's rules.
  const from = existing?.status as TicketStatus | undefined;
  const to = data.status as TicketStatus | undefined;
  if (existing && from && to && to !== from) {
    const problem = statusChangeRefusal(from, to);
    if (problem) refuse({ ticketNumber: String(existing.ticketNumber) }, problem);
    if (isClosed(to) && !isClosed(from) && !merged<string>(data, existing, 'resolution')) {
      errors.add(['input', 'resolution'], `is required to move a ticket to ${to} (as for resolveSupportTicket)`);
    }
    Object.assign(data, ticketStatusEffects(from, to, existing.resolvedAt as Date | null, new Date()));
  }
};

addCrudMutations({
  model: 'SupportTicket',
  inputs: supportTicketWrite,
  rules,
  create: (ctx, data) => openSupportTicket(ctx.db, data, new Date()),
  descriptions: { create: `Opens a support ticket (status OPEN), ${numbered}. openSupportTicket is the same.` },
});

const ticketId = 'The ticket\'s id.';

builder.mutationFields((t) => ({
  openSupportTicket: t.prismaField({
    type: 'SupportTicket',
    description: `createSupportTicket under its workflow name: opens a support ticket (status OPEN), ${numbered}. Returns the ticket.`,
    args: { input: t.arg({ type: supportTicketWrite.create, required: true, description: 'The request.' }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        const data = await checkInput(ctx, { model: 'SupportTicket', fields: supportTicketWrite.fields, rules }, args.input);
        const id = await openSupportTicket(ctx.db, data, new Date());
        return findRecord(ctx, 'SupportTicket', query, id);
      }),
  }),
  resolveSupportTicket: t.prismaField({
    type: 'SupportTicket',
    description:
      'Resolves a ticket that is OPEN, IN_PROGRESS or WAITING (status RESOLVED, or CLOSED), with its resolution, and sets resolvedAt; ' +
      'a RESOLVED ticket may be CLOSED the same way. Resolving a CLOSED ticket (reopen it first) or a RESOLVED one again is a CONFLICT (409). ' +
      'Returns the ticket.',
    args: {
      id: t.arg({ type: 'UUID', required: true, description: ticketId }),
      input: t.arg({ type: ResolveSupportTicketInput, required: true, description: 'How it was solved.' }),
    },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        const resolution = await checkInput(ctx, { model: 'SupportTicket', fields: resolveSupportTicketFields }, args.input);
        await resolveSupportTicket(ctx.db, args.id, resolution as unknown as Resolution, new Date());
        return findRecord(ctx, 'SupportTicket', query, args.id);
      }),
  }),
  reopenSupportTicket: t.prismaField({
    type: 'SupportTicket',
    description:
      'Reopens a RESOLVED or CLOSED ticket: status OPEN, resolvedAt and the resolution cleared; the reason, if given, is appended to the description. ' +
      'Any other status is a CONFLICT (409). Returns the ticket.',
    args: {
      id: t.arg({ type: 'UUID', required: true, description: ticketId }),
      input: t.arg({ type: ReopenSupportTicketInput, required: false, description: 'Optional: why.' }),
    },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        const reopening = await checkInput(ctx, { model: 'SupportTicket', fields: reopenSupportTicketFields }, args.input ?? {});
        await reopenSupportTicket(ctx.db, args.id, reopening as Reopening, new Date());
        return findRecord(ctx, 'SupportTicket', query, args.id);
      }),
  }),
}));
