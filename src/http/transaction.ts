// Stage 4 of the GraphQL pipeline: where the operation runs. Writes, people's
// requests (row-level security applies to them) and everything on the embedded
// database run in one transaction that carries the actor and run id for the
// audit triggers, honours an Idempotency-Key (see idempotency.ts), and is rolled
// back when the request failed as a whole (4xx/5xx), so a failed mutation leaves
// no trace. Other reads run on the shared client.
import type { Database } from '../db/database';
import { unavailability, unavailableMessage, type DatabaseLimits, type Unavailable } from '../db/errors';
import { actorId, type Context } from '../graphql/context';
import { logger } from '../logger';
import { lockAndFind, saveResponse } from './idempotency';
import { bodyText, errorResponse, jsonResponse, JSON_HEADERS, type HttpResponse } from './response';

/** Ends a request's transaction without committing, carrying the response to send. */
class Rollback extends Error {
  constructor(readonly response: HttpResponse) {
    super('rollback');
  }
}

/**
 * 503 for a database that could not serve the request, naming the limit it hit.
 * When only the answer to COMMIT was lost, the change may be stored: the caller
 * is told so, and a retry with the same Idempotency-Key answers the stored response.
 */
export function unavailableResponse(unavailable: Unavailable, committing: boolean): HttpResponse {
  const message =
    committing && unavailable.answerLost
      ? `The database did not confirm the commit (${unavailable.reason}): the change may have been saved; retry with the same Idempotency-Key`
      : unavailableMessage(unavailable);
  const timeout = unavailable.timeoutMs ? { timeoutMs: unavailable.timeoutMs } : {};
  return jsonResponse(503, { errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE', ...timeout } }] });
}

export interface Plan {
  kind: 'query' | 'mutation' | 'subscription' | 'unknown';
  /** Tags the audit rows of this request (the Idempotency-Key, X-Run-Id or request id). */
  runId: string;
  /** The Idempotency-Key and the hash of the request it was sent with; keys are per caller. */
  idempotency?: { key: string; hash: string };
}

export interface TransactionOptions {
  db: Database;
  limits: DatabaseLimits;
  /** How long a request waits for a connection to start its transaction, in ms. */
  waitMs: number;
  /** Longest a request's transaction may stay open, in ms. */
  timeoutMs: number;
}

/** Runs the operation (`execute`, given the context it must use) where `plan` says it belongs. */
export type TransactionStage = (plan: Plan, context: Context, execute: (context: Context) => Promise<HttpResponse>) => Promise<HttpResponse>;

export function transactionStage(options: TransactionOptions): TransactionStage {
  const { db, limits } = options;
  return async (plan, context, execute) => {
    const inTransaction = !(plan.kind === 'query' && context.actor.kind !== 'user' && db.kind !== 'embedded');
    if (!inTransaction) return execute(context);
    const { idempotency } = plan;
    let committing = false;
    try {
      return await db.prisma.$transaction(
        async (tx) => {
          const { actor } = context;
          // A person's SQL runs as Supabase's `authenticated` role with their claims,
          // so the database's row-level security applies as well as the API's checks.
          await tx.$executeRaw`SELECT set_config('app.actor', ${actorId(actor)}, true), set_config('app.request_id', ${plan.runId}, true),
            set_config('request.jwt.claims', ${actor.kind === 'user' ? JSON.stringify(actor.claims) : ''}, true),
            set_config('role', ${actor.kind === 'user' ? 'authenticated' : 'none'}, true)`;
          if (idempotency) {
            const stored = await lockAndFind(tx, actorId(actor), idempotency.key);
            if (stored && stored.requestHash === idempotency.hash) {
              throw new Rollback({ status: stored.status, headers: { ...JSON_HEADERS, 'idempotent-replayed': 'true' }, body: stored.body });
            }
            if (stored) {
              throw new Rollback(errorResponse(409, 'CONFLICT', 'This Idempotency-Key was already used for a different request; use a new key for a new request'));
            }
          }
          const response = await execute({ ...context, db: tx });
          if (response.status >= 400) throw new Rollback(response);
          if (idempotency) await saveResponse(tx, actorId(context.actor), idempotency.key, { requestHash: idempotency.hash, status: response.status, body: bodyText(response) });
          committing = true;
          return response;
        },
        { maxWait: options.waitMs, timeout: options.timeoutMs },
      );
    } catch (error) {
      if (error instanceof Rollback) return error.response;
      const unavailable = unavailability(error, limits);
      if (unavailable) {
        logger.warn('database unavailable', { reason: unavailable.reason, committing });
        return unavailableResponse(unavailable, committing);
      }
      throw error;
    }
  };
}
