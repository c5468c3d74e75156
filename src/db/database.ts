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
import { applyMigrations } from './migrate';
import { countingAdapter, type StatementCounter } from './statements';

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
  const adapter = countingAdapter(
    new PrismaPg({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
    }),
    statements,
  );
  const prisma = new PrismaClient({ adapter });
  return {
    kind: 'postgres',
    prisma,
    statements,
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
    close: () => prisma.$disconnect(),
  };
}

/** The embedded database; `dataDir` undefined keeps it in memory (tests). */
export async function connectEmbedded(dataDir?: string): Promise<Database & { pglite: PGlite }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir ? { dataDir } : {});
  return embeddedDatabase(pglite);
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

export function embeddedDatabase(pglite: PGlite): Database & { pglite: PGlite } {
  const statements: StatementCounter = { total: 0 };
  const prisma = new PrismaClient({ adapter: countingAdapter(withSavepoints(new PrismaPGlite(pglite)), statements) });
  return {
    kind: 'embedded',
    pglite,
    prisma,
    statements,
    migrate: () => applyMigrations(new PrismaPGlite(pglite)),
    appliedMigrations: () => appliedMigrations(prisma),
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: async () => {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
    },
  };
}
