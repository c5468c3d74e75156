// The projects ↔ services many-to-many (project_services), as connections in both
// directions: Project.services and Service.projects return the services / projects
// themselves, batched for all parents of a request (see batchedConnection).
import { builder } from '../../graphql/builder';
import { atomic, existingRecord, findRecord } from '../../graphql/crud';
import { userInputError } from '../../graphql/errors';
import { batchedConnection, type ListArgs } from '../../graphql/fields';
import { toOrderBy, toWhere } from '../../graphql/filters';
import { ServiceType } from '../services/service.type';
import { ProjectType } from './project.type';

/** The link rows' where and orderBy for a filter/orderBy on the other side. */
function linkQuery(side: 'service' | 'project', model: 'Service' | 'Project', args: ListArgs) {
  const where = toWhere(model, args.filter);
  return {
    where: where ? { [side]: { is: where } } : {},
    orderBy: args.orderBy?.length ? toOrderBy(model, args.orderBy).map((entry) => ({ [side]: entry })) : [{ createdAt: 'asc' as const }, { id: 'asc' as const }],
  };
}

builder.prismaObjectField('Project', 'services', (t) =>
  batchedConnection(t as never, {
    type: ServiceType,
    model: 'Service',
    description: 'Services from the catalog this project delivers.',
    name: 'project-services',
    parentKey: (project: { id: string }) => project.id,
    fetch: async (ctx, ids, args) => {
      const { where, orderBy } = linkQuery('service', 'Service', args);
      const links = await ctx.db.projectService.findMany({ where: { projectId: { in: ids }, ...where }, include: { service: true }, orderBy: orderBy as never });
      return links.map((link) => ({ key: link.projectId, row: link.service }));
    },
  }) as never,
);

builder.prismaObjectField('Service', 'projects', (t) =>
  batchedConnection(t as never, {
    type: ProjectType,
    model: 'Project',
    description: 'Projects that deliver this service.',
    name: 'service-projects',
    parentKey: (service: { id: string }) => service.id,
    fetch: async (ctx, ids, args) => {
      const { where, orderBy } = linkQuery('project', 'Project', args);
      const links = await ctx.db.projectService.findMany({ where: { serviceId: { in: ids }, ...where }, include: { project: true }, orderBy: orderBy as never });
      return links.map((link) => ({ key: link.serviceId, row: link.project }));
    },
  }) as never,
);

// Linking is declarative, so retries are harmless: adding a service the project
// already has, or removing one it does not, changes nothing and succeeds.
builder.mutationFields((t) => ({
  addServiceToProject: t.prismaField({
    type: 'Project',
    description: 'Adds a service from the catalog to a project (no change when it is already there). Returns the project.',
    args: { projectId: t.arg({ type: 'UUID', required: true }), serviceId: t.arg({ type: 'UUID', required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        await existingRecord(ctx, 'Project', args.projectId);
        const service = await existingRecord<{ isActive: boolean }>(ctx, 'Service', args.serviceId);
        const link = { projectId: args.projectId, serviceId: args.serviceId };
        const linked = await ctx.db.projectService.findUnique({ where: { projectId_serviceId: link }, select: { id: true } });
        if (!linked) {
          if (!service.isActive) throw userInputError('This service is no longer offered (isActive is false)', [{ path: ['serviceId'], message: 'inactive service' }]);
          await ctx.db.projectService.create({ data: link, select: { id: true } });
        }
        return findRecord(ctx, 'Project', query, args.projectId);
      }),
  }),
  removeServiceFromProject: t.prismaField({
    type: 'Project',
    description: 'Removes a service from a project (no change when it is not there). Returns the project.',
    args: { projectId: t.arg({ type: 'UUID', required: true }), serviceId: t.arg({ type: 'UUID', required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        await existingRecord(ctx, 'Project', args.projectId);
        await existingRecord(ctx, 'Service', args.serviceId);
        await ctx.db.projectService.deleteMany({ where: { projectId: args.projectId, serviceId: args.serviceId } });
        return findRecord(ctx, 'Project', query, args.projectId);
      }),
  }),
}));
