import type { NoteType } from '../../generated/prisma/client';
import { builder } from '../../graphql/builder';
import { addCrudMutations, atomic, checkInput, findRecord, type CrudOptions } from '../../graphql/crud';
import { DomainError } from '../../graphql/errors';
import { checkReferences } from '../../graphql/write-inputs';
import { AddNoteInput, addNoteFields, noteWrite } from './note.inputs';
import { createNote, noteSubject, SUBJECT_MODEL } from './note.service';

addCrudMutations({
  model: 'Note',
  inputs: noteWrite,
  rules: async ({ ctx, data, existing, errors }) => {
    if (existing) {
      // As the notes policy says: a person changes their own notes and unauthored
      // ones (automation tools'); admins any. Without this the database would
      // silently match no row and the caller would get NOT_FOUND.
      const { actor } = ctx;
      if (actor.kind === 'user' && actor.role !== 'admin' && existing.createdBy != null && existing.createdBy !== actor.id) {
        throw new DomainError('FORBIDDEN', 'Only its author or an admin can change this note');
      }
      return;
    }
    const noteType = (data.noteType as NoteType | undefined) ?? 'GENERAL';
    data.noteType = noteType;
    const relatedId = data.relatedId as string | null | undefined;
    if (noteType === 'GENERAL' && relatedId) errors.add(['input', 'relatedId'], 'must be empty for a GENERAL note');
    if (noteType !== 'GENERAL') {
      if (!relatedId) errors.add(['input', 'relatedId'], `is required for a ${noteType} note`);
      else await checkReferences(ctx.db, [{ model: SUBJECT_MODEL[noteType], id: relatedId, path: ['input', 'relatedId'] }], errors);
    }
  },
  create: (ctx, data) => createNote(ctx.db, data as never, ctx.actor),
  descriptions: { create: 'Creates a note on the record noteType and relatedId name (or a GENERAL note), written by the caller. addNote is the same with one id per kind of record.' },
});

/** The one subject id given (if any) becomes noteType + relatedId. */
const addNoteRules: CrudOptions['rules'] = ({ data, errors }) => void Object.assign(data, noteSubject(data, errors));

builder.mutationFields((t) => ({
  addNote: t.prismaField({
    type: 'Note',
    description:
      'Adds a note on a contact, company or project (give one of contactId, companyId, projectId) or, with none, a GENERAL note. ' +
      'The author is the caller. Two or more ids, or an id naming no record, are BAD_USER_INPUT on those fields. Returns the note.',
    args: { input: t.arg({ type: AddNoteInput, required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        const data = await checkInput(ctx, { model: 'Note', fields: addNoteFields, rules: addNoteRules }, args.input);
        return findRecord(ctx, 'Note', query, await createNote(ctx.db, data as never, ctx.actor));
      }),
  }),
}));
