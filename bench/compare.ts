// `npm run bench -- --compare`: the API against PostGraphile v5 (bench/peer) on the
// same database, dataset, scenarios and load, one server after the other in the
// same run. For each pairing of credentials the API runs first, then the peer:
//
//   person token          the API: a signed-in person's token, each request in a
//                         transaction as role `authenticated` with the JWT claims
//                         (RLS applies); the peer: the same token, verified in
//                         grafast.context, pgSettings { role: authenticated,
//                         request.jwt.claims } (PostGraphile's transaction + set_config).
//   no per-request role   the API: an API key (queries skip the per-request
//                         transaction and run as the connection's user); the peer:
//                         no pgSettings (one statement per query, connection's user).
//
// Before measuring the peer, each scenario's answer from both is reduced to the
// same shape (ids, names, statuses, amounts, counts, order) and compared: a
// `check` line says what matched, or where they differ (exit status 1).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { STOP_GRACE_MS, buildApi, readMemory, startApi, type ApiProcess } from './api-process';
import { prepareDatabase } from './bench-database';
import { JWT_AUDIENCE, newJwtSecret, signAccessToken, type BenchRole } from './credentials';
import { singleRequestLatency } from './handwritten';
import { runScenarios, type LoadOptions, type ScenarioFigures } from './load';
import type { Scenario } from './queries';
import { formatTable, updateResultsMarkdown, writeLatestJson, type BenchResults, type ComparisonRow, type ServerFigures } from './report';
import { connectPostgres } from '../src/db/database';
import { createApiKey } from '../src/auth/api-keys';

const RESULTS_DIR = path.join(__dirname, 'results');
const PEER_DIR = path.join(__dirname, 'peer');
const PEER_ENTRY = path.join(PEER_DIR, 'server.mjs');
/** Connections in each server's pool: the API's default (DB_POOL_SIZE), given to both. */
const POOL_SIZE = 10;

export type Pairing = 'token' | 'service';
export const PAIRINGS: Record<Pairing, string> = {
  token: 'person token',
  service: 'no per-request role',
};

export interface CompareOptions {
  db: string;
  scale?: number;
  fresh: boolean;
  scenarios: readonly Scenario[];
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Extra request headers for both servers (never credentials). */
  headers: Record<string, string>;
  role: BenchRole;
  pairings: Pairing[];
  /** Which Node.js runs the API: the peer's (the same runtime for both, default) or the system's. */
  apiNode: 'peer' | 'system';
  say: (line: string) => void;
  signal: AbortSignal;
}

// ---- the peer's installation ------------------------------------------------------------

function peerVersions(): { postgraphile: string; node: string } {
  const lock = JSON.parse(readFileSync(path.join(PEER_DIR, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  return { postgraphile: lock.packages['node_modules/postgraphile']?.version ?? '?', node: lock.packages['node_modules/node']?.version ?? '?' };
}

/**
 * bench/peer/node_modules, installed from its lock file when missing or older than
 * the lock (`npm ci --prefix bench/peer`). The `node` package's install script puts
 * Node 22 (PostGraphile 5 needs it) at node_modules/.bin/node; package.json's
 * allowScripts approves that one script. Returns the Node binary to run the peer with.
 */
export function ensurePeerInstalled(say: (line: string) => void): string {
  const modules = path.join(PEER_DIR, 'node_modules');
  const installedLock = path.join(modules, '.package-lock.json');
  const lock = path.join(PEER_DIR, 'package-lock.json');
  const nodeBin = path.join(modules, '.bin', 'node');
  const stale = !existsSync(installedLock) || statSync(installedLock).mtimeMs < statSync(lock).mtimeMs;
  if (stale || !existsSync(nodeBin) || !existsSync(path.join(modules, 'postgraphile', 'package.json'))) {
    say('installing the peer: npm ci --prefix bench/peer (PostGraphile 5 and Node 22 into bench/peer/node_modules)');
    const started = Date.now();
    const npm = spawnSync('npm', ['ci', '--prefix', PEER_DIR, '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (npm.status !== 0) {
      const detail = `${npm.stderr ?? ''}${npm.stdout ?? ''}`.split('\n').map((l) => l.trim()).filter((l) => l && !/EBADENGINE|^npm warn/i.test(l)).slice(0, 3).join(' ');
      throw new Error(`npm ci --prefix bench/peer failed (${npm.error?.message ?? `exit ${npm.status}`}): ${detail}`);
    }
    say(`  installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  // Node 22 or later: this folder's (the `node` package), else the runner's own.
  for (const candidate of [nodeBin, process.execPath]) {
    if (!existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    if (Number(/^v(\d+)\./.exec(version)?.[1] ?? 0) >= 22) return candidate;
  }
  throw new Error(
    'PostGraphile 5 needs Node 22 or later, and bench/peer/node_modules/.bin/node is missing: npm did not run the `node` package\'s install script ' +
      '(bench/peer/package.json approves it in allowScripts); run `npm ci --prefix bench/peer --foreground-scripts` or the bench itself on Node 22',
  );
}

// ---- the peer's process -----------------------------------------------------------------

/** Starts bench/peer/server.mjs like the API (startApi), in production mode with the same pool size. */
function startPeer(options: { nodeBin: string; databaseUrl: string; logFile: string; env: Record<string, string> }): Promise<ApiProcess> {
  return startApi({
    node: options.nodeBin,
    entry: PEER_ENTRY,
    cwd: PEER_DIR,
    label: 'the peer',
    databaseUrl: options.databaseUrl,
    logFile: options.logFile,
    env: { GRAPHILE_ENV: 'production', DB_POOL_SIZE: String(POOL_SIZE), ...options.env },
  });
}

// ---- the same data? ---------------------------------------------------------------------

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers, reduced field by field */
interface Canonical {
  data: unknown;
  /** What the data holds, for the check line. */
  summary: string;
}

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Each scenario's answer in one shape for both servers: ids (the API's `id`, the
 * peer's `rowId`), names, statuses (lower case: the API's enums are upper case,
 * PostgreSQL's labels lower), amounts as the strings both send, counts and order.
 * A project's services are compared as a set (neither document asks for an order).
 */
const CANONICAL: Record<string, { ours(data: any): Canonical; peer(data: any): Canonical }> = {
  dashboard: {
    ours: (data) => dashboardShape(data.companies, (p) => p.services.totalCount, (p) => p.services.nodes.map((s: any) => ({ id: s.id, name: s.serviceName })), 'id'),
    peer: (data) => dashboardShape(data.companies, (p) => p.projectServices.totalCount, (p) => p.projectServices.nodes.map((n: any) => ({ id: n.service.rowId, name: n.service.serviceName })), 'rowId'),
  },
  'overdue-invoices': {
    ours: (data) => overdueShape(data.overdueInvoices.totalCount, data.overdueInvoices.totalOwed, data.overdueInvoices.invoices),
    peer: (data) => overdueShape(data.overdueInvoices.totalCount, data.overdueInvoices.aggregates.sum.amount, data.overdueInvoices.nodes),
  },
  'invoices-page': {
    ours: (data) => invoicesShape(data.invoices, 'id'),
    peer: (data) => invoicesShape(data.invoices, 'rowId'),
  },
};
CANONICAL['nested-projects'] = CANONICAL.dashboard!;
CANONICAL['invoices-100'] = CANONICAL['invoices-page']!;

function dashboardShape(companies: any, servicesTotal: (project: any) => number, services: (project: any) => { id: string; name: string }[], idField: string): Canonical {
  let projects = 0;
  let integrations = 0;
  let links = 0;
  const data = {
    totalCount: companies.totalCount,
    companies: companies.nodes.map((c: any) => ({
      id: c[idField],
      name: c.companyName,
      status: lower(c.status),
      monthlyRecurring: c.monthlyRecurring,
      projectCount: c.projects.totalCount,
      projects: c.projects.nodes.map((p: any) => {
        projects += 1;
        integrations += p.integrations.nodes.length;
        const linked = services(p).sort(byId);
        links += linked.length;
        return {
          id: p[idField],
          name: p.projectName,
          status: lower(p.status),
          monthlyFee: p.monthlyFee,
          integrationCount: p.integrations.totalCount,
          integrations: p.integrations.nodes.map((i: any) => ({ id: i[idField], tool: i.toolName, status: lower(i.status), monthlyCost: i.monthlyCost })),
          serviceCount: servicesTotal(p),
          services: linked,
        };
      }),
    })),
  };
  return { data, summary: `${data.companies.length} of ${data.totalCount} companies, ${projects} projects, ${integrations} integrations, ${links} services` };
}

function overdueShape(totalCount: number, totalOwed: string, rows: any[]): Canonical {
  const data = { totalCount, totalOwed, rows: rows.map((r) => ({ invoiceNumber: r.invoiceNumber, companyName: r.companyName, amount: r.amount, daysOverdue: r.daysOverdue })) };
  return { data, summary: `${rows.length} of ${totalCount} overdue invoices, total owed ${totalOwed}` };
}

function invoicesShape(invoices: any, idField: string): Canonical {
  const data = {
    totalCount: invoices.totalCount,
    rows: invoices.nodes.map((n: any) => ({ id: n[idField], invoiceNumber: n.invoiceNumber, amount: n.amount, status: lower(n.status), dueDate: n.dueDate, company: n.company?.companyName ?? null })),
  };
  return { data, summary: `${data.rows.length} of ${data.totalCount} invoices` };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The first place where two values differ, as a path and both values. */
function firstDifference(a: unknown, b: unknown, at = ''): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at || 'root'}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      if (d) return d;
    }
  }
  return `${at || 'root'}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
}

async function fetchData(url: string, query: string, headers: Record<string, string>): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const text = await response.text();
  let body: { data?: unknown; errors?: { message: string }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`HTTP ${response.status}, not JSON: ${text.slice(0, 120)}`);
  }
  if (body.errors?.length || !body.data) throw new Error(`HTTP ${response.status}: ${body.errors?.[0]?.message ?? 'no data'}`);
  return body.data;
}

// ---- the run ----------------------------------------------------------------------------

const ratio = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null || b === 0 ? null : a / b);

export async function runComparison(options: CompareOptions): Promise<number> {
  const { say, signal } = options;
  // A scenario is compared only with a peer document and a way to compare the answers.
  const scenarios = options.scenarios.filter((s) => s.peerQuery && CANONICAL[s.name]);
  const left = options.scenarios.filter((s) => !scenarios.includes(s)).map((s) => s.name);
  if (left.length) say(`not compared (no peer document in bench/queries.ts, or no comparison in bench/compare.ts): ${left.join(', ')}`);
  if (!scenarios.length) throw new Error('no scenario to compare');
  const database = await prepareDatabase({ url: options.db, scale: options.scale, defaultScale: 10, fresh: options.fresh, progress: say });
  say(`database ${database.where}: scale ${database.scale}${database.generatedMs === undefined ? ' (existing data)' : `, generated in ${(database.generatedMs / 1000).toFixed(1)} s`}`);
  say(`  ${Object.entries(database.rows).map(([table, n]) => `${table} ${n}`).join(', ')}`);

  const peerNode = ensurePeerInstalled(say);
  const peerNodeVersion = spawnSync(peerNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const versions = peerVersions();
  say(`peer: PostGraphile ${versions.postgraphile} on Node ${peerNodeVersion} (${path.relative(process.cwd(), peerNode)})`);

  // Both servers on the same runtime by default, so the figures compare the servers, not two V8s.
  const apiNode = options.apiNode === 'system' ? process.execPath : peerNode;
  const apiNodeVersion = spawnSync(apiNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
  say(`API on Node ${apiNodeVersion}${options.apiNode === 'system' ? ' (the system\'s, --api-node system)' : ' (the peer\'s, so both run on the same runtime; --api-node system for the system\'s)'}`);
  const build = buildApi();
  say(`API built: ${build.files} files transpiled in ${(build.ms / 1000).toFixed(1)} s`);

  const jwtSecret = newJwtSecret();
  const token = await signAccessToken(jwtSecret, options.role);
  const servers: ServerFigures[] = [];
  const rows: ComparisonRow[] = [];
  const latency: NonNullable<BenchResults['latency']> = [];
  let apiKey: { id: string; key: string } | undefined;
  const admin = connectPostgres({ url: options.db, poolSize: 1 });
  try {
    if (options.pairings.includes('service')) apiKey = await createApiKey(admin.prisma, `bench --compare ${new Date().toISOString()}`, ['read']);
    const load = (pid: number, headers: Record<string, string>): LoadOptions => ({
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      headers: { ...options.headers, ...headers },
      pid,
      progress: say,
      signal,
    });

    for (const pairing of options.pairings) {
      const oursHeaders: Record<string, string> = pairing === 'token' ? { authorization: `Bearer ${token}` } : { 'x-api-key': apiKey!.key };
      const peerHeaders: Record<string, string> = pairing === 'token' ? { authorization: `Bearer ${token}` } : {};
      const oursCaller =
        pairing === 'token'
          ? `a signed-in ${options.role} (HS256 token): each request a transaction as role authenticated with the JWT claims, RLS applies`
          : 'an API key with the read scope: queries without a per-request transaction, as the connection\'s user';
      const peerCaller =
        pairing === 'token'
          ? `the same ${options.role} token, verified with jose in grafast.context: pgSettings role authenticated + request.jwt.claims (a transaction per query), RLS applies`
          : 'no credentials: no pgSettings, every query as the connection\'s user';

      // The API first.
      say('');
      say(`[${PAIRINGS[pairing]}] aurum-api`);
      const oursAnswers = new Map<string, Canonical>();
      const ours = await measure(
        () =>
          startApi({
            entry: build.entry,
            databaseUrl: options.db,
            logFile: path.join(RESULTS_DIR, 'server.log'),
            env: { SUPABASE_JWT_SECRET: jwtSecret, JWT_AUDIENCE, DB_POOL_SIZE: String(POOL_SIZE) },
            node: apiNode,
          }),
        async (api) => {
          for (const scenario of scenarios) {
            try {
              oursAnswers.set(scenario.name, CANONICAL[scenario.name]!.ours(await fetchData(api.url, scenario.query, { ...options.headers, ...oursHeaders })));
            } catch (error) {
              say(`  ${scenario.name}: the API's answer cannot be compared (${(error as Error).message})`);
            }
          }
          for (const scenario of scenarios) {
            const figures = await singleRequestLatency({ scenario: scenario.name, query: scenario.query, url: api.url, headers: { ...options.headers, ...oursHeaders }, databaseUrl: options.db });
            if (!figures) continue;
            latency.push({ pairing: PAIRINGS[pairing], ...figures });
            say(`  single request ${scenario.name}: API ${figures.apiMs.toFixed(1)} ms, hand-written statement through pg ${figures.handwrittenMs.toFixed(1)} ms (${figures.ratio.toFixed(2)}×)`);
          }
          return runScenarios(api.url, scenarios, load(api.pid, oursHeaders));
        },
        signal,
        'the API',
        say,
      );
      servers.push({
        name: `aurum-api [${PAIRINGS[pairing]}]`,
        url: ours.url,
        start: `node bench/.build/src/main.js (transpiled src/, Node ${apiNodeVersion}), NODE_ENV=production, pool ${POOL_SIZE}`,
        caller: oursCaller,
        startupMs: ours.startupMs,
        idleRssMb: ours.idleRssMb,
        peakRssMb: ours.peakRssMb,
        busyCpuBefore: ours.busyCpuBefore,
        scenarios: ours.scenarios,
      });

      // Then the peer, once the API has stopped.
      say(`[${PAIRINGS[pairing]}] postgraphile`);
      const checks = new Map<string, { same: boolean; line: string }>();
      const peerScenarios = scenarios.map((s) => ({ ...s, query: s.peerQuery! }));
      const peer = await measure(
        () =>
          startPeer({
            nodeBin: peerNode,
            databaseUrl: options.db,
            logFile: path.join(RESULTS_DIR, 'peer.log'),
            env: pairing === 'token' ? { SUPABASE_JWT_SECRET: jwtSecret, JWT_AUDIENCE } : { PEER_AUTH: 'none' },
          }),
        async (server) => {
          for (const scenario of peerScenarios) {
            const mine = oursAnswers.get(scenario.name);
            let line: string;
            let same = false;
            try {
              const theirs = CANONICAL[scenario.name]!.peer(await fetchData(server.url, scenario.query, { ...options.headers, ...peerHeaders }));
              const difference = mine ? firstDifference(mine.data, theirs.data) : 'the API gave no answer to compare';
              same = difference === null;
              line = same ? `same data from both: ${theirs.summary} (ids, names, statuses, amounts, counts and order)` : `DIFFERENT: ${difference} (API vs peer)`;
            } catch (error) {
              line = `DIFFERENT: the peer failed (${(error as Error).message})`;
            }
            checks.set(scenario.name, { same, line });
            say(`  check ${scenario.name}: ${line}`);
          }
          return runScenarios(server.url, peerScenarios, load(server.pid, peerHeaders));
        },
        signal,
        'the peer',
        say,
      );
      servers.push({
        name: `postgraphile [${PAIRINGS[pairing]}]`,
        url: peer.url,
        start: `bench/peer/server.mjs: PostGraphile ${versions.postgraphile} (amber, simplify-inflection, connection-filter, pg-aggregates) on Node ${peerNodeVersion}, GRAPHILE_ENV=production, no GraphiQL/explain/watch, pool ${POOL_SIZE}`,
        caller: peerCaller,
        startupMs: peer.startupMs,
        idleRssMb: peer.idleRssMb,
        peakRssMb: peer.peakRssMb,
        busyCpuBefore: peer.busyCpuBefore,
        scenarios: peer.scenarios,
      });

      for (const scenario of scenarios) {
        const a = ours.scenarios.find((s) => s.name === scenario.name);
        const b = peer.scenarios.find((s) => s.name === scenario.name);
        const okA = a?.status === 'ok' ? a : undefined;
        const okB = b?.status === 'ok' ? b : undefined;
        const check = checks.get(scenario.name) ?? { same: false, line: 'not checked' };
        rows.push({
          scenario: scenario.name,
          pairing: PAIRINGS[pairing],
          ours: `aurum-api [${PAIRINGS[pairing]}]`,
          peer: `postgraphile [${PAIRINGS[pairing]}]`,
          oursRequestsPerSecond: okA?.requestsPerSecond ?? null,
          peerRequestsPerSecond: okB?.requestsPerSecond ?? null,
          throughputRatio: ratio(okA?.requestsPerSecond, okB?.requestsPerSecond),
          oursP99Ms: okA?.latencyMs?.p99 ?? null,
          peerP99Ms: okB?.latencyMs?.p99 ?? null,
          p99Ratio: ratio(okA?.latencyMs?.p99, okB?.latencyMs?.p99),
          oursSqlStatements: okA?.sqlStatements ?? null,
          peerSqlStatements: okB?.sqlStatements ?? null,
          sameData: check.same,
          check: check.line,
        });
      }
    }
  } finally {
    if (apiKey) await admin.prisma.apiKey.delete({ where: { id: apiKey.id } }).catch(() => undefined);
    await admin.close();
  }

  const results: BenchResults = {
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
    servers,
    comparison: { peer: `PostGraphile ${versions.postgraphile} on Node ${peerNodeVersion} (bench/peer)`, rows },
    latency,
  };
  say('');
  say(formatTable(results));
  writeLatestJson(path.join(RESULTS_DIR, 'latest.json'), results);
  updateResultsMarkdown(path.join(__dirname, 'RESULTS.md'), results);
  say('');
  say(`written: ${path.relative(process.cwd(), path.join(RESULTS_DIR, 'latest.json'))}, ${path.relative(process.cwd(), path.join(__dirname, 'RESULTS.md'))}`);
  const failed = servers.some((server) => server.scenarios.some((s) => s.status === 'failed'));
  const different = rows.some((r) => !r.sameData);
  if (different) say('bench: the servers did not return the same data for every scenario (see the check lines)');
  return failed || different ? 1 : 0;
}

/** Share of all CPUs' time spent busy over `ms` (Linux /proc/stat; null elsewhere), %. */
async function busyCpu(ms: number): Promise<number | null> {
  const read = () => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      return { idle: fields[3]! + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const before = read();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = read();
  if (!before || !after || after.total === before.total) return null;
  return 100 * (1 - (after.idle - before.idle) / (after.total - before.total));
}

/** Starts a server, runs `work` against it, stops it; with its memory figures. */
async function measure(
  start: () => Promise<ApiProcess>,
  work: (server: ApiProcess) => Promise<ScenarioFigures[]>,
  signal: AbortSignal,
  what: string,
  say: (line: string) => void,
): Promise<{ url: string; startupMs: number; idleRssMb: number | null; peakRssMb: number | null; busyCpuBefore: number | null; scenarios: ScenarioFigures[] }> {
  // Both servers share the machine with the load generator and PostgreSQL: CPU in use
  // before the server starts (once the previous one's last queries have finished) is
  // other work, and makes the figures noisy.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const busyCpuBefore = await busyCpu(2_000);
  const server = await start();
  try {
    signal.throwIfAborted();
    const idle = readMemory(server.pid);
    const busy = busyCpuBefore === null ? '' : `; CPU ${busyCpuBefore.toFixed(0)}% busy before it started${busyCpuBefore > 15 ? ': other work is running, the figures will be noisy' : ''}`;
    say(`  ready at ${server.url} in ${(server.startupMs / 1000).toFixed(1)} s (pid ${server.pid}${idle ? `, RSS ${idle.rssMb.toFixed(0)} MB` : ''}${busy})`);
    const scenarios = await work(server);
    if (server.exited()) throw new Error(`${what} exited during the run (see bench/results/)`);
    const memory = readMemory(server.pid);
    return { url: server.url, startupMs: server.startupMs, idleRssMb: idle?.rssMb ?? null, peakRssMb: memory?.peakMb ?? null, busyCpuBefore, scenarios };
  } finally {
    const stopped = await server.stop();
    if (stopped.forced) console.error(`bench: ${what} did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM, so it was killed`);
  }
}
