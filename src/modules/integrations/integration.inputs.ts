// Filter and sort keys of Integration lists (see src/graphql/filters.ts).
import { IntegrationStatusEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';
import { defineWriteInputs } from '../../graphql/write-inputs';

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

/** A key pasted where its name belongs: long unbroken tokens or well-known key prefixes. */
function notASecret(value: string): string | undefined {
  return /^(sk|pk|rk)[-_]|^(xox[abpr]-|ghp_|github_pat_|AKIA|AIza|eyJ)/.test(value) || /^[A-Za-z0-9_\-+/=]{32,}$/.test(value)
    ? 'looks like a secret: store the key in a vault and give its name here'
    : undefined;
}

export const integrationWrite = defineWriteInputs('Integration', {
  projectId: { type: 'UUID', required: true, references: 'Project', only: 'create' },
  toolName: { type: 'String', required: true, description: 'Botpress, HubSpot, Make.com, ...' },
  toolCategory: { type: 'String', description: 'chatbot, crm, automation, ai, ...' },
  status: { type: IntegrationStatusEnum, description: 'Default TESTING.' },
  apiKeyName: { type: 'String', check: notASecret, description: 'The NAME of the secret holding the key, never the key itself.' },
  monthlyCost: { type: 'Decimal', description: 'Subscription per month (TTD).' },
  notes: { type: 'String', description: 'Configuration details.' },
});
