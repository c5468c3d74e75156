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

/**
 * A key pasted where its name belongs: a well-known key prefix, or a long run of
 * letters mixed with digits (random tokens are). Secret names such as
 * WHATSAPP_CLOUD_ACCESS_TOKEN pass however long they are.
 */
function notASecret(value: string): string | undefined {
  const prefixed = /^(sk|pk|rk)[-_]|^(xox[abpr]-|ghp_|github_pat_|AKIA|AIza|eyJ)/.test(value);
  const random = (value.match(/[A-Za-z0-9+/=]{20,}/g) ?? []).some((run) => /\d/.test(run) && /[A-Za-z]/.test(run));
  return prefixed || random ? 'looks like a secret: store the key in a vault and give its name here' : undefined;
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
