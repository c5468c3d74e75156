// What a database error means for the caller, without constraint names, SQL or
// driver details: input the database rejected (a duplicate, a missing or still
// referenced record, a value out of range) or a database that is not available.
// src/graphql/errors.ts turns these into the API's error codes.

export interface DatabaseFault {
  code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'SERVICE_UNAVAILABLE';
  message: string;
  fieldErrors?: { path: string[]; message: string }[];
  /** SERVICE_UNAVAILABLE: the configured limit that was reached. */
  timeoutMs?: number;
}

interface Cause {
  originalCode?: string;
  originalMessage?: string;
  kind?: string;
  code?: string;
  constraint?: { index?: string; fields?: string[] };
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const singular: Record<string, string> = {
  companies: 'company',
  contacts: 'contact',
  projects: 'project',
  services: 'service',
  project_services: 'project service link',
  invoices: 'invoice',
  meetings: 'meeting',
  support_tickets: 'support ticket',
  integrations: 'integration',
  notes: 'note',
};
const plural = (table: string) => table.replace(/_/g, ' ');

/** Unique constraints → the input fields they cover. */
const UNIQUE_FIELDS: Record<string, string[]> = {
  contacts_email_key: ['email'],
  invoices_invoice_number_key: ['invoiceNumber'],
  support_tickets_ticket_number_key: ['ticketNumber'],
  project_services_project_id_service_id_key: ['projectId', 'serviceId'],
};

/** `<table>_<column><suffix>` (Prisma's constraint naming) → the column. */
function columnOf(constraint: string, suffix: string): string | undefined {
  if (!constraint.endsWith(suffix)) return undefined;
  const table = Object.keys(singular).filter((t) => constraint.startsWith(`${t}_`)).sort((a, b) => b.length - a.length)[0];
  return table ? constraint.slice(table.length + 1, -suffix.length) : undefined;
}

function causeOf(error: unknown): { prismaCode?: string; cause: Cause; message: string } | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: Cause } }; cause?: unknown; message?: unknown };
  const cause = e.meta?.driverAdapterError?.cause ?? (e.cause && typeof e.cause === 'object' ? (e.cause as Cause) : {});
  return { prismaCode: typeof e.code === 'string' ? e.code : undefined, cause, message: typeof e.message === 'string' ? e.message : '' };
}

/** The limits a request can run into, so that the error names the one it hit (a limit left out is not named). */
export interface DatabaseLimits {
  /** Longest wait for a pooled or new connection. */
  connectTimeoutMs?: number;
  /** Postgres' statement_timeout. */
  statementTimeoutMs?: number;
  /** Longest wait for the answer to a statement, client-side (a silent network). */
  queryTimeoutMs?: number;
  /** Longest wait for a connection to start a request's transaction (Prisma's maxWait). */
  transactionWaitMs?: number;
  /** Longest a request's transaction may stay open (Prisma's timeout). */
  transactionTimeoutMs?: number;
}

export interface Unavailable {
  /** What went wrong, for "The database is unavailable (<reason>)". */
  reason: string;
  /** The configured limit that was reached, if that was the problem. */
  timeoutMs?: number;
  /** The statement may have reached the database and only its answer was lost: a COMMIT may have happened. */
  answerLost: boolean;
}

const REFUSED_KINDS = new Set(['DatabaseNotReachable', 'DatabaseDoesNotExist', 'DatabaseAccessDenied']);
const LOST_KINDS = new Set(['ConnectionClosed', 'SocketTimeout']);
const REFUSED_NODE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const LOST_NODE_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

const within = (what: string, ms: number | undefined) => (ms ? `${what} within ${ms} ms` : `${what} in time`);

/**
 * Why the database could not serve a request, or undefined when that is not the
 * problem. Covers what Prisma, its pg adapter, pg-pool and pg report when the
 * server is unreachable, resets or drops connections, does not answer, or a
 * configured limit runs out.
 */
export function unavailability(error: unknown, limits: DatabaseLimits = {}): Unavailable | undefined {
  const refused = { reason: 'connection refused', answerLost: false };
  const lost = { reason: 'connection lost', answerLost: true };
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const info = causeOf(e);
    if (!info) break;
    const { prismaCode, cause, message } = info;
    const sqlState = cause.originalCode ?? cause.code;
    if (prismaCode === 'P2028' && /start a transaction|maxWait/i.test(message)) {
      return { reason: within('no free database connection', limits.transactionWaitMs), timeoutMs: limits.transactionWaitMs, answerLost: false };
    }
    if (prismaCode === 'P2028' && /expired transaction|timeout/i.test(message)) {
      return { reason: `the transaction took longer than ${limits.transactionTimeoutMs ? `${limits.transactionTimeoutMs} ms` : 'allowed'}`, timeoutMs: limits.transactionTimeoutMs, answerLost: false };
    }
    if (/Query read timeout/.test(message)) {
      return { reason: within('no answer from the database', limits.queryTimeoutMs), timeoutMs: limits.queryTimeoutMs, answerLost: true };
    }
    if (/timeout exceeded when trying to connect|connection timeout/i.test(message)) {
      return { reason: within('no free database connection', limits.connectTimeoutMs), timeoutMs: limits.connectTimeoutMs, answerLost: false };
    }
    if (sqlState === '57014') {
      return /statement timeout/i.test(cause.originalMessage ?? message)
        ? { reason: `a statement ran longer than the ${limits.statementTimeoutMs ? `${limits.statementTimeoutMs} ms ` : ''}statement timeout and was cancelled`, timeoutMs: limits.statementTimeoutMs, answerLost: false }
        : { reason: 'a statement was cancelled', answerLost: false };
    }
    if (/Cannot use a pool after calling end/i.test(message)) return { reason: 'the API is shutting down', answerLost: false };
    if (sqlState === '53300' || cause.kind === 'TooManyConnections') return { reason: 'too many connections', answerLost: false };
    if (prismaCode === 'P1001' || (cause.kind && REFUSED_KINDS.has(cause.kind))) return refused;
    if (prismaCode && ['P1002', 'P1008', 'P1017'].includes(prismaCode)) return lost;
    if (sqlState && (sqlState.startsWith('08') || sqlState.startsWith('57P'))) return lost;
    if (cause.kind && LOST_KINDS.has(cause.kind)) return lost;
    const nodeCode = (e as { code?: unknown }).code;
    if (typeof nodeCode === 'string' && REFUSED_NODE_CODES.has(nodeCode)) return refused;
    if (typeof nodeCode === 'string' && LOST_NODE_CODES.has(nodeCode)) return lost;
    if (/Connection terminated|not queryable|Server has closed the connection/i.test(message)) return lost;
  }
  return undefined;
}

/** The caller-facing message of a 503 for `unavailable`. */
export function unavailableMessage(unavailable: Unavailable): string {
  return `The database is unavailable (${unavailable.reason}); retry later`;
}

/**
 * Data exceptions a value itself causes, whichever query it reaches (a filter, a
 * lookup by number, a cursor): the caller's input is at fault, not the server.
 * Left unmapped they were masked as INTERNAL_SERVER_ERROR (HTTP 500), which
 * automation tools retry forever.
 */
const VALUE_FAULTS: Record<string, string> = {
  // invalid_byte_sequence / untranslatable_character: text columns cannot hold NUL (\u0000).
  '22021': 'A text value contains characters the database cannot store (NUL, \\u0000, or invalid Unicode)',
  '22P05': 'A text value contains characters the database cannot store (NUL, \\u0000, or invalid Unicode)',
  '22P02': 'A value is not valid for its field',
  '22003': 'A number is out of range for its field',
  '22007': 'A date or time is not valid',
  '22008': 'A date or time is out of range',
  '22025': 'A text pattern is not valid',
  // program_limit_exceeded / statement_too_complex
  '54000': 'A value is too large for the database',
  '54001': 'The request is too complex for the database',
};

/** The caller-facing meaning of a constraint violation or missing record; undefined for anything else. */
export function databaseFault(error: unknown, limits?: DatabaseLimits): DatabaseFault | undefined {
  const unavailable = unavailability(error, limits);
  if (unavailable) return { code: 'SERVICE_UNAVAILABLE', message: unavailableMessage(unavailable), timeoutMs: unavailable.timeoutMs };
  const info = causeOf(error);
  if (!info?.prismaCode) return undefined;
  const { prismaCode, cause } = info;
  const original = cause.originalMessage ?? '';
  switch (prismaCode) {
    case 'P2002': {
      // Under row-level security Postgres leaves out the key's detail, and some
      // adapters then name no index: the constraint is still in the message.
      const index = cause.constraint?.index ?? /unique constraint "(\w+)"/.exec(original)?.[1] ?? '';
      const fields = UNIQUE_FIELDS[index] ?? (cause.constraint?.fields ?? []).map((c) => camel(c.replace(/"/g, '')));
      if (fields.length === 0) return { code: 'CONFLICT', message: 'A record with these values already exists' };
      return {
        code: 'CONFLICT',
        message: `A record with this ${fields.join(' and ')} already exists`,
        fieldErrors: fields.map((f) => ({ path: ['input', f], message: 'already used by another record' })),
      };
    }
    case 'P2003': {
      // Deleting a parent that children still reference (ON DELETE RESTRICT).
      const restrict = /^update or delete on table "(\w+)" violates foreign key constraint "\w+" on table "(\w+)"/.exec(original);
      if (restrict) {
        const [, parent, child] = restrict;
        return {
          code: 'CONFLICT',
          message: `This ${singular[parent!] ?? parent} still has ${plural(child!)}: remove or reassign them first${parent === 'companies' || parent === 'services' ? ' (or change its status instead of deleting it)' : ''}`,
        };
      }
      const column = columnOf(cause.constraint?.index ?? '', '_fkey');
      const field = column ? camel(column) : 'id';
      return { code: 'BAD_USER_INPUT', message: `The record that ${field} refers to does not exist`, fieldErrors: [{ path: ['input', field], message: 'no such record' }] };
    }
    case 'P2025':
      return { code: 'NOT_FOUND', message: 'The record does not exist (it may have been deleted)' };
    case 'P2000':
      return { code: 'BAD_USER_INPUT', message: 'A value is longer than its field allows' };
    case 'P2029':
      // More bind parameters than the database takes in one statement (a filter with tens of thousands of values).
      return { code: 'BAD_USER_INPUT', message: 'The request has too many values for one database query; send fewer values' };
    default:
      if ((cause.originalCode ?? cause.code) === '23514') return { code: 'BAD_USER_INPUT', message: 'A value breaks a rule of the data model (blank, negative or out of range)' };
      if ((cause.originalCode ?? cause.code) === '23505') return { code: 'CONFLICT', message: 'A record with these values already exists' };
      // restrict_violation: a delete of a record that others still refer to.
      if ((cause.originalCode ?? cause.code) === '23001') return { code: 'CONFLICT', message: 'This record is still referred to by other records: remove or reassign them first' };
      if (VALUE_FAULTS[cause.originalCode ?? cause.code ?? '']) return { code: 'BAD_USER_INPUT', message: VALUE_FAULTS[(cause.originalCode ?? cause.code)!]! };
      return undefined;
  }
}
