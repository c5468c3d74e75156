import { addCrudMutations } from '../../graphql/crud';
import { conflictError } from '../../graphql/errors';
import { checkOrder } from '../../graphql/write-inputs';
import { companyWrite } from './company.inputs';

addCrudMutations({
  model: 'Company',
  inputs: companyWrite,
  rules: ({ data, existing, errors }) => checkOrder(errors, data, existing, 'contractStartDate', 'contractEndDate', 'must be on or after contractStartDate'),
  // A company with history is deactivated, not deleted: say what it still has.
  beforeDelete: async (ctx, company) => {
    const where = { companyId: company.id };
    const [invoices, projects, supportTickets] = await Promise.all([
      ctx.db.invoice.count({ where }),
      ctx.db.project.count({ where }),
      ctx.db.supportTicket.count({ where }),
    ]);
    const held = Object.entries({ invoices, projects, 'support tickets': supportTickets }).filter(([, n]) => n > 0);
    if (held.length > 0) {
      throw conflictError(
        `This company still has ${held.map(([what, n]) => `${n} ${what}`).join(', ')}: a company with history cannot be deleted; set its status to INACTIVE or CHURNED instead`,
      );
    }
  },
  descriptions: { delete: 'Deletes a company without history (no invoices, projects or tickets); its contacts stay, unlinked. Returns it as it was.' },
});
