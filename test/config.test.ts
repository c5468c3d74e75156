// Configuration is validated at start-up: a bad value is one clear line and exit 1.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createEmptyPostgres } from './helpers/db';

const root = path.join(__dirname, '..');

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe('configuration', () => {
  it('defaults: port 4000, embedded database', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.pgliteDataDir).toMatch(/\.data[/\\]pglite$/);
  });

  it('DIRECT_URL defaults to DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/d' }).directUrl).toBe('postgresql://u@h:5432/d');
  });

  it('the client-side query timeout defaults to 1 s above the statement timeout, and must stay above it', () => {
    expect(loadConfig({ DB_STATEMENT_TIMEOUT_MS: '8000' }).database).toMatchObject({ statementTimeoutMs: 8000, queryTimeoutMs: 9000 });
    expect(loadConfig({}).shutdownTimeoutMs).toBe(20_000);
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: '8000', DB_QUERY_TIMEOUT_MS: '8000' })).toThrow(/DB_QUERY_TIMEOUT_MS \(8000\) must be above DB_STATEMENT_TIMEOUT_MS \(8000\)/);
  });

  it.each([
    [{ DATABASE_URL: 'not a url' }, /^error: DATABASE_URL is not a valid URL/],
    [{ DATABASE_URL: 'mysql://u@h/d' }, /^error: DATABASE_URL must start with postgresql:\/\//],
    [{ PORT: 'eighty' }, /^error: PORT must be an integer between 0 and 65535 \(got "eighty"\)$/],
    [{ PORT: '70000' }, /^error: PORT must be an integer/],
  ])('rejects %j with one clear line', (env, message) => {
    const { status, stderr } = start(env);
    expect(status).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  const withPostgres = process.env.TEST_DATABASE_URL ? it : it.skip;
  withPostgres('refuses to start on Postgres while migrations are pending', async () => {
    const empty = await createEmptyPostgres();
    try {
      const { status, stderr } = start({ DATABASE_URL: empty.url, PORT: '0' });
      expect(status).toBe(1);
      expect(stderr).toMatch(/^error: \d+ migration\(s\) pending on PostgreSQL at .+: run `npm run db:migrate` first$/);
      expect(stderr).not.toContain('postgresql://');
    } finally {
      await empty.drop();
    }
  });
});
