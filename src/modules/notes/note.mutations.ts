import type { NoteType } from '../../generated/prisma/client';
import { addCrudMutations } from '../../graphql/crud';
import type { ModelName } from '../../graphql/filters';
import { checkReferences } from '../../graphql/write-inputs';
import { noteWrite } from './note.inputs';

const SUBJECT_MODEL: Record<Exclude<NoteType, 'GENERAL'>, ModelName> = { CONTACT: 'Contact', COMPANY: 'Company', PROJECT: 'Project' };

addCrudMutations({
  model: 'Note',
  inputs: noteWrite,
  rules: async ({ ctx, data, existing, errors }) => {
    if (existing) return;
    const noteType = (data.noteType as NoteType | undefined) ?? 'GENERAL';
    data.noteType = noteType;
    const relatedId = data.relatedId as string | null | undefined;
    if (noteType === 'GENERAL' && relatedId) errors.add(['input', 'relatedId'], 'must be empty for a GENERAL note');
    if (noteType !== 'GENERAL') {
      if (!relatedId) errors.add(['input', 'relatedId'], `is required for a ${noteType} note`);
      else await checkReferences(ctx.db, [{ model: SUBJECT_MODEL[noteType], id: relatedId, path: ['input', 'relatedId'] }], errors);
    }
    // The author is whoever writes the note, never an input.
    data.createdBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  },
});
