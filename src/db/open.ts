// Opens the database the configuration names: Postgres when DATABASE_URL is set,
// else the embedded PGlite database in its data folder.
import type { Config } from '../config';
import { connectEmbedded, connectPostgres, type Database, type PostgresOptions } from './database';

export async function openDatabase(config: Config, tuning: Omit<PostgresOptions, 'url' | 'directUrl'> = {}): Promise<Database> {
  if (config.databaseUrl) {
    return connectPostgres({ url: config.databaseUrl, directUrl: config.directUrl, ...tuning });
  }
  return connectEmbedded(config.pgliteDataDir);
}

/** Where the database is, for logs: never a password. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite at ${config.pgliteDataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
