// Filter and sort keys of Note lists (see src/graphql/filters.ts).
import { NoteTypeEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';
import { defineWriteInputs, writeInput, type WriteFields } from '../../graphql/write-inputs';

defineListInputs('Note', {
  fields: {
    id: 'UUID',
    noteType: { enum: NoteTypeEnum, name: 'NoteType' },
    relatedId: 'UUID',
    noteText: 'String',
    createdBy: 'UUID',
    isPrivate: 'Boolean',
    createdAt: 'DateTime',
    updatedAt: 'DateTime',
  },
  searchDescription: 'Matches the note text, ignoring case.',
  search: (term) => ({ noteText: { contains: term, mode: 'insensitive' } }),
});

// The author (createdBy) is whoever sends the mutation.
export const noteWrite = defineWriteInputs('Note', {
  noteType: { type: NoteTypeEnum, only: 'create', description: 'Default GENERAL. CONTACT, COMPANY or PROJECT need relatedId.' },
  relatedId: { type: 'UUID', only: 'create', description: 'The contact, company or project the note is on; none for GENERAL notes.' },
  noteText: { type: 'String', required: true },
  isPrivate: { type: 'Boolean', description: 'Internal only: visible to its author and admins. Default false.' },
});

// addNote names the subject by its kind of id instead of noteType + relatedId.
export const addNoteFields: WriteFields = {
  contactId: { type: 'UUID', references: 'Contact', description: 'The contact the note is on.' },
  companyId: { type: 'UUID', references: 'Company', description: 'The company the note is on.' },
  projectId: { type: 'UUID', references: 'Project', description: 'The project the note is on.' },
  noteText: noteWrite.fields.noteText!,
  isPrivate: noteWrite.fields.isPrivate!,
};
export const AddNoteInput = writeInput(
  'AddNoteInput',
  addNoteFields,
  'create',
  'A note on one record: give at most one of contactId, companyId, projectId (none makes a GENERAL note). Strings are trimmed.',
);
