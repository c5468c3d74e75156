import type { NoteType } from '../../generated/prisma/client';
import { builder } from '../../graphql/builder';
import { batchedConnection } from '../../graphql/fields';
import { toOrderBy, toWhere } from '../../graphql/filters';
import { NoteTypeEnum } from '../../graphql/enums';
import { byIds, requestLoader } from '../../graphql/loaders';
import { restrictVisibility, visibleWhere } from '../../graphql/visibility';
import type { Context } from '../../graphql/context';
import { compiled } from '../../graphql/compiled/declare';
import { CompanyType } from '../companies/company.type';
import { ContactType } from '../contacts/contact.type';
import { ProjectType } from '../projects/project.type';
import { SUBJECT_MODEL } from './note.service';

export const NoteObject = builder.prismaObject('Note', {
  description: 'A note on a contact, company or project (see `noteType` and `related`), or a general note.',
  fields: (t) => ({
    id: t.expose('id', { type: 'UUID' }),
    noteType: t.expose('noteType', { type: NoteTypeEnum }),
    relatedId: t.expose('relatedId', { type: 'UUID', nullable: true, description: 'Id of the contact, company or project the note is on; null for general notes.' }),
    noteText: t.exposeString('noteText'),
    createdBy: t.expose('createdBy', { type: 'UUID', nullable: true, description: 'The team member (Supabase user id) who wrote it.' }),
    isPrivate: t.exposeBoolean('isPrivate', { description: 'Internal only: visible to its author and admins.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    related: t.field({
      type: NoteSubject,
      nullable: true,
      description: 'The record the note is on; null for general notes.',
      extensions: compiled({ kind: 'polymorphic', discriminator: 'noteType', key: 'relatedId', models: SUBJECT_MODEL }),
      resolve: (note, _args, ctx) => loadSubject(ctx, note.noteType, note.relatedId) as never,
    }),
  }),
});

export const NoteSubject = builder.unionType('NoteSubject', {
  description: 'What a note can be attached to.',
  types: [ContactType, CompanyType, ProjectType],
  resolveType: (value) => (value as unknown as Subject).__typename,
});

type Subject = { __typename: 'Contact' | 'Company' | 'Project'; id: string };

/** One statement per subject table per request, however many notes ask. */
function loadSubject(ctx: Context, noteType: NoteType, id: string | null): Promise<Subject | null> | null {
  if (!id || noteType === 'GENERAL') return null;
  const typename = SUBJECT_MODEL[noteType];
  const loader = requestLoader<string, Subject | null>(ctx, `note-subject:${typename}`, async (ids) => {
    const where = { where: { id: { in: [...ids] } } };
    const rows: { id: string }[] =
      typename === 'Contact' ? await ctx.db.contact.findMany(where) : typename === 'Company' ? await ctx.db.company.findMany(where) : await ctx.db.project.findMany(where);
    return byIds(ids, rows.map((row) => Object.assign(row, { __typename: typename })));
  });
  return loader.load(id);
}

/**
 * The `notes` connection of contacts, companies and projects. Notes are polymorphic
 * (note_type + related_id), so there is no Prisma relation for the plugin to plan:
 * the notes of every parent in the request come from one statement.
 */
function addNotesField(model: 'Contact' | 'Company' | 'Project', noteType: Exclude<NoteType, 'GENERAL'>): void {
  builder.prismaObjectField(model as 'Contact', 'notes', (t) =>
    batchedConnection(t as never, {
      type: NoteObject,
      model: 'Note',
      description: 'Notes on this record, a page at a time.',
      name: `notes-of-${noteType}`,
      parentField: 'id',
      childField: 'relatedId',
      query: (ctx, args) => {
        const filter = visibleWhere(ctx, 'Note', toWhere('Note', args.filter));
        return { where: { AND: [{ noteType }, ...(filter ? [filter] : [])] }, orderBy: toOrderBy('Note', args.orderBy) };
      },
    }) as never,
  );
}

// Private notes: only their author and admins see them (as the notes RLS policy says).
restrictVisibility('Note', (ctx) => {
  const { actor } = ctx;
  if (actor.kind === 'user' && actor.role === 'admin') return undefined;
  return actor.kind === 'user' ? { OR: [{ isPrivate: false }, { createdBy: actor.id }] } : { isPrivate: false };
});

addNotesField('Contact', 'CONTACT');
addNotesField('Company', 'COMPANY');
addNotesField('Project', 'PROJECT');
