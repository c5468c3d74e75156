// What the Docker image runs, without Docker (no engine runs here): the compiled
// server (`node dist/main.js`, production mode) migrated by the compiled tool, and
// the image's HEALTHCHECK command against it. Postgres only: production's database.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEmptyPostgres } from './helpers/db';

const ROOT = path.join(__dirname, '..');
const describePostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/** The HEALTHCHECK's command, as the Dockerfile gives it (exec form). */
function healthcheck(): string[] {
  const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n\s*/g, '');
  return JSON.parse(/^HEALTHCHECK .*?CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
}

describePostgres('the production build', () => {
  let database: Awaited<ReturnType<typeof createEmptyPostgres>>;
  const env = () => ({ PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', DATABASE_URL: database.url, SUPABASE_JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'info' });

  beforeAll(async () => {
    database = await createEmptyPostgres();
    // db:status on the empty database: migrations pending (and src/ compiled to dist/ when it changed).
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run.mjs'), 'db/cli', 'status'], { cwd: ROOT, env: env(), encoding: 'utf8' });
    expect(built.status).toBe(1);
  });

  afterAll(() => database.drop());

  test('migrates with the compiled tool, serves, passes the image\'s health check and stops cleanly on SIGTERM', async () => {
    const migrated = spawnSync(process.execPath, ['dist/db/cli.js', 'migrate'], { cwd: ROOT, env: { ...env(), LOG_LEVEL: 'warn' }, encoding: 'utf8' });
    expect({ status: migrated.status, stderr: migrated.stderr }).toEqual({ status: 0, stderr: '' });

    const server = spawn(process.execPath, ['dist/main.js'], { cwd: ROOT, env: { ...env(), PORT: '0' } });
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    let stderr = '';
    server.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const found = /ready at (http:\/\/\S+)\/graphql/.exec(out)?.[1];
        if (found) resolve(found);
      });
      void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    // Production listens on every interface; the URL it prints says localhost.
    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    const [command, ...args] = healthcheck();
    expect(command).toBe('node');
    const check = spawnSync(process.execPath, args, { env: { PATH: process.env.PATH, PORT: new URL(url).port }, encoding: 'utf8' });
    expect(check.status).toBe(0);
    const sandbox = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(sandbox.headers.get('content-type')).not.toMatch(/html/);

    // One log line per request, without the credentials it carried.
    const created = spawnSync(process.execPath, ['dist/auth/cli.js', 'create', 'Logs', '--scopes', 'read'], { cwd: ROOT, env: env(), encoding: 'utf8' });
    const key = /key: (\S+)/.exec(created.stdout)![1]!;
    const probe = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key, 'x-request-id': 'probe-1' }, body: JSON.stringify({ query: 'query Probe { companies(first: 1) { totalCount } }' }) });
    expect(probe.status).toBe(200);
    const refused = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-valid-token-1234', 'x-request-id': 'probe-2' }, body: '{"query":"{ __typename }"}' });
    expect(refused.status).toBe(401);
    const lines = () => stderr.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
    while (!lines().some((l) => l.requestId === 'probe-2')) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines().filter((l) => l.msg === 'request' && String(l.requestId).startsWith('probe-'))).toEqual([
      { level: 'info', time: expect.any(String), msg: 'request', requestId: 'probe-1', method: 'POST', path: '/graphql', operation: 'Probe', kind: 'query', caller: 'apiKey', statements: 3, status: 200, durationMs: expect.any(Number) },
      { level: 'info', time: expect.any(String), msg: 'request', requestId: 'probe-2', method: 'POST', path: '/graphql', operation: null, kind: 'query', caller: 'refused', statements: 0, status: 401, durationMs: expect.any(Number) },
    ]);
    expect(stderr).not.toContain(key);
    expect(stderr).not.toContain('not-a-valid-token');
    expect(stderr).not.toContain(database.url);

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
