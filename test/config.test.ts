// Configuration is validated at start-up: a bad value is one clear line and exit 1.
// Settings come from the environment and from `.env` in the working directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { createEmptyPostgres } from './helpers/db';

const RUN = path.join(__dirname, '..', 'scripts', 'run.mjs');
/** A working directory of the test's own: a developer's .env never reaches these servers. */
let cwd: string;
beforeAll(() => (cwd = mkdtempSync(path.join(tmpdir(), 'aurum-config-'))));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

/** Starts the server as `npm start` does (it exits at once on a bad setting). */
function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, [RUN, 'main'], {
    cwd,
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

  it('outside production the server listens on this machine only unless HOST says otherwise; in production on every interface', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production' }).host).toBe('0.0.0.0');
  });

  it('reads .env from the working directory, and the environment wins over it', () => {
    writeFileSync(path.join(cwd, '.env'), 'PORT=from-dotenv\nDB_POOL_SIZE=0\n');
    try {
      expect(start({})).toEqual({ status: 1, stderr: 'error: PORT must be an integer between 0 and 65535 (got "from-dotenv")' });
      expect(start({ PORT: '0' })).toEqual({ status: 1, stderr: 'error: DB_POOL_SIZE must be an integer between 1 and 1000 (got "0")' });
    } finally {
      rmSync(path.join(cwd, '.env'));
    }
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
