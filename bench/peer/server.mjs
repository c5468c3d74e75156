// PostGraphile v5 serving the benchmark database: the peer that
// `npm run bench -- --compare` measures beside the Aurum API (bench/compare.ts
// starts it with this folder's own Node 22, node_modules/.bin/node).
//
// Set up to be strong and fair, as one would deploy it:
//   - production: no GraphiQL (Ruru), no explain, no watch mode, no introspection
//     refresh; errors without stack traces;
//   - a pg pool of DB_POOL_SIZE connections (default 10, as the API's);
//   - people's requests: the same HS256 Supabase-style token the API accepts,
//     verified here with jose (the API's library), then run as the `authenticated`
//     role with `request.jwt.claims` (PostGraphile's pgSettings: one transaction,
//     set_config, the query, commit), so the same RLS policies apply. Without a
//     token (PEER_AUTH=none) it runs as the connection's user, one statement and no
//     transaction: the equivalent of the API's API-key path.
//
// Environment: DATABASE_URL (required), HOST (127.0.0.1), PORT (0: a free port),
// SUPABASE_JWT_SECRET + JWT_AUDIENCE (bearer tokens; required unless
// PEER_AUTH=none), DB_POOL_SIZE (10), SQL_STATEMENT_HEADER (true: count each
// request's SQL statements into `x-sql-statements`, as the API does).
//
// Prints "PostGraphile peer ready at http://host:port/graphql"; /readyz answers 200
// when the database answers.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer } from 'node:http';
import pg from 'pg';
import { jwtVerify } from 'jose';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { TYPES } from 'postgraphile/@dataplan/pg';
import { addPgTableOrderBy, jsonPgSmartTags, orderByAscDesc } from 'postgraphile/utils';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';
import { PgAggregatesPreset } from '@graphile/pg-aggregates';

const env = process.env;
const databaseUrl = env.DATABASE_URL;
if (!databaseUrl) {
  console.error('error: DATABASE_URL is required');
  process.exit(1);
}
const authMode = env.PEER_AUTH === 'none' ? 'none' : 'jwt';
const jwtSecret = env.SUPABASE_JWT_SECRET ? new TextEncoder().encode(env.SUPABASE_JWT_SECRET) : undefined;
if (authMode === 'jwt' && !jwtSecret) {
  console.error('error: SUPABASE_JWT_SECRET is required (or PEER_AUTH=none to run every request as the connection user)');
  process.exit(1);
}
const audience = env.JWT_AUDIENCE || 'authenticated';
const poolSize = Number(env.DB_POOL_SIZE || 10);
const countStatements = /^(1|true|yes|on)$/i.test(env.SQL_STATEMENT_HEADER ?? 'true');
/** PEER_LOG_STATEMENTS=true: each statement's first line on stderr (to see what is counted). */
const logStatements = /^(1|true|yes|on)$/i.test(env.PEER_LOG_STATEMENTS ?? '');

// ---- SQL statements per request ------------------------------------------------------
// Every query a pooled client sends, attributed to the HTTP request being served
// (PostGraphile runs its statements in the request's async context).
const requestStatements = new AsyncLocalStorage();
const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
pool.on('error', (error) => console.error(`pg pool: ${error.message}`));
if (countStatements || logStatements) {
  pool.on('connect', (client) => {
    const query = client.query;
    client.query = function countedQuery(...args) {
      const store = requestStatements.getStore();
      if (store) store.total += 1;
      if (logStatements) {
        const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
        console.error(`sql${store ? '' : ' (no request)'}: ${String(text).replace(/\s+/g, ' ').slice(0, 160)}`);
      }
      return query.apply(this, args);
    };
  });
}

// ---- invoices ordered by their company's name ----------------------------------------
// PostGraphile orders a connection by its own columns; a related table's column
// takes a plugin. graphile-utils' addPgTableOrderBy with a correlated subquery is
// the documented way: COMPANY_NAME_ASC / COMPANY_NAME_DESC on InvoicesOrderBy.
const InvoiceCompanyNameOrderPlugin = addPgTableOrderBy({ schemaName: 'public', tableName: 'invoices' }, (build) => {
  const { sql } = build;
  return orderByAscDesc('COMPANY_NAME', (queryBuilder) => {
    const company = sql.identifier(Symbol('company'));
    return {
      fragment: sql`(select ${company}.company_name from public.companies as ${company} where ${company}.id = ${queryBuilder.alias}.company_id)`,
      codec: TYPES.varchar,
    };
  });
});

// ---- filtering on an unindexed column -------------------------------------------------
// PostGraphile (PgIndexBehaviorsPlugin) offers filters and orders only on indexed
// columns; invoices.amount has no index (nor does the API need one for the same
// filter). A smart tag opts that one column in, as a deployment would.
const SmartTagsPlugin = jsonPgSmartTags({
  version: 1,
  config: { attribute: { 'invoices.amount': { tags: { behavior: '+filterBy' } } } },
});

// ---- who is asking -------------------------------------------------------------------
async function pgSettingsFor(authorization) {
  if (authMode === 'none') return undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '');
  if (!bearer) throw new Error('a bearer token is required');
  const { payload } = await jwtVerify(bearer[1], jwtSecret, { algorithms: ['HS256'], audience });
  return { role: 'authenticated', 'request.jwt.claims': JSON.stringify(payload) };
}

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PostGraphileConnectionFilterPreset, PgAggregatesPreset],
  plugins: [InvoiceCompanyNameOrderPlugin, SmartTagsPlugin],
  pgServices: [makePgService({ pool, schemas: ['public'], pubsub: false })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, graphiqlOnGraphQLGET: false, watch: false, websockets: false },
  grafast: {
    explain: false,
    async context(requestContext) {
      const pgSettings = await pgSettingsFor(requestContext.node?.req?.headers.authorization);
      return pgSettings ? { pgSettings } : {};
    },
  },
  schema: {
    // The views (overdue_invoices...) have no primary key: expose them as
    // connections ordered by their columns, which is PostGraphile's default for views.
    connectionFilterAllowNullInput: false,
    connectionFilterAllowEmptyObjectInput: false,
  },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const handler = serv.createHandler();

const server = createServer((req, res) => {
  if (req.url === '/readyz' || req.url === '/healthz') {
    pool.query('select 1').then(
      () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"ready"}');
      },
      (error) => {
        res.writeHead(503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'unavailable', reason: error.message }));
      },
    );
    return;
  }
  if (!countStatements) {
    handler(req, res);
    return;
  }
  const store = { total: 0 };
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithCount(...args) {
    if (!this.headersSent) this.setHeader('x-sql-statements', String(store.total));
    return writeHead.apply(this, args);
  };
  requestStatements.run(store, () => handler(req, res));
});
server.keepAliveTimeout = 65_000;

// Build the schema (introspection) before announcing readiness.
await pgl.getSchemaResult();
server.listen(Number(env.PORT || 0), env.HOST || '127.0.0.1', () => {
  const { address, port } = server.address();
  const host = address.includes(':') ? `[${address}]` : address;
  console.log(`PostGraphile peer ready at http://${host}:${port}/graphql (pool ${poolSize}, auth ${authMode}, Node ${process.version})`);
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeIdleConnections();
  await pgl.release();
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
