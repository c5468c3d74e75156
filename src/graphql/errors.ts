// Expected failures are domain errors with a code (and, for input errors, the
// fields at fault); anything else is logged with the request id and masked.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { PothosValidationError } from '@pothos/core';

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
export function formatError(formatted: GraphQLFormattedError, error: unknown, options: { exposeDetails: boolean; log: (err: unknown, requestId?: string) => string }): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (original instanceof PothosValidationError) {
    return { ...formatted, message: original.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (original instanceof GraphQLError && original.extensions?.code && code !== 'INTERNAL_SERVER_ERROR') {
    return stripStack(formatted, options.exposeDetails);
  }
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return stripStack(formatted, options.exposeDetails);
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
