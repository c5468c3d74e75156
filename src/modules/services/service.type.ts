import { builder } from '../../graphql/builder';

export const ServiceType = builder.prismaObject('Service', {
  // Only the columns a query asks for are read (fields declare what they need).
  select: { id: true },
  description: 'A service from Aurum\'s catalog, with its TTD price ranges.',
  fields: (t) => ({
    id: t.expose('id', { type: 'UUID' }),
    serviceName: t.exposeString('serviceName', { description: 'AI Chatbot, Lead Generation, ...' }),
    serviceCategory: t.exposeString('serviceCategory', { nullable: true, description: 'automation, integration, consulting' }),
    description: t.exposeString('description', { nullable: true }),
    baseSetupFeeMin: t.expose('baseSetupFeeMin', { type: 'Decimal', nullable: true, description: 'Minimum setup fee (TTD).' }),
    baseSetupFeeMax: t.expose('baseSetupFeeMax', { type: 'Decimal', nullable: true, description: 'Maximum setup fee (TTD).' }),
    baseMonthlyFeeMin: t.expose('baseMonthlyFeeMin', { type: 'Decimal', nullable: true, description: 'Minimum monthly fee (TTD).' }),
    baseMonthlyFeeMax: t.expose('baseMonthlyFeeMax', { type: 'Decimal', nullable: true, description: 'Maximum monthly fee (TTD).' }),
    typicalDurationWeeks: t.exposeInt('typicalDurationWeeks', { nullable: true, description: 'Typical implementation time in weeks.' }),
    isActive: t.exposeBoolean('isActive', { description: 'Currently offered.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});
