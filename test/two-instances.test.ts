// Two real API processes on one PostgreSQL database, as a scaled-out deployment
// runs them: everything that must hold "across API instances" is checked across
// them. Invoice and ticket numbers stay consecutive, an Idempotency-Key writes once
// whichever instance each retry reaches, and the anonymous rate limit is one budget.
// Postgres only (PGlite is one process's database): skipped without TEST_DATABASE_URL.
//
// The processes are the API as bench/api-process.ts runs it (src/ transpiled to
// plain JavaScript, started with `node`: about a second to /readyz), built into a
// folder of this suite's own so that a benchmark running beside it is unaffected.
import { request as httpRequest } from 'node:http';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILD_DIR, buildApi, startApi, type ApiProcess } from '../bench/api-process';
import { SEED_IDS } from '../src/db/seed-data';
import { createTestDatabase, type TestDatabase } from './helpers/db';
import { bearer, signToken, TEST_JWT_SECRET } from './helpers/http';

const pgOnly = process.env.TEST_DATABASE_URL ? describe : describe.skip;

/** ANONYMOUS_RATE_LIMIT of both instances. */
const ANONYMOUS_LIMIT = 6;

const CREATE_INVOICE = 'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id invoiceNumber amount issueDate } }';
const OPEN_TICKET = 'mutation($input: CreateSupportTicketInput!) { openSupportTicket(input: $input) { id ticketNumber } }';
const CREATE_COMPANY = 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id companyName createdAt } }';

interface Answer {
  status: number;
  headers: Headers;
  /** The body exactly as sent: replays must be byte-identical. */
  text: string;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

pgOnly('two API instances on one database', () => {
  const buildDir = path.join(BUILD_DIR, `two-instances-${process.pid}`);
  const logDir = path.join(os.tmpdir(), `aurum-two-instances-${process.pid}`);
  let db: TestDatabase;
  let instances: ApiProcess[] = [];
  let stopped = false;
  let adminToken: string;

  beforeAll(async () => {
    adminToken = await signToken();
    db = await createTestDatabase('postgres');
    const { entry } = buildApi(buildDir);
    const env = {
      NODE_ENV: 'test',
      SUPABASE_JWT_SECRET: TEST_JWT_SECRET,
      ANONYMOUS_RATE_LIMIT: String(ANONYMOUS_LIMIT),
      LOG_LEVEL: 'warn',
    };
    // Each gets its own free port (PORT=0, the URL it prints is the one used).
    const started = await Promise.allSettled(
      ['a', 'b'].map((name) => startApi({ entry, databaseUrl: db.url!, logFile: path.join(logDir, `${name}.log`), env, readyTimeoutMs: 90_000 })),
    );
    instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }, 180_000);

  afterAll(async () => {
    if (!stopped) await Promise.all(instances.map((api) => api.stop()));
    await db?.drop();
    rmSync(buildDir, { recursive: true, force: true });
    rmSync(logDir, { recursive: true, force: true });
  }, 60_000);

  /** The n-th request's instance: they alternate. */
  const on = (n: number) => instances[n % 2]!;

  async function post(api: ApiProcess, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(adminToken), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: JSON.parse(text) };
  }

  /** An anonymous request from the given loopback address (each address is its own rate-limit bucket). */
  function anonymous(api: ApiProcess, from: string): Promise<{ status: number; retryAfter?: string; code?: string }> {
    const body = JSON.stringify({ query: '{ __typename }' });
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        api.url,
        { method: 'POST', localAddress: from, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            const parsed = JSON.parse(text) as Answer['body'];
            resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, code: parsed.errors?.[0]?.extensions?.code });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  const ok = (res: Answer) => expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
  const sequence = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

  async function today(): Promise<string> {
    const [row] = await db.sql<{ today: string }>(`SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS today`);
    return row!.today;
  }

  /** The highest NNN of `prefix`-<year>-NNN stored in `table`.`column`. */
  async function highest(table: string, column: string, prefix: string, year: string): Promise<number> {
    const [row] = await db.sql<{ n: number }>(
      `SELECT coalesce(max(substring(${column} FROM '^${prefix}-\\d{4}-(\\d+)$')::int), 0)::int AS n FROM ${table} WHERE ${column} LIKE $1`,
      [`${prefix}-${year}-%`],
    );
    return row!.n;
  }

  function numberOf(documentNumber: string, prefix: string, year: string): number {
    const m = new RegExp(`^${prefix}-${year}-(\\d{3,})$`).exec(documentNumber);
    if (!m) throw new Error(`${documentNumber} is not a ${prefix}-${year}-NNN number`);
    return Number(m[1]);
  }

  it('runs two separate processes, each ready on its own port', async () => {
    expect(instances).toHaveLength(2);
    const [a, b] = instances;
    expect(a!.pid).not.toBe(b!.pid);
    expect(new URL(a!.url).port).not.toBe(new URL(b!.url).port);
    for (const api of instances) {
      const res = await fetch(new URL('/readyz', api.url));
      expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { status: 'ready', database: 'postgres' } });
    }
  });

  it('50 concurrent createInvoice calls over both instances get 50 distinct consecutive numbers after the year\'s highest', async () => {
    const issueDate = await today();
    const year = issueDate.slice(0, 4);
    const top = await highest('invoices', 'invoice_number', 'INV', year);
    // The seed has invoices this year: the numbers must continue after them, not restart.
    expect(top).toBeGreaterThan(0);
    const responses = await Promise.all(
      sequence(1, 50).map((i) => post(on(i), CREATE_INVOICE, { input: { companyId: SEED_IDS.companyWithoutProjects, amount: `${i}.00`, issueDate, notes: `two-instances ${i}` } })),
    );
    for (const res of responses) ok(res);
    const numbers = responses.map((res) => numberOf(res.body.data!.createInvoice.invoiceNumber, 'INV', year));
    expect(new Set(numbers).size).toBe(50);
    expect([...numbers].sort((x, y) => x - y)).toEqual(sequence(top + 1, 50));
    // Every acknowledged invoice is stored once, under the number it was answered with.
    const stored = await db.sql<{ id: string; invoice_number: string }>(`SELECT id, invoice_number FROM invoices WHERE notes LIKE 'two-instances %'`);
    expect(stored.map((r) => `${r.id} ${r.invoice_number}`).sort()).toEqual(responses.map((r) => `${r.body.data!.createInvoice.id} ${r.body.data!.createInvoice.invoiceNumber}`).sort());
    expect(await db.sql(`SELECT last_value FROM document_counters WHERE kind = 'invoice' AND year = $1`, [Number(year)])).toEqual([{ last_value: top + 50 }]);

    // The next one, on either instance, continues the same sequence.
    const next = await post(instances[1]!, CREATE_INVOICE, { input: { companyId: SEED_IDS.companyWithoutProjects, amount: '1.00', issueDate } });
    ok(next);
    expect(numberOf(next.body.data!.createInvoice.invoiceNumber, 'INV', year)).toBe(top + 51);
  });

  it('a year with no invoice yet: 50 concurrent first invoices over both instances are numbered 001 to 050', async () => {
    // Both instances race to create the year's counter row.
    const year = '2033';
    expect(await highest('invoices', 'invoice_number', 'INV', year)).toBe(0);
    const responses = await Promise.all(
      sequence(1, 50).map((i) => post(on(i), CREATE_INVOICE, { input: { companyId: SEED_IDS.companyWithoutProjects, amount: `${i}.50`, issueDate: `${year}-02-0${1 + (i % 9)}` } })),
    );
    for (const res of responses) ok(res);
    expect(responses.map((res) => numberOf(res.body.data!.createInvoice.invoiceNumber, 'INV', year)).sort((x, y) => x - y)).toEqual(sequence(1, 50));
  });

  it('50 concurrent openSupportTicket calls over both instances get 50 distinct consecutive ticket numbers after the year\'s highest', async () => {
    const year = (await today()).slice(0, 4);
    const top = await highest('support_tickets', 'ticket_number', 'TKT', year);
    expect(top).toBeGreaterThan(0);
    const responses = await Promise.all(
      sequence(1, 50).map((i) => post(on(i), OPEN_TICKET, { input: { companyId: SEED_IDS.companyWithLiveProjects, subject: `Two instances ticket ${i}` } })),
    );
    for (const res of responses) ok(res);
    const numbers = responses.map((res) => numberOf(res.body.data!.openSupportTicket.ticketNumber, 'TKT', year));
    expect(new Set(numbers).size).toBe(50);
    expect([...numbers].sort((x, y) => x - y)).toEqual(sequence(top + 1, 50));
    const stored = await db.sql<{ id: string; ticket_number: string }>(`SELECT id, ticket_number FROM support_tickets WHERE subject LIKE 'Two instances ticket %'`);
    expect(stored.map((r) => `${r.id} ${r.ticket_number}`).sort()).toEqual(responses.map((r) => `${r.body.data!.openSupportTicket.id} ${r.body.data!.openSupportTicket.ticketNumber}`).sort());
  });

  it('10 identical concurrent requests with one Idempotency-Key over both instances: one row, ten identical 200 answers, nine replays', async () => {
    const key = `two-instances-${process.pid}-company`;
    const input = { companyName: 'Two Instances Ltd', industry: 'Logistics' };
    const responses = await Promise.all(sequence(0, 10).map((i) => post(on(i), CREATE_COMPANY, { input }, { 'Idempotency-Key': key })));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    ok(responses[0]!);
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await db.sql(`SELECT id FROM companies WHERE company_name = 'Two Instances Ltd'`)).toEqual([{ id: responses[0]!.body.data!.createCompany.id }]);
    expect(await db.sql(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = $1`, [key])).toEqual([{ n: 1 }]);
  });

  it('10 identical concurrent createInvoice calls with one key over both instances: one invoice, one number used', async () => {
    const key = `two-instances-${process.pid}-invoice`;
    // A year no other invoice has: its numbering starts here.
    const input = { companyId: SEED_IDS.companyWithoutProjects, amount: '432.10', issueDate: '2034-07-07' };
    const responses = await Promise.all(sequence(0, 10).map((i) => post(on(i), CREATE_INVOICE, { input }, { 'Idempotency-Key': key })));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    expect(responses[0]!.body.data!.createInvoice.invoiceNumber).toBe('INV-2034-001');
    expect(await db.sql(`SELECT invoice_number FROM invoices WHERE issue_date = '2034-07-07'`)).toEqual([{ invoice_number: 'INV-2034-001' }]);
    expect(await db.sql(`SELECT last_value FROM document_counters WHERE kind = 'invoice' AND year = 2034`)).toEqual([{ last_value: 1 }]);
  });

  it('a key used on one instance: the same request on the other is replayed, a different request there is a 409 that writes nothing', async () => {
    const key = `two-instances-${process.pid}-conflict`;
    const [a, b] = instances as [ApiProcess, ApiProcess];
    const first = await post(a, CREATE_COMPANY, { input: { companyName: 'First Instance Ltd' } }, { 'Idempotency-Key': key });
    ok(first);
    const replay = await post(b, CREATE_COMPANY, { input: { companyName: 'First Instance Ltd' } }, { 'Idempotency-Key': key });
    expect({ status: replay.status, replayed: replay.headers.get('idempotent-replayed'), text: replay.text }).toEqual({ status: 200, replayed: 'true', text: first.text });

    const before = await db.checksums();
    const other = await post(b, CREATE_COMPANY, { input: { companyName: 'Second Instance Ltd' } }, { 'Idempotency-Key': key });
    expect({ status: other.status, code: other.body.errors?.[0]?.extensions?.code, replayed: other.headers.get('idempotent-replayed') }).toEqual({ status: 409, code: 'CONFLICT', replayed: null });
    expect(other.body.errors![0]!.message).toMatch(/Idempotency-Key/);
    // Another mutation with the key, back on the first instance: also a conflict.
    const otherMutation = await post(a, CREATE_INVOICE, { input: { companyId: SEED_IDS.companyWithoutProjects, amount: '5.00' } }, { 'Idempotency-Key': key });
    expect({ status: otherMutation.status, code: otherMutation.body.errors?.[0]?.extensions?.code }).toEqual({ status: 409, code: 'CONFLICT' });
    expect(await db.checksums()).toEqual(before);
  });

  describe('the anonymous rate limit is one budget for both instances', () => {
    beforeAll(async () => {
      // Windows are fixed minutes of the database clock: start these checks early in
      // one, so that every request of a check falls in the same window.
      const [row] = await db.sql<{ left: number }>(`SELECT 60 - (extract(epoch FROM clock_timestamp())::numeric % 60) AS left`);
      const left = Number(row!.left);
      if (left < 20) await new Promise((resolve) => setTimeout(resolve, (left + 0.5) * 1000));
    }, 30_000);

    it(`requests alternating between the instances: the first ${ANONYMOUS_LIMIT} pass, the ${ANONYMOUS_LIMIT + 1}th and every later one get 429`, async () => {
      const from = '127.0.0.2';
      const answers = [];
      for (const i of sequence(0, ANONYMOUS_LIMIT + 4)) answers.push(await anonymous(on(i), from));
      expect(answers.slice(0, ANONYMOUS_LIMIT).map((a) => a.status)).toEqual(Array(ANONYMOUS_LIMIT).fill(200));
      for (const refused of answers.slice(ANONYMOUS_LIMIT)) {
        expect(refused).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS', retryAfter: expect.stringMatching(/^\d+$/) });
      }
    });

    it(`${2 * ANONYMOUS_LIMIT} concurrent requests split over both instances: exactly ${ANONYMOUS_LIMIT} pass`, async () => {
      const from = '127.0.0.3';
      const answers = await Promise.all(sequence(0, 2 * ANONYMOUS_LIMIT).map((i) => anonymous(on(i), from)));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([...Array(ANONYMOUS_LIMIT).fill(200), ...Array(ANONYMOUS_LIMIT).fill(429)]);
      // Another address has its own budget, on either instance.
      expect((await anonymous(instances[0]!, '127.0.0.4')).status).toBe(200);
      expect((await anonymous(instances[1]!, '127.0.0.4')).status).toBe(200);
    });
  });

  it('neither instance logged an error or crashed, and both stop on SIGTERM without leaving a process behind', async () => {
    for (const api of instances) expect(api.exited()).toBe(false);
    const pids = instances.map((api) => api.pid);
    stopped = true;
    const results = await Promise.all(instances.map((api) => api.stop()));
    expect(results).toEqual([{ forced: false }, { forced: false }]);
    for (const pid of pids) {
      // Gone, and reaped: no zombie left with that pid.
      expect(existsSync(`/proc/${pid}`)).toBe(false);
    }
    for (const name of ['a', 'b']) {
      const errors = readFileSync(path.join(logDir, `${name}.log`), 'utf8')
        .split('\n')
        .filter((line) => line.includes('"level":"error"'));
      expect(errors).toEqual([]);
    }
  });
});
