import type { ProjectStatus } from '../../generated/prisma/client';
import { builder } from '../../graphql/builder';
import { addCrudMutations, atomic, findRecord } from '../../graphql/crud';
import { checkOrder, merged } from '../../graphql/write-inputs';
import { utcToday } from '../invoices/invoice.service';
import { ChangeProjectStatusInput, projectWrite } from './project.inputs';
import { changeProjectStatus, checkProjectDeletable, statusChange } from './project.service';

addCrudMutations({
  model: 'Project',
  inputs: projectWrite,
  rules: ({ data, existing, errors }) => {
    checkOrder(errors, data, existing, 'startDate', 'goLiveDate', 'must be on or after startDate');
    const to = data.status as ProjectStatus | undefined;
    if (to && errors.empty) {
      const dates = { startDate: merged<Date>(data, existing, 'startDate'), goLiveDate: merged<Date>(data, existing, 'goLiveDate') };
      Object.assign(data, statusChange(existing?.status as ProjectStatus | undefined, to, dates, utcToday()));
    }
  },
  beforeDelete: (ctx, project) => checkProjectDeletable(ctx.db, project.id),
  descriptions: {
    update:
      'Changes a project: fields left out stay as they are, null clears an optional field. Status follows the allowed transitions ' +
      '(CANCELLED is final; a refused one is a CONFLICT), as in changeProjectStatus; going LIVE sets goLiveDate to today when empty.',
    delete: 'Deletes a project with its integrations, service links and notes; refused (CONFLICT) while invoices refer to it. Returns it as it was.',
  },
});

builder.mutationFields((t) => ({
  changeProjectStatus: t.prismaField({
    type: 'Project',
    description:
      'Moves a project to another status through the allowed transitions (see ChangeProjectStatusInput.status); any other is a ' +
      'CONFLICT (409) saying which are allowed, and CANCELLED is final. Going LIVE sets goLiveDate to today when empty; the ' +
      'company\'s monthlyRecurring follows (the sum of its LIVE projects\' monthly fees). The current status again changes nothing. ' +
      'Returns the project.',
    args: { id: t.arg({ type: 'UUID', required: true }), input: t.arg({ type: ChangeProjectStatusInput, required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        await changeProjectStatus(ctx.db, args.id, args.input.status as ProjectStatus, utcToday());
        return findRecord(ctx, 'Project', query, args.id);
      }),
  }),
}));
