// Environment, read and validated once at start-up. A bad value is one clear line
// (ConfigError), never a stack trace; see .env.example for every variable.
import path from 'node:path';
import { LOG_LEVELS, type LogLevel } from './logger';

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
  auth: {
    /** Supabase's legacy HS256 secret. */
    jwtSecret?: string;
    /** Supabase's signing keys (JWKS), fetched and cached. */
    jwksUrl?: string;
    audience: string;
  };
  /** Anonymous requests (the website form) allowed per client address per minute. */
  anonymousPerMinute: number;
  /** Proxies in front of the API whose X-Forwarded-For is trusted (0: use the socket address). */
  trustProxyHops: number;
  /** Introspection and the Sandbox landing page (default: outside production). */
  introspection: boolean;
  database: {
    /** Connections per API process. */
    poolSize: number;
    /** Longest wait for a free connection before a request fails with 503, in ms. */
    connectTimeoutMs: number;
    /** Longest a single SQL statement may run, in ms. */
    statementTimeoutMs: number;
    /** Longest wait for the answer to a statement, client-side (a silent network), in ms; above statementTimeoutMs. */
    queryTimeoutMs: number;
    /** Prepare the compiled reads' statements once per connection (off behind a pooler that cannot keep them). */
    preparedStatements: boolean;
  };
  /** After SIGTERM/SIGINT: how long in-flight requests may take to finish, in ms. */
  shutdownTimeoutMs: number;
  /** The least severe log level written (src/logger.ts reads it at start-up). */
  logLevel: LogLevel;
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

function parseHttpUrl(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim());
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.toString();
  } catch {
    // reported below
  }
  throw new ConfigError(`${name} must be an http(s) URL`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 4000;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535 (got "${value}")`);
  }
  return n;
}

function parseInteger(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${value}")`);
  return n;
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false (got "${value}")`);
}

function parseLogLevel(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(level as LogLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${value}")`);
  return level as LogLevel;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = parseUrl('DATABASE_URL', env.DATABASE_URL);
  const directUrl = parseUrl('DIRECT_URL', env.DIRECT_URL) ?? databaseUrl;
  const nodeEnv = env.NODE_ENV ?? 'development';
  const statementTimeoutMs = parseInteger('DB_STATEMENT_TIMEOUT_MS', env.DB_STATEMENT_TIMEOUT_MS, 15_000, 100, 3_600_000);
  // Postgres cancels a slow statement itself and says so; the client-side limit is
  // only for an answer that never comes, so it must not pre-empt the server's.
  const queryTimeoutMs = parseInteger('DB_QUERY_TIMEOUT_MS', env.DB_QUERY_TIMEOUT_MS, statementTimeoutMs + 1_000, 100, 3_601_000);
  if (queryTimeoutMs <= statementTimeoutMs) {
    throw new ConfigError(`DB_QUERY_TIMEOUT_MS (${queryTimeoutMs}) must be above DB_STATEMENT_TIMEOUT_MS (${statementTimeoutMs}), so Postgres' own timeout answers first`);
  }
  return {
    nodeEnv,
    port: parsePort(env.PORT),
    // Outside production only this machine reaches the server unless HOST says otherwise.
    host: env.HOST?.trim() || (nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl,
    directUrl,
    pgliteDataDir: path.resolve(env.PGLITE_DATA_DIR?.trim() || path.join(__dirname, '..', '.data', 'pglite')),
    seedEmbedded: parseBoolean('SEED_EMBEDDED', env.SEED_EMBEDDED, true),
    sqlStatementHeader: parseBoolean('SQL_STATEMENT_HEADER', env.SQL_STATEMENT_HEADER, nodeEnv !== 'production'),
    auth: {
      jwtSecret: env.SUPABASE_JWT_SECRET?.trim() || undefined,
      jwksUrl: parseHttpUrl('SUPABASE_JWKS_URL', env.SUPABASE_JWKS_URL),
      audience: env.JWT_AUDIENCE?.trim() || 'authenticated',
    },
    anonymousPerMinute: parseInteger('ANONYMOUS_RATE_LIMIT', env.ANONYMOUS_RATE_LIMIT, 10, 1, 100_000),
    trustProxyHops: parseInteger('TRUST_PROXY_HOPS', env.TRUST_PROXY_HOPS, 0, 0, 10),
    introspection: parseBoolean('GRAPHQL_INTROSPECTION', env.GRAPHQL_INTROSPECTION, nodeEnv !== 'production'),
    database: {
      poolSize: parseInteger('DB_POOL_SIZE', env.DB_POOL_SIZE, 10, 1, 1000),
      connectTimeoutMs: parseInteger('DB_CONNECT_TIMEOUT_MS', env.DB_CONNECT_TIMEOUT_MS, 5_000, 100, 600_000),
      statementTimeoutMs,
      queryTimeoutMs,
      preparedStatements: parseBoolean('DB_PREPARED_STATEMENTS', env.DB_PREPARED_STATEMENTS, true),
    },
    shutdownTimeoutMs: parseInteger('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, 20_000, 0, 600_000),
    logLevel: parseLogLevel(env.LOG_LEVEL),
  };
}
