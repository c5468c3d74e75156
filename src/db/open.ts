// Opens the database the configuration names: Postgres when DATABASE_URL is set,
// else the embedded PGlite database in its data folder. Every command-line tool
// opens it here, so each one works while `npm start` runs on the embedded
// database: the server owns the folder and serves it on a local Postgres socket
// (src/db/embedded-server.ts), and the tool connects through that socket.
import type { Config } from '../config';
import { ConfigError } from '../config';
import { connectEmbedded, connectPostgres, type Database, type PostgresOptions } from './database';
import { describeHolder, lockHolder } from './owner';

export interface OpenedDatabase extends Database {
  /** Where the database is, for messages: never a password. */
  where: string;
}

/**
 * `owner`: the server, which must open the folder itself (a second server on the
 * same folder is refused, naming the first). Tools pass nothing.
 */
export async function openDatabase(config: Config, tuning: Omit<PostgresOptions, 'url' | 'directUrl'> = {}, options: { owner?: boolean } = {}): Promise<OpenedDatabase> {
  const where = describeDatabase(config);
  if (config.databaseUrl) {
    return { ...connectPostgres({ url: config.databaseUrl, directUrl: config.directUrl, ...tuning }), where };
  }
  const holder = options.owner ? undefined : lockHolder(config.pgliteDataDir);
  if (holder?.url) {
    return { ...connectPostgres({ url: holder.url, ...tuning }), where: `${where}, through the server running as ${describeHolder(holder)}` };
  }
  if (holder) throw new ConfigError(`the embedded database ${config.pgliteDataDir} is in use by ${describeHolder(holder)}, which does not serve it (yet); try again once it is up, or stop it`);
  return Object.assign(await connectEmbedded(config.pgliteDataDir), { where });
}

/** Where the database is, for logs: never a password. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite at ${config.pgliteDataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
