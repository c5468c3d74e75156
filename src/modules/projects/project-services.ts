// The projects ↔ services many-to-many (project_services), as connections in both
// directions: Project.services and Service.projects return the services / projects
// themselves, batched for all parents of a request (see batchedConnection); and
// the mutations that link and unlink them (rules in project.service.ts).
import { builder } from '../../graphql/builder';
import { atomic, findRecord } from '../../graphql/crud';
import { batchedConnection, type ListArgs } from '../../graphql/fields';
import { toOrderBy, toWhere } from '../../graphql/filters';
import { ServiceType } from '../services/service.type';
import { addServiceToProject, removeServiceFromProject } from './project.service';
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
    description: 'Removes a service from a project (no change when it is not there). Returns the project.',
    args: { projectId: t.arg({ type: 'UUID', required: true }), serviceId: t.arg({ type: 'UUID', required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        await removeServiceFromProject(ctx.db, args.projectId, args.serviceId);
        return findRecord(ctx, 'Project', query, args.projectId);
      }),
  }),
}));
