// Filter and sort keys of the audit log (see src/graphql/filters.ts).
import { defineListInputs } from '../../graphql/filters';

defineListInputs('AuditLog', {
  fields: {
    tableName: 'String',
    recordId: 'UUID',
    action: 'String',
    actor: 'String',
    requestId: 'String',
    changedAt: 'DateTime',
  },
  searchDescription: 'Matches the actor, the run id or the table name, ignoring case.',
  search: (term) => ({
    OR: [
      { actor: { contains: term, mode: 'insensitive' } },
      { requestId: { contains: term, mode: 'insensitive' } },
      { tableName: { contains: term, mode: 'insensitive' } },
    ],
  }),
});
