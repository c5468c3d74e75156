// Expected failures are domain errors with a code (and, for input errors, the
// fields at fault); anything else is logged with the request id and masked.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { PothosValidationError } from '@pothos/core';
import { databaseFault, type DatabaseLimits } from '../db/errors';
import { variableFieldErrors } from './input-errors';

export interface FieldError {
  path: string[];
  message: string;
}

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'SERVICE_UNAVAILABLE';

/** HTTP status that a whole-request failure with this code answers with. */
export const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  GRAPHQL_PARSE_FAILED: 400,
  BAD_REQUEST: 400,
  // Apollo's: an operationName the document does not have (or none for several operations).
  OPERATION_RESOLUTION_FAILURE: 400,
  // Automatic persisted queries: Apollo answers 200 so the client sends the query text next.
  PERSISTED_QUERY_NOT_FOUND: 200,
  PERSISTED_QUERY_NOT_SUPPORTED: 200,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, fieldErrors?: FieldError[]) {
    super(message, { extensions: { code, ...(fieldErrors ? { fieldErrors } : {}) } });
  }
}

export const userInputError = (message: string, fieldErrors?: FieldError[]) => new DomainError('BAD_USER_INPUT', message, fieldErrors);

/**
 * Apollo's formatError hook: keeps domain errors, turns Pothos' argument checks
 * into BAD_USER_INPUT, masks everything unexpected behind INTERNAL_SERVER_ERROR
 * with the request id it was logged under.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, options: { exposeDetails: boolean; log: (err: unknown, requestId?: string) => string; limits?: DatabaseLimits }): GraphQLFormattedError {
  const result = classify(formatted, error, options);
  return options.exposeDetails ? result : withoutSuggestions(result);
}

/**
 * graphql-js' "Did you mean …?" hints name fields and enum values of the schema.
 * Apollo hides them from validation errors in production, not from the errors
 * of variable values (`Value "LEED" does not exist in "ContactStatus" enum. Did
 * you mean the enum value "LEAD"?`): this does.
 */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!JSON.stringify(formatted).includes('Did you mean')) return formatted;
  const fieldErrors = formatted.extensions?.fieldErrors as FieldError[] | undefined;
  return {
    ...formatted,
    message: formatted.message.replace(SUGGESTION, ''),
    ...(fieldErrors ? { extensions: { ...formatted.extensions, fieldErrors: fieldErrors.map((f) => ({ ...f, message: f.message.replace(SUGGESTION, '') })) } } : {}),
  };
}

function classify(formatted: GraphQLFormattedError, error: unknown, options: { exposeDetails: boolean; log: (err: unknown, requestId?: string) => string; limits?: DatabaseLimits }): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (original instanceof PothosValidationError) {
    return { ...formatted, message: original.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  // GraphQL's own input checks (bad scalar values, enum values, missing fields)
  // name the field at fault, like ours (./input-errors.ts).
  const fieldErrors = formatted.extensions?.fieldErrors ?? (code === 'BAD_USER_INPUT' ? variableFieldErrors(formatted.message) : undefined);
  if (fieldErrors && (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED')) {
    return stripStack({ ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', fieldErrors } }, options.exposeDetails);
  }
  // Request limits (./limits.ts) reject before execution. Apollo files a validation
  // rule's error under GRAPHQL_VALIDATION_FAILED, graphql-js' maxTokens under
  // GRAPHQL_PARSE_FAILED; the contract calls both BAD_USER_INPUT.
  if (formatted.extensions?.limit) {
    return stripStack({ ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } }, options.exposeDetails);
  }
  // graphql-js 16 says "more that N tokens", a later version may fix the typo.
  const tokens = code === 'GRAPHQL_PARSE_FAILED' ? /Document contains more tha[nt] (\d+) tokens/.exec(formatted.message) : null;
  if (tokens) {
    const max = Number(tokens[1]);
    return {
      message: `Number of tokens is over the maximum of ${max} (limit "tokens"); parsing stopped there.`,
      locations: formatted.locations,
      extensions: { code: 'BAD_USER_INPUT', limit: 'tokens', max },
    };
  }
  if (original instanceof GraphQLError && original.extensions?.code && code !== 'INTERNAL_SERVER_ERROR') {
    return stripStack(formatted, options.exposeDetails);
  }
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return stripStack(formatted, options.exposeDetails);
  // Apollo's own request errors without a code (a persisted query's hash or version
  // is wrong) carry the 4xx they answer with; they are the caller's, not ours.
  const httpStatus = original instanceof GraphQLError ? (original.extensions?.http as { status?: number } | undefined)?.status : undefined;
  if (httpStatus !== undefined && httpStatus >= 400 && httpStatus < 500) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_REQUEST' } };
  }
  const fault = databaseFault(original, options.limits);
  if (fault) {
    const { code: faultCode, message, fieldErrors, timeoutMs } = fault;
    return { message, locations: formatted.locations, path: formatted.path, extensions: { code: faultCode, ...(fieldErrors ? { fieldErrors } : {}), ...(timeoutMs ? { timeoutMs } : {}) } };
  }
  const errorId = options.log(original);
  return {
    message: `Internal server error (reference ${errorId})`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
  };
}

function stripStack(formatted: GraphQLFormattedError, exposeDetails: boolean): GraphQLFormattedError {
  if (exposeDetails || !formatted.extensions?.stacktrace) return formatted;
  const { stacktrace: _stack, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

export const notFoundError = (noun: string, id: string, path = ['id']) => new DomainError('NOT_FOUND', `No ${noun} with id ${id}`, [{ path, message: `no ${noun} with this id` }]);
export const conflictError = (message: string, fieldErrors?: FieldError[]) => new DomainError('CONFLICT', message, fieldErrors);

/** Collects every problem with an input, then fails once, naming them all. */
export class InputErrors {
  readonly list: FieldError[] = [];

  add(path: string[], message: string): void {
    this.list.push({ path, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Throws BAD_USER_INPUT listing every field error, if there are any. */
  throwIfAny(): void {
    if (this.empty) return;
    throw userInputError(`Invalid input: ${this.list.map((f) => `${f.path.join('.')}: ${f.message}`).join('; ')}`, this.list);
  }
}
