import { builder } from '../../graphql/builder';
import { IntegrationStatusEnum } from '../../graphql/enums';

export const IntegrationType = builder.prismaObject('Integration', {
  // Only the columns a query asks for are read (fields declare what they need).
  select: { id: true },
  description: 'A tool a project runs on (Botpress, HubSpot, Make.com, OpenAI, ...).',
  fields: (t) => ({
    id: t.expose('id', { type: 'UUID' }),
    projectId: t.expose('projectId', { type: 'UUID' }),
    toolName: t.exposeString('toolName'),
    toolCategory: t.exposeString('toolCategory', { nullable: true, description: 'chatbot, crm, automation, ai, ...' }),
    status: t.expose('status', { type: IntegrationStatusEnum }),
    apiKeyName: t.exposeString('apiKeyName', { nullable: true, description: 'The name of the secret holding the key, never the key itself.' }),
    monthlyCost: t.expose('monthlyCost', { type: 'Decimal', description: 'Tool subscription per month (TTD).' }),
    notes: t.exposeString('notes', { nullable: true, description: 'Configuration details.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    project: t.relation('project'),
  }),
});
