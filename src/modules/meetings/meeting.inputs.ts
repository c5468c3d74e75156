// Filter and sort keys of Meeting lists (see src/graphql/filters.ts).
import { MeetingStatusEnum, MeetingTypeEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';
import { defineWriteInputs, writeInput, type WriteFields } from '../../graphql/write-inputs';

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

const { fields } = meetingWrite;
const ahead = 'Not in the past (5 minutes\' grace for clock differences).';

// A meeting being planned has no outcome yet: completeMeeting records it.
export const scheduleMeetingFields: WriteFields = Object.fromEntries(
  Object.entries({ ...fields, scheduledAt: { ...fields.scheduledAt!, description: `When it starts. ${ahead}` } }).filter(([name]) => name !== 'outcome'),
);
export const ScheduleMeetingInput = writeInput(
  'ScheduleMeetingInput',
  scheduleMeetingFields,
  'create',
  'A meeting to plan: the fields of CreateMeetingInput except the outcome, with scheduledAt not in the past. Strings are trimmed.',
);

export const completeMeetingFields: WriteFields = {
  outcome: { ...fields.outcome!, required: true },
  attendees: { ...fields.attendees!, description: 'Who attended; left out keeps the list as planned, null clears it.' },
};
export const CompleteMeetingInput = writeInput('CompleteMeetingInput', completeMeetingFields, 'create', 'How a meeting went.');

// Meetings have no column for a cancellation reason; the outcome of a cancelled meeting is why.
export const cancelMeetingFields: WriteFields = {
  reason: { type: 'String', column: 'outcome', description: 'Why it was cancelled; kept as the meeting\'s outcome.' },
};
export const CancelMeetingInput = writeInput('CancelMeetingInput', cancelMeetingFields, 'create', 'Why a meeting is cancelled.');

export const rescheduleMeetingFields: WriteFields = {
  scheduledAt: { ...fields.scheduledAt!, description: `The new start. ${ahead}` },
  durationMinutes: { ...fields.durationMinutes!, description: 'The new length in minutes; left out keeps the current one.' },
};
export const RescheduleMeetingInput = writeInput('RescheduleMeetingInput', rescheduleMeetingFields, 'create', 'When a meeting now takes place.');
