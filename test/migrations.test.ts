// Migrations run anywhere and only once; the seed is idempotent; schema.prisma
// and the migrations agree (so the next migration is always a clean diff).
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { diffSchemaAgainstMigrations, readMigrations } from '../src/db/migrate';
import { seedDemoData } from '../src/db/seed';
import { createTestDatabase, DATA_TABLES, testTargets, type TestDatabase } from './helpers/db';

const checksums = (db: TestDatabase) => db.checksums(DATA_TABLES);

describe.each(testTargets())('migrations and seed (%s)', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(target, { migrate: false });
  });
  afterAll(() => db?.drop());

  it('applies every migration once, recorded like prisma migrate deploy', async () => {
    const all = readMigrations().migrationDirectories;
    expect(await db.migrate()).toEqual(all.map((m) => m.path));
    expect(await db.migrate()).toEqual([]);
    const rows = await db.sql<{ migration_name: string; checksum: string; finished: boolean }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      all.map((m) => ({
        migration_name: m.path,
        checksum: createHash('sha256').update(m.migrationFile.content.value).digest('hex'),
        finished: true,
      })),
    );
  });

  it('seeds demo data, and a second run changes nothing', async () => {
    const first = await seedDemoData(db.prisma);
    const before = await checksums(db);
    for (const table of DATA_TABLES) expect(Number(before[table]!.split(':')[0])).toBeGreaterThan(0);
    const second = await seedDemoData(db.prisma);
    expect(Object.values(second).every((s) => s.created === 0)).toBe(true);
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    expect(await checksums(db)).toEqual(before);
  });
});

describe('schema.prisma and the migrations', () => {
  it('agree: the next migration from an unchanged schema is empty', async () => {
    const pglite = await PGlite.create();
    try {
      const sql = await diffSchemaAgainstMigrations(new PrismaPGlite(pglite));
      expect(sql.replace(/^--.*$/gm, '').trim()).toBe('');
    } finally {
      await pglite.close();
    }
  });
});
