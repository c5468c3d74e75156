import { addCrudMutations } from '../../graphql/crud';
import { conflictError } from '../../graphql/errors';
import { checkOrder } from '../../graphql/write-inputs';
import { serviceWrite } from './service.inputs';

addCrudMutations({
  model: 'Service',
  inputs: serviceWrite,
  // The catalog sets prices: admins and API keys with the billing scope.
  scopes: { billing: true },
  rules: ({ data, existing, errors }) => {
    checkOrder(errors, data, existing, 'baseSetupFeeMin', 'baseSetupFeeMax', 'must be at least the minimum setup fee');
    checkOrder(errors, data, existing, 'baseMonthlyFeeMin', 'baseMonthlyFeeMax', 'must be at least the minimum monthly fee');
  },
  beforeDelete: async (ctx, service) => {
    const projects = await ctx.db.projectService.count({ where: { serviceId: service.id } });
    if (projects > 0) throw conflictError(`This service is used by ${projects} project(s): deactivate it (set isActive to false) instead of deleting it`);
  },
});
