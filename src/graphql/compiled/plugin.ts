// The compiled read path as an Apollo Server plugin. Once a query operation is
// parsed, validated and within the request limits, each root field is compiled to
// one SQL statement that returns the field's JSON, run on the request's database
// client (its transaction, so row-level security and claims apply as they do for
// the resolvers), and the JSON texts are written out as they come: no resolver per
// field, no row objects. An operation with anything the compiler does not know, or
// arguments the resolvers would refuse, is executed by graphql-js as before; each
// such fallback is counted and logged at debug level with its reason.
import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import { getVariableValues } from 'graphql/execution/values';
import { scopesOf } from '../../auth/scopes';
import { logger } from '../../logger';
import { utcToday } from '../../modules/invoices/invoice.service';
import type { Context } from '../context';
import { compileRootField, type Compilation } from './compile';
import { NotCompilable, Statement } from './sql';

export interface CompiledReadsOptions {
  /** Off: every operation goes through the resolvers. */
  enabled: boolean;
  /** Outside production a request may ask for the resolvers (`x-read-path: resolvers`), to compare the two paths. */
  allowOverride: boolean;
  /** Say in `x-read-path` which path answered (outside production). */
  reportPath: boolean;
  /** The server's error formatting, for a statement that fails. */
  formatError: (error: GraphQLError) => GraphQLFormattedError;
  /** Runs a statement on the request's connection, straight through the driver (Database.query). */
  query: (sql: string, values: readonly unknown[], name?: string) => Promise<unknown[][]>;
}

/** How many operations each path answered since start-up, and why the resolvers did (tests, benchmarks). */
export const readPathCounts = { compiled: 0, resolvers: 0, reasons: new Map<string, number>() };

/**
 * Where a compiled operation leaves its response body for the HTTP layer, which
 * sends it as it is. Apollo runs an operation on a shallow copy of the context, so
 * the slot is an object the copy shares.
 */
const BODY = Symbol('compiled response body');
type Slot = { body?: string[] };

/** The context to run a request with, and a function returning the body (in pieces) if its operation was compiled. */
export function withCompiledBody<C extends Context>(context: C): [C, () => string[] | undefined] {
  const slot: Slot = {};
  return [{ ...context, [BODY]: slot }, () => slot.body];
}

interface CompiledField {
  key: string;
  sql?: string;
  /** The statement's name: the same text, the same name (prepared once per connection). */
  name?: string;
  values?: unknown[];
  /** `__typename` at the root needs no statement. */
  constant?: string;
  nodes: readonly import('graphql').FieldNode[];
}

/** The largest statement prepared (kept on each connection), in characters and bind values. */
const MAX_PREPARED_TEXT = 32_000;
const MAX_PREPARED_VALUES = 200;

/** Compiles every root field of a query operation; throws NotCompilable for anything it cannot. */
export function compileOperation(
  context: Context,
  schema: import('graphql').GraphQLSchema,
  document: import('graphql').DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): CompiledField[] {
  if (operation.operation !== 'query') throw new NotCompilable(`a ${operation.operation}`);
  const query = schema.getQueryType()!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) throw new NotCompilable('variables the resolvers refuse');
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const today = utcToday();
  const scopes = scopesOf(context.actor);
  const fields: CompiledField[] = [];
  for (const [key, nodes] of collectFields(schema, fragments, coerced.coerced, query, operation.selectionSet)) {
    const name = nodes[0]!.name.value;
    if (name === '__typename') {
      fields.push({ key, constant: JSON.stringify(query.name), nodes });
      continue;
    }
    if (name.startsWith('__')) throw new NotCompilable('introspection');
    const stmt = new Statement();
    const compilation: Compilation = { schema, fragments, variables: coerced.coerced, ctx: context, stmt, today, scopes };
    const expr = compileRootField(compilation, query, nodes);
    const sql = `SELECT ${expr} AS v`;
    // A statement a dashboard asks again is prepared once per connection (a name per text); a one-off
    // giant (thousands of filter values) is not kept on every connection.
    const prepare = sql.length <= MAX_PREPARED_TEXT && stmt.values.length <= MAX_PREPARED_VALUES;
    fields.push({ key, sql, name: prepare ? `q${createHash('sha1').update(sql).digest('hex').slice(0, 20)}` : undefined, values: stmt.values, nodes });
  }
  return fields;
}

/**
 * Compiled operations by everything they depend on: the document, the operation,
 * the variables, the caller (scopes and visibility rules) and the day (overdue
 * invoices). Dashboards ask the same questions again and again; compiling costs
 * about a millisecond. A refusal is remembered too.
 */
class CompiledCache {
  private readonly entries = new Map<string, CompiledField[] | NotCompilable>();
  constructor(private readonly size: number) {}

  get(key: string, compile: () => CompiledField[]): CompiledField[] {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      try {
        entry = compile();
      } catch (error) {
        if (!(error instanceof NotCompilable)) throw error;
        entry = error;
      }
      if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, entry);
    if (entry instanceof NotCompilable) throw entry;
    return entry;
  }
}

function cacheKey(context: Context, queryHash: string | undefined, operationName: string | null | undefined, variables: unknown): string | undefined {
  if (!queryHash) return undefined;
  const { actor } = context;
  const who = actor.kind === 'user' ? `user:${actor.id}:${actor.role}` : actor.kind === 'apiKey' ? `key:${actor.id}:${actor.scopes.join(',')}` : 'anonymous';
  return JSON.stringify([queryHash, operationName ?? null, variables ?? null, who, utcToday().toISOString()]);
}

function countFallback(reason: string): void {
  readPathCounts.resolvers += 1;
  readPathCounts.reasons.set(reason, (readPathCounts.reasons.get(reason) ?? 0) + 1);
}

export function compiledReadsPlugin(options: CompiledReadsOptions): ApolloServerPlugin<Context> {
  const cache = new CompiledCache(1000);
  return {
    async requestDidStart() {
      return {
        async responseForOperation(requestContext) {
          const { operation, document, schema, contextValue: context, request } = requestContext;
          if (!operation || operation.operation !== 'query') return null;
          const report = (path: string) => {
            if (options.reportPath) requestContext.response.http.headers.set('x-read-path', path);
          };
          if (!options.enabled || (options.allowOverride && request.http?.headers.get('x-read-path') === 'resolvers')) {
            report('resolvers');
            return null;
          }
          let fields: CompiledField[];
          try {
            const compile = () => compileOperation(context, schema, document, operation, request.variables);
            const key = cacheKey(context, requestContext.queryHash, request.operationName, request.variables);
            fields = key ? cache.get(key, compile) : compile();
          } catch (error) {
            if (!(error instanceof NotCompilable)) throw error;
            countFallback(error.reason);
            logger.debug('read answered by the resolvers', { reason: error.reason, operationName: requestContext.operationName ?? undefined });
            report('resolvers');
            return null;
          }
          readPathCounts.compiled += 1;
          report('compiled');
          const parts: string[] = [];
          for (const field of fields) {
            parts.push(`${parts.length ? ',' : '{"data":{'}${JSON.stringify(field.key)}:`);
            if (field.constant !== undefined) {
              parts.push(field.constant);
            } else {
              try {
                const rows = await options.query(field.sql!, field.values!, field.name);
                parts.push((rows[0]?.[0] as string | null | undefined) ?? 'null');
              } catch (error) {
                // The request's transaction cannot go on after a failed statement: answer
                // with the error as a resolver's would be (the whole data null).
                const graphQLError = new GraphQLError(error instanceof Error ? error.message : String(error), {
                  nodes: field.nodes,
                  path: [field.key],
                  originalError: error instanceof Error ? error : undefined,
                });
                return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: null, errors: [options.formatError(graphQLError)] } } };
              }
            }
          }
          const slot = (context as Context & { [BODY]?: Slot })[BODY];
          if (!slot) return null;
          // As Apollo writes a response: JSON.stringify's bytes and a newline.
          parts.push(parts.length ? '}}\n' : '{"data":{}}\n');
          slot.body = parts;
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: {} } } };
        },
      };
    },
  };
}
