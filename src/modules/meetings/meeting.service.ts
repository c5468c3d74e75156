// Meeting rules: how a meeting is created (createMeeting and scheduleMeeting share
// it), which meetings may be planned, and how a SCHEDULED meeting ends.
import type { MeetingStatus, Prisma } from '../../generated/prisma/client';
import { conflictError, notFoundError, userInputError } from '../../graphql/errors';

type Db = Prisma.TransactionClient;

/**
 * Inserts a meeting (SCHEDULED, the column default) and returns its id. A meeting
 * with a client's contact is with the client: companyId left out becomes the
 * contact's company (an explicit null keeps the meeting unlinked).
 */
export async function createMeeting(db: Db, data: Record<string, unknown>): Promise<string> {
  if (data.companyId === undefined) {
    const contact = await db.contact.findUnique({ where: { id: data.contactId as string }, select: { companyId: true } });
    data = { ...data, companyId: contact?.companyId ?? null };
  }
  return (await db.meeting.create({ data: data as Prisma.MeetingUncheckedCreateInput, select: { id: true } })).id;
}

/** Clock differences between systems and a form sent a moment late are not "the past". */
const PLANNING_GRACE_MS = 5 * 60 * 1000;

/**
 * scheduleMeeting and rescheduleMeeting plan ahead, so a start in the past is a
 * mistake (often a wrong time zone); createMeeting stays free to log past meetings.
 */
function checkAhead(scheduledAt: Date, now: Date): void {
  if (scheduledAt.getTime() >= now.getTime() - PLANNING_GRACE_MS) return;
  throw userInputError(`scheduledAt ${scheduledAt.toISOString()} is in the past: a meeting is scheduled ahead (createMeeting logs a past one)`, [
    { path: ['input', 'scheduledAt'], message: 'must not be in the past' },
  ]);
}

/** Creates a SCHEDULED meeting that starts now or later; returns its id. */
export function scheduleMeeting(db: Db, data: Record<string, unknown>, now: Date): Promise<string> {
  checkAhead(data.scheduledAt as Date, now);
  return createMeeting(db, data);
}

/** What each change of a SCHEDULED meeting is called in errors. */
const ACTIONS = {
  COMPLETED: 'be completed',
  CANCELLED: 'be cancelled',
  NO_SHOW: 'be marked as a no-show',
  rescheduled: 'be rescheduled',
} as const;

/**
 * Writes `data` to a meeting that is still SCHEDULED. The status is part of the
 * update's condition, so of two concurrent requests only one changes the meeting;
 * a meeting that already happened (or did not) is history: CONFLICT, saying why.
 */
async function updateScheduled(db: Db, id: string, data: Prisma.MeetingUpdateManyMutationInput, action: keyof typeof ACTIONS): Promise<void> {
  const { count } = await db.meeting.updateMany({ where: { id, status: 'SCHEDULED' }, data });
  if (count === 1) return;
  const meeting = await db.meeting.findUnique({ where: { id }, select: { status: true } });
  if (!meeting) throw notFoundError('meeting', id);
  const problem = `is ${meeting.status}; only a SCHEDULED meeting can ${ACTIONS[action]}`;
  throw conflictError(`This meeting ${problem}`, [{ path: ['id'], message: problem }]);
}

/**
 * Ends a SCHEDULED meeting as COMPLETED, CANCELLED or NO_SHOW, writing `fields`
 * (outcome, attendees) with it.
 */
export function endMeeting(db: Db, id: string, to: Exclude<MeetingStatus, 'SCHEDULED'>, fields: Pick<Prisma.MeetingUpdateManyMutationInput, 'outcome' | 'attendees'> = {}): Promise<void> {
  return updateScheduled(db, id, { ...fields, status: to }, to);
}

/** Moves a SCHEDULED meeting to a new time that is not in the past. */
export function rescheduleMeeting(db: Db, id: string, fields: { scheduledAt: Date; durationMinutes?: number }, now: Date): Promise<void> {
  checkAhead(fields.scheduledAt, now);
  return updateScheduled(db, id, fields, 'rescheduled');
}
