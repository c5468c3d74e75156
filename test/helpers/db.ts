// Test databases. Every suite runs on the embedded PGlite database and, when
// TEST_DATABASE_URL names a Postgres server (CI always does), on a fresh database
// of that server too. Each suite gets its own database, migrated (and seeded when
// asked), and drops it afterwards.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { connectEmbedded, connectPostgres, type Database } from '../../src/db/database';
import { seedDemoData } from '../../src/db/seed';

export type Target = 'embedded' | 'postgres';

/** The data tables, and the API's own bookkeeping that a write leaves behind. */
export const DATA_TABLES = ['services', 'companies', 'contacts', 'projects', 'project_services', 'integrations', 'invoices', 'meetings', 'support_tickets', 'notes'];
export const ALL_TABLES = [...DATA_TABLES, 'audit_log', 'idempotency_keys', 'document_counters'];

export function testTargets(): Target[] {
  return process.env.TEST_DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];
}

export interface TestDatabase extends Database {
  target: Target;
  /** A connection string for this database (Postgres; embedded once `expose()` ran). */
  url?: string;
  /** Runs SQL as the superuser/owner (bypasses RLS). */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `fn` in one transaction as a Supabase role (`SET LOCAL ROLE`) with the
   * given JWT claims in `request.jwt.claims`, like PostgREST does; rolls back.
   */
  asRole<T>(role: 'anon' | 'authenticated' | 'service_role', claims: Record<string, unknown> | null, fn: (sql: TestDatabase['sql']) => Promise<T>): Promise<T>;
  /** Per table, its row count and a hash of every row: equal before and after means nothing was written. */
  checksums(tables?: string[]): Promise<Record<string, string>>;
  drop(): Promise<void>;
}

function serverUrl(database?: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  if (database) url.pathname = `/${database}`;
  return url.toString();
}

/** Only databases this suite created, named so, are ever dropped. */
const NAME_PREFIX = 'aurum_test_';

export async function createEmptyPostgres(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${NAME_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: serverUrl(name),
    async drop() {
      if (!name.startsWith(NAME_PREFIX)) throw new Error(`refusing to drop ${name}`);
      const c = new Client({ connectionString: serverUrl() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function createTestDatabase(target: Target, options: { seed?: boolean; migrate?: boolean } = {}): Promise<TestDatabase> {
  const { seed = true, migrate = true } = options;
  let db: Database;
  let sql: TestDatabase['sql'];
  let transaction: <T>(fn: (sql: TestDatabase['sql']) => Promise<T>) => Promise<T>;
  let dropExtra = async () => {};
  let url: string | undefined;
  if (target === 'postgres') {
    const empty = await createEmptyPostgres();
    url = empty.url;
    db = connectPostgres({ url, poolSize: 5 });
    const client = new Client({ connectionString: url });
    await client.connect();
    sql = async (text, params) => (await client.query(text, params as unknown[])).rows;
    transaction = async (fn) => {
      const tx = new Client({ connectionString: url });
      await tx.connect();
      try {
        await tx.query('BEGIN');
        return await fn(async (text, params) => (await tx.query(text, params as unknown[])).rows);
      } finally {
        await tx.query('ROLLBACK').catch(() => {});
        await tx.end();
      }
    };
    dropExtra = async () => {
      await client.end();
      await empty.drop();
    };
  } else {
    const embedded = await connectEmbedded();
    db = embedded;
    sql = async (text, params) => (await embedded.pglite.query(text, params as unknown[])).rows as never;
    transaction = async (fn) => {
      let result: unknown;
      await embedded.pglite
        .transaction(async (tx) => {
          result = await fn(async (text, params) => (await tx.query(text, params as unknown[])).rows as never);
          await tx.rollback();
        })
        .catch((error: unknown) => {
          throw error;
        });
      return result as never;
    };
  }
  if (migrate) await db.migrate();
  if (migrate && seed) await seedDemoData(db.prisma);
  const database: TestDatabase = {
    ...db,
    target,
    url,
    // The embedded database gets its URL when it starts serving a socket.
    expose: async () => (database.url = await db.expose()),
    sql,
    asRole: (role, claims, fn) =>
      transaction(async (tx) => {
        await tx(`SELECT set_config('request.jwt.claims', $1, true)`, [claims ? JSON.stringify(claims) : '']);
        await tx(`SET LOCAL ROLE ${role}`);
        return fn(tx);
      }),
    async checksums(tables = ALL_TABLES) {
      const out: Record<string, string> = {};
      for (const table of tables) {
        const [row] = await sql<{ sum: string | null; n: number }>(
          `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum, count(*)::int AS n FROM ${table} t`,
        );
        out[table] = `${row!.n}:${row!.sum}`;
      }
      return out;
    },
    async drop() {
      await db.close();
      await dropExtra();
    },
  };
  return database;
}
