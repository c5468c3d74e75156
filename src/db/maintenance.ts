// Housekeeping every API instance runs at start-up and then hourly: store the
// derived OVERDUE status (so readers outside the API agree), drop expired
// idempotency records and old rate-limit windows. Both are idempotent, so several instances may run them.
import { logger } from '../logger';
import type { Database } from './database';

export async function runMaintenance(db: Database): Promise<{ markedOverdue: number; purgedKeys: number; purgedRateLimits: number }> {
  return db.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.actor', 'system:maintenance', true)`;
    const [overdue] = await tx.$queryRaw<{ n: number }[]>`SELECT app_private.mark_overdue_invoices() AS n`;
    const [purged] = await tx.$queryRaw<{ n: number }[]>`SELECT app_private.idempotency_purge() AS n`;
    const [windows] = await tx.$queryRaw<{ n: number }[]>`SELECT app_private.purge_rate_limits() AS n`;
    return { markedOverdue: overdue!.n, purgedKeys: purged!.n, purgedRateLimits: windows!.n };
  });
}

/**
 * Runs maintenance now and every `intervalMs`; returns a function that stops it
 * and resolves when a pass still running has finished (before the database closes).
 */
export function scheduleMaintenance(db: Database, intervalMs = 60 * 60 * 1000): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = runMaintenance(db).then(
      (result) => logger.info('maintenance', result),
      (error: unknown) => logger.warn('maintenance failed', { error: error instanceof Error ? error.message : String(error) }),
    );
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
