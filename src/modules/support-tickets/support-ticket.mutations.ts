import type { TicketStatus } from '../../generated/prisma/client';
import { nextDocumentNumber } from '../../db/document-numbers';
import { addCrudMutations } from '../../graphql/crud';
import { merged } from '../../graphql/write-inputs';
import { supportTicketWrite } from './support-ticket.inputs';
import { ticketStatusEffects } from './support-ticket.service';

addCrudMutations({
  model: 'SupportTicket',
  inputs: supportTicketWrite,
  rules: async ({ ctx, data, existing, errors }) => {
    const projectId = merged<string>(data, existing, 'projectId');
    if (projectId && 'projectId' in data) {
      const project = await ctx.db.project.findUnique({ where: { id: projectId }, select: { companyId: true } });
      if (project && project.companyId !== merged<string>(data, existing, 'companyId')) errors.add(['input', 'projectId'], 'belongs to another company');
    }
    if (existing && data.status) {
      Object.assign(data, ticketStatusEffects(existing.status as TicketStatus, data.status as TicketStatus, existing.resolvedAt as Date | null, new Date()));
    }
  },
  create: async (ctx, data) => {
    const ticketNumber = await nextDocumentNumber(ctx.db, 'ticket', new Date().getUTCFullYear());
    return (await ctx.db.supportTicket.create({ data: { ...data, ticketNumber } as never, select: { id: true } })).id;
  },
  descriptions: {
    create: 'Opens a support ticket numbered TKT-<year>-<NNN>: the next number of the year, gap-free and unique even under concurrent requests.',
  },
});
