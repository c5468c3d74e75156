// The projects ↔ services many-to-many (project_services), as connections in both
// directions: Project.services and Service.projects return the services / projects
// themselves. A project has a handful of services, so each side loads all links of
// every parent in one statement per request (a DataLoader) and pages in memory.
import { resolveArrayConnection } from '@pothos/plugin-relay';
import type { Project, Service } from '../../generated/prisma/client';
import { builder } from '../../graphql/builder';
import { checkPageSize } from '../../graphql/connections';
import { listArgs, toOrderBy, toWhere } from '../../graphql/filters';
import type { Context } from '../../graphql/context';
import { requestLoader } from '../../graphql/loaders';
import { ServiceType } from '../services/service.type';
import { ProjectType } from './project.type';

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

type ListArgs = { filter?: Record<string, unknown> | null; orderBy?: Record<string, unknown>[] | null };

/** The link rows' where and orderBy for a filter/orderBy on the other side. */
function linkQuery(side: 'service' | 'project', model: 'Service' | 'Project', args: ListArgs) {
  const where = toWhere(model, args.filter);
  return {
    where: where ? { [side]: { is: where } } : {},
    orderBy: args.orderBy?.length ? toOrderBy(model, args.orderBy).map((entry) => ({ [side]: entry })) : [{ createdAt: 'asc' as const }, { id: 'asc' as const }],
  };
}

// One loader per distinct filter/orderBy in the request, each one statement.
const servicesOf = (ctx: Context, projectId: string, args: ListArgs) =>
  requestLoader<string, Service[]>(ctx, `project-services:${JSON.stringify([args.filter, args.orderBy])}`, async (ids) => {
    const { where, orderBy } = linkQuery('service', 'Service', args);
    const links = await ctx.db.projectService.findMany({ where: { projectId: { in: [...ids] }, ...where }, include: { service: true }, orderBy: orderBy as never });
    return groupBy(ids, links, (l) => l.projectId).map((group) => group.map((l) => l.service));
  }).load(projectId);

const projectsOf = (ctx: Context, serviceId: string, args: ListArgs) =>
  requestLoader<string, Project[]>(ctx, `service-projects:${JSON.stringify([args.filter, args.orderBy])}`, async (ids) => {
    const { where, orderBy } = linkQuery('project', 'Project', args);
    const links = await ctx.db.projectService.findMany({ where: { serviceId: { in: [...ids] }, ...where }, include: { project: true }, orderBy: orderBy as never });
    return groupBy(ids, links, (l) => l.serviceId).map((group) => group.map((l) => l.project));
  }).load(serviceId);

const totalCountField = {
  fields: (c: { int: (o: { resolve: (conn: { totalCount?: number }) => number }) => unknown }) => ({
    totalCount: c.int({ resolve: (conn) => conn.totalCount ?? 0 }),
  }),
} as never;

builder.prismaObjectField('Project', 'services', (t) =>
  t.connection(
    {
      type: ServiceType,
      description: 'Services from the catalog this project delivers.',
      args: listArgs(t, 'Service'),
      resolve: async (project, args, ctx) => {
        checkPageSize(args);
        const services = await servicesOf(ctx, project.id, args as ListArgs);
        return { ...resolveArrayConnection({ args }, services), totalCount: services.length };
      },
    },
    totalCountField,
  ),
);

builder.prismaObjectField('Service', 'projects', (t) =>
  t.connection(
    {
      type: ProjectType,
      description: 'Projects that deliver this service.',
      args: listArgs(t, 'Project'),
      resolve: async (service, args, ctx) => {
        checkPageSize(args);
        const projects = await projectsOf(ctx, service.id, args as ListArgs);
        return { ...resolveArrayConnection({ args }, projects), totalCount: projects.length };
      },
    },
    totalCountField,
  ),
);
