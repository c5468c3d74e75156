// Filter and sort keys of Service lists (see src/graphql/filters.ts).
import { defineListInputs } from '../../graphql/filters';
import { defineWriteInputs } from '../../graphql/write-inputs';

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

export const serviceWrite = defineWriteInputs('Service', {
  serviceName: { type: 'String', required: true },
  serviceCategory: { type: 'String', description: 'automation, integration, consulting' },
  description: { type: 'String' },
  baseSetupFeeMin: { type: 'Decimal' },
  baseSetupFeeMax: { type: 'Decimal', description: 'At least baseSetupFeeMin.' },
  baseMonthlyFeeMin: { type: 'Decimal' },
  baseMonthlyFeeMax: { type: 'Decimal', description: 'At least baseMonthlyFeeMin.' },
  typicalDurationWeeks: { type: 'Int', min: 1 },
  isActive: { type: 'Boolean', description: 'Default true. Deactivate a service instead of deleting it once projects use it.' },
});
