// Environment, read and validated once at start-up. A bad value is one clear line
// (ConfigError), never a stack trace; see .env.example for every variable.
import path from 'node:path';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface Config {
  nodeEnv: string;
  port: number;
  host: string;
  /** Runtime database (Supabase: the pooled URL). Undefined: the embedded PGlite database. */
  databaseUrl?: string;
  /** Migrations (Supabase: the direct URL). Defaults to databaseUrl. */
  directUrl?: string;
  /** Where the embedded database keeps its files. */
  pgliteDataDir: string;
  /** Seed demo data when the embedded database is created. */
  seedEmbedded: boolean;
  /** Report each request's SQL statement count in `x-sql-statements` (the benchmark turns it on in production). */
  sqlStatementHeader: boolean;
}

function parseUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected postgresql://user:password@host:5432/database)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgresql:// (got ${url.protocol}//)`);
  }
  if (!url.hostname) throw new ConfigError(`${name} has no host`);
  return value.trim();
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 4000;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535 (got "${value}")`);
  }
  return n;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false (got "${value}")`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = parseUrl('DATABASE_URL', env.DATABASE_URL);
  const directUrl = parseUrl('DIRECT_URL', env.DIRECT_URL) ?? databaseUrl;
  const nodeEnv = env.NODE_ENV ?? 'development';
  return {
    nodeEnv,
    port: parsePort(env.PORT),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    directUrl,
    pgliteDataDir: path.resolve(env.PGLITE_DATA_DIR?.trim() || path.join(__dirname, '..', '.data', 'pglite')),
    seedEmbedded: parseBoolean('SEED_EMBEDDED', env.SEED_EMBEDDED, true),
    sqlStatementHeader: parseBoolean('SQL_STATEMENT_HEADER', env.SQL_STATEMENT_HEADER, nodeEnv !== 'production'),
  };
}
