// Project money rules, each one statement for any number of projects.
import { Prisma, type ProjectStatus } from '../../generated/prisma/client';

/** The monthly cost of each project's ACTIVE integrations in TTD, in the order of `projectIds`; 0 when none. */
export async function activeIntegrationCosts(db: Prisma.TransactionClient, projectIds: readonly string[]): Promise<Prisma.Decimal[]> {
  const sums = await db.integration.groupBy({
    by: ['projectId'],
    where: { projectId: { in: [...projectIds] }, status: 'ACTIVE' },
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
