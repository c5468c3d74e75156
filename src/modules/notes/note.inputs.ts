// Filter and sort keys of Note lists (see src/graphql/filters.ts).
import { NoteTypeEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';

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
