// POST/GET /graphql: the request pipeline, one stage per file —
//   1. body.ts         the HTTP request becomes a GraphQL request (size, JSON, depth)
//      sandbox.ts      (development sign-in) the Sandbox with its token, for this machine only
//   2. caller.ts       who is calling (401 for a wrong credential)
//   3. rate-limit.ts   anonymous callers are limited per address (429)
//   4. transaction.ts  where the operation runs: a transaction with the audit
//                      settings and the Idempotency-Key, or the shared client
//   5. status.ts       the HTTP status of GraphQL's answer (an Apollo plugin)
// Apollo itself (its plugins, and the text of its answer) is in apollo.ts.
import type { ApolloServer } from '@apollo/server';
import type { Database } from '../db/database';
import { countStatements } from '../db/statements';
import type { Context } from '../graphql/context';
import { readGraphQLRequest, type GraphQLHttpRequest } from './body';
import { clientAddress, identifyCaller, type Authenticate } from './caller';
import { executeGraphQL } from './apollo';
import { readIdempotencyKey, requestHash } from './idempotency';
import { operationOf } from './operation';
import type { RateLimit } from './rate-limit';
import { send } from './response';
import type { SandboxPage } from './sandbox';
import type { Route } from './router';
import type { Plan, TransactionStage } from './transaction';

/** Parsing stops here; the limits on documents (src/graphql/limits.ts) are far below. */
const MAX_DOCUMENT_TOKENS = 50_000;

export interface GraphQLRouteOptions {
  db: Database;
  apollo: ApolloServer<Context>;
  authenticate: Authenticate;
  rateLimit: RateLimit;
  transaction: TransactionStage;
  maxBodyBytes: number;
  trustProxyHops: number;
  /** Report the request's SQL statement count in `x-sql-statements`. */
  statementHeader: boolean;
  /** The development sign-in's landing page. */
  sandbox?: SandboxPage;
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

/** What kind of operation this is, and how its writes are tagged and deduplicated (a malformed Idempotency-Key throws: 400). */
function plan(request: GraphQLHttpRequest, requestId: string): Plan & { name?: string } {
  const { params, http } = request;
  const { kind, name } = operationOf(params.query, params.operationName, MAX_DOCUMENT_TOKENS);
  const key = kind === 'mutation' || kind === 'unknown' ? readIdempotencyKey(http.headers.get('idempotency-key')) : undefined;
  const runId = key ?? http.headers.get('x-run-id')?.slice(0, 255) ?? requestId;
  return { kind, name, runId, idempotency: key ? { key, hash: requestHash(params) } : undefined };
}

export function graphqlRoute(options: GraphQLRouteOptions): Route {
  const { db, apollo } = options;
  const exclusive = db.kind === 'embedded' ? serializer() : <T>(fn: () => Promise<T>) => fn();
  return async ({ req, res, url, requestId, log }) => {
    const request = await readGraphQLRequest(req, url, options.maxBodyBytes);
    const { name, ...operation } = plan(request, requestId);
    log.operation = name ?? null;
    log.kind = operation.kind;
    const address = clientAddress(req, options.trustProxyHops);
    const page = await options.sandbox?.(request, address);
    if (page) return send(res, page, { 'x-request-id': requestId });
    const { result: response, statements } = await countStatements(() =>
      exclusive(async () => {
        const caller = await identifyCaller(options.authenticate, request.http.headers, address);
        log.caller = 'actor' in caller ? caller.actor.kind : 'refused';
        if ('response' in caller) return caller.response;
        const { actor } = caller;
        if (actor.kind === 'anonymous') {
          const limited = await options.rateLimit(address);
          if (limited) return limited;
        }
        const context: Context = { db: db.prisma, requestId, actor };
        return options.transaction(operation, context, (ctx) => executeGraphQL(apollo, request.http, ctx));
      }),
    );
    log.statements = statements.total;
    const headers: Record<string, string> = { 'x-request-id': requestId };
    if (options.statementHeader) headers['x-sql-statements'] = String(statements.total);
    send(res, response, headers);
  };
}
