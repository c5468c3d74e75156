import { builder } from '../../graphql/builder';
import { compiled } from '../../graphql/compiled/declare';

export const AuditLogEntryType = builder.prismaObject('AuditLog', {
  // Only the columns a query asks for are read (fields declare what they need).
  select: { id: true },
  name: 'AuditLogEntry',
  description: 'One write to a data table, recorded by the database (whoever made it: the API, the Supabase dashboard, SQL).',
  fields: (t) => ({
    id: t.string({
      description: 'Sequence number of the entry (64-bit, as a string).',
      extensions: compiled({ kind: 'value', sql: (row) => `${row.col('id')}::text` }),
      resolve: (entry) => entry.id.toString(),
    }),
    tableName: t.exposeString('tableName', { description: 'The table written: invoices, companies, ...' }),
    recordId: t.expose('recordId', { type: 'UUID', description: 'The id of the row written.' }),
    action: t.exposeString('action', { description: 'INSERT, UPDATE or DELETE.' }),
    actor: t.exposeString('actor', {
      description: 'Who: user:<Supabase user id>, api-key:<key id>, anonymous (the website form), system:<job>, or the database role for writes outside the API.',
    }),
    requestId: t.exposeString('requestId', { nullable: true, description: 'The Idempotency-Key, X-Run-Id or request id of the API request that made the change.' }),
    changedFields: t.exposeStringList('changedFields', { description: 'Columns that changed (all of them for inserts and deletes).' }),
    oldRow: t.expose('oldRow', { type: 'JSON', nullable: true, description: 'The row before (updates and deletes), as the database stores it.' }),
    newRow: t.expose('newRow', { type: 'JSON', nullable: true, description: 'The row after (inserts and updates).' }),
    changedAt: t.expose('changedAt', { type: 'DateTime' }),
  }),
});
