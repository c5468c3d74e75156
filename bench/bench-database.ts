// The benchmark's database: created on the server if missing, migrated, and
// filled with the synthetic dataset when empty (or when asked to start fresh).
import { Client } from 'pg';
import { connectPostgres } from '../src/db/database';
import { ROWS_PER_SCALE, generateDataset, type DatasetTable } from './dataset';

export interface PreparedDatabase {
  name: string;
  /** host:port/name, never a password. */
  where: string;
  postgresVersion: string;
  scale: number;
  rows: Record<DatasetTable, number>;
  /** Set when this run generated the data. */
  generatedMs?: number;
  migrationsApplied: string[];
}

export interface PrepareOptions {
  url: string;
  /** Wanted scale; undefined: whatever the database holds, else the default. */
  scale?: number;
  defaultScale: number;
  /** Drop and recreate the database first. */
  fresh: boolean;
  progress: (line: string) => void;
}

const TABLES: readonly DatasetTable[] = ['services', 'companies', 'contacts', 'projects', 'project_services', 'integrations', 'invoices', 'meetings', 'support_tickets', 'notes'];

function describe(url: URL): string {
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** The scale of data the generator wrote (every table in proportion), or null for other data. */
function inferScale(rows: Record<DatasetTable, number>): number | null {
  const scale = rows.companies / ROWS_PER_SCALE.companies;
  if (!Number.isInteger(scale) || scale < 1) return null;
  const proportional = rows.contacts === scale * ROWS_PER_SCALE.contacts && rows.projects === scale * ROWS_PER_SCALE.projects && rows.invoices === scale * ROWS_PER_SCALE.invoices;
  return proportional ? scale : null;
}

export async function prepareDatabase(options: PrepareOptions): Promise<PreparedDatabase> {
  const url = new URL(options.url);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!name) throw new Error(`--db names no database (${describe(url)})`);
  const where = describe(url);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';

  const admin = new Client({ connectionString: adminUrl.toString() });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`cannot reach PostgreSQL at ${url.hostname}:${url.port || 5432} (${(error as Error).message})`);
  }
  let postgresVersion: string;
  try {
    postgresVersion = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount! > 0;
    const quoted = `"${name.replace(/"/g, '""')}"`;
    if (exists && options.fresh) {
      // --fresh drops a whole database: only ever one that is named as a benchmark's.
      if (!/bench/i.test(name)) throw new Error(`--fresh drops the database, and "${name}" does not look like a benchmark database (its name must contain "bench")`);
      options.progress(`dropping ${where}`);
      await admin.query(`DROP DATABASE ${quoted} WITH (FORCE)`);
    }
    if (!exists || options.fresh) {
      options.progress(`creating ${where}`);
      await admin.query(`CREATE DATABASE ${quoted}`);
    }
  } finally {
    await admin.end();
  }

  const db = connectPostgres({ url: url.toString(), poolSize: 2 });
  try {
    let migrationsApplied: string[];
    try {
      migrationsApplied = await db.migrate();
    } catch (error) {
      // The schema engine's first line can be as vague as "external connector error".
      const detail = (error as Error).message.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' ');
      throw new Error(`migrating ${where} failed: ${detail} (a benchmark database can be recreated with --fresh)`);
    }
    if (migrationsApplied.length) options.progress(`applied ${migrationsApplied.length} migration(s): ${migrationsApplied.join(', ')}`);
    const count = async () => {
      const [row] = await db.prisma.$queryRawUnsafe<Record<DatasetTable, number>[]>(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`).join(', ')}`);
      return row!;
    };
    let rows = await count();
    if (rows.companies === 0 && rows.contacts === 0 && rows.services === 0) {
      const scale = options.scale ?? options.defaultScale;
      options.progress(`generating the scale-${scale} dataset`);
      const started = Date.now();
      await generateDataset(db.prisma, { scale });
      const generatedMs = Date.now() - started;
      rows = await count();
      return { name, where, postgresVersion, scale, rows, generatedMs, migrationsApplied };
    }
    const scale = inferScale(rows);
    if (scale === null) throw new Error(`${where} holds data that is not the benchmark dataset (${rows.companies} companies, ${rows.contacts} contacts): use --fresh or another --db`);
    if (options.scale !== undefined && options.scale !== scale) throw new Error(`${where} holds the scale-${scale} dataset, not scale ${options.scale}: add --fresh to regenerate it`);
    return { name, where, postgresVersion, scale, rows, migrationsApplied };
  } finally {
    await db.close();
  }
}
