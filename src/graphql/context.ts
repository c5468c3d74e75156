// Per-request context. The Prisma client is on the context (not a module
// singleton) because each request will run on its own client or transaction
// (per-request roles for RLS), and tests serve several databases in one process.
import type { PrismaClient } from '../generated/prisma/client';

export interface Context {
  db: PrismaClient;
  requestId: string;
}
