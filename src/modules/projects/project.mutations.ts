import type { ProjectStatus } from '../../generated/prisma/client';
import { addCrudMutations } from '../../graphql/crud';
import { DomainError } from '../../graphql/errors';
import { checkOrder, merged } from '../../graphql/write-inputs';
import { utcToday } from '../invoices/invoice.service';
import { projectWrite } from './project.inputs';
import { statusChangeProblem, statusSideEffects } from './project.service';

addCrudMutations({
  model: 'Project',
  inputs: projectWrite,
  rules: ({ data, existing, errors }) => {
    checkOrder(errors, data, existing, 'startDate', 'goLiveDate', 'must be on or after startDate');
    const to = data.status as ProjectStatus | undefined;
    if (to) {
      const problem = existing ? statusChangeProblem(existing.status as ProjectStatus, to) : undefined;
      if (problem) throw new DomainError('CONFLICT', `Project status: ${problem}`, [{ path: ['input', 'status'], message: problem }]);
      Object.assign(data, statusSideEffects(to, merged<Date>(data, existing, 'goLiveDate'), utcToday()));
    }
  },
  descriptions: {
    update: 'Changes a project: fields left out stay as they are, null clears an optional field. Status follows the allowed transitions (CANCELLED is final); going LIVE sets goLiveDate to today when empty.',
    delete: 'Deletes a project with its integrations, service links and notes; refused while invoices refer to it. Returns it as it was.',
  },
});
