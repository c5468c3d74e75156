// Filter and sort keys of Integration lists (see src/graphql/filters.ts).
import { IntegrationStatusEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';

defineListInputs('Integration', {
  fields: {
    id: 'UUID',
    projectId: 'UUID',
    toolName: 'String',
    toolCategory: 'String',
    status: { enum: IntegrationStatusEnum, name: 'IntegrationStatus' },
    apiKeyName: 'String',
    monthlyCost: 'Decimal',
    notes: 'String',
    createdAt: 'DateTime',
    updatedAt: 'DateTime',
    project: { one: 'Project' },
  },
  searchDescription: 'Matches the tool name, ignoring case.',
  search: (term) => ({ toolName: { contains: term, mode: 'insensitive' } }),
});
