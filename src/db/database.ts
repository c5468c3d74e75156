// The Prisma client factory: PostgreSQL through @prisma/adapter-pg when a URL is
// given, otherwise the embedded PGlite database (real Postgres in WebAssembly,
// in-process) through pglite-prisma-adapter.
import { mkdirSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../generated/prisma/client';
import { logger } from '../logger';
import type { DatabaseLimits } from './errors';
import { serveEmbedded, type EmbeddedServer } from './embedded-server';
import { applyMigrations } from './migrate';
import { lockDirectory, type DirectoryLock } from './owner';
import { countingAdapter, rawStatement, type RawConnection, type StatementCounter } from './statements';

export type { PrismaClient };

export interface Database {
  kind: 'postgres' | 'embedded';
  prisma: PrismaClient;
  /** SQL statements sent through `prisma` since the database was opened. */
  statements: StatementCounter;
  /** Applies pending migrations (Postgres: over the direct URL); returns their names. */
  migrate(): Promise<string[]>;
  /** Names of the migrations recorded as finished in `_prisma_migrations`. */
  appliedMigrations(): Promise<string[]>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** The limits this database enforces (Postgres), so errors can name the one a request hit. */
  limits?: DatabaseLimits;
  /**
   * A postgresql:// URL for connections of their own (a job queue, LISTEN, the
   * CLIs): Postgres: the direct URL (a real session, not the transaction pooler);
   * embedded: its local socket, once `expose()` has run (undefined before).
   */
  url?: string;
  /**
   * Makes `url` usable and returns it: the embedded database starts serving on a
   * local Postgres socket (src/db/embedded-server.ts); Postgres already is one.
   */
  expose(): Promise<string>;
  /**
   * One statement straight through the driver (the compiled read path), in the
   * request's transaction when it has one; rows as arrays of text. With `name`
   * (and prepared statements on) it is prepared once per connection.
   */
  query(sql: string, values: readonly unknown[], name?: string): Promise<unknown[][]>;
  close(): Promise<void>;
}

export interface PostgresOptions {
  url: string;
  directUrl?: string;
  /** Pool size per process. */
  poolSize?: number;
  /** Milliseconds to wait for a free connection or a new one. */
  connectionTimeoutMs?: number;
  /** Server-side limit per statement, in milliseconds (0: none). */
  statementTimeoutMs?: number;
  /**
   * Client-side limit on waiting for the answer to a statement, in milliseconds
   * (default: the statement timeout + 1 s, so Postgres' own timeout answers first;
   * 0: none). Only a silent network reaches it; the connection is then closed.
   */
  queryTimeoutMs?: number;
  /** An idle connection is closed after this long, in milliseconds (default 10 s). */
  idleTimeoutMs?: number;
  /** Prepare named raw statements once per connection (Database.query); default true. */
  preparedStatements?: boolean;
}

/** Every value as the text Postgres sends: the compiled read path parses nothing. */
const AS_TEXT = { getTypeParser: () => (value: string) => value };

/**
 * A pg pool or client as a RawConnection. Its errors get the shape of Prisma's
 * for a raw query (P2010, the SQLSTATE in cause.originalCode), so one
 * classification (./errors.ts) serves both.
 */
function pgConnection(client: pg.Pool | pg.PoolClient, prepared: boolean): RawConnection {
  return {
    query: (sql, values, name) =>
      client.query({ name: prepared ? name : undefined, text: sql, values: values as unknown[], rowMode: 'array', types: AS_TEXT }).then((result) => result.rows as unknown[][], rethrowAsPrisma),
  };
}

function rethrowAsPrisma(error: Error & { code?: string }): never {
  throw /^[0-9A-Z]{5}$/.test(error.code ?? '')
    ? Object.assign(new Error(error.message), { code: 'P2010', cause: { originalCode: error.code, originalMessage: error.message } })
    : error;
}

/**
 * pg's query_timeout fails a statement that got no answer in time but keeps its
 * connection, the statement still pending on it: after a network partition the
 * pool would hand that connection out again and everything sent on it would wait
 * in vain (a ROLLBACK too). This client closes the connection instead: pg fails
 * what is queued on it at once, and the pool drops a closed client on release.
 *
 * It also sends one statement at a time: Prisma runs a request's independent
 * reads concurrently, on the one client of its transaction, and pg (which would
 * queue them itself) deprecates being asked to ("client.query() when the client
 * is already executing a query").
 */
class ClosingOnTimeoutClient extends pg.Client {
  private idle: Promise<unknown> = Promise.resolve();

  override query(...args: unknown[]): any {
    const query = super.query as (...a: unknown[]) => unknown;
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: unknown, result: unknown) => {
        this.closeAfterTimeout(error);
        (callback as (e: unknown, r: unknown) => void)(error, result);
      };
      return query.apply(this, args);
    }
    // A Submittable (a cursor, a stream) is its own object, not a promise.
    if (typeof (args[0] as { submit?: unknown } | undefined)?.submit === 'function') return query.apply(this, args);
    const send = () => query.apply(this, args) as Promise<unknown>;
    const result = this.idle.then(send, send);
    this.idle = result.catch((error: unknown) => this.closeAfterTimeout(error));
    return result;
  }

  private closeAfterTimeout(error: unknown): void {
    if (!(error instanceof Error) || error.message !== 'Query read timeout') return;
    logger.warn('no answer from the database in time: closing the connection');
    this.end().catch(() => {});
  }
}

async function appliedMigrations(prisma: PrismaClient): Promise<string[]> {
  const exists = await prisma.$queryRaw<{ t: string | null }[]>`SELECT to_regclass('public._prisma_migrations')::text AS t`;
  if (!exists[0]?.t) return [];
  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return rows.map((r) => r.migration_name);
}

/**
 * @prisma/adapter-pg 7.10 runs a migration script by splitting it on every ";",
 * which breaks PL/pgSQL bodies (and semicolons in comments). PostgreSQL's simple
 * query protocol runs a multi-statement script as one implicit transaction, so
 * each migration is sent whole: it applies entirely or not at all.
 */
function wholeScripts(factory: PrismaPg, pool: pg.Pool): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  };
  return factory;
}

export function connectPostgres(options: PostgresOptions): Database {
  const statements: StatementCounter = { total: 0 };
  const connectTimeoutMs = options.connectionTimeoutMs ?? 5_000;
  const statementTimeoutMs = options.statementTimeoutMs ?? 30_000;
  const queryTimeoutMs = options.queryTimeoutMs ?? (statementTimeoutMs ? statementTimeoutMs + 1_000 : 0);
  // The pool is ours, not the adapter's, to choose its client class and to end it on close().
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    // Both the wait for a free connection and the opening of a new one.
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: options.idleTimeoutMs ?? 10_000,
    // TCP keepalive: an idle connection whose peer vanished (a failover, a NAT or
    // firewall that forgot it) is found and dropped instead of handed out.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    statement_timeout: statementTimeoutMs,
    query_timeout: queryTimeoutMs || undefined,
    Client: ClosingOnTimeoutClient,
  });
  // An idle connection that dies (the server restarted, the network reset it) is
  // dropped by the pool; without a listener its error would crash the process.
  pool.on('error', (error) => logger.warn('idle database connection lost', { error: error.message }));
  // Statements the compiled read path marks are prepared once per connection
  // (Postgres then plans them once, not on every request); off behind a pooler
  // that cannot keep prepared statements.
  const prepared = options.preparedStatements !== false;
  const adapter = countingAdapter(new PrismaPg(pool), statements, (tx) => pgConnection((tx as unknown as { client: pg.PoolClient }).client, prepared));
  const outside = pgConnection(pool, prepared);
  const prisma = new PrismaClient({ adapter });
  let closed: Promise<void> | undefined;
  const url = options.directUrl ?? options.url;
  return {
    kind: 'postgres',
    prisma,
    statements,
    url,
    expose: async () => url,
    query: (sql, values, name) => rawStatement(statements, outside, sql, values, name),
    limits: { connectTimeoutMs, statementTimeoutMs: statementTimeoutMs || undefined, queryTimeoutMs: queryTimeoutMs || undefined },
    migrate: async () => {
      // One connection: the engine's advisory lock and the scripts share a session.
      const pool = new pg.Pool({ connectionString: options.directUrl ?? options.url, max: 1 });
      try {
        return await applyMigrations(wholeScripts(new PrismaPg(pool), pool));
      } finally {
        await pool.end();
      }
    },
    appliedMigrations: () => appliedMigrations(prisma),
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    // Ends the pool once (it waits for connections in use to be released); later
    // queries fail instead of silently opening a new pool.
    close: () =>
      (closed ??= (async () => {
        await prisma.$disconnect();
        await pool.end();
      })()),
  };
}

/**
 * The embedded database; `dataDir` undefined keeps it in memory (tests). A data
 * directory is locked for this process until close() (src/db/owner.ts).
 */
export async function connectEmbedded(dataDir?: string): Promise<Database & { pglite: PGlite }> {
  if (!dataDir) return embeddedDatabase(await PGlite.create());
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDirectory(dataDir);
  try {
    return embeddedDatabase(await PGlite.create({ dataDir }), lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * pglite-prisma-adapter 0.7 has no savepoints, which Prisma needs for a
 * transaction inside a transaction (each mutation of a request is one, see
 * `atomic` in src/graphql/crud.ts). They are plain SQL, as in @prisma/adapter-pg.
 */
function withSavepoints<F extends SqlDriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await startTransaction(isolationLevel);
      const run = async (sql: string) => {
        await tx.executeRaw({ sql, args: [], argTypes: [] });
      };
      tx.createSavepoint ??= (name) => run(`SAVEPOINT ${name}`);
      tx.rollbackToSavepoint ??= (name) => run(`ROLLBACK TO SAVEPOINT ${name}`);
      tx.releaseSavepoint ??= (name) => run(`RELEASE SAVEPOINT ${name}`);
      return tx;
    };
    return adapter;
  };
  return factory;
}

/** PGlite (or one of its transactions) as a RawConnection: one session, nothing to prepare. */
function pgliteConnection(client: Pick<PGlite, 'query'>): RawConnection {
  return { query: (sql, values) => client.query<unknown[]>(sql, values as unknown[], { rowMode: 'array' }).then((result) => result.rows, rethrowAsPrisma) };
}

export function embeddedDatabase(pglite: PGlite, lock?: DirectoryLock): Database & { pglite: PGlite } {
  const statements: StatementCounter = { total: 0 };
  const raw = (tx: unknown) => pgliteConnection((tx as { client: Pick<PGlite, 'query'> }).client);
  const prisma = new PrismaClient({ adapter: countingAdapter(withSavepoints(new PrismaPGlite(pglite)), statements, raw) });
  const outside = pgliteConnection(pglite);
  let server: Promise<EmbeddedServer> | undefined;
  const database: Database & { pglite: PGlite } = {
    kind: 'embedded',
    pglite,
    prisma,
    statements,
    query: (sql, values) => rawStatement(statements, outside, sql, values),
    migrate: () => applyMigrations(new PrismaPGlite(pglite)),
    appliedMigrations: () => appliedMigrations(prisma),
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    expose: async () => {
      server ??= serveEmbedded(pglite);
      database.url = (await server).url;
      lock?.advertise(database.url);
      return database.url;
    },
    close: async () => {
      if (server) await (await server).close();
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      lock?.release();
    },
  };
  return database;
}
