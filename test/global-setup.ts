// Fails fast, with one clear line, when TEST_DATABASE_URL is set but unusable.
import { Client } from 'pg';

export default async function globalSetup(): Promise<void> {
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
