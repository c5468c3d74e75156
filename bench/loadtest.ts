// `npm run loadtest`: a mixed workload against one API process, and a check that
// no write was lost or doubled under it. ~80% dashboard reads, ~20% writes, each
// write with its own Idempotency-Key and a marker (a run tag and a sequence
// number in its name, text or email) so that every row it wrote can be found
// afterwards; a few requests re-send an acknowledged write (must be replayed) or
// reuse its key for another body (must be a 409).
//
// Steps: regenerate the loadtest database (the benchmark's dataset, default scale
// 10, in a database of its own: the writes would otherwise make the benchmark's
// database "not the benchmark dataset" and `npm run bench` would refuse it), build
// and start the API as the benchmark does (bench/api-process.ts, production
// settings), probe every kind of request once, warm up with the same mix, then
// `--duration` seconds at `--connections` closed-loop connections. Afterwards it
// retries a sample of acknowledged writes with their keys, then counts the rows of
// every marker in the database. Prints a table, writes
// bench/results/loadtest-latest.json and a run section in bench/RESULTS.md; exits 1
// when anything unexpected happened (any answer but a deliberate 409, a lost,
// doubled or mis-numbered write, a replay that was not one).
//
// The load generator is a plain node:http client rather than autocannon: it has to
// know, per request, which kind it was, what it wrote and what it was answered.
import { Agent, request as httpRequest } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { mulberry32 } from '../src/db/seed-data';
import { BUILD_DIR, STOP_GRACE_MS, buildApi, readMemory, startApi, type ApiProcess } from './api-process';
import { prepareDatabase, type PreparedDatabase } from './bench-database';
import { JWT_AUDIENCE, newJwtSecret, signAccessToken } from './credentials';
import { DASHBOARD_QUERY, INVOICES_PAGE_QUERY, OVERDUE_INVOICES_QUERY } from './queries';
import { RUN_MARKER, RUNS_KEPT } from './report';
import { integerOption, Interrupted, UsageError } from './cli';

const RESULTS_DIR = path.join(__dirname, 'results');
const RESULTS_JSON = path.join(RESULTS_DIR, 'loadtest-latest.json');
const RESULTS_MD = path.join(__dirname, 'RESULTS.md');
const SERVER_LOG = path.join(RESULTS_DIR, 'loadtest-server.log');
const REQUEST_TIMEOUT_MS = 30_000;

const USAGE = `usage: npm run loadtest -- [options]
  --db <url>            PostgreSQL database for the run (default postgresql://postgres@127.0.0.1:5432/aurum_bench_loadtest);
                        dropped and regenerated with the benchmark's dataset on every run, so its name must
                        contain "bench"; kept afterwards for inspection. Not the benchmark's own database:
                        the run's writes would make \`npm run bench\` refuse it until --fresh
  --scale <n>           dataset scale (default 10: 200 companies, 1,000 projects, 3,000 invoices)
  --duration <s>        measured seconds (default 60)
  --warmup <s>          warm-up seconds with the same mix, not measured (default 5)
  --connections <n>     concurrent connections, each sending its next request when answered (default 50)
  --retries <n>         acknowledged writes re-sent with their Idempotency-Key after the run (default 100)
  --seed <n>            seed of the request mix (default 1)`;

// ---------------------------------------------------------------------------
// The workload
// ---------------------------------------------------------------------------

const STATUS_COUNTS_QUERY = /* GraphQL */ `
  query StatusCounts {
    statusCounts {
      contacts { status count }
      projects { status count }
      invoices { status count }
      supportTickets { status count }
    }
  }
`;

const ACTIVE_CLIENTS_QUERY = /* GraphQL */ `
  query ActiveClients {
    activeClientsOverview(first: 50) {
      totalCount
      totalMrr
      totalOutstandingBalance
      clients { companyId companyName mrr activeProjectCount openTicketCount outstandingBalance nextContractEnd }
    }
  }
`;

const READS = {
  dashboard: DASHBOARD_QUERY,
  'overdue-invoices': OVERDUE_INVOICES_QUERY,
  'invoices-page': INVOICES_PAGE_QUERY,
  'status-counts': STATUS_COUNTS_QUERY,
  'active-clients': ACTIVE_CLIENTS_QUERY,
} as const;
type ReadKind = keyof typeof READS;

const WRITES = {
  createCompany: 'mutation LoadCreateCompany($input: CreateCompanyInput!) { createCompany(input: $input) { id companyName status } }',
  createInvoice: 'mutation LoadCreateInvoice($input: CreateInvoiceInput!) { createInvoice(input: $input) { id invoiceNumber amount status } }',
  addNote: 'mutation LoadAddNote($input: AddNoteInput!) { addNote(input: $input) { id noteType } }',
  upsertContact: 'mutation LoadUpsertContact($input: UpsertContactInput!) { upsertContact(input: $input) { created updated contact { id email } } }',
} as const;
type WriteKind = keyof typeof WRITES;

/** replay: an acknowledged write sent again, same key and body; conflict: its key with another body. */
type Kind = ReadKind | WriteKind | 'replay' | 'conflict';

/** Percent of requests per kind: 80 reads, 20 writes (18 new, 1.5 replays, 0.5 deliberate conflicts). */
const MIX: readonly (readonly [Kind, number])[] = [
  ['dashboard', 16],
  ['overdue-invoices', 16],
  ['invoices-page', 16],
  ['status-counts', 16],
  ['active-clients', 16],
  ['createCompany', 4.5],
  ['createInvoice', 4.5],
  ['addNote', 4.5],
  ['upsertContact', 4.5],
  ['replay', 1.5],
  ['conflict', 0.5],
];
const KINDS = MIX.map(([kind]) => kind);
const isRead = (kind: Kind): kind is ReadKind => kind in READS;

/** One write the generator sent, and what became of it. */
interface WriteRecord {
  kind: WriteKind;
  marker: string;
  key: string;
  body: string;
  /** acked: 200 without errors; refused: any other answer; transport: no answer. */
  outcome: 'pending' | 'acked' | 'refused' | 'transport';
  status?: number;
  /** The acknowledged answer, byte for byte (a replay must equal it). */
  response?: string;
  id?: string;
  invoiceNumber?: string;
}

interface Reply {
  /** 0: no HTTP answer (see error). */
  status: number;
  text: string;
  replayed: boolean;
  error?: string;
  ms: number;
}

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

function parseOptions() {
  let values;
  try {
    values = parseArgs({
      options: {
        db: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/aurum_bench_loadtest' },
        scale: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        retries: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  let db: URL;
  try {
    db = new URL(values.db);
  } catch {
    throw new UsageError('--db is not a URL (expected postgresql://user@host:5432/database)');
  }
  if (db.protocol !== 'postgresql:' && db.protocol !== 'postgres:') throw new UsageError('--db must be a postgresql:// URL');
  if (!/bench/i.test(decodeURIComponent(db.pathname))) throw new UsageError('--db: the loadtest drops and regenerates its database on every run, so its name must contain "bench"');
  return {
    help: values.help,
    db: values.db,
    scale: integerOption('scale', values.scale, 10, 1),
    durationSeconds: integerOption('duration', values.duration, 60, 1),
    warmupSeconds: integerOption('warmup', values.warmup, 5, 0),
    connections: integerOption('connections', values.connections, 50, 1),
    retries: integerOption('retries', values.retries, 100, 0),
    seed: integerOption('seed', values.seed, 1, 0),
  };
}
type Options = ReturnType<typeof parseOptions>;

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

function send(agent: Agent, url: URL, body: string, headers: Record<string, string>): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve) => {
    const fail = (error: Error & { code?: string }) => resolve({ status: 0, text: '', replayed: false, error: error.code ?? error.message, ms: performance.now() - started });
    const req = httpRequest(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', fail);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            replayed: res.headers['idempotent-replayed'] === 'true',
            ms: performance.now() - started,
          }),
        );
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(Object.assign(new Error(`no answer in ${REQUEST_TIMEOUT_MS / 1000} s`), { code: 'TIMEOUT' })));
    req.on('error', fail);
    req.end(body);
  });
}

interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

function parse(text: string): GraphQLBody | null {
  try {
    return JSON.parse(text) as GraphQLBody;
  } catch {
    return null;
  }
}

/** A read's answer is fine when it is a 200 without errors (checked without parsing 200 KB of JSON). */
const hasErrors = (text: string) => text.includes('"errors":[');

// ---------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------

class KindStats {
  latencies: number[] = [];
  statuses = new Map<number, number>();
  transportErrors = new Map<string, number>();
  unexpected = 0;

  add(reply: Reply, expected: boolean): void {
    this.latencies.push(reply.ms);
    if (reply.status === 0) this.transportErrors.set(reply.error ?? 'error', (this.transportErrors.get(reply.error ?? 'error') ?? 0) + 1);
    else this.statuses.set(reply.status, (this.statuses.get(reply.status) ?? 0) + 1);
    if (!expected) this.unexpected++;
  }
}

interface Phase {
  deadline: number;
  stats: Map<Kind, KindStats> | null;
  /** Completions per second since the phase started. */
  perSecond: number[];
  started: number;
}

function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface RowFigures {
  name: string;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { mean: number | null; p50: number | null; p90: number | null; p99: number | null; max: number | null };
  statuses: Record<string, number>;
  non2xx: number;
  transportErrors: Record<string, number>;
  unexpected: number;
}

function summarize(name: string, parts: KindStats[], seconds: number): RowFigures {
  const latencies = parts.flatMap((p) => p.latencies).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  const transportErrors: Record<string, number> = {};
  for (const part of parts) {
    for (const [status, n] of part.statuses) statuses[status] = (statuses[status] ?? 0) + n;
    for (const [error, n] of part.transportErrors) transportErrors[error] = (transportErrors[error] ?? 0) + n;
  }
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
  return {
    name,
    requests: latencies.length,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    latencyMs: {
      mean: round(latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length : null),
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.length ? latencies[latencies.length - 1]! : null),
    },
    statuses,
    non2xx: Object.entries(statuses).filter(([status]) => !status.startsWith('2')).reduce((sum, [, n]) => sum + n, 0),
    transportErrors,
    unexpected: parts.reduce((sum, p) => sum + p.unexpected, 0),
  };
}

// ---------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------

interface Fixtures {
  companyIds: string[];
  /** The year of "today" in the database, and its highest invoice number before the run. */
  year: string;
  invoiceTopBefore: number;
}

async function loadFixtures(databaseUrl: string): Promise<Fixtures> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const companies = await client.query<{ id: string }>('SELECT id FROM companies ORDER BY id');
    const [{ year }] = (await client.query<{ year: string }>(`SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY') AS year`)).rows as [{ year: string }];
    return { companyIds: companies.rows.map((r) => r.id), year, invoiceTopBefore: await highestInvoice(client, year) };
  } finally {
    await client.end();
  }
}

async function highestInvoice(client: Client, year: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT coalesce(max(substring(invoice_number FROM '^INV-\\d{4}-(\\d+)$')::int), 0)::int AS n FROM invoices WHERE invoice_number LIKE $1`,
    [`INV-${year}-%`],
  );
  return rows[0]!.n;
}

class Workload {
  readonly ledger: WriteRecord[] = [];
  readonly acked: WriteRecord[] = [];
  readonly conflictMarkers: string[] = [];
  readonly unexpectedSamples: string[] = [];
  private sequence = 0;
  private readonly readBodies: Record<ReadKind, string>;
  private readonly pick: () => Kind;

  constructor(
    private readonly url: URL,
    private readonly agent: Agent,
    private readonly auth: Record<string, string>,
    readonly runTag: string,
    private readonly fixtures: Fixtures,
    private readonly random: () => number,
  ) {
    this.readBodies = Object.fromEntries(Object.entries(READS).map(([kind, query]) => [kind, JSON.stringify({ query })])) as Record<ReadKind, string>;
    const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
    this.pick = () => {
      let r = this.random() * total;
      for (const [kind, weight] of MIX) {
        r -= weight;
        if (r < 0) return kind;
      }
      return MIX[MIX.length - 1]![0];
    };
  }

  marker(prefix = ''): { marker: string; n: number } {
    const n = ++this.sequence;
    return { marker: `${this.runTag}-${prefix}${n}`, n };
  }

  /** The body of a new write of `kind`, marked with `marker`. */
  private writeBody(kind: WriteKind, marker: string, n: number): string {
    const company = () => this.fixtures.companyIds[Math.floor(this.random() * this.fixtures.companyIds.length)]!;
    const input = {
      createCompany: () => ({ companyName: `Loadtest ${marker} Ltd`, industry: 'Logistics', country: 'Trinidad and Tobago', city: 'Port of Spain' }),
      createInvoice: () => ({ companyId: company(), amount: `${100 + (n % 900)}.${String(n % 100).padStart(2, '0')}`, notes: `loadtest ${marker}` }),
      addNote: () => ({ companyId: company(), noteText: `loadtest ${marker}: called about the renewal` }),
      upsertContact: () => ({ email: `${marker}@loadtest.example`, firstName: 'Load', lastName: `Test ${n}`, source: 'loadtest', status: 'LEAD' }),
    }[kind]();
    return JSON.stringify({ query: WRITES[kind], variables: { input } });
  }

  private unexpected(kind: Kind, reply: Reply, what?: string): void {
    if (this.unexpectedSamples.length >= 20) return;
    const body = parse(reply.text);
    const detail = what ?? (reply.status === 0 ? reply.error : (body?.errors?.[0]?.message ?? reply.text.slice(0, 160)));
    this.unexpectedSamples.push(`${kind}: ${reply.status === 0 ? 'no answer' : `HTTP ${reply.status}`}: ${detail}`);
  }

  /** Sends one request of `kind` (a random one when not given); returns whether the answer was the expected one. */
  async one(phase: Phase, kind: Kind = this.pick()): Promise<boolean> {
    const acked = this.acked;
    if ((kind === 'replay' || kind === 'conflict') && !acked.length) kind = 'createCompany';
    let reply: Reply;
    let expected: boolean;
    if (isRead(kind)) {
      reply = await send(this.agent, this.url, this.readBodies[kind], this.auth);
      expected = reply.status === 200 && !hasErrors(reply.text);
      if (!expected) this.unexpected(kind, reply);
    } else if (kind === 'replay') {
      const original = acked[Math.floor(this.random() * acked.length)]!;
      reply = await send(this.agent, this.url, original.body, { ...this.auth, 'idempotency-key': original.key });
      expected = reply.status === 200 && reply.replayed && reply.text === original.response;
      if (!expected) this.unexpected(kind, reply, reply.status === 200 ? `replay of ${original.kind} ${original.marker} ${reply.replayed ? 'differs from the first answer' : 'was not marked replayed'}` : undefined);
    } else if (kind === 'conflict') {
      const original = acked[Math.floor(this.random() * acked.length)]!;
      const { marker, n } = this.marker('c');
      this.conflictMarkers.push(marker);
      reply = await send(this.agent, this.url, this.writeBody(original.kind, marker, n), { ...this.auth, 'idempotency-key': original.key });
      expected = reply.status === 409 && parse(reply.text)?.errors?.[0]?.extensions?.code === 'CONFLICT';
      if (!expected) this.unexpected(kind, reply);
    } else {
      const { marker, n } = this.marker();
      const record: WriteRecord = { kind, marker, key: `loadtest-${marker}`, body: this.writeBody(kind, marker, n), outcome: 'pending' };
      this.ledger.push(record);
      reply = await send(this.agent, this.url, record.body, { ...this.auth, 'idempotency-key': record.key });
      record.status = reply.status;
      const body = reply.status === 200 ? parse(reply.text) : null;
      expected = reply.status === 200 && !!body?.data && !body.errors;
      if (expected) {
        const data = body!.data![kind] as { id?: string; invoiceNumber?: string; contact?: { id: string } };
        record.outcome = 'acked';
        record.response = reply.text;
        record.id = data.id ?? data.contact?.id;
        record.invoiceNumber = data.invoiceNumber;
        acked.push(record);
      } else {
        record.outcome = reply.status === 0 ? 'transport' : 'refused';
        this.unexpected(kind, reply);
      }
    }
    if (phase.stats) {
      let stats = phase.stats.get(kind);
      if (!stats) phase.stats.set(kind, (stats = new KindStats()));
      stats.add(reply, expected);
      const second = Math.floor((performance.now() - phase.started) / 1000);
      phase.perSecond[second] = (phase.perSecond[second] ?? 0) + 1;
    }
    return expected;
  }

  /** `connections` closed loops until the deadline; requests under way then are awaited. */
  async run(phase: Phase, connections: number, signal: AbortSignal): Promise<void> {
    const loop = async () => {
      while (performance.now() < phase.deadline && !signal.aborted) await this.one(phase);
    };
    await Promise.all(Array.from({ length: connections }, loop));
  }
}

// ---------------------------------------------------------------------------
// Verification
// ---------------------------------------------------------------------------

interface WriteCheck {
  kind: WriteKind;
  sent: number;
  acknowledged: number;
  /** Rows carrying an acknowledged write's marker (one each when nothing is lost or doubled). */
  found: number;
  lost: number;
  doubled: number;
  /** Acknowledged with an id that is not the stored row's. */
  idMismatch: number;
  /** Answered with an error, yet a row exists. */
  refusedButWritten: number;
  /** No answer (transport error), and a row exists: possible, not a fault. */
  unansweredWritten: number;
}

interface Verification {
  writes: WriteCheck[];
  totals: { acknowledged: number; found: number; lost: number; doubled: number; idMismatch: number; refusedButWritten: number };
  conflicts: { sent: number; written: number };
  idempotencyKeys: { acknowledged: number; stored: number };
  invoiceNumbers: { year: string; highestBefore: number; created: number; consecutive: boolean; detail: string };
  retries: { sent: number; replayed: number; failures: string[] };
  serverLogErrors: number;
}

const ROWS_BY_MARKER: Record<WriteKind, (tag: string) => { sql: string; param: string }> = {
  createCompany: (tag) => ({ sql: 'SELECT company_name AS text, id FROM companies WHERE company_name LIKE $1', param: `Loadtest ${tag}-%` }),
  createInvoice: (tag) => ({ sql: 'SELECT notes AS text, id, invoice_number FROM invoices WHERE notes LIKE $1', param: `loadtest ${tag}-%` }),
  addNote: (tag) => ({ sql: 'SELECT note_text AS text, id FROM notes WHERE note_text LIKE $1', param: `loadtest ${tag}-%` }),
  upsertContact: (tag) => ({ sql: 'SELECT email AS text, id FROM contacts WHERE email LIKE $1', param: `${tag}-%@loadtest.example` }),
};

/** Re-sends a sample of acknowledged writes (spread over the kinds) with their keys: each must be replayed, byte for byte. */
async function retrySample(workload: Workload, url: URL, agent: Agent, auth: Record<string, string>, count: number): Promise<Verification['retries']> {
  const byKind = new Map<WriteKind, WriteRecord[]>();
  for (const record of workload.acked) byKind.set(record.kind, [...(byKind.get(record.kind) ?? []), record]);
  // Evenly through each kind's records: early and late writes alike.
  const perKind = Math.ceil(count / Math.max(1, byKind.size));
  const sample = [...byKind.values()]
    .flatMap((records) => Array.from({ length: Math.min(perKind, records.length) }, (_, j) => records[Math.floor((j * records.length) / Math.min(perKind, records.length))]!))
    .slice(0, count);
  const failures: string[] = [];
  let replayed = 0;
  let next = 0;
  const loop = async () => {
    while (next < sample.length) {
      const record = sample[next++]!;
      const reply = await send(agent, url, record.body, { ...auth, 'idempotency-key': record.key });
      if (reply.status === 200 && reply.replayed && reply.text === record.response) replayed++;
      else failures.push(`${record.kind} ${record.marker}: HTTP ${reply.status || reply.error}, replayed ${reply.replayed}, ${reply.text === record.response ? 'same body' : 'different body'}`);
    }
  };
  await Promise.all(Array.from({ length: 10 }, loop));
  return { sent: sample.length, replayed, failures: failures.slice(0, 20) };
}

async function verify(databaseUrl: string, workload: Workload, fixtures: Fixtures): Promise<Omit<Verification, 'retries' | 'serverLogErrors'>> {
  const tag = workload.runTag;
  const markerOf = (text: string) => new RegExp(`${tag}-(c?\\d+)\\b`).exec(text)?.[1];
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const writes: WriteCheck[] = [];
    let conflictWritten = 0;
    const runInvoiceNumbers: number[] = [];
    for (const kind of Object.keys(WRITES) as WriteKind[]) {
      const { sql, param } = ROWS_BY_MARKER[kind](tag);
      const { rows } = await client.query<{ text: string; id: string; invoice_number?: string }>(sql, [param]);
      const found = new Map<string, { id: string; invoiceNumber?: string }[]>();
      for (const row of rows) {
        const marker = markerOf(row.text);
        if (!marker) continue;
        if (marker.startsWith('c')) conflictWritten++;
        found.set(`${tag}-${marker}`, [...(found.get(`${tag}-${marker}`) ?? []), { id: row.id, invoiceNumber: row.invoice_number }]);
        if (row.invoice_number) runInvoiceNumbers.push(Number(/-(\d+)$/.exec(row.invoice_number)?.[1]));
      }
      const records = workload.ledger.filter((r) => r.kind === kind);
      const acked = records.filter((r) => r.outcome === 'acked');
      writes.push({
        kind,
        sent: records.length,
        acknowledged: acked.length,
        found: acked.reduce((sum, r) => sum + (found.get(r.marker)?.length ?? 0), 0),
        lost: acked.filter((r) => !found.has(r.marker)).length,
        doubled: [...found.values()].filter((list) => list.length > 1).length,
        idMismatch: acked.filter((r) => {
          const stored = found.get(r.marker);
          return stored?.length === 1 && (stored[0]!.id !== r.id || (r.invoiceNumber !== undefined && stored[0]!.invoiceNumber !== r.invoiceNumber));
        }).length,
        refusedButWritten: records.filter((r) => r.outcome === 'refused' && found.has(r.marker)).length,
        unansweredWritten: records.filter((r) => r.outcome === 'transport' && found.has(r.marker)).length,
      });
    }
    const sum = (field: keyof Omit<WriteCheck, 'kind'>) => writes.reduce((s, w) => s + w[field], 0);

    const keys = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key LIKE $1`, [`loadtest-${tag}-%`]);

    // Invoices created without an issue date are numbered in this year's sequence,
    // which continues after the highest number before the run, without gaps.
    runInvoiceNumbers.sort((a, b) => a - b);
    const expected = Array.from({ length: runInvoiceNumbers.length }, (_, i) => fixtures.invoiceTopBefore + 1 + i);
    const consecutive = runInvoiceNumbers.every((n, i) => n === expected[i]);
    const highestAfter = await highestInvoice(client, fixtures.year);
    const detail = consecutive
      ? `INV-${fixtures.year}-${fixtures.invoiceTopBefore + 1} to -${highestAfter}, no gap, no duplicate`
      : `expected ${fixtures.invoiceTopBefore + 1}..${fixtures.invoiceTopBefore + runInvoiceNumbers.length}, got ${runInvoiceNumbers.slice(0, 10).join(', ')}${runInvoiceNumbers.length > 10 ? ', ...' : ''} (highest now ${highestAfter})`;
    return {
      writes,
      totals: { acknowledged: sum('acknowledged'), found: sum('found'), lost: sum('lost'), doubled: sum('doubled'), idMismatch: sum('idMismatch'), refusedButWritten: sum('refusedButWritten') },
      conflicts: { sent: workload.conflictMarkers.length, written: conflictWritten },
      idempotencyKeys: { acknowledged: workload.acked.length, stored: keys.rows[0]!.n },
      invoiceNumbers: { year: fixtures.year, highestBefore: fixtures.invoiceTopBefore, created: runInvoiceNumbers.length, consecutive: consecutive && highestAfter === fixtures.invoiceTopBefore + runInvoiceNumbers.length, detail },
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------

interface LoadtestResults {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; platform: string };
  node: string;
  postgres: string;
  database: string;
  scale: number;
  rows: PreparedDatabase['rows'];
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  elapsedSeconds: number;
  seed: number;
  mix: Record<string, number>;
  server: {
    start: string;
    caller: string;
    startupMs: number;
    poolSize: string;
    /** clean: exited on SIGTERM within the grace period; killed: it had to be SIGKILLed. */
    shutdown: 'clean' | 'killed';
    rssMb: { idle: number | null; at10s: number | null; atEnd: number | null; peak: number | null; series: { s: number; mb: number }[] };
  };
  /** Completions per second of the measured run: a stall shows as a low minimum. */
  perSecond: { min: number; max: number };
  kinds: (RowFigures & { group: 'read' | 'write' })[];
  groups: RowFigures[];
  unexpectedSamples: string[];
  verification: Verification;
  verdict: { pass: boolean; failures: string[] };
}

const f = (n: number | null | undefined, digits = 0) => (n == null || Number.isNaN(n) ? '–' : n.toFixed(digits));
const TABLE_HEADERS = ['kind', 'requests', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'non-2xx', 'transport err', 'unexpected'];

function tableRows(results: LoadtestResults): string[][] {
  const row = (r: RowFigures) => [
    r.name,
    String(r.requests),
    f(r.requestsPerSecond, 1),
    f(r.latencyMs.p50),
    f(r.latencyMs.p90),
    f(r.latencyMs.p99),
    f(r.latencyMs.max),
    String(r.non2xx),
    String(Object.values(r.transportErrors).reduce((a, b) => a + b, 0)),
    String(r.unexpected),
  ];
  return [...results.kinds.map(row), ...results.groups.map((g) => row({ ...g, name: `= ${g.name}` }))];
}

function statusLine(results: LoadtestResults): string {
  const total = results.groups.find((g) => g.name === 'all')!;
  const statuses = Object.entries(total.statuses).map(([status, n]) => `${status} ×${n}`).join(', ');
  const transport = Object.entries(total.transportErrors).map(([error, n]) => `${error} ×${n}`).join(', ');
  const conflicts = results.kinds.find((k) => k.name === 'conflict');
  return `answers: ${statuses || 'none'}${transport ? `; transport errors: ${transport}` : '; no transport errors'}${conflicts ? ` (the ${conflicts.statuses['409'] ?? 0} × 409 are the deliberate conflicts)` : ''}`;
}

function describeLines(results: LoadtestResults): string[] {
  const m = results.machine;
  const v = results.verification;
  const rss = results.server.rssMb;
  const reads = Object.keys(READS).join(', ');
  const writes = Object.keys(WRITES).join(', ');
  return [
    `machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM, ${m.platform}; Node ${results.node}; PostgreSQL ${results.postgres}`,
    `data: scale ${results.scale} (${results.rows.companies} companies, ${results.rows.projects} projects, ${results.rows.invoices} invoices), regenerated for the run at ${results.database}`,
    `load: ${results.connections} connections (closed loop), ${results.warmupSeconds} s warm-up with the same mix, ${results.durationSeconds} s measured (${results.elapsedSeconds.toFixed(1)} s until the last answer); mix seed ${results.seed}`,
    `mix: 80% reads (${reads}: 16% each), 20% writes (${writes}: 4.5% each, each with its own Idempotency-Key; replay 1.5%: an acknowledged write re-sent; conflict 0.5%: its key with another body, a deliberate 409)`,
    `server: ${results.server.start}, DB_POOL_SIZE ${results.server.poolSize}, requests from ${results.server.caller}, ready in ${(results.server.startupMs / 1000).toFixed(1)} s; ` +
      (results.server.shutdown === 'clean' ? 'exited on SIGTERM' : `did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM and was killed`),
    `RSS: idle ${f(rss.idle)} MB, at 10 s ${f(rss.at10s)} MB, at ${results.durationSeconds} s ${f(rss.atEnd)} MB, peak (VmHWM) ${f(rss.peak)} MB; answers per second during the run: min ${results.perSecond.min}, max ${results.perSecond.max}`,
    statusLine(results),
    `writes (probe, warm-up and measured run): ${v.totals.acknowledged} acknowledged, ${v.totals.found} rows found for their markers; lost ${v.totals.lost}, doubled ${v.totals.doubled}, id mismatch ${v.totals.idMismatch}, refused but written ${v.totals.refusedButWritten}; ` +
      `idempotency records ${v.idempotencyKeys.stored} for ${v.idempotencyKeys.acknowledged} acknowledged; deliberate conflicts ${v.conflicts.sent}, rows written by them ${v.conflicts.written}`,
    `per write kind: ${v.writes.map((w) => `${w.kind} ${w.acknowledged}/${w.found}`).join(', ')} (acknowledged/found)`,
    `invoice numbers: ${v.invoiceNumbers.created} created, ${v.invoiceNumbers.detail}`,
    `retries after the run: ${v.retries.replayed} of ${v.retries.sent} acknowledged writes re-sent with their key were replayed with the identical answer${v.retries.failures.length ? `; not: ${v.retries.failures.slice(0, 3).join('; ')}` : ''}`,
    `server log: ${v.serverLogErrors} error line(s)`,
    `verdict: ${results.verdict.pass ? 'PASS' : `FAIL (${results.verdict.failures.join('; ')})`}`,
  ];
}

function formatTable(results: LoadtestResults): string {
  const rows = tableRows(results);
  const widths = TABLE_HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(TABLE_HEADERS), ...rows.map(line), '', ...describeLines(results)].join('\n');
}

function markdownSection(results: LoadtestResults): string {
  return [
    `## ${results.date.slice(0, 16).replace('T', ' ')} UTC: loadtest (mixed reads and writes), scale ${results.scale}, ${results.connections} connections, ${results.durationSeconds} s`,
    '',
    ...describeLines(results).map((l) => `- ${l}`),
    '',
    `| ${TABLE_HEADERS.join(' | ')} |`,
    `|${TABLE_HEADERS.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...tableRows(results).map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** This run first among the runs of RESULTS.md (the same sections and limit as `npm run bench`'s). */
function addToResultsMarkdown(file: string, section: string): void {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const [head, ...previous] = text.split(RUN_MARKER);
  const header = head?.trim() || '# Benchmark results\n\n`npm run bench` and `npm run loadtest` write each run here, newest first.';
  const runs = [section, ...previous.map((run) => run.trim())].slice(0, RUNS_KEPT);
  writeFileSync(file, `${header}\n\n${runs.map((run) => `${RUN_MARKER}\n${run}`).join('\n\n')}\n`);
}

// ---------------------------------------------------------------------------

async function main(): Promise<number> {
  const options: Options = parseOptions();
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const say = (line: string) => console.log(line);

  const database = await prepareDatabase({ url: options.db, scale: options.scale, defaultScale: options.scale, fresh: true, progress: say });
  say(`database ${database.where}: scale ${database.scale}, generated in ${((database.generatedMs ?? 0) / 1000).toFixed(1)} s`);
  const fixtures = await loadFixtures(options.db);

  // A build of its own: a benchmark started meanwhile rebuilds (and first deletes) bench/.build/src.
  const build = buildApi(path.join(BUILD_DIR, 'loadtest'));
  say(`API built: ${build.files} files transpiled in ${(build.ms / 1000).toFixed(1)} s`);

  const interrupted = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted.signal.aborted) process.exit(130);
    interrupted.abort(new Interrupted(`interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const jwtSecret = newJwtSecret();
  // An admin: invoices need the billing permission, which members do not have.
  const auth = { authorization: `Bearer ${await signAccessToken(jwtSecret, 'admin')}` };
  const poolSize = process.env.DB_POOL_SIZE ?? '10 (default)';
  let api: ApiProcess | undefined;
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  try {
    const running = await startApi({
      entry: build.entry,
      databaseUrl: options.db,
      logFile: SERVER_LOG,
      env: { SUPABASE_JWT_SECRET: jwtSecret, JWT_AUDIENCE, ...(process.env.DB_POOL_SIZE ? { DB_POOL_SIZE: process.env.DB_POOL_SIZE } : {}) },
    });
    api = running;
    const idle = readMemory(running.pid);
    say(`API ready at ${running.url} in ${(running.startupMs / 1000).toFixed(1)} s (pid ${running.pid}, RSS ${f(idle?.rssMb)} MB)`);

    const url = new URL(running.url);
    const runTag = `lt${Date.now().toString(36)}`;
    const workload = new Workload(url, agent, auth, runTag, fixtures, mulberry32(options.seed));

    // Every kind once: a document the server refuses ends the run here, with its message.
    const probe: Phase = { deadline: 0, stats: null, perSecond: [], started: performance.now() };
    for (const kind of KINDS) {
      if (!(await workload.one(probe, kind))) throw new Error(`the probe request "${kind}" failed: ${workload.unexpectedSamples.at(-1)}`);
    }
    say(`probe: every kind of request answered as expected (run tag ${runTag})`);

    if (options.warmupSeconds > 0) {
      say(`warming up ${options.warmupSeconds} s at ${options.connections} connections`);
      const started = performance.now();
      await workload.run({ deadline: started + options.warmupSeconds * 1000, stats: null, perSecond: [], started }, options.connections, interrupted.signal);
    }
    interrupted.signal.throwIfAborted();

    say(`measuring ${options.durationSeconds} s at ${options.connections} connections`);
    const stats = new Map<Kind, KindStats>();
    const started = performance.now();
    const phase: Phase = { deadline: started + options.durationSeconds * 1000, stats, perSecond: [], started };
    const series: { s: number; mb: number }[] = [];
    let at10s: number | null = null;
    const pid = running.pid;
    const sampler = setInterval(() => {
      const s = Math.round((performance.now() - started) / 1000);
      const memory = readMemory(pid);
      if (!memory) return;
      series.push({ s, mb: Math.round(memory.rssMb) });
      if (s === 10 || (at10s === null && s > 10)) at10s ??= memory.rssMb;
      if (s % 10 === 0) say(`  ${s} s: ${[...stats.values()].reduce((n, k) => n + k.latencies.length, 0)} answers, RSS ${memory.rssMb.toFixed(0)} MB`);
    }, 1000);
    try {
      await workload.run(phase, options.connections, interrupted.signal);
    } finally {
      clearInterval(sampler);
    }
    const atEnd = readMemory(pid);
    const elapsedSeconds = (performance.now() - started) / 1000;
    interrupted.signal.throwIfAborted();
    if (running.exited()) throw new Error(`the API exited during the run (see ${SERVER_LOG})`);

    say(`retrying ${Math.min(options.retries, workload.acked.length)} acknowledged writes with their Idempotency-Key`);
    const retries = await retrySample(workload, url, agent, auth, options.retries);
    say('counting the rows of every marker');
    const checked = await verify(options.db, workload, fixtures);
    // Stopped before the figures are written: a server that cannot shut down is part of them.
    agent.destroy();
    const { forced } = await running.stop();
    api = undefined;
    const serverLogErrors = readFileSync(SERVER_LOG, 'utf8').split('\n').filter((line) => line.includes('"level":"error"')).length;
    const verification: Verification = { ...checked, retries, serverLogErrors };

    const seconds = elapsedSeconds;
    const kinds = KINDS.filter((k) => stats.has(k)).map((k) => ({ ...summarize(k, [stats.get(k)!], seconds), group: isRead(k) ? ('read' as const) : ('write' as const) }));
    const group = (name: string, filter: (k: Kind) => boolean) => summarize(name, KINDS.filter((k) => filter(k) && stats.has(k)).map((k) => stats.get(k)!), seconds);
    const groups = [group('reads', isRead), group('writes', (k) => !isRead(k)), group('all', () => true)];
    const perSecond = Array.from({ length: options.durationSeconds }, (_, i) => phase.perSecond[i] ?? 0);

    const failures: string[] = [];
    const all = groups[2]!;
    if (all.unexpected) failures.push(`${all.unexpected} unexpected answer(s)`);
    const t = verification.totals;
    if (t.lost) failures.push(`${t.lost} acknowledged write(s) lost`);
    if (t.doubled) failures.push(`${t.doubled} write(s) stored twice`);
    if (t.idMismatch) failures.push(`${t.idMismatch} write(s) stored under another id or number than acknowledged`);
    if (t.refusedButWritten) failures.push(`${t.refusedButWritten} refused write(s) stored anyway`);
    if (verification.conflicts.written) failures.push(`${verification.conflicts.written} deliberate conflict(s) written`);
    if (verification.idempotencyKeys.stored !== verification.idempotencyKeys.acknowledged) failures.push(`${verification.idempotencyKeys.stored} idempotency records for ${verification.idempotencyKeys.acknowledged} acknowledged writes`);
    if (!verification.invoiceNumbers.consecutive) failures.push(`invoice numbers: ${verification.invoiceNumbers.detail}`);
    if (verification.retries.replayed !== verification.retries.sent) failures.push(`${verification.retries.sent - verification.retries.replayed} retried write(s) not replayed`);
    if (serverLogErrors) failures.push(`${serverLogErrors} error line(s) in the server log`);

    const results: LoadtestResults = {
      date: new Date().toISOString(),
      machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', memoryGb: Math.round(os.totalmem() / 1024 ** 3), platform: `${os.platform()} ${os.release()}` },
      node: process.version,
      postgres: database.postgresVersion,
      database: database.where,
      scale: database.scale,
      rows: database.rows,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      elapsedSeconds,
      seed: options.seed,
      mix: Object.fromEntries(MIX),
      server: {
        start: 'node bench/.build/loadtest/src/main.js (transpiled src/), NODE_ENV=production',
        caller: 'a signed-in admin (HS256 token signed by the runner)',
        startupMs: running.startupMs,
        poolSize,
        shutdown: forced ? 'killed' : 'clean',
        rssMb: { idle: idle?.rssMb ?? null, at10s, atEnd: atEnd?.rssMb ?? null, peak: atEnd?.peakMb ?? null, series },
      },
      perSecond: { min: perSecond.length ? Math.min(...perSecond) : 0, max: perSecond.length ? Math.max(...perSecond) : 0 },
      kinds,
      groups,
      unexpectedSamples: workload.unexpectedSamples,
      verification,
      verdict: { pass: failures.length === 0, failures },
    };
    say('');
    say(formatTable(results));
    if (workload.unexpectedSamples.length) say(`\nunexpected answers (first ${workload.unexpectedSamples.length}):\n  ${workload.unexpectedSamples.join('\n  ')}`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 2)}\n`);
    addToResultsMarkdown(RESULTS_MD, markdownSection(results));
    say('');
    say(`written: ${path.relative(process.cwd(), RESULTS_JSON)}, ${path.relative(process.cwd(), RESULTS_MD)} (server log: ${path.relative(process.cwd(), SERVER_LOG)})`);
    return results.verdict.pass ? 0 : 1;
  } finally {
    agent.destroy();
    const stopped = await api?.stop();
    if (stopped?.forced) console.error(`loadtest: the API did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM, so it was killed`);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`loadtest: ${message}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = error instanceof Interrupted ? 130 : 1;
  },
);
