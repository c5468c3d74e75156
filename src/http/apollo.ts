// Apollo Server as the GraphQL pipeline uses it: its plugins (the one list to add
// to), and executeGraphQL, the one place where Apollo's answer becomes the HTTP
// response text.
import { randomUUID } from 'node:crypto';
import { ApolloServer, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import type { DatabaseLimits } from '../db/errors';
import { compiledReadsPlugin, withCompiledBody } from '../graphql/compiled/plugin';
import type { Context } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { inputErrorsPlugin } from '../graphql/input-errors';
import type { requestLimits } from '../graphql/limits';
import { logger } from '../logger';
import type { HttpResponse } from './response';
import { httpStatusPlugin } from './status';

export interface ApolloOptions {
  schema: GraphQLSchema;
  production: boolean;
  introspection: boolean;
  /** What enforces the abuse limits (src/graphql/limits.ts). */
  limits: ReturnType<typeof requestLimits>;
  databaseLimits: DatabaseLimits;
  /** Queries compiled to one SQL statement per root field (src/graphql/compiled); off: resolvers only. */
  compiledReads: boolean;
  /** Where compiled statements run: the database, straight through its driver. */
  query: (sql: string, values: readonly unknown[], name?: string) => Promise<unknown[][]>;
}

export async function startApollo(options: ApolloOptions): Promise<ApolloServer<Context>> {
  const { production, introspection, limits } = options;
  const format = (formatted: Parameters<typeof formatError>[0], error: unknown) =>
    formatError(formatted, error, {
      exposeDetails: !production,
      limits: options.databaseLimits,
      log: (err) => {
        const errorId = randomUUID();
        logger.error('unexpected error', { errorId, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
        return errorId;
      },
    });
  const apollo = new ApolloServer<Context>({
    schema: options.schema,
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
    formatError: format,
    plugins: [
      inputErrorsPlugin,
      httpStatusPlugin,
      limits.plugin,
      compiledReadsPlugin({
        enabled: options.compiledReads,
        allowOverride: !production,
        reportPath: !production,
        formatError: (error: GraphQLError) => format({ ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', ...error.extensions } }, error),
        query: options.query,
      }),
      introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: { runTelemetry: false } })
        : ApolloServerPluginLandingPageDisabled(),
      // Responses are per caller and never cached by HTTP intermediaries; the
      // cache-control plugin would wrap every field resolver to compute hints.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();
  return apollo;
}

/**
 * Runs one GraphQL request through Apollo (on `context.db`: the shared client or
 * the request's transaction) and returns its HTTP response with the body as text.
 */
export async function executeGraphQL(apollo: ApolloServer<Context>, request: HTTPGraphQLRequest, context: Context): Promise<HttpResponse> {
  const [contextValue, compiledBody] = withCompiledBody(context);
  const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => contextValue });
  const headers: Record<string, string> = {};
  for (const [key, value] of response.headers) headers[key] = value;
  let text = '';
  if (response.body.kind === 'complete') text = response.body.string;
  else for await (const chunk of response.body.asyncIterator) text += chunk;
  // A compiled operation's JSON comes from Postgres as text and is sent as it is.
  return { status: response.status ?? 200, headers, body: compiledBody() ?? text };
}
