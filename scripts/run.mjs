// Runs a compiled entry point: `node scripts/run.mjs main` is `node dist/main.js`,
// `node scripts/run.mjs db/cli migrate` is `node dist/db/cli.js migrate`. In a
// development checkout (src/main.ts present, TypeScript installed) it compiles first when
// a source is newer than dist/, so `npm start` after an edit runs the edit; a
// production install (a built tree without the sources, `npm ci --omit=dev`) runs the
// build it was given. Same process: the pid is the server's.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, DIST, SRC, stale } from './build.mjs';

const [entry, ...args] = process.argv.slice(2);
function resolves(name) {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}
// Prisma's packages bring TypeScript into production installs too, and their
// postinstall generates src/generated there: the sources themselves tell a checkout.
if (existsSync(join(SRC, 'main.ts')) && resolves('typescript') && stale()) build();
const file = join(DIST, `${entry}.js`);
if (!existsSync(file)) {
  console.error(`error: ${file} does not exist: run \`npm run build\` (it needs the development dependencies)`);
  process.exit(1);
}
process.argv = [process.argv[0], file, ...args];
await import(pathToFileURL(file).href);
