// Filter and sort keys of Service lists (see src/graphql/filters.ts).
import { defineListInputs } from '../../graphql/filters';

defineListInputs('Service', {
  fields: {
    id: 'UUID',
    serviceName: 'String',
    serviceCategory: 'String',
    description: 'String',
    baseSetupFeeMin: 'Decimal',
    baseSetupFeeMax: 'Decimal',
    baseMonthlyFeeMin: 'Decimal',
    baseMonthlyFeeMax: 'Decimal',
    typicalDurationWeeks: 'Int',
    isActive: 'Boolean',
    createdAt: 'DateTime',
    updatedAt: 'DateTime',
    projects: { many: 'Project', through: 'project' },
  },
  searchDescription: 'Matches the service name, ignoring case.',
  search: (term) => ({ serviceName: { contains: term, mode: 'insensitive' } }),
});
