// HTTP wiring: a plain node:http server in front of Apollo Server 5 (no framework:
// fewer layers per request, and full control of status codes). What each request
// goes through lives in src/http/ (graphql-route.ts lists the stages); this file
// puts the pieces together, holds the route table, and owns start and stop.
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import type { Database } from './db/database';
import type { DatabaseLimits } from './db/errors';
import { authenticator } from './auth/authenticate';
import { requestLimits, type RequestLimits } from './graphql/limits';
import { schema as defaultSchema } from './graphql/schema';
import { startApollo } from './http/apollo';
import { graphqlRoute } from './http/graphql-route';
import { liveness, readiness } from './http/health';
import { anonymousRateLimit } from './http/rate-limit';
import { developmentSandbox } from './http/sandbox';
import { errorResponse, send } from './http/response';
import { router, type Routes } from './http/router';
import { transactionStage } from './http/transaction';
import { logger, withRequestId } from './logger';

export interface ServerOptions {
  db: Database;
  production?: boolean;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
  /** How long /readyz waits for the database, in milliseconds. */
  readyTimeoutMs?: number;
  schema?: GraphQLSchema;
  /** Abuse limits per request; any not given take DEFAULT_LIMITS (src/graphql/limits.ts). */
  limits?: Partial<RequestLimits>;
  /** Report each request's SQL statement count in `x-sql-statements` (default: outside production). */
  statementHeader?: boolean;
  /** How long a request waits for a database connection to start its transaction, in milliseconds. */
  transactionWaitMs?: number;
  /** Longest a request's transaction may stay open, in milliseconds. */
  transactionTimeoutMs?: number;
  /** How people's bearer tokens are verified; without a secret or JWKS URL, bearer tokens are refused. */
  auth?: { jwtSecret?: string; jwksUrl?: string; audience?: string };
  /** Anonymous requests allowed per client address per minute (default 10). */
  anonymousPerMinute?: number;
  /** Proxies whose X-Forwarded-For is trusted (default 0: the socket's address). */
  trustProxyHops?: number;
  /** Introspection and the Sandbox landing page (default: outside production). */
  introspection?: boolean;
  /** Headers Apollo Sandbox starts with for callers on this machine (the development sign-in's token). */
  sandboxHeaders?: Record<string, string>;
  /** How long stop() lets in-flight requests finish before it closes their connections, in milliseconds (default 10 s). */
  drainTimeoutMs?: number;
  /** Compile queries to one SQL statement per root field (default on; off: every field through its resolver). */
  compiledReads?: boolean;
}

export interface RunningServer {
  http: Server;
  url: string;
  /**
   * Stops accepting connections, closes idle keep-alive ones, lets in-flight
   * requests finish (with `connection: close`) for up to the drain timeout, then
   * closes what is left. Requests that still arrive on an open connection get 503.
   */
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions & { port: number; host?: string }): Promise<RunningServer> {
  const { db } = options;
  const production = options.production ?? false;
  const databaseLimits: DatabaseLimits = {
    ...db.limits,
    transactionWaitMs: options.transactionWaitMs ?? 5_000,
    transactionTimeoutMs: options.transactionTimeoutMs ?? 15_000,
  };
  const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;

  const apollo = await startApollo({
    schema: options.schema ?? defaultSchema,
    production,
    introspection: options.introspection ?? !production,
    limits: requestLimits(options.limits),
    databaseLimits,
    compiledReads: options.compiledReads ?? true,
    query: (sql, values, name) => db.query(sql, values, name),
  });
  const graphql = graphqlRoute({
    db,
    apollo,
    authenticate: authenticator(db.prisma, {
      secret: options.auth?.jwtSecret,
      jwksUrl: options.auth?.jwksUrl,
      audience: options.auth?.audience ?? 'authenticated',
    }),
    rateLimit: anonymousRateLimit(db.prisma, options.anonymousPerMinute ?? 10),
    transaction: transactionStage({ db, limits: databaseLimits, waitMs: databaseLimits.transactionWaitMs!, timeoutMs: databaseLimits.transactionTimeoutMs! }),
    maxBodyBytes: options.maxBodyBytes ?? 1_000_000,
    trustProxyHops: options.trustProxyHops ?? 0,
    statementHeader: options.statementHeader ?? !production,
    sandbox: options.sandboxHeaders && (options.introspection ?? !production) ? await developmentSandbox(options.sandboxHeaders) : undefined,
  });
  const routes: Routes = {
    '/graphql': graphql,
    '/': graphql,
    '/healthz': liveness,
    '/readyz': readiness(db, options.readyTimeoutMs ?? 2_000),
  };
  const serve = router(routes, databaseLimits);

  /** Requests being served, with their responses: stop() waits for them. */
  const inFlight = new Map<Promise<void>, ServerResponse>();
  let draining = false;
  const http = createHttpServer((req, res) => {
    const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 100)) || randomUUID();
    if (draining) {
      // Arrived on a connection that was busy when stop() began: not started, so
      // safe to retry; the connection closes after this answer, sent once the body
      // is read (closing on unread data would reset the connection first).
      req.resume().once('end', () => send(res, errorResponse(503, 'SERVICE_UNAVAILABLE', 'The server is shutting down; retry'), { connection: 'close', 'x-request-id': requestId }));
      return;
    }
    const served = withRequestId(requestId, () => serve(req, res, requestId));
    inFlight.set(served, res);
    const settled = () => inFlight.delete(served);
    served.then(settled, settled);
  });
  http.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';

  async function drainAndStop(): Promise<void> {
    draining = true;
    // Responses not yet begun tell their client not to reuse the connection, so
    // Node closes it once they are sent.
    for (const res of inFlight.values()) if (!res.headersSent) res.setHeader('connection', 'close');
    // Stops listening (new connections are refused) and closes idle keep-alive
    // connections; resolves once every connection is closed.
    const closed = new Promise<void>((resolve) => http.close(() => resolve()));
    logger.info('draining', { inFlight: inFlight.size, timeoutMs: drainTimeoutMs });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), drainTimeoutMs);
    });
    const drained = Promise.all([closed, Promise.allSettled(inFlight.keys())]).then(() => false);
    const forced = await Promise.race([drained, timedOut]);
    clearTimeout(timer);
    if (forced) {
      logger.warn('drain timeout: closing the remaining connections', { inFlight: inFlight.size, timeoutMs: drainTimeoutMs });
      http.closeAllConnections();
      await closed;
    }
    await apollo.stop();
  }

  let stopped: Promise<void> | undefined;
  return {
    http,
    url: `http://${host}:${address.port}/graphql`,
    stop: () => (stopped ??= drainAndStop()),
  };
}
