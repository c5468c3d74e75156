// Per-request context. The Prisma client is on the context (not a module
// singleton) because a request runs on its own transaction when it writes or when
// a person's row-level security applies, and tests serve several databases in one
// process.
import type { Prisma, PrismaClient } from '../generated/prisma/client';

/** The client a request works through: the shared client, or its transaction. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** Who is calling. */
export type Actor =
  | { kind: 'user'; id: string; email: string | null; role: 'admin' | 'member'; claims: Record<string, unknown> }
  | { kind: 'apiKey'; id: string; name: string; scopes: string[] }
  | { kind: 'anonymous'; address: string };

export interface Context {
  db: Db;
  requestId: string;
  actor: Actor;
}

/** A stable identity for logs, audit rows and idempotency scopes. */
export function actorId(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `user:${actor.id}`;
    case 'apiKey':
      return `api-key:${actor.id}`;
    default:
      return 'anonymous';
  }
}
