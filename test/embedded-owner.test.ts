// One owner for an embedded database directory, with the real processes: `npm
// start`'s entry point owns the folder and serves it on a local socket; the
// command-line tools work through it while it runs (a key created then works on
// the next request) and open the folder themselves when it does not; a second
// server is refused with one line naming the first. Embedded database only (it is
// the subject); each process runs like `npm run …` does.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '..');
/** What `npm start` and the tools' npm scripts run (compiling src/ first when it changed). */
const RUN = path.join(ROOT, 'scripts', 'run.mjs');

let dataDir: string;
let cwd: string;

function env(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _d, DIRECT_URL: _u, TEST_DATABASE_URL: _t, NODE_OPTIONS: _n, ...rest } = process.env;
  return { ...rest, PGLITE_DATA_DIR: dataDir, SEED_EMBEDDED: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
}

/** Runs a command-line tool to its end. */
function run(entry: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUN, entry, ...args], { cwd, env: env() });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  token: string;
  exited: Promise<number | null>;
}

/** Starts the server; resolves once it printed its URL and token. */
function startServer(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUN, 'main'], { cwd, env: env() });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const url = /ready at (http:\/\/\S+\/graphql)/.exec(stdout)?.[1];
      const token = /Bearer (\S+)/.exec(stdout)?.[1];
      if (url && token) resolve({ child, url, token, exited });
    });
    void exited.then((code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
}

async function stop(server: Server): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

async function graphql(server: Server, headers: Record<string, string>, query: string) {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] } };
}

const lockFile = () => path.join(dataDir, 'aurum.lock');

beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'aurum-owner-'));
  dataDir = path.join(cwd, 'pglite');
});

afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('an embedded database directory has one owner', () => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer();
  }, 120_000);

  afterAll(async () => {
    if (server.child.exitCode === null) await stop(server);
  });

  test('the lock file names the server and its local socket, readable by its user only', () => {
    const holder = JSON.parse(readFileSync(lockFile(), 'utf8')) as { pid: number; url: string };
    expect(holder.pid).toBe(server.child.pid);
    expect(holder.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    expect((require('node:fs').statSync(lockFile()).mode as number) & 0o077).toBe(0);
  });

  test('a key created while the server runs works on the next request, and is listed', async () => {
    const created = await run('auth/cli', ['create', 'Make.com', '--scopes', 'read,write,billing']);
    expect({ code: created.code, stderr: created.stderr }).toEqual({ code: 0, stderr: '' });
    expect(created.stdout).toContain(`through the server running as process ${server.child.pid}`);
    const key = /key: (\S+)/.exec(created.stdout)![1]!;

    const answer = await graphql(server, { 'x-api-key': key }, '{ companies(first: 1) { totalCount } }');
    expect(answer).toEqual({ status: 200, body: { data: { companies: { totalCount: 0 } } } });

    const listed = await run('auth/cli', ['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/Make\.com\s+\[read,write,billing\]/);
    expect(listed.stdout).not.toContain('last used never');
  }, 60_000);

  test('db:status and db:migrate go through the server too', async () => {
    const status = await run('db/cli', ['status']);
    expect({ code: status.code, out: status.stdout.trim() }).toEqual({ code: 0, out: expect.stringMatching(/through the server running as .*: up to date$/) });
    const migrate = await run('db/cli', ['migrate']);
    expect({ code: migrate.code, out: migrate.stdout }).toEqual({ code: 0, out: expect.stringContaining('No pending migrations.') });
  }, 60_000);

  test('a second server on the same directory is refused with one line naming the first', async () => {
    const second = await run('main', []);
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^error: the embedded database .* is in use by process ${server.child.pid} \\(main\\.js, since `))]);
  }, 60_000);

  test('clients of the socket need the run\'s password', async () => {
    const { url } = JSON.parse(readFileSync(lockFile(), 'utf8')) as { url: string };
    const wrong = new Client({ connectionString: url.replace(/:[^:@]+@/, ':guess@') });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
    const right = new Client({ connectionString: url });
    await right.connect();
    const { rows } = await right.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys');
    await right.end();
    expect(rows).toEqual([{ n: 1 }]);
  });

  test('once the server stopped, the tools open the directory themselves, and find what was written through it', async () => {
    expect(await stop(server)).toBe(0);
    expect(existsSync(lockFile())).toBe(false);
    const listed = await run('auth/cli', ['list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/Make\.com\s+\[read,write,billing\]/);
    expect(existsSync(lockFile())).toBe(false);
  }, 60_000);

  test('a lock left by a process that is gone is taken over', async () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: 2 ** 22 + 1, command: 'main.js', startedAt: '2026-01-01T00:00:00.000Z' }));
    const status = await run('db/cli', ['status']);
    expect({ code: status.code, out: status.stdout.trim(), err: status.stderr }).toEqual({ code: 0, out: expect.stringMatching(/: up to date$/), err: '' });
    expect(existsSync(lockFile())).toBe(false);
  }, 60_000);
});
