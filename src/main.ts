// `npm start`: the API on DATABASE_URL, or on the embedded PGlite database (migrated
// and seeded with demo data on first start) when no DATABASE_URL is set.
import './env';
import { developmentSignIn } from './auth/development';
import { ConfigError, loadConfig } from './config';
import { pendingMigrations } from './db/migrate';
import { scheduleMaintenance } from './db/maintenance';
import { openDatabase } from './db/open';
import { seedDemoData } from './db/seed';
import { logger } from './logger';
import { startServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(
    config,
    {
      poolSize: config.database.poolSize,
      connectionTimeoutMs: config.database.connectTimeoutMs,
      statementTimeoutMs: config.database.statementTimeoutMs,
      queryTimeoutMs: config.database.queryTimeoutMs,
      preparedStatements: config.database.preparedStatements,
    },
    { owner: true },
  );
  const { where } = db;

  if (db.kind === 'embedded') {
    const firstStart = (await db.appliedMigrations()).length === 0;
    const applied = await db.migrate();
    if (applied.length) console.log(`Applied ${applied.length} migration(s) to ${where}`);
    if (firstStart && config.seedEmbedded) {
      console.log('First start: seeding demo data');
      await seedDemoData(db.prisma, (line) => console.log(line));
    }
    // The command-line tools (and anything else) reach the database through the server from now on.
    await db.expose();
  } else {
    let pending: string[];
    try {
      pending = pendingMigrations(await db.appliedMigrations());
    } catch (error) {
      await db.close();
      throw new ConfigError(`cannot reach the database (${where}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    if (pending.length > 0) {
      await db.close();
      throw new ConfigError(`${pending.length} migration(s) pending on ${where} (${pending.join(', ')}): run \`npm run db:migrate\` first`);
    }
  }

  const production = config.nodeEnv === 'production';
  const signIn = !production && !config.auth.jwtSecret && !config.auth.jwksUrl ? await developmentSignIn(config.auth.audience) : undefined;
  const server = await startServer({
    db,
    port: config.port,
    host: config.host,
    production,
    statementHeader: config.sqlStatementHeader,
    auth: signIn ? { ...config.auth, jwtSecret: signIn.secret } : config.auth,
    sandboxHeaders: signIn ? { Authorization: `Bearer ${signIn.token}` } : undefined,
    anonymousPerMinute: config.anonymousPerMinute,
    trustProxyHops: config.trustProxyHops,
    introspection: config.introspection,
    transactionWaitMs: config.database.connectTimeoutMs,
    drainTimeoutMs: config.shutdownTimeoutMs,
  });
  console.log(`Aurum API ready at ${server.url} (${where})`);
  if (db.kind === 'embedded') console.log(`The embedded database also answers at ${db.url} while the server runs (npm run api-key, db:seed, psql ...).`);
  if (signIn) {
    console.log(
      `Development sign-in (no SUPABASE_JWT_SECRET or SUPABASE_JWKS_URL set): Apollo Sandbox at this URL already sends\n` +
        `  Authorization: Bearer ${signIn.token}\n` +
        `(an admin of the demo team, valid 12 h, for this run only).`,
    );
  }
  const stopMaintenance = scheduleMaintenance(db);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    // The last resort: in-flight requests had their drain time, closing gets 5 s more.
    const hardDeadlineMs = config.shutdownTimeoutMs + 5_000;
    setTimeout(() => {
      logger.error('shutdown did not finish in time: exiting', { timeoutMs: hardDeadlineMs });
      process.exit(1);
    }, hardDeadlineMs).unref();
    try {
      // Requests and a running maintenance pass finish before the pool ends: ending
      // it under them failed them with "Cannot use a pool after calling end".
      await Promise.all([server.stop(), stopMaintenance()]);
      await db.close();
    } catch (error) {
      logger.error('shutdown failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`error: ${error.message}`);
  } else if (error && typeof error === 'object' && 'code' in error && (error as { code: string }).code === 'EADDRINUSE') {
    console.error(`error: port already in use (${String((error as unknown as Error).message)})`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
