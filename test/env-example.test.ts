// .env.example is the list of settings: every variable in it is read by the code
// (the application, or the test harness for TEST_DATABASE_URL), and every variable
// the code reads is in it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');

/** Variables named in .env.example (set or commented out: `# NAME=value`). */
function documented(): Set<string> {
  const text = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
  return new Set([...text.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));
}

/** The application's files, and the test harness's (which reads TEST_DATABASE_URL). */
function sources(): string[] {
  const src = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => !f.startsWith('generated')).map((f) => `src/${f}`);
  const helpers = readdirSync(path.join(ROOT, 'test', 'helpers')).map((f) => `test/helpers/${f}`);
  return [...src, ...helpers, 'test/global-setup.ts'].filter((f) => f.endsWith('.ts'));
}

/** Variables read through `env.NAME` / `process.env.NAME`, with the files that read them. */
function read(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sources()) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const [, name] of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)\b/g)) found.set(name!, [...new Set([...(found.get(name!) ?? []), file])]);
  }
  return found;
}

test('every variable in .env.example is read by the code', () => {
  const reads = read();
  expect([...documented()].filter((name) => !reads.has(name))).toEqual([]);
});

test('every variable the code reads is in .env.example', () => {
  const names = documented();
  expect([...read()].filter(([name]) => !names.has(name)).map(([name, files]) => `${name} (${files.join(', ')})`)).toEqual([]);
});
