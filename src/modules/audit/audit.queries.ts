import { builder } from '../../graphql/builder';
import { pagingOf } from '../../graphql/connections';
import type { ListArgs } from '../../graphql/fields';
import { listArgs, toOrderBy, toWhere } from '../../graphql/filters';

builder.queryField('auditLog', (t) =>
  t.prismaConnection({
    type: 'AuditLog',
    cursor: 'id',
    ...pagingOf('bigint'),
    authScopes: { admin: true },
    skipTypeScopes: true,
    description: 'Who changed what, with the row before and after (admins only). Newest first unless orderBy says otherwise.',
    args: listArgs(t, 'AuditLog'),
    totalCount: (_root, args, ctx) => ctx.db.auditLog.count({ where: toWhere('AuditLog', (args as ListArgs).filter) }),
    resolve: (query, _root, args, ctx) => {
      const { orderBy } = args as ListArgs;
      return ctx.db.auditLog.findMany({
        ...query,
        where: toWhere('AuditLog', (args as ListArgs).filter),
        orderBy: (orderBy?.length ? toOrderBy('AuditLog', orderBy) : [{ id: 'desc' }]) as never,
      });
    },
  }),
);
