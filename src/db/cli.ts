// Database commands: `npm run db:migrate`, `npm run db:migration -- <name>`,
// `npm run db:seed`, `npm run db:status`. They act on DATABASE_URL (DIRECT_URL for
// migrations) or, with neither set, on the embedded database.
import '../env';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { ConfigError, loadConfig } from '../config';
import { diffSchemaAgainstMigrations, MIGRATIONS_DIR, pendingMigrations } from './migrate';
import { openDatabase } from './open';
import { seedDemoData } from './seed';

async function migrate(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    console.log(`Migrating ${db.where}`);
    const applied = await db.migrate();
    if (applied.length === 0) console.log('No pending migrations.');
    for (const name of applied) console.log(`Applied ${name}`);
  } finally {
    await db.close();
  }
}

async function status(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const pending = pendingMigrations(await db.appliedMigrations());
    console.log(`${db.where}: ${pending.length === 0 ? 'up to date' : `pending: ${pending.join(', ')}`}`);
    if (pending.length > 0) process.exitCode = 1;
  } finally {
    await db.close();
  }
}

async function createMigration(rawName: string | undefined): Promise<void> {
  const name = (rawName ?? '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  if (!name) throw new ConfigError('usage: npm run db:migration -- <name>   (e.g. add_contact_linkedin)');
  // The diff replays the existing migrations on a throw-away in-memory database,
  // so it needs no server and never touches a real one.
  const pglite = await PGlite.create();
  try {
    const sql = await diffSchemaAgainstMigrations(new PrismaPGlite(pglite));
    if (!sql.trim() || /^--\s*This is an empty migration\.?\s*$/m.test(sql.trim())) {
      console.log('schema.prisma matches the migrations: nothing to create.');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), sql);
    console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql:\n\n${sql}`);
  } finally {
    await pglite.close();
  }
}

async function seed(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    const pending = pendingMigrations(await db.appliedMigrations());
    if (pending.length > 0) throw new ConfigError(`migrations pending (${pending.join(', ')}): run npm run db:migrate first`);
    console.log(`Seeding ${db.where}`);
    await seedDemoData(db.prisma, (line) => console.log(line));
  } finally {
    await db.close();
  }
}

const commands: Record<string, (arg?: string) => Promise<void>> = {
  migrate,
  status,
  'migration:create': createMigration,
  seed,
};

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  const run = command ? commands[command] : undefined;
  if (!run) throw new ConfigError(`usage: db <${Object.keys(commands).join('|')}>`);
  await run(arg);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `error: ${error.message}` : error);
  process.exit(1);
});
