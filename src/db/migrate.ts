// Migrations through Prisma's WebAssembly schema engine.
//
// `prisma migrate deploy|diff` execute a native engine binary that the CLI downloads
// on first use; behind a firewall (and on CI here) that download fails. The same
// engine ships as WebAssembly in @prisma/schema-engine-wasm (an internal package:
// pinned to an exact version, wrapped in this one module, covered by
// test/migrations.test.ts). It applies prisma/migrations/* and records them in
// `_prisma_migrations` with the checksums `prisma migrate deploy` uses, so the two
// stay interchangeable.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export const PRISMA_DIR = path.resolve(__dirname, '../../prisma');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');

interface MigrationDirectory {
  path: string;
  migrationFile: { path: string; content: { tag: 'ok'; value: string } };
}

export interface MigrationsList {
  baseDir: string;
  shadowDbInitScript: string;
  lockfile: { path: string; content: string | null };
  migrationDirectories: MigrationDirectory[];
}

// The engine's own types live in an ESM-only package; this is the part we call.
interface SchemaEngine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

export function readMigrations(dir = MIGRATIONS_DIR): MigrationsList {
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
        .map((e) => e.name)
        .sort()
    : [];
  const lockPath = path.join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    shadowDbInitScript: '',
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null,
    },
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

// @types/node 20 does not declare WebAssembly; these are the two calls we make.
const { WebAssembly: Wasm } = globalThis as unknown as {
  WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  };
};
type EngineBindings = { SchemaEngine: { new: (...args: unknown[]) => Promise<SchemaEngine> } };
let bindings: EngineBindings | undefined;
const engineTimers = new Set<NodeJS.Timeout>();
let enginesRunning = 0;

/** Runs `fn` with a new engine, freed afterwards (its leftover timers too, when no other engine runs). */
async function withEngine<T>(adapterFactory: SqlMigrationAwareDriverAdapterFactory, log: (msg: string) => void, fn: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  enginesRunning += 1;
  try {
    const engine = await loadEngine(adapterFactory, log);
    try {
      return await fn(engine);
    } finally {
      engine.free();
    }
  } finally {
    enginesRunning -= 1;
    if (enginesRunning === 0) {
      for (const timer of engineTimers) clearTimeout(timer);
      engineTimers.clear();
    }
  }
}

/** Instantiates the WebAssembly module once per process, as the package's own entry does. */
function engineBindings(): EngineBindings {
  if (bindings) return bindings;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bg = require('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
  // The engine sets timeouts (e.g. around its migration lock) and never clears them:
  // they would keep a finished process alive for seconds. Its timers are tracked so
  // that they are cleared once no engine is running.
  const imports: Record<string, unknown> = { ...bg };
  for (const name of Object.keys(bg).filter((n) => n.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, ms: number) => {
      const timer: NodeJS.Timeout = setTimeout(() => {
        engineTimers.delete(timer);
        callback();
      }, ms >>> 0);
      engineTimers.add(timer);
      return timer;
    };
  }
  const instance = new Wasm.Instance(new Wasm.Module(readFileSync(wasmPath)), { './schema_engine_bg.js': imports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
  bindings = bg as EngineBindings;
  return bindings;
}

async function loadEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory, log: (msg: string) => void): Promise<SchemaEngine> {
  const bg = engineBindings();
  const schema = readFileSync(SCHEMA_PATH, 'utf8');
  return bg.SchemaEngine.new(
    { datamodels: [['schema.prisma', schema]] },
    (message: string) => log(message),
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

/** Applies the pending migrations; returns the names it applied (none on a second run). */
export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  options: { dir?: string; log?: (msg: string) => void } = {},
): Promise<string[]> {
  return withEngine(adapterFactory, options.log ?? (() => {}), async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrations(options.dir), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that brings a database built from the migrations up to schema.prisma:
 * the body of the next migration. Runs the migrations on the adapter's shadow
 * database (give it an empty in-memory PGlite), so it needs no server.
 */
export async function diffSchemaAgainstMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  options: { dir?: string } = {},
): Promise<string> {
  return withEngine(adapterFactory, () => {}, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...readMigrations(options.dir) },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: readFileSync(SCHEMA_PATH, 'utf8') }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  });
}

/** Names of migrations in the folder that the database has not finished applying. */
export function pendingMigrations(applied: string[], dir = MIGRATIONS_DIR): string[] {
  const done = new Set(applied);
  return readMigrations(dir)
    .migrationDirectories.map((m) => m.path)
    .filter((name) => !done.has(name));
}
