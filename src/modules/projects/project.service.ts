// Project rules: money (each one statement for any number of projects), status
// transitions, what a delete is refused for, and the links to catalog services.
import { Prisma, type ProjectStatus } from '../../generated/prisma/client';
import { conflictError, notFoundError, userInputError } from '../../graphql/errors';

/** The monthly cost of each project's ACTIVE integrations in TTD, in the order of `projectIds`; 0 when none. */
/** The integrations whose cost counts in a project's margin. */
export const ACTIVE_INTEGRATION = { status: 'ACTIVE' } as const;

export async function activeIntegrationCosts(db: Prisma.TransactionClient, projectIds: readonly string[]): Promise<Prisma.Decimal[]> {
  const sums = await db.integration.groupBy({
    by: ['projectId'],
    where: { projectId: { in: [...projectIds] }, ...ACTIVE_INTEGRATION },
    _sum: { monthlyCost: true },
  });
  const byProject = new Map(sums.map((row) => [row.projectId, row._sum.monthlyCost]));
  return projectIds.map((id) => byProject.get(id) ?? new Prisma.Decimal(0));
}

/**
 * Monthly fee minus tool costs minus active integrations' costs: the margin rule of
 * the `monthly_recurring_revenue` view. Negative when the tools cost more than the fee.
 */
export function monthlyMargin(project: { monthlyFee: Prisma.Decimal; toolCosts: Prisma.Decimal }, integrationCosts: Prisma.Decimal): Prisma.Decimal {
  return project.monthlyFee.minus(project.toolCosts).minus(integrationCosts);
}

/** Where a project may go from each status. CANCELLED is final. */
export const PROJECT_TRANSITIONS: Record<ProjectStatus, readonly ProjectStatus[]> = {
  SCOPING: ['DEMO', 'IN_PROGRESS', 'PAUSED', 'CANCELLED'],
  DEMO: ['SCOPING', 'IN_PROGRESS', 'PAUSED', 'CANCELLED'],
  IN_PROGRESS: ['DEMO', 'LIVE', 'PAUSED', 'CANCELLED'],
  LIVE: ['IN_PROGRESS', 'PAUSED', 'CANCELLED'],
  PAUSED: ['SCOPING', 'DEMO', 'IN_PROGRESS', 'LIVE', 'CANCELLED'],
  CANCELLED: [],
};

/** What is wrong with moving a project from one status to another, or undefined. */
export function statusChangeProblem(from: ProjectStatus, to: ProjectStatus): string | undefined {
  if (from === to || PROJECT_TRANSITIONS[from].includes(to)) return undefined;
  const allowed = PROJECT_TRANSITIONS[from];
  return allowed.length === 0
    ? `a ${from} project cannot change status (${from} is final)`
    : `cannot go from ${from} to ${to}; from ${from} a project can go to ${allowed.join(', ')}`;
}

/** The fields a status change sets too: going LIVE stamps goLiveDate when it is empty. */
export function statusSideEffects(to: ProjectStatus, goLiveDate: Date | null | undefined, today: Date): { goLiveDate?: Date } {
  return to === 'LIVE' && !goLiveDate ? { goLiveDate: today } : {};
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The fields a status change writes besides the status, or a CONFLICT naming
 * input.status and saying why it is not allowed: the transitions above, and going
 * LIVE today before the project's startDate (the database refuses goLiveDate <
 * startDate). `from` is undefined for a new project. createProject, updateProject
 * and changeProjectStatus all go through here.
 */
export function statusChange(
  from: ProjectStatus | undefined,
  to: ProjectStatus,
  dates: { startDate?: Date | null; goLiveDate?: Date | null },
  today: Date,
): { goLiveDate?: Date } {
  let problem = from ? statusChangeProblem(from, to) : undefined;
  const effects = statusSideEffects(to, dates.goLiveDate, today);
  if (!problem && effects.goLiveDate && dates.startDate && effects.goLiveDate < dates.startDate) {
    problem = `cannot go LIVE today (${isoDate(today)}) before its startDate (${isoDate(dates.startDate)}): correct startDate or set goLiveDate first`;
  }
  if (problem) throw conflictError(`Project status: ${problem}`, [{ path: ['input', 'status'], message: problem }]);
  return effects;
}

/**
 * Moves a project to another status through the allowed transitions. The status
 * read is part of the update's condition, so a concurrent change is a CONFLICT
 * rather than a transition nobody checked. The same status again writes nothing.
 */
export async function changeProjectStatus(db: Prisma.TransactionClient, id: string, to: ProjectStatus, today: Date): Promise<void> {
  const project = await db.project.findUnique({ where: { id }, select: { status: true, startDate: true, goLiveDate: true } });
  if (!project) throw notFoundError('project', id);
  const effects = statusChange(project.status, to, project, today);
  if (project.status === to && !effects.goLiveDate) return;
  const { count } = await db.project.updateMany({ where: { id, status: project.status }, data: { status: to, ...effects } });
  if (count === 0) throw conflictError('The project\'s status changed while this request ran; read it again and retry');
}

/** Invoices are financial records and are kept, so a project they refer to stays too. */
export async function checkProjectDeletable(db: Prisma.TransactionClient, projectId: string): Promise<void> {
  const invoices = await db.invoice.count({ where: { projectId } });
  if (invoices > 0) {
    throw conflictError(
      `This project has ${invoices} invoice(s), which are financial records and are kept: it cannot be deleted; set its status to CANCELLED instead`,
    );
  }
}

/** The project and the service by the arguments' names, or NOT_FOUND naming the argument at fault. */
async function projectAndService(db: Prisma.TransactionClient, projectId: string, serviceId: string) {
  const [project, service] = await Promise.all([
    db.project.findUnique({ where: { id: projectId }, select: { id: true } }),
    db.service.findUnique({ where: { id: serviceId }, select: { isActive: true } }),
  ]);
  if (!project) throw notFoundError('project', projectId, ['projectId']);
  if (!service) throw notFoundError('service', serviceId, ['serviceId']);
  return service;
}

// Linking is declarative, so retries are harmless: adding a service the project
// already has, or removing one it does not, changes nothing and succeeds.

/** Links a catalog service to a project; only services still offered can be added. */
export async function addServiceToProject(db: Prisma.TransactionClient, projectId: string, serviceId: string): Promise<void> {
  const service = await projectAndService(db, projectId, serviceId);
  const link = { projectId, serviceId };
  if (await db.projectService.findUnique({ where: { projectId_serviceId: link }, select: { id: true } })) return;
  if (!service.isActive) throw userInputError('This service is no longer offered (isActive is false)', [{ path: ['serviceId'], message: 'inactive service' }]);
  // A concurrent request may have linked it since: the unique (project, service) pair makes that a no-op.
  await db.projectService.createMany({ data: [link], skipDuplicates: true });
}

/** Unlinks a service from a project. */
export async function removeServiceFromProject(db: Prisma.TransactionClient, projectId: string, serviceId: string): Promise<void> {
  await projectAndService(db, projectId, serviceId);
  await db.projectService.deleteMany({ where: { projectId, serviceId } });
}
