import { builder } from '../../graphql/builder';
import type { Context } from '../../graphql/context';
import { addCrudMutations, atomic, checkInput, findRecord } from '../../graphql/crud';
import type { WriteFields } from '../../graphql/write-inputs';
import {
  CancelMeetingInput,
  cancelMeetingFields,
  CompleteMeetingInput,
  completeMeetingFields,
  meetingWrite,
  RescheduleMeetingInput,
  rescheduleMeetingFields,
  ScheduleMeetingInput,
  scheduleMeetingFields,
} from './meeting.inputs';
import { createMeeting, endMeeting, rescheduleMeeting, scheduleMeeting } from './meeting.service';

addCrudMutations({
  model: 'Meeting',
  inputs: meetingWrite,
  create: (ctx, data) => createMeeting(ctx.db, data),
  descriptions: {
    create:
      'Creates a SCHEDULED meeting; companyId defaults to the contact\'s company. scheduledAt may be in the past, to log a meeting ' +
      'that took place (then completeMeeting); scheduleMeeting is the same for planning ahead, refusing past times.',
  },
});

/** The input's data, checked like createMeeting's (trimmed, lengths, references), or BAD_USER_INPUT naming every bad field. */
const checked = (ctx: Context, fields: WriteFields, input: Record<string, unknown>) => checkInput(ctx, { model: 'Meeting', fields }, input);

const onlyScheduled = 'Only a SCHEDULED meeting can change this way; any other status is a CONFLICT (409).';

builder.mutationFields((t) => ({
  scheduleMeeting: t.prismaField({
    type: 'Meeting',
    description:
      'Plans a meeting: creates it SCHEDULED, with companyId defaulting to the contact\'s company. scheduledAt in the past is ' +
      'BAD_USER_INPUT (use createMeeting to log a past meeting). Returns the meeting.',
    args: { input: t.arg({ type: ScheduleMeetingInput, required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        const id = await scheduleMeeting(ctx.db, await checked(ctx, scheduleMeetingFields, args.input), new Date());
        return findRecord(ctx, 'Meeting', query, id);
      }),
  }),
  completeMeeting: t.prismaField({
    type: 'Meeting',
    description: `Records that a SCHEDULED meeting took place: status COMPLETED, with its outcome (and attendees). ${onlyScheduled} Returns the meeting.`,
    args: { id: t.arg({ type: 'UUID', required: true }), input: t.arg({ type: CompleteMeetingInput, required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        await endMeeting(ctx.db, args.id, 'COMPLETED', (await checked(ctx, completeMeetingFields, args.input)) as { outcome: string });
        return findRecord(ctx, 'Meeting', query, args.id);
      }),
  }),
  cancelMeeting: t.prismaField({
    type: 'Meeting',
    description: `Cancels a SCHEDULED meeting (status CANCELLED); the reason, if given, becomes its outcome. ${onlyScheduled} Returns the meeting.`,
    args: { id: t.arg({ type: 'UUID', required: true }), input: t.arg({ type: CancelMeetingInput, required: false }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        await endMeeting(ctx.db, args.id, 'CANCELLED', (await checked(ctx, cancelMeetingFields, args.input ?? {})) as { outcome?: string | null });
        return findRecord(ctx, 'Meeting', query, args.id);
      }),
  }),
  markMeetingNoShow: t.prismaField({
    type: 'Meeting',
    description: `Records that the contact did not attend a SCHEDULED meeting (status NO_SHOW). ${onlyScheduled} Returns the meeting.`,
    args: { id: t.arg({ type: 'UUID', required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        await endMeeting(ctx.db, args.id, 'NO_SHOW');
        return findRecord(ctx, 'Meeting', query, args.id);
      }),
  }),
  rescheduleMeeting: t.prismaField({
    type: 'Meeting',
    description: `Moves a SCHEDULED meeting to a new time (not in the past), optionally with a new length. ${onlyScheduled} Returns the meeting.`,
    args: { id: t.arg({ type: 'UUID', required: true }), input: t.arg({ type: RescheduleMeetingInput, required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        const { scheduledAt, durationMinutes } = await checked(ctx, rescheduleMeetingFields, args.input);
        await rescheduleMeeting(ctx.db, args.id, { scheduledAt: scheduledAt as Date, durationMinutes: (durationMinutes as number | null) ?? undefined }, new Date());
        return findRecord(ctx, 'Meeting', query, args.id);
      }),
  }),
}));
