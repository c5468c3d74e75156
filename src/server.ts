// HTTP wiring: a plain node:http server in front of Apollo Server 5 (no framework:
// fewer layers per request, and full control of status codes), plus the health
// endpoints.
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Database } from './db/database';
import type { Context } from './graphql/context';
import { unavailability, unavailableMessage, type DatabaseLimits, type Unavailable } from './db/errors';
import { countStatements } from './db/statements';
import { actorId, type Actor } from './graphql/context';
import { IdempotencyKeyError, lockAndFind, readIdempotencyKey, requestHash, saveResponse } from './http/idempotency';
import { operationKind } from './http/operation';
import { authenticator } from './auth/authenticate';
import { AuthenticationError } from './auth/errors';
import { formatError, HTTP_STATUS, type FieldError } from './graphql/errors';
import { inputErrorsPlugin } from './graphql/input-errors';
import { requestLimits, type RequestLimits } from './graphql/limits';
import { schema as defaultSchema } from './graphql/schema';
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
  /** Headers Apollo Sandbox starts with (the development sign-in's token). */
  sandboxHeaders?: Record<string, string>;
  /** How long stop() lets in-flight requests finish before it closes their connections, in milliseconds (default 10 s). */
  drainTimeoutMs?: number;
}

/** Parsing stops here; the limits on documents (src/graphql/limits.ts) are far below. */
const MAX_DOCUMENT_TOKENS = 50_000;

/**
 * Deepest JSON nesting of a request body. Variables may nest input objects without
 * end, and every step after parsing recurses: the Idempotency-Key hash, graphql-js
 * coercing the variables (100,000 levels overflow the stack: a 500). Filters need
 * a dozen levels (src/graphql/filters.ts caps them at 10).
 */
const MAX_JSON_DEPTH = 64;

/** Whether `value` nests deeper than `max` arrays/objects (without recursing itself). */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

interface GraphQLHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Ends a request's transaction without committing, carrying the response to send. */
class Rollback extends Error {
  constructor(readonly response: GraphQLHttpResponse) {
    super('rollback');
  }
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function jsonResponse(status: number, body: unknown): GraphQLHttpResponse {
  return { status, headers: JSON_HEADERS, body: JSON.stringify(body) };
}

/** The caller's address: the socket's, or the one `hops` trusted proxies saw. */
function clientAddress(req: IncomingMessage, hops: number): string {
  const forwarded = hops > 0 ? String(req.headers['x-forwarded-for'] ?? '').split(',').map((a) => a.trim()).filter(Boolean) : [];
  return (forwarded.length >= hops ? forwarded[forwarded.length - hops] : undefined) ?? req.socket.remoteAddress ?? 'unknown';
}

/** One request at a time: the embedded database has a single session, which concurrent requests would share. */
function serializer(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
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

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `Request body larger than ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // As for a declared length: answer 413 and discard the rest. Destroying
        // the request would reset the connection before the client read the 413.
        chunks.length = 0;
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, `Request body larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * 503 for a database that could not serve the request, naming the limit it hit.
 * When only the answer to COMMIT was lost, the change may be stored: the caller
 * is told so, and a retry with the same Idempotency-Key answers the stored response.
 */
function unavailableResponse(unavailable: Unavailable, committing: boolean): GraphQLHttpResponse {
  const message =
    committing && unavailable.answerLost
      ? `The database did not confirm the commit (${unavailable.reason}): the change may have been saved; retry with the same Idempotency-Key`
      : unavailableMessage(unavailable);
  const timeout = unavailable.timeoutMs ? { timeoutMs: unavailable.timeoutMs } : {};
  return jsonResponse(503, { errors: [{ message, extensions: { code: 'SERVICE_UNAVAILABLE', ...timeout } }] });
}

/**
 * A mutation that fails as a whole answers with the 4xx of its error, so an
 * automation tool's error route fires; queries with partial data keep 200.
 * Several input errors become one BAD_USER_INPUT error listing every bad field,
 * so a client that reads only the first error still sees them all.
 */
const httpStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        const { data, errors } = result;
        if (!errors?.length) return;
        const failedWhole = data == null || Object.values(data).every((value) => value === null);
        if (!failedWhole) return;
        const fieldErrors = errors.map((e) => (e.extensions?.code === 'BAD_USER_INPUT' ? (e.extensions.fieldErrors as FieldError[] | undefined) : undefined));
        if (errors.length > 1 && fieldErrors.every(Boolean)) {
          const all = fieldErrors.flat() as FieldError[];
          result.errors = [
            {
              message: `Invalid input: ${all.map((f) => `${f.path.join('.')}: ${f.message}`).join('; ')}`,
              extensions: { code: 'BAD_USER_INPUT', fieldErrors: all },
            },
          ];
        }
        const statuses = result.errors!.map((e) => HTTP_STATUS[String(e.extensions?.code)] ?? 500);
        const status = statuses.every((s) => s === 500) ? 500 : Math.max(...statuses.filter((s) => s !== 500));
        response.http.status = status;
      },
    };
  },
};

export async function startServer(options: ServerOptions & { port: number; host?: string }): Promise<RunningServer> {
  const { db } = options;
  const production = options.production ?? false;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const readyTimeoutMs = options.readyTimeoutMs ?? 2_000;
  const statementHeader = options.statementHeader ?? !production;
  const transactionWaitMs = options.transactionWaitMs ?? 5_000;
  const transactionTimeoutMs = options.transactionTimeoutMs ?? 15_000;
  const databaseLimits: DatabaseLimits = { ...db.limits, transactionWaitMs, transactionTimeoutMs };
  const drainTimeoutMs = options.drainTimeoutMs ?? 10_000;

  const introspection = options.introspection ?? !production;
  const anonymousPerMinute = options.anonymousPerMinute ?? 10;
  const authenticate = authenticator(db.prisma, {
    secret: options.auth?.jwtSecret,
    jwksUrl: options.auth?.jwksUrl,
    audience: options.auth?.audience ?? 'authenticated',
  });
  const exclusive = db.kind === 'embedded' ? serializer() : <T>(fn: () => Promise<T>) => fn();

  const limits = requestLimits(options.limits);
  const apollo = new ApolloServer<Context>({
    schema: options.schema ?? defaultSchema,
    introspection,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    // main.ts owns shutdown (drain, then close the database); Apollo's own signal
    // handler would race it and leave the process waiting for idle connections.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        exposeDetails: !production,
        limits: databaseLimits,
        log: (err) => {
          const errorId = randomUUID();
          logger.error('unexpected error', { errorId, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
          return errorId;
        },
      }),
    plugins: [
      inputErrorsPlugin,
      httpStatusPlugin,
      limits.plugin,
      introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: { runTelemetry: false, initialState: { sharedHeaders: options.sandboxHeaders } } })
        : ApolloServerPluginLandingPageDisabled(),
      // Responses are per caller and never cached by HTTP intermediaries; the
      // cache-control plugin would wrap every field resolver to compute hints.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'POST') {
      sendJson(res, 405, errorBody('METHOD_NOT_ALLOWED', 'Use GET for queries or POST'), { allow: 'GET, POST', 'x-request-id': requestId });
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown;
    if (method === 'POST') {
      const text = await readBody(req, maxBodyBytes);
      const contentType = headers.get('content-type') ?? '';
      if (/^application\/(graphql-response\+)?json\b/i.test(contentType)) {
        try {
          body = text === '' ? undefined : JSON.parse(text);
        } catch {
          throw new HttpError(400, 'Request body is not valid JSON');
        }
        if (nestedDeeperThan(body, MAX_JSON_DEPTH)) throw new HttpError(400, `Request body nests deeper than ${MAX_JSON_DEPTH} levels`);
      } else {
        body = text;
      }
    }
    const graphQLRequest: HTTPGraphQLRequest = { method, headers, search: url.search, body };
    const params = method === 'POST' ? ((body ?? {}) as Record<string, unknown>) : Object.fromEntries(url.searchParams);
    const kind = operationKind(params.query, params.operationName, MAX_DOCUMENT_TOKENS);
    const idempotencyKey = kind === 'mutation' || kind === 'unknown' ? readIdempotencyKey(headers.get('idempotency-key')) : undefined;
    const address = clientAddress(req, options.trustProxyHops ?? 0);
    const runId = idempotencyKey ?? headers.get('x-run-id')?.slice(0, 255) ?? requestId;

    const { result: response, statements } = await countStatements(() =>
      exclusive(async () => {
        let actor: Actor;
        try {
          actor = await authenticate(headers.get('authorization'), headers.get('x-api-key'), address);
        } catch (error) {
          if (!(error instanceof AuthenticationError)) throw error;
          return { ...jsonResponse(401, errorBody('UNAUTHENTICATED', error.message)), headers: { ...JSON_HEADERS, 'www-authenticate': 'Bearer' } };
        }
        if (actor.kind === 'anonymous') {
          const limited = await rateLimited(`anonymous:${address}`, anonymousPerMinute);
          if (limited) return limited;
        }
        const context: Context = { db: db.prisma, requestId, actor };
        // Writes, people's requests (row-level security applies to them) and
        // everything on the embedded database run in one transaction.
        return kind === 'query' && actor.kind !== 'user' && db.kind !== 'embedded'
          ? execute(graphQLRequest, context)
          : inTransaction(graphQLRequest, context, {
              runId,
              idempotency: idempotencyKey ? { scope: actorId(actor), key: idempotencyKey, hash: requestHash(params) } : undefined,
            });
      }),
    );
    const outHeaders: Record<string, string> = { 'x-request-id': requestId, ...response.headers };
    if (statementHeader) outHeaders['x-sql-statements'] = String(statements.total);
    res.writeHead(response.status, outHeaders);
    res.end(response.body);
  }

  /** A 429 response when `bucket` is over its limit this minute (counted in Postgres: shared by every instance). */
  async function rateLimited(bucket: string, perMinute: number): Promise<GraphQLHttpResponse | undefined> {
    const [row] = await db.prisma.$queryRaw<{ hits: number; retry_after: number }[]>`SELECT hits, retry_after FROM app_private.hit_rate_limit(${bucket}, 60)`;
    if (row!.hits <= perMinute) return undefined;
    return {
      ...jsonResponse(429, errorBody('TOO_MANY_REQUESTS', `Too many requests from this address: at most ${perMinute} a minute without signing in; retry in ${row!.retry_after} s`)),
      headers: { ...JSON_HEADERS, 'retry-after': String(Math.max(1, row!.retry_after)) },
    };
  }

  async function execute(request: HTTPGraphQLRequest, context: Context): Promise<GraphQLHttpResponse> {
    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => context });
    const headers: Record<string, string> = {};
    for (const [key, value] of response.headers) headers[key] = value;
    let text = '';
    if (response.body.kind === 'complete') text = response.body.string;
    else for await (const chunk of response.body.asyncIterator) text += chunk;
    return { status: response.status ?? 200, headers, body: text };
  }

  /**
   * Runs a request in one database transaction: the actor and run id are set for
   * the audit triggers, an Idempotency-Key is honoured (see http/idempotency.ts),
   * and a request that failed as a whole (4xx/5xx) is rolled back, so a failed
   * mutation leaves no trace.
   */
  async function inTransaction(
    request: HTTPGraphQLRequest,
    context: Context,
    options: { runId: string; idempotency?: { scope: string; key: string; hash: string } },
  ): Promise<GraphQLHttpResponse> {
    const { idempotency } = options;
    let committing = false;
    try {
      return await db.prisma.$transaction(
        async (tx) => {
          const { actor } = context;
          // A person's SQL runs as Supabase's `authenticated` role with their claims,
          // so the database's row-level security applies as well as the API's checks.
          await tx.$executeRaw`SELECT set_config('app.actor', ${actorId(actor)}, true), set_config('app.request_id', ${options.runId}, true),
            set_config('request.jwt.claims', ${actor.kind === 'user' ? JSON.stringify(actor.claims) : ''}, true),
            set_config('role', ${actor.kind === 'user' ? 'authenticated' : 'none'}, true)`;
          if (idempotency) {
            const stored = await lockAndFind(tx, idempotency.scope, idempotency.key);
            if (stored && stored.requestHash === idempotency.hash) {
              throw new Rollback({ status: stored.status, headers: { ...JSON_HEADERS, 'idempotent-replayed': 'true' }, body: stored.body });
            }
            if (stored) {
              throw new Rollback(jsonResponse(409, errorBody('CONFLICT', 'This Idempotency-Key was already used for a different request; use a new key for a new request')));
            }
          }
          const response = await execute(request, { ...context, db: tx });
          if (response.status >= 400) throw new Rollback(response);
          if (idempotency) await saveResponse(tx, idempotency.scope, idempotency.key, { requestHash: idempotency.hash, status: response.status, body: response.body });
          committing = true;
          return response;
        },
        { maxWait: transactionWaitMs, timeout: transactionTimeoutMs },
      );
    } catch (error) {
      if (error instanceof Rollback) return error.response;
      const unavailable = unavailability(error, databaseLimits);
      if (unavailable) {
        logger.warn('database unavailable', { reason: unavailable.reason, committing });
        return unavailableResponse(unavailable, committing);
      }
      throw error;
    }
  }

  async function readiness(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        db.ping(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), readyTimeoutMs);
        }),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Requests being served, with their responses: stop() waits for them. */
  const inFlight = new Map<Promise<void>, ServerResponse>();
  let draining = false;
  const http = createHttpServer((req, res) => {
    const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 100)) || randomUUID();
    if (draining) {
      // Arrived on a connection that was busy when stop() began: not started, so
      // safe to retry; the connection closes after this answer, sent once the body
      // is read (closing on unread data would reset the connection first).
      req.resume().once('end', () => sendJson(res, 503, errorBody('SERVICE_UNAVAILABLE', 'The server is shutting down; retry'), { connection: 'close', 'x-request-id': requestId }));
      return;
    }
    const served = withRequestId(requestId, () => serve(req, res, requestId));
    inFlight.set(served, res);
    const settled = () => inFlight.delete(served);
    served.then(settled, settled);
  });

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/healthz') {
        sendJson(res, 200, { status: 'ok' });
      } else if (url.pathname === '/readyz') {
        const ready = await readiness();
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', database: db.kind });
      } else if (url.pathname === '/graphql' || url.pathname === '/') {
        await handleGraphQL(req, res, url, requestId);
      } else {
        sendJson(res, 404, errorBody('NOT_FOUND', `No route ${url.pathname}; the API is at /graphql`), { 'x-request-id': requestId });
      }
    } catch (error) {
      if (error instanceof IdempotencyKeyError) {
        if (!res.headersSent) sendJson(res, 400, errorBody('BAD_USER_INPUT', error.message), { 'x-request-id': requestId });
        return;
      }
      if (error instanceof HttpError) {
        const code = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
        if (!res.headersSent) sendJson(res, error.status, errorBody(code, error.message), { 'x-request-id': requestId });
        return;
      }
      // A database fault outside a transaction: authentication by API key, the rate limit.
      const unavailable = unavailability(error, databaseLimits);
      if (unavailable) {
        logger.warn('database unavailable', { reason: unavailable.reason });
        const { status, headers, body } = unavailableResponse(unavailable, false);
        if (!res.headersSent) res.writeHead(status, { ...headers, 'x-request-id': requestId }).end(body);
        return;
      }
      const errorId = randomUUID();
      logger.error('unhandled request error', { errorId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', `Internal server error (reference ${errorId})`), { 'x-request-id': requestId });
      else res.end();
    }
  }
  http.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const address = http.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' && options.host !== '::' ? options.host : 'localhost';

  let stopped: Promise<void> | undefined;
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

  return {
    http,
    url: `http://${host}:${address.port}/graphql`,
    stop: () => (stopped ??= drainAndStop()),
  };
}
