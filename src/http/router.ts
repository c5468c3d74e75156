// Routes by path, and the one place a route's failure becomes an HTTP answer.
// To add an endpoint, add a Route to the table in src/server.ts.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { unavailability, type DatabaseLimits } from '../db/errors';
import { logger } from '../logger';
import { HttpError } from './body';
import { IdempotencyKeyError } from './idempotency';
import { errorResponse, send, type HttpResponse } from './response';
import { unavailableResponse } from './transaction';

/** One request being served. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  requestId: string;
  /** What the route learnt, for the request's log line (operation, caller, statements). */
  log: Record<string, unknown>;
  /** The level of the request's log line (health probes: debug). */
  logLevel: 'debug' | 'info';
}

export type Route = (exchange: Exchange) => Promise<void>;

/** Path → route. */
export type Routes = Record<string, Route>;

/** The answer to a route that threw. */
function failureResponse(error: unknown, databaseLimits: DatabaseLimits): HttpResponse {
  if (error instanceof IdempotencyKeyError) return errorResponse(400, 'BAD_USER_INPUT', error.message);
  if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message, error.headers);
  // A database fault outside a transaction: authentication by API key, the rate limit.
  const unavailable = unavailability(error, databaseLimits);
  if (unavailable) {
    logger.warn('database unavailable', { reason: unavailable.reason });
    return unavailableResponse(unavailable, false);
  }
  const errorId = randomUUID();
  logger.error('unhandled request error', { errorId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return errorResponse(500, 'INTERNAL_SERVER_ERROR', `Internal server error (reference ${errorId})`);
}

export function router(routes: Routes, databaseLimits: DatabaseLimits): (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void> {
  return async (req, res, requestId) => {
    const started = process.hrtime.bigint();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
    const exchange: Exchange = { req, res, url, requestId, log: {}, logLevel: 'info' };
    try {
      if (route) await route(exchange);
      else send(res, errorResponse(404, 'NOT_FOUND', `No route ${url.pathname}; the API is at /graphql`), { 'x-request-id': requestId });
    } catch (error) {
      const response = failureResponse(error, databaseLimits);
      if (!res.headersSent) send(res, response, { 'x-request-id': requestId });
      else if (response.status === 500) res.end();
    }
    // One line per request.
    logger[exchange.logLevel]('request', {
      method: req.method,
      path: url.pathname,
      ...exchange.log,
      status: res.statusCode,
      durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
    });
  };
}
