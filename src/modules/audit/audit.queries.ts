import { builder } from '../../graphql/builder';
import { compiled } from '../../graphql/compiled/declare';
import { pagingOf } from '../../graphql/connections';
import type { ListArgs } from '../../graphql/fields';
import { listArgs, toOrderBy, toWhere } from '../../graphql/filters';

const paging = pagingOf('bigint');
// Newest first unless orderBy says otherwise.
const query = (_ctx: unknown, args: ListArgs) => ({
  where: toWhere('AuditLog', args.filter),
  orderBy: args.orderBy?.length ? toOrderBy('AuditLog', args.orderBy) : [{ id: 'desc' }],
});
const count = (_ctx: unknown, args: ListArgs) => toWhere('AuditLog', args.filter);

builder.queryField('auditLog', (t) =>
  t.prismaConnection({
    type: 'AuditLog',
    cursor: 'id',
    ...paging,
    authScopes: { admin: true },
    skipTypeScopes: true,
    description: 'Who changed what, with the row before and after (admins only). Newest first unless orderBy says otherwise.',
    args: listArgs(t, 'AuditLog'),
    extensions: compiled({ kind: 'list', model: 'AuditLog', paging, query, count }),
    totalCount: (_root, args, ctx) => ctx.db.auditLog.count({ where: count(ctx, args as ListArgs) }),
    resolve: (prismaQuery, _root, args, ctx) => ctx.db.auditLog.findMany({ ...prismaQuery, ...query(ctx, args as ListArgs) } as never),
  }),
);
