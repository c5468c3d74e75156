// The projects ↔ services many-to-many (project_services), as connections in both
// directions: Project.services and Service.projects return the services / projects
// themselves. They are planned by the Prisma plugin through the link rows
// (prismaConnectionHelpers), so they load with their parents' query like any other
// relation; pages follow the links. And the mutations that link and unlink them
// (rules in project.service.ts).
import { prismaConnectionHelpers } from '@pothos/plugin-prisma';
import { builder } from '../../graphql/builder';
import { checkPageSize, DEFAULT_PAGE_SIZE } from '../../graphql/connections';
import { atomic, findRecord } from '../../graphql/crud';
import { withTotalCount, type ListArgs } from '../../graphql/fields';
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

type Selection = { select?: Record<string, unknown> } | true | undefined;
type NestedSelection = (selection: Selection, path?: string[]) => Selection;

function mergeSelections(a: Selection, b: Selection): Selection {
  if (!a || a === true) return b ?? a;
  if (!b || b === true) return a;
  const select: Record<string, unknown> = { ...a.select };
  for (const [key, value] of Object.entries(b.select ?? {})) {
    select[key] = key in select && typeof value === 'object' ? mergeSelections(select[key] as Selection, value as Selection) : value;
  }
  return { ...a, ...b, select };
}

/**
 * The connection helper plans the node's fields under `edges.node` only; clients
 * mostly ask for `nodes`. Planning both paths and merging them loads what either
 * asks for in the same query.
 */
function nodesAndEdges(nestedSelection: NestedSelection): NestedSelection {
  return (selection, path) =>
    path?.[0] === 'edges' ? mergeSelections(nestedSelection(selection, path), nestedSelection(selection, ['nodes', ...path.slice(2)])) : nestedSelection(selection, path);
}

function linkConnection(side: 'service' | 'project', model: 'Service' | 'Project') {
  const helpers = prismaConnectionHelpers(builder, 'ProjectService', {
    cursor: 'id',
    // The node's id keeps its selection non-empty when only totalCount is asked for.
    select: (nodeSelection) => ({ [side]: nodeSelection({ select: { id: true } }) }) as never,
    resolveNode: (link) => (link as unknown as Record<string, unknown>)[side] as never,
    query: (args) => linkQuery(side, model, args as ListArgs) as never,
    maxSize: (args) => checkPageSize(args),
    defaultSize: DEFAULT_PAGE_SIZE,
  });
  const relation = side === 'service' ? 'services' : 'projects';
  return (t: { connection: (...args: never[]) => unknown; arg: (...args: never[]) => unknown }, options: { type: unknown; description: string }) =>
    t.connection(
      {
        type: options.type,
        description: options.description,
        args: listArgs(t as never, model),
        select: (args: ListArgs, ctx: never, nestedSelection: NestedSelection) => ({
          [relation]: helpers.getQuery(args as never, ctx, nodesAndEdges(nestedSelection) as never),
          _count: { select: { [relation]: { where: linkQuery(side, model, args).where } } },
        }),
        resolve: (parent: Record<string, unknown>, args: never, ctx: never) => ({
          ...helpers.resolve(parent[relation] as never[], args, ctx),
          totalCount: (parent._count as Record<string, number>)[relation],
        }),
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
