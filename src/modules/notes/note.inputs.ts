// Filter and sort keys of Note lists (see src/graphql/filters.ts).
import { NoteTypeEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';
import { defineWriteInputs } from '../../graphql/write-inputs';

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
