// The embedded database's local Postgres socket (src/db/embedded-server.ts): what a
// job queue, a LISTEN connection and the command-line tools rely on when they
// share the one PGlite session with the API.
import { Client, Pool } from 'pg';
import { connectEmbedded, type Database } from '../src/db/database';

let db: Database & { pglite: import('@electric-sql/pglite').PGlite };
let url: string;
const clients: { end(): Promise<void> }[] = [];

async function client(connectionString = url): Promise<Client> {
  const c = new Client({ connectionString });
  c.on('error', () => {});
  await c.connect();
  clients.push(c);
  return c;
}

/** Settles `promise` or reports that it is still pending once `other` has finished. */
async function pendingAfter<T>(promise: Promise<T>, other: Promise<unknown>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true), () => (settled = true));
  await other;
  await new Promise((resolve) => setImmediate(resolve));
  return !settled;
}

beforeAll(async () => {
  db = await connectEmbedded();
  await db.pglite.exec('CREATE TABLE t (id int PRIMARY KEY, v text)');
  url = await db.expose();
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
  await db.close();
});

test('the URL is a password-protected loopback connection string; a wrong password is refused', async () => {
  expect(url).toMatch(/^postgresql:\/\/postgres:[\w-]{20,}@127\.0\.0\.1:\d+\/postgres$/);
  await expect(client(url.replace(/:[^:@]+@/, ':wrong@'))).rejects.toThrow(/password authentication failed/);
});

test('parameterised statements from a pool of clients at once each get their own answer', async () => {
  const pool = new Pool({ connectionString: url, max: 5 });
  const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => pool.query<{ n: number; s: string }>('SELECT $1::int AS n, $2::text AS s', [i, `x${i}`])));
  await pool.end();
  expect(answers.map((a) => a.rows[0])).toEqual(Array.from({ length: 100 }, (_, i) => ({ n: i, s: `x${i}` })));
});

test('a client\'s open transaction is its own: other clients and the API\'s own queries wait for it and never see its uncommitted rows', async () => {
  const a = await client();
  const b = await client();
  await a.query('BEGIN');
  await a.query(`INSERT INTO t VALUES (1, 'a')`);
  const other = b.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
  const inProcess = db.pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
  expect(await pendingAfter(other, a.query('SELECT 1'))).toBe(true);
  expect(await pendingAfter(inProcess, a.query('SELECT 1'))).toBe(true);
  await a.query('ROLLBACK');
  expect([(await other).rows[0], (await inProcess).rows[0]]).toEqual([{ n: 0 }, { n: 0 }]);
});

test('prepared statements of the same name on two connections do not collide, and go with their connection', async () => {
  const a = await client();
  const b = await client();
  const x = await a.query({ name: 'q', text: 'SELECT 1 AS x' });
  const y = await b.query({ name: 'q', text: 'SELECT 2 AS x' });
  expect([x.rows, y.rows]).toEqual([[{ x: 1 }], [{ x: 2 }]]);
  const named = async () => (await db.pglite.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'c%\\_q'`)).rows[0]!.n;
  expect(await named()).toBe(2);
  await a.end();
  // The server closes a's statement once it notices the connection went (Jest's timeout guards the wait).
  while ((await named()) !== 1) await new Promise((resolve) => setTimeout(resolve, 10));
});

test('a notification reaches the connections listening on its channel, whoever sent it (a client or the API itself)', async () => {
  const listener = await client();
  const bystander = await client();
  const sender = await client();
  const heard: string[] = [];
  const overheard: string[] = [];
  listener.on('notification', (m) => heard.push(`${m.channel}:${m.payload}`));
  bystander.on('notification', (m) => overheard.push(`${m.channel}:${m.payload}`));
  sender.on('notification', (m) => overheard.push(`${m.channel}:${m.payload}`));
  await listener.query('LISTEN "jobs:insert"; LISTEN other');
  await sender.query(`SELECT pg_notify('jobs:insert', 'from a client')`);
  await db.pglite.query(`SELECT pg_notify('jobs:insert', 'from the API')`);
  await bystander.query(`NOTIFY other, 'third'`);
  await listener.query('UNLISTEN other');
  await sender.query(`NOTIFY other, 'after unlisten'`);
  await listener.query('SELECT 1');
  expect(heard).toEqual(['jobs:insert:from a client', 'jobs:insert:from the API', 'other:third']);
  expect(overheard).toEqual([]);
});

test('a connection idle in a transaction is closed (its transaction rolled back) so it cannot hold the API', async () => {
  await db.close();
  db = await connectEmbedded();
  await db.pglite.exec('CREATE TABLE t (id int PRIMARY KEY, v text)');
  const { serveEmbedded } = await import('../src/db/embedded-server');
  const server = await serveEmbedded(db.pglite, { idleInTransactionMs: 200 });
  try {
    const idle = await client(server.url);
    const error = new Promise<Error>((resolve) => idle.on('error', resolve));
    await idle.query('BEGIN');
    await idle.query(`INSERT INTO t VALUES (7, 'left open')`);
    const { rows } = await db.pglite.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
    expect(rows).toEqual([{ n: 0 }]);
    expect((await error).message).toMatch(/idle in a transaction for more than 200 ms/);
  } finally {
    await server.close();
  }
});
