// Before any suite: compiles src/ to dist/ once (the suites that start the real
// processes run the compiled code, and parallel workers must not each rebuild it),
// and fails fast, with one clear line, when TEST_DATABASE_URL is set but unusable.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';

export default async function globalSetup(): Promise<void> {
  const build = spawnSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.mjs')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed: ${build.stderr}`);
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('\nTEST_DATABASE_URL not set: suites run on the embedded database only.');
    return;
  }
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is set but unusable: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}
