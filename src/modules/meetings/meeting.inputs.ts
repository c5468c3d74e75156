// Filter and sort keys of Meeting lists (see src/graphql/filters.ts).
import { MeetingStatusEnum, MeetingTypeEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';
import { defineWriteInputs } from '../../graphql/write-inputs';

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

// The status moves through completeMeeting / cancelMeeting / markMeetingNoShow.
export const meetingWrite = defineWriteInputs('Meeting', {
  contactId: { type: 'UUID', required: true, references: 'Contact', description: 'The contact person.' },
  companyId: { type: 'UUID', references: 'Company', description: 'Default: the contact\'s company.' },
  meetingType: { type: MeetingTypeEnum, description: 'Default DISCOVERY.' },
  title: { type: 'String', required: true },
  description: { type: 'String', description: 'Agenda or notes.' },
  scheduledAt: { type: 'DateTime', required: true },
  durationMinutes: { type: 'Int', min: 1, description: 'Default 30.' },
  meetingUrl: { type: 'URL', description: 'Zoom / Google Meet link.' },
  outcome: { type: 'String', description: 'Results and next steps.' },
  attendees: { type: 'String' },
});
