// Runs `prisma generate` offline.
//
// The Prisma CLI downloads its native schema-engine binary before every command,
// even though `generate` never executes it. This project never runs the native
// engine (migrations go through the WebAssembly engine, src/db/migrate.ts), so when
// no engine binary is configured we point PRISMA_SCHEMA_ENGINE_BINARY at a
// placeholder file: generation then works behind a firewall or offline.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
}
const args = process.argv.slice(2);
const result = spawnSync('prisma', args.length ? args : ['generate'], {
  stdio: 'inherit',
  env,
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
