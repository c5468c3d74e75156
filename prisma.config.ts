// Prisma 7 configuration. The CLI is only used for `generate`/`validate`/`format`:
// migrations run through the WebAssembly schema engine (src/db/migrate.ts), so
// nothing here needs the native engine or a database URL.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'node scripts/run.mjs db/cli seed',
  },
  datasource: {
    url: process.env.DIRECT_URL ?? process.env.DATABASE_URL ?? 'postgresql://localhost:5432/unused',
  },
});
