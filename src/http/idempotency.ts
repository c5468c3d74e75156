// Idempotency-Key: a mutation retried with the same key and the same request gets
// the first response back and writes nothing; the same key with a different
// request is a CONFLICT. Records live in Postgres (shared by every instance) and
// are written in the mutation's own transaction, so a response is stored exactly
// when its writes are committed.
import { createHash } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const MAX_KEY_LENGTH = 255;

export class IdempotencyKeyError extends Error {}

/** The header's value, checked; undefined when absent. */
export function readIdempotencyKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const key = value.trim();
  if (key === '') throw new IdempotencyKeyError('Idempotency-Key must not be empty');
  if (key.length > MAX_KEY_LENGTH) throw new IdempotencyKeyError(`Idempotency-Key must be at most ${MAX_KEY_LENGTH} characters (got ${key.length})`);
  if (!/^[\x21-\x7e]+$/.test(key)) throw new IdempotencyKeyError('Idempotency-Key must be printable ASCII without spaces');
  return key;
}

/** Canonical JSON: object keys sorted, so the same variables hash the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What makes two requests "the same": the document, operation name and variables. */
export function requestHash(request: { query?: unknown; operationName?: unknown; variables?: unknown }): string {
  return createHash('sha256').update(canonical([request.query ?? null, request.operationName ?? null, request.variables ?? null])).digest('hex');
}

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: string;
}

/**
 * Waits for any other transaction holding this key, then returns the response
 * stored for it (null when there is none or it expired). Call first in the
 * request's transaction.
 */
export async function lockAndFind(tx: Prisma.TransactionClient, scope: string, key: string): Promise<StoredResponse | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${scope}\n${key}`}, 0))`;
  const rows = await tx.$queryRaw<{ request_hash: string; response_status: number; response_body: string }[]>`
    SELECT request_hash, response_status, response_body FROM app_private.idempotency_lookup(${scope}, ${key})`;
  const row = rows[0];
  return row ? { requestHash: row.request_hash, status: row.response_status, body: row.response_body } : null;
}

export async function saveResponse(tx: Prisma.TransactionClient, scope: string, key: string, stored: StoredResponse): Promise<void> {
  await tx.$executeRaw`SELECT app_private.idempotency_save(${scope}, ${key}, ${stored.requestHash}, ${stored.status}::int, ${stored.body}, ${IDEMPOTENCY_TTL_SECONDS}::int)`;
}
