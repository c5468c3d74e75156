// HTTP wiring: a plain node:http server in front of Apollo Server 5 (no framework:
// fewer layers per request, and full control of status codes), plus the health
// endpoints.
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLSchema } from 'graphql';
import type { Database } from './db/database';
import type { Context } from './graphql/context';
import { countStatements } from './db/statements';
import { formatError, HTTP_STATUS } from './graphql/errors';
import { schema as defaultSchema } from './graphql/schema';
import { logger } from './logger';

export interface ServerOptions {
  db: Database;
  production?: boolean;
  /** Largest accepted request body, in bytes. */
  maxBodyBytes?: number;
  /** How long /readyz waits for the database, in milliseconds. */
  readyTimeoutMs?: number;
  schema?: GraphQLSchema;
  /** Report each request's SQL statement count in `x-sql-statements` (default: outside production). */
  statementHeader?: boolean;
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
 */
const httpStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (!errors?.length) return;
        const failedWhole = data == null || Object.values(data).every((value) => value === null);
        if (!failedWhole) return;
        const statuses = errors.map((e) => HTTP_STATUS[String(e.extensions?.code)] ?? 500);
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

  const apollo = new ApolloServer<Context>({
    schema: options.schema ?? defaultSchema,
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError: (formatted, error) =>
      formatError(formatted, error, {
        exposeDetails: !production,
        log: (err) => {
          const errorId = randomUUID();
          logger.error('unexpected error', { errorId, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
          return errorId;
        },
      }),
    plugins: [httpStatusPlugin, production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true })],
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
    const context: Context = { db: db.prisma, requestId };
    const { result: response, statements } = await countStatements(() =>
      apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers, search: url.search, body },
        context: async () => context,
      }),
    );
    const outHeaders: Record<string, string> = { 'x-request-id': requestId };
    if (statementHeader) outHeaders['x-sql-statements'] = String(statements.total);
    for (const [key, value] of response.headers) outHeaders[key] = value;
    res.statusCode = response.status ?? 200;
    for (const [key, value] of Object.entries(outHeaders)) res.setHeader(key, value);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
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

  const http = createHttpServer(async (req, res) => {
    const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 100)) || randomUUID();
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
      if (error instanceof HttpError) {
        const code = error.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
        if (!res.headersSent) sendJson(res, error.status, errorBody(code, error.message), { 'x-request-id': requestId });
        return;
      }
      const errorId = randomUUID();
      logger.error('unhandled request error', { errorId, requestId, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      if (!res.headersSent) sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', `Internal server error (reference ${errorId})`), { 'x-request-id': requestId });
      else res.end();
    }
  });
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
