// HTTP wiring: a plain node:http server in front of Apollo Server 5 (no framework:
// fewer layers per request, and full control of status codes), plus the health
// endpoints.
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Database } from './db/database';
import type { Context } from './graphql/context';
import { unavailableReason } from './db/errors';
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
}

/** Parsing stops here; the limits on documents (src/graphql/limits.ts) are far below. */
const MAX_DOCUMENT_TOKENS = 50_000;

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
        reject(new HttpError(413, `Request body larger than ${limit} bytes`));
        req.destroy();
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
    csrfPrevention: true,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        exposeDetails: !production,
        log: (err) => {
          const errorId = randomUUID();
          logger.error('unexpected error', { errorId, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
          return errorId;
        },
      }),
    plugins: [inputErrorsPlugin, httpStatusPlugin, limits.plugin, introspection ? ApolloServerPluginLandingPageLocalDefault({ embed: true }) : ApolloServerPluginLandingPageDisabled()],
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
          return response;
        },
        { maxWait: transactionWaitMs, timeout: transactionTimeoutMs },
      );
    } catch (error) {
      if (error instanceof Rollback) return error.response;
      const unavailable = unavailableReason(error);
      if (unavailable) {
        logger.warn('database unavailable', { reason: unavailable });
        return jsonResponse(503, errorBody('SERVICE_UNAVAILABLE', `The database is unavailable (${unavailable}); retry later`));
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

  const http = createHttpServer((req, res) => {
    const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 100)) || randomUUID();
    void withRequestId(requestId, () => serve(req, res, requestId));
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

  return {
    http,
    url: `http://${host}:${address.port}/graphql`,
    async stop() {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
