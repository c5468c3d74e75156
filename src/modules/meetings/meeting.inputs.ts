// Filter and sort keys of Meeting lists (see src/graphql/filters.ts).
import { MeetingStatusEnum, MeetingTypeEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';

defineListInputs('Meeting', {
  fields: {
    id: 'UUID',
    contactId: 'UUID',
    companyId: 'UUID',
    meetingType: { enum: MeetingTypeEnum, name: 'MeetingType' },
    title: 'String',
    description: 'String',
    scheduledAt: 'DateTime',
    durationMinutes: 'Int',
    status: { enum: MeetingStatusEnum, name: 'MeetingStatus' },
    meetingUrl: 'String',
    outcome: 'String',
    attendees: 'String',
    createdAt: 'DateTime',
    updatedAt: 'DateTime',
    contact: { one: 'Contact' },
    company: { one: 'Company' },
  },
  searchDescription: 'Matches the meeting title, ignoring case.',
  search: (term) => ({ title: { contains: term, mode: 'insensitive' } }),
});
