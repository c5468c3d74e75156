// What a database error means for the caller, without constraint names, SQL or
// driver details: input the database rejected (a duplicate, a missing or still
// referenced record, a value out of range) or a database that is not available.
// src/graphql/errors.ts turns these into the API's error codes.

export interface DatabaseFault {
  code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'SERVICE_UNAVAILABLE';
  message: string;
  fieldErrors?: { path: string[]; message: string }[];
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

const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist', 'DatabaseAccessDenied']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Why the database could not serve a request, or undefined when that is not the problem. */
export function unavailableReason(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const info = causeOf(e);
    if (!info) break;
    const { prismaCode, cause, message } = info;
    const sqlState = cause.originalCode ?? cause.code;
    if (prismaCode === 'P2028' && /start a transaction|maxWait/i.test(message)) return 'no free connection in time';
    if (prismaCode === 'P2028' && /expired transaction|timeout/i.test(message)) return 'the transaction took too long';
    if (prismaCode && ['P1001', 'P1002', 'P1008', 'P1017'].includes(prismaCode)) return 'connection failed';
    if (sqlState === '57014') return 'statement timeout';
    if (sqlState && (sqlState.startsWith('08') || sqlState.startsWith('57P') || sqlState === '53300')) return 'connection failed';
    if (cause.kind && UNAVAILABLE_KINDS.has(cause.kind)) return 'connection failed';
    const nodeCode = (e as { code?: unknown }).code;
    if (typeof nodeCode === 'string' && UNAVAILABLE_NODE_CODES.has(nodeCode)) return 'connection failed';
    if (/timeout exceeded when trying to connect|Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)) {
      return 'connection failed';
    }
  }
  return undefined;
}

/** The caller-facing meaning of a constraint violation or missing record; undefined for anything else. */
export function databaseFault(error: unknown): DatabaseFault | undefined {
  const unavailable = unavailableReason(error);
  if (unavailable) return { code: 'SERVICE_UNAVAILABLE', message: `The database is unavailable (${unavailable}); retry later` };
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
    default:
      if ((cause.originalCode ?? cause.code) === '23514') return { code: 'BAD_USER_INPUT', message: 'A value breaks a rule of the data model (blank, negative or out of range)' };
      if ((cause.originalCode ?? cause.code) === '23505') return { code: 'CONFLICT', message: 'A record with these values already exists' };
      // restrict_violation: a delete of a record that others still refer to.
      if ((cause.originalCode ?? cause.code) === '23001') return { code: 'CONFLICT', message: 'This record is still referred to by other records: remove or reassign them first' };
      return undefined;
  }
}
