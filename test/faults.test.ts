// Faults between the API and Postgres, injected by a TCP proxy of the test's own
// (helpers/tcp-proxy.ts) so the shared Postgres keeps running: during an outage
// every request fails fast with 503 SERVICE_UNAVAILABLE naming the configured
// limit it hit, and the API recovers by itself when the network does; writes
// acknowledged with 200 are stored, and none is applied twice when retried with
// its Idempotency-Key; a full pool queues with a limit; a runaway statement is
// stopped; SIGTERM drains in-flight requests and exits 0.
// Postgres only (the embedded database has no network). No test asserts elapsed
// time: the limits are asserted through what the API reports, and Jest's timeout
// only guards against hangs.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { Client } from 'pg';
import { createApiKey } from '../src/auth/api-keys';
import { connectPostgres, type Database, type PostgresOptions } from '../src/db/database';
import type { Context } from '../src/graphql/context';
import type { ServerOptions } from '../src/server';
import { createTestDatabase, type TestDatabase } from './helpers/db';
import { signToken, startTestServer, TEST_JWT_SECRET, type GraphQLResponse, type TestServer } from './helpers/http';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy';

const describePostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/** Limits for the servers behind the proxy: short, so outages are quick to observe, yet far above what a healthy local request needs. */
const CONNECT_MS = 1_500;
const STATEMENT_MS = 1_500;
const QUERY_MS = 3_000;

const COMPANIES = '{ companies(first: 1) { totalCount } }';
const CREATE_COMPANY = 'mutation CreateCompany($input: CreateCompanyInput!) { createCompany(input: $input) { id companyName } }';
const UPDATE_COMPANY = 'mutation UpdateCompany($id: UUID!, $input: UpdateCompanyInput!) { updateCompany(id: $id, input: $input) { id city } }';

type Response = GraphQLResponse<Record<string, unknown>>;
const summary = (res: Response) => ({ status: res.status, code: res.body.errors?.[0]?.extensions?.code ?? null });
const expectOk = (res: Response) => expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
const expectUnavailable = (res: Response) => expect(summary(res)).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
/** 503 naming the limit that was hit, in the message and in `extensions.timeoutMs`. */
const expectTimedOut = (res: Response, ms: number, what: RegExp) => {
  expectUnavailable(res);
  const [error] = res.body.errors!;
  expect({ timeoutMs: error!.extensions?.timeoutMs, message: error!.message }).toEqual({ timeoutMs: ms, message: expect.stringMatching(what) });
  expect(error!.message).toContain(`${ms} ms`);
};

let sequence = 0;
const unique = (label: string) => `${label}-${process.pid}-${++sequence}`;

/** Resolves when `condition` holds, checking every 25 ms: for states only Postgres can tell (the Jest timeout bounds it). */
async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 25));
}

/** A row lock held by a connection of the test's own, until `release()` (idempotent). */
async function lockCompany(db: TestDatabase, id: string): Promise<{ release(): Promise<void> }> {
  const client = new Client({ connectionString: db.url });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT id FROM companies WHERE id = $1 FOR UPDATE', [id]);
  let released: Promise<void> | undefined;
  return {
    release: () => (released ??= client.query('ROLLBACK').then(() => client.end())),
  };
}

/** Sessions of this database waiting for a lock (the API's requests queued behind the test's row lock). */
async function lockWaiters(db: TestDatabase): Promise<number> {
  const [row] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
  return row!.n;
}

/** The n-th seeded company: each test locks its own, so a request a test leaves running cannot block the next. */
async function companyId(db: TestDatabase, n: number): Promise<string> {
  const [row] = await db.sql<{ id: string }>('SELECT id FROM companies ORDER BY id OFFSET $1 LIMIT 1', [n]);
  return row!.id;
}

async function getStatus(url: string, pathname: string): Promise<number> {
  return (await fetch(new URL(pathname, url))).status;
}

describePostgres('faults between the API and Postgres', () => {
  let db: TestDatabase;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    await db?.drop();
  });

  /** A second Database for the same test database, its own pool with `tuning`, and a server on it. */
  async function serve(url: string, tuning: Omit<PostgresOptions, 'url'>, options: Partial<Omit<ServerOptions, 'db'>> = {}): Promise<{ database: Database; api: TestServer }> {
    const database = connectPostgres({ url, ...tuning });
    cleanups.push(() => database.close());
    // Under a fault a second request (the helper's comparison of the read paths) meets another moment of it.
    const api = await startTestServer(database, { transactionWaitMs: tuning.connectionTimeoutMs, ...options }, { compareReadPaths: false });
    cleanups.push(() => api.stop());
    return { database, api };
  }

  describe('through a proxy that fails', () => {
    let proxy: TcpProxy;
    let api: TestServer;
    let apiKey: string;

    beforeAll(async () => {
      const { hostname, port } = new URL(db.url!);
      proxy = await startTcpProxy({ host: hostname, port: Number(port || 5432) });
      cleanups.push(() => proxy.close());
      ({ api } = await serve(proxy.via(db.url!), { poolSize: 3, connectionTimeoutMs: CONNECT_MS, statementTimeoutMs: STATEMENT_MS, queryTimeoutMs: QUERY_MS }));
      ({ key: apiKey } = await createApiKey(db.prisma, 'faults', ['read', 'write']));
    });
    afterEach(() => proxy.restore());

    it.each(['reset', 'blackhole'] as const)('%s: queries and mutations fail fast with 503, /readyz says not ready, /healthz stays up; after restore the next requests succeed', async (mode) => {
      expectOk(await api.post(COMPANIES));
      const name = unique(`Outage ${mode}`);
      const key = unique('outage');
      proxy.cut(mode);

      // An admin's query and mutation (each in a transaction) and an API key's
      // query (no transaction; the key is looked up first).
      const first = await Promise.all([
        api.post(COMPANIES),
        api.post(CREATE_COMPANY, { input: { companyName: name } }, { 'Idempotency-Key': key }),
        api.post(COMPANIES, undefined, { 'x-api-key': apiKey }),
      ]);
      for (const res of first) expectUnavailable(res);
      // The pool has let go of the connections it had: what follows needs a new one.
      const second = await Promise.all([api.post(COMPANIES), api.post(CREATE_COMPANY, { input: { companyName: name } }, { 'Idempotency-Key': key })]);
      for (const res of second) {
        if (mode === 'blackhole') expectTimedOut(res, CONNECT_MS, /no free database connection within/);
        else expect(res.body.errors![0]!.message).toMatch(/^The database is unavailable \(connection (refused|lost)\); retry later$/);
      }
      expect(await getStatus(api.url, '/readyz')).toBe(503);
      expect(await getStatus(api.url, '/healthz')).toBe(200);

      proxy.restore();
      expectOk(await api.post(COMPANIES));
      expectOk(await api.post(COMPANIES, undefined, { 'x-api-key': apiKey }));
      const retried = await api.post(CREATE_COMPANY, { input: { companyName: name } }, { 'Idempotency-Key': key });
      expectOk(retried);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();
      expect(await getStatus(api.url, '/readyz')).toBe(200);
      expect(await db.sql(`SELECT 1 FROM companies WHERE company_name = $1`, [name])).toHaveLength(1);
    });

    it('a partition in the middle of a transaction: the statement waiting for its answer fails at the query timeout, nothing is written, and the pool recovers', async () => {
      const id = await companyId(db, 0);
      const [{ city }] = (await db.sql<{ city: string | null }>('SELECT city FROM companies WHERE id = $1', [id])) as [{ city: string | null }];
      const lock = await lockCompany(db, id);
      cleanups.push(() => lock.release());
      const update = api.post(UPDATE_COMPANY, { id, input: { city: 'Partitioned' } });
      await until(async () => (await lockWaiters(db)) === 1);
      proxy.freeze();
      await lock.release(); // Postgres runs the UPDATE; its answer is held by the partition.
      expectTimedOut(await update, QUERY_MS, /no answer from the database within/);

      proxy.restore();
      expectOk(await api.post(COMPANIES));
      expect(await db.sql('SELECT city FROM companies WHERE id = $1', [id])).toEqual([{ city }]);
      // Every connection the pool hands out now works (none is left waiting for a lost answer).
      for (const res of await Promise.all(Array.from({ length: 6 }, () => api.post(COMPANIES)))) expectOk(res);
    });

    it('the answer to COMMIT is lost: 503, although the write is stored; the retry with the same Idempotency-Key replays it and writes nothing', async () => {
      const name = unique('Lost commit');
      const key = unique('lost-commit');
      const send = () => api.post(CREATE_COMPANY, { input: { companyName: name } }, { 'Idempotency-Key': key });
      proxy.loseReplyTo('COMMIT');
      const lost = await send();
      expectTimedOut(lost, QUERY_MS, /did not confirm the commit/);
      const stored = await db.sql<{ id: string }>(`SELECT id FROM companies WHERE company_name = $1`, [name]);
      expect(stored).toHaveLength(1);

      proxy.restore();
      const retried = await send();
      expectOk(retried);
      expect(retried.headers.get('idempotent-replayed')).toBe('true');
      expect((retried.body.data as { createCompany: { id: string } }).createCompany.id).toBe(stored[0]!.id);
      expect(await db.sql(`SELECT 1 FROM companies WHERE company_name = $1`, [name])).toHaveLength(1);
    });

    it('a stream of keyed mutations across resets, a partition and a blackhole: every acknowledged write is stored, none twice', async () => {
      interface Attempt {
        name: string;
        key: string;
        /** The first answer's status and error code. */
        first?: ReturnType<typeof summary>;
        final?: number;
      }
      const attempts: Attempt[] = [];
      let acknowledged = 0;
      let failed = 0;
      let done = false;
      const send = (a: Attempt) => api.post(CREATE_COMPANY, { input: { companyName: a.name } }, { 'Idempotency-Key': a.key });
      const worker = async () => {
        while (!done) {
          const attempt: Attempt = { name: unique('Stream'), key: unique('stream') };
          attempts.push(attempt);
          attempt.first = summary(await send(attempt));
          if (attempt.first.status === 200) acknowledged += 1;
          else failed += 1;
        }
      };
      const workers = Promise.all([worker(), worker(), worker()]);
      const faults = (async () => {
        try {
          for (const fault of [() => proxy.cut('reset'), () => proxy.freeze(), () => proxy.cut('blackhole')]) {
            const acknowledgedBefore = acknowledged;
            await until(() => acknowledged >= acknowledgedBefore + 5);
            const failedBefore = failed;
            fault();
            await until(() => failed >= failedBefore + 3);
            proxy.restore();
          }
          const acknowledgedBefore = acknowledged;
          await until(() => acknowledged >= acknowledgedBefore + 5);
        } finally {
          done = true;
        }
      })();
      await Promise.all([faults, workers]);
      // Every failure was a 503 (never a masked 500, never a 4xx).
      const failures = attempts.filter((a) => a.first!.status !== 200);
      expect(failures.length).toBeGreaterThanOrEqual(9);
      expect(failures.filter((a) => a.first!.status !== 503 || a.first!.code !== 'SERVICE_UNAVAILABLE')).toEqual([]);

      for (const attempt of attempts) {
        attempt.final = attempt.first!.status;
        for (let tries = 0; attempt.final !== 200 && tries < 5; tries += 1) attempt.final = (await send(attempt)).status;
      }
      expect(attempts.filter((a) => a.final !== 200)).toEqual([]);

      const rows = await db.sql<{ company_name: string; n: number }>(`SELECT company_name, count(*)::int AS n FROM companies WHERE company_name LIKE 'Stream-%' GROUP BY 1`);
      const stored = Object.fromEntries(rows.map((r) => [r.company_name, r.n]));
      expect(stored).toEqual(Object.fromEntries(attempts.map((a) => [a.name, 1])));
      const keys = await db.sql<{ key: string; n: number }>(`SELECT key, count(*)::int AS n FROM idempotency_keys WHERE key LIKE 'stream-%' GROUP BY 1`);
      expect(Object.fromEntries(keys.map((k) => [k.key, k.n]))).toEqual(Object.fromEntries(attempts.map((a) => [a.key, 1])));
    });
  });

  it('more requests than connections: those without a connection in time get 503 "no free database connection", the rest succeed once the lock is released', async () => {
    const WAIT_MS = 1_500;
    const { api } = await serve(db.url!, { poolSize: 2, connectionTimeoutMs: WAIT_MS, statementTimeoutMs: 30_000 });
    const id = await companyId(db, 1);
    const lock = await lockCompany(db, id);
    cleanups.push(() => lock.release());
    let settled = 0;
    const requests = Array.from({ length: 10 }, (_, i) =>
      api.post(UPDATE_COMPANY, { id, input: { city: `Queue ${i}` } }).finally(() => {
        settled += 1;
      }),
    );
    await until(() => settled >= 8);
    await until(async () => (await lockWaiters(db)) === 2);
    await lock.release();
    const responses = await Promise.all(requests);

    const ok = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status !== 200);
    expect({ ok: ok.length, refused: refused.length }).toEqual({ ok: 2, refused: 8 });
    for (const res of ok) expectOk(res);
    for (const res of refused) expectTimedOut(res, WAIT_MS, /no free database connection within/);
  });

  it('a runaway statement is cancelled at the statement timeout: 503 with a clear message, and Postgres no longer runs it', async () => {
    const STATEMENT_LIMIT_MS = 500;
    const sleepy = new GraphQLSchema({
      query: new GraphQLObjectType<unknown, Context>({
        name: 'Query',
        fields: {
          sleep: {
            type: GraphQLString,
            resolve: async (_root, _args, ctx) => {
              await ctx.db.$queryRaw`SELECT 1 AS one FROM pg_sleep(30)`;
              return 'awake';
            },
          },
        },
      }),
    });
    const { api } = await serve(db.url!, { poolSize: 2, statementTimeoutMs: STATEMENT_LIMIT_MS }, { schema: sleepy });
    const res = await api.post('{ sleep }');
    expectTimedOut(res, STATEMENT_LIMIT_MS, /statement ran longer than the .* statement timeout/);
    const running = await db.sql(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%pg\\_sleep(30)%' AND pid <> pg_backend_pid()`);
    expect(running).toEqual([]);
  });

  it('stop() does not wait beyond the drain timeout: a request still running then loses its connection, and stop() returns', async () => {
    const { api } = await serve(db.url!, { poolSize: 2, statementTimeoutMs: 30_000 }, { drainTimeoutMs: 200 });
    const id = await companyId(db, 2);
    const lock = await lockCompany(db, id);
    cleanups.push(() => lock.release());
    const update = api.post(UPDATE_COMPANY, { id, input: { city: 'Too late' } });
    const outcome = update.then(
      () => 'answered',
      () => 'connection closed',
    );
    await until(async () => (await lockWaiters(db)) === 1);
    await api.stop(); // returns while the lock still holds the request
    expect(await outcome).toBe('connection closed');
    await lock.release();
    await until(async () => (await lockWaiters(db)) === 0);
  });

  describe('SIGTERM to the real server process', () => {
    let child: ChildProcessWithoutNullStreams | undefined;
    afterAll(() => {
      // tsx runs the server in a child process of its own: end the whole group.
      if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    });

    it('refuses new connections, answers a request that arrives on an open connection with 503 + connection: close, finishes the in-flight one, closes idle keep-alive sockets and exits 0', async () => {
      const root = path.join(__dirname, '..');
      child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['src/main.ts'], {
        cwd: root,
        detached: true,
        env: { ...process.env, DATABASE_URL: db.url, DIRECT_URL: db.url, PORT: '0', HOST: '127.0.0.1', SUPABASE_JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'test', LOG_LEVEL: 'info', NODE_OPTIONS: '' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      await until(() => /ready at (\S+)/.test(stdout) || child!.exitCode !== null);
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${stderr}`);
      const url = new URL(/ready at (\S+)/.exec(stdout)![1]!);
      const port = Number(url.port);
      const token = await signToken();
      const body = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
      const headers = (text: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': String(Buffer.byteLength(text)) });

      /** One POST on `agent`; resolves with status, headers and parsed body. */
      const post = (agent: http.Agent | false, text: string) =>
        new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Response['body'] }>((resolve, reject) => {
          const req = http.request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent, headers: headers(text) }, (res) => {
            let data = '';
            res.on('data', (chunk: Buffer) => (data += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: JSON.parse(data) as Response['body'] }));
          });
          req.on('error', reject);
          req.end(text);
        });

      // An idle keep-alive connection, as a dashboard or a load balancer leaves open.
      const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
      cleanups.push(async () => keepAlive.destroy());
      const warm = await post(keepAlive, body(COMPANIES));
      expect(warm.status).toBe(200);
      const idleSocket = Object.values(keepAlive.freeSockets).flat()[0]!;
      const idleClosed = once(idleSocket, 'close');

      // A request in flight: a mutation waiting for a row lock the test holds.
      const id = await companyId(db, 3);
      const lock = await lockCompany(db, id);
      cleanups.push(() => lock.release());
      const inFlight = post(false, body(UPDATE_COMPANY, { id, input: { city: 'Drained' } }));
      await until(async () => (await lockWaiters(db)) === 1);

      // A connection whose request has begun (headers partly sent) but not arrived.
      const late = net.connect(port, '127.0.0.1');
      cleanups.push(async () => late.destroy());
      await once(late, 'connect');
      const lateBody = body(COMPANIES);
      const lateHead = Object.entries(headers(lateBody)).map(([k, v]) => `${k}: ${v}\r\n`);
      late.write(`POST /graphql HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n${lateHead[0]}`);
      let lateResponse = '';
      late.on('data', (chunk: Buffer) => (lateResponse += chunk.toString()));
      const lateClosed = once(late, 'close');
      // The server has read those bytes once it has answered a request sent after them.
      expect(await getStatus(url.toString(), '/healthz')).toBe(200);

      child.kill('SIGTERM');
      await until(() => /"msg":"draining"/.test(stderr));

      const refused = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
      expect(refused).toBe('ECONNREFUSED');
      await idleClosed;

      late.write(`${lateHead.slice(1).join('')}\r\n${lateBody}`);
      await lateClosed;
      const [head, lateJson] = lateResponse.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 503 /);
      expect(head).toMatch(/\r\nconnection: close\r\n/i);
      expect((JSON.parse(lateJson!) as Response['body']).errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

      await lock.release();
      const done = await inFlight;
      expect({ status: done.status, connection: done.headers.connection, errors: done.body.errors }).toEqual({ status: 200, connection: 'close', errors: undefined });
      expect(await db.sql('SELECT city FROM companies WHERE id = $1', [id])).toEqual([{ city: 'Drained' }]);

      const [code, signal] = await exited;
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(stderr).not.toMatch(/Cannot use a pool|"level":"error"/);
    });
  });
});
