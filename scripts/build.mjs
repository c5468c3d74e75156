// `npm run build`: compiles src/ to dist/ (CommonJS, the same layout), which is
// what production runs (`node dist/main.js`). Each file is transpiled on its own,
// as `isolatedModules` allows (a couple of seconds); `npm run typecheck` checks
// the types. The new tree is written beside dist/ and swapped in, so a process
// starting meanwhile never sees half of it.
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const SRC = join(ROOT, 'src');
export const DIST = join(ROOT, 'dist');

function sources() {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
}

/** Whether dist/ is missing or older than a source file (the generated client included). */
export function stale() {
  let built;
  try {
    built = statSync(join(DIST, '.built')).mtimeMs;
  } catch {
    return true;
  }
  return sources().some((file) => statSync(join(SRC, file)).mtimeMs > built);
}

export function build() {
  const ts = createRequire(import.meta.url)('typescript');
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, isolatedModules: true };
  const out = `${DIST}.tmp-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  const files = sources();
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(join(SRC, file), 'utf8'), { compilerOptions, fileName: file });
    const dest = join(out, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, outputText);
  }
  writeFileSync(join(out, '.built'), '');
  rmSync(DIST, { recursive: true, force: true });
  renameSync(out, DIST);
  return files.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`Compiled ${build()} files to dist/`);
}
