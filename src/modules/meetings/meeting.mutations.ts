import { addCrudMutations } from '../../graphql/crud';
import { meetingWrite } from './meeting.inputs';

addCrudMutations({
  model: 'Meeting',
  inputs: meetingWrite,
  rules: async ({ ctx, data, existing }) => {
    // A meeting with a client's contact is with the client, unless told otherwise.
    if (!existing && data.companyId === undefined) {
      const contact = await ctx.db.contact.findUnique({ where: { id: data.contactId as string }, select: { companyId: true } });
      data.companyId = contact?.companyId ?? null;
    }
  },
});
