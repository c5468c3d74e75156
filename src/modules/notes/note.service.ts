// Note rules shared by createNote and addNote: what a note can be on, who wrote it,
// and the insert.
import type { NoteType, Prisma } from '../../generated/prisma/client';
import type { Actor } from '../../graphql/context';
import type { InputErrors } from '../../graphql/errors';

/** The model each note type's relatedId points into. */
export const SUBJECT_MODEL = { CONTACT: 'Contact', COMPANY: 'Company', PROJECT: 'Project' } as const satisfies Record<Exclude<NoteType, 'GENERAL'>, string>;

/** addNote's subject fields and the note type each one makes. */
export const SUBJECT_FIELDS = { contactId: 'CONTACT', companyId: 'COMPANY', projectId: 'PROJECT' } as const satisfies Record<string, Exclude<NoteType, 'GENERAL'>>;

/**
 * The note type and related id for at most one of contactId / companyId /
 * projectId (none: a GENERAL note). More than one is an error on each of them.
 */
export function noteSubject(ids: Record<string, unknown>, errors: InputErrors): { noteType: NoteType; relatedId: string | null } {
  const given = (Object.keys(SUBJECT_FIELDS) as (keyof typeof SUBJECT_FIELDS)[]).filter((field) => ids[field] != null);
  if (given.length > 1) {
    for (const field of given) errors.add(['input', field], `give only one of ${given.join(', ')}: a note is on one record`);
  }
  const [field] = given;
  return field ? { noteType: SUBJECT_FIELDS[field], relatedId: ids[field] as string } : { noteType: 'GENERAL', relatedId: null };
}

/** A note's checked data (other keys are ignored). */
export interface NewNote {
  noteType: NoteType;
  relatedId: string | null;
  noteText: string;
  isPrivate?: boolean | null;
}

/**
 * Inserts a note and returns its id. The author is whoever writes it, never an
 * input: a person's user id; automation tools and anonymous callers write
 * unauthored notes.
 */
export async function createNote(db: Prisma.TransactionClient, note: NewNote, actor: Actor): Promise<string> {
  const createdBy = actor.kind === 'user' ? actor.id : null;
  const { noteType, relatedId, noteText, isPrivate } = note;
  return (await db.note.create({ data: { noteType, relatedId, noteText, isPrivate: isPrivate ?? undefined, createdBy }, select: { id: true } })).id;
}
