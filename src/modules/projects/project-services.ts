// The projects ↔ services many-to-many (project_services), as connections in both
// directions: Project.services and Service.projects return the services / projects
// themselves, paged on the link rows (see linkConnection). And the mutations that
// link and unlink them (rules in project.service.ts).
import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { builder } from '../../graphql/builder';
import { compiled } from '../../graphql/compiled/declare';
import { checkPageSize, DEFAULT_PAGE_SIZE } from '../../graphql/connections';
import { atomic, findRecord } from '../../graphql/crud';
import type { Context } from '../../graphql/context';
import { delegateOf } from '../../graphql/delegate';
import { withTotalCount, type ListArgs } from '../../graphql/fields';
import { byIds, requestLoader } from '../../graphql/loaders';
import { listArgs, toOrderBy, toWhere } from '../../graphql/filters';
import { ServiceType } from '../services/service.type';
import { addServiceToProject, removeServiceFromProject } from './project.service';
import { ProjectType } from './project.type';

/** The link rows' where and orderBy for a filter/orderBy on the other side; ties end by link id (the cursor). */
function linkQuery(side: 'service' | 'project', model: 'Service' | 'Project', args: ListArgs) {
  const where = toWhere(model, args.filter);
  const sideOrder = args.orderBy?.length ? toOrderBy(model, args.orderBy).slice(0, -1).map((entry) => ({ [side]: entry })) : [{ createdAt: 'asc' as const }];
  return { where: where ? { [side]: { is: where } } : {}, orderBy: [...sideOrder, { id: 'asc' as const }] };
}

/**
 * A side of the many-to-many as a cursor connection on the link rows. The compiled
 * read path builds it in SQL (the `link` declaration); the resolvers load the links
 * of every parent in the request with one statement per distinct arguments (a
 * per-request DataLoader over the parents' relation to the links, so Prisma pages
 * each parent's links as it pages any relation) and return the records on the
 * other side as whole rows. The Prisma plugin does not plan these: `nodes` and
 * `edges.node` are the same records, and a relation below them asked for with
 * other arguments on each path cannot be loaded once for both.
 */
function linkConnection(side: 'service' | 'project', model: 'Service' | 'Project') {
  const paging = { maxSize: (args: { first?: number | null; last?: number | null }) => checkPageSize(args), defaultSize: DEFAULT_PAGE_SIZE };
  const query = (args: Record<string, unknown>) => linkQuery(side, model, args as ListArgs);
  const helpers = prismaConnectionHelpers(builder, 'ProjectService', {
    cursor: 'id',
    select: () => ({ [side]: true }) as never,
    resolveNode: (link) => (link as unknown as Record<string, unknown>)[side] as never,
    query: query as never,
    ...paging,
  });
  const relation = side === 'service' ? 'services' : 'projects';
  const parentModel = side === 'service' ? 'Project' : 'Service';
  const parent = side === 'service' ? 'project' : 'service';
  return (t: { connection: (...args: never[]) => unknown; arg: (...args: never[]) => unknown }, options: { type: unknown; description: string }) =>
    t.connection(
      {
        type: options.type,
        description: options.description,
        args: listArgs(t as never, model),
        extensions: compiled({ kind: 'link', link: 'ProjectService', parent, node: side, paging, query }),
        resolve: async (row: { id: string }, args: ListArgs, ctx: Context) => {
          const links = helpers.getQuery(args as never, ctx as never, () => true as never) as Record<string, unknown>;
          const loader = requestLoader<string, Record<string, unknown> | null>(ctx, `${relation}-links:${JSON.stringify(args)}`, async (ids) =>
            byIds(
              ids,
              (await delegateOf(ctx.db, parentModel).findMany({
                where: { id: { in: [...ids] } },
                select: { id: true, [relation]: links, _count: { select: { [relation]: { where: query(args).where } } } },
              })) as { id: string }[],
            ),
          );
          const loaded = (await loader.load(row.id))!;
          return { ...helpers.resolve(loaded[relation] as never[], args as never, ctx as never), totalCount: (loaded._count as Record<string, number>)[relation] };
        },
      } as never,
      withTotalCount,
    );
}

builder.prismaObjectField('Project', 'services', (t) =>
  linkConnection('service', 'Service')(t as never, { type: ServiceType, description: 'Services from the catalog this project delivers.' }) as never,
);

builder.prismaObjectField('Service', 'projects', (t) =>
  linkConnection('project', 'Project')(t as never, { type: ProjectType, description: 'Projects that deliver this service.' }) as never,
);

builder.mutationFields((t) => ({
  addServiceToProject: t.prismaField({
    type: 'Project',
    description:
      'Adds a service from the catalog to a project (no change when it is already there; a service no longer offered, ' +
      'isActive false, cannot be added). Returns the project.',
    args: { projectId: t.arg({ type: 'UUID', required: true }), serviceId: t.arg({ type: 'UUID', required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        await addServiceToProject(ctx.db, args.projectId, args.serviceId);
        return findRecord(ctx, 'Project', query, args.projectId);
      }),
  }),
  removeServiceFromProject: t.prismaField({
    type: 'Project',
    // Unlinking deletes a project_services row: like every delete, admins and API
    // keys with the write scope (the database refuses members' deletes).
    authScopes: { remove: true },
    skipTypeScopes: true,
    description: 'Removes a service from a project (no change when it is not there). Returns the project.',
    args: { projectId: t.arg({ type: 'UUID', required: true }), serviceId: t.arg({ type: 'UUID', required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        await removeServiceFromProject(ctx.db, args.projectId, args.serviceId);
        return findRecord(ctx, 'Project', query, args.projectId);
      }),
  }),
}));
