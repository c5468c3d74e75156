import { builder } from '../../graphql/builder';
import { MeetingStatusEnum, MeetingTypeEnum } from '../../graphql/enums';

export const MeetingType = builder.prismaObject('Meeting', {
  // Only the columns a query asks for are read (fields declare what they need).
  select: { id: true },
  description: 'A discovery call, demo, onboarding, support or review meeting.',
  fields: (t) => ({
    id: t.expose('id', { type: 'UUID' }),
    contactId: t.expose('contactId', { type: 'UUID' }),
    companyId: t.expose('companyId', { type: 'UUID', nullable: true }),
    meetingType: t.expose('meetingType', { type: MeetingTypeEnum }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true, description: 'Agenda or notes.' }),
    scheduledAt: t.expose('scheduledAt', { type: 'DateTime' }),
    durationMinutes: t.exposeInt('durationMinutes'),
    status: t.expose('status', { type: MeetingStatusEnum }),
    meetingUrl: t.expose('meetingUrl', { type: 'URL', nullable: true, description: 'Zoom / Google Meet link.' }),
    outcome: t.exposeString('outcome', { nullable: true, description: 'Results and next steps.' }),
    attendees: t.exposeString('attendees', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    contact: t.relation('contact', { description: 'The contact person.' }),
    company: t.relation('company', { nullable: true }),
  }),
});
