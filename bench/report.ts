// What a run prints and keeps: a plain table on the console, the full figures in
// bench/results/latest.json, and a human-readable history in bench/RESULTS.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetTable } from './dataset';
import type { ScenarioFigures } from './load';

export interface ServerFigures {
  name: string;
  url: string;
  /** How it was started. */
  start: string;
  /** Who the requests came from. */
  caller: string;
  startupMs?: number;
  idleRssMb?: number | null;
  /** VmHWM at the end of the run: the process's peak RSS. */
  peakRssMb?: number | null;
  /** Share of the machine's CPU time in use over 2 s just before this server started (other work than the benchmark's), %. */
  busyCpuBefore?: number | null;
  scenarios: ScenarioFigures[];
}

/** One scenario measured on the API and on the peer with equivalent credentials (`--compare`). */
export interface ComparisonRow {
  scenario: string;
  /** The pairing of credentials, e.g. "person token" or "no per-request role". */
  pairing: string;
  /** Names of the two servers in `servers`. */
  ours: string;
  peer: string;
  oursRequestsPerSecond: number | null;
  peerRequestsPerSecond: number | null;
  /** ours / peer: above 1, the API serves more requests per second. */
  throughputRatio: number | null;
  oursP99Ms: number | null;
  peerP99Ms: number | null;
  /** ours / peer: below 1, the API's slowest 1% answer sooner. */
  p99Ratio: number | null;
  oursSqlStatements: number | null;
  peerSqlStatements: number | null;
  /** Did both return the same data (checked before measuring), and what was compared. */
  sameData: boolean;
  check: string;
}

export interface Comparison {
  /** The peer and how it was set up. */
  peer: string;
  rows: ComparisonRow[];
}

export interface BenchResults {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; platform: string };
  node: string;
  postgres: string;
  database: string;
  scale: number;
  rows: Record<DatasetTable, number>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  servers: ServerFigures[];
  /** Only with `--compare`: the API against the peer, scenario by scenario. */
  comparison?: Comparison;
  /** Only with `--compare`: one request at a time to the API against a hand-written statement through pg (bench/handwritten.ts). */
  latency?: { pairing: string; scenario: string; apiMs: number; handwrittenMs: number; ratio: number }[];
}

function latencyLines(results: BenchResults): string[] {
  return (results.latency ?? []).map(
    (l) =>
      `single request ${l.scenario} (${l.pairing}): API ${fixed(l.apiMs)} ms, the same JSON from one hand-written statement through pg ${fixed(l.handwrittenMs)} ms: ${fixed(l.ratio, 2)}×`,
  );
}

const HEADERS = ['scenario', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'KB/resp', 'SQL/req', 'RSS peak MB'];
export const RUNS_KEPT = 20;

const fixed = (n: number | undefined | null, digits = 1) => (n == null || Number.isNaN(n) ? '–' : n.toFixed(digits));

function rowsOf(server: ServerFigures): string[][] {
  return server.scenarios.map((s) =>
    s.status !== 'ok'
      ? [s.name, `${s.status}: ${s.reason ?? ''}`]
      : [
          s.name,
          fixed(s.requestsPerSecond),
          fixed(s.latencyMs?.p50, 0),
          fixed(s.latencyMs?.p90, 0),
          fixed(s.latencyMs?.p99, 0),
          fixed(s.latencyMs?.max, 0),
          String(s.errors ?? '–'),
          String(s.non2xx ?? '–'),
          fixed(s.responseBytes == null ? null : s.responseBytes / 1024),
          s.sqlStatements == null ? '–' : String(s.sqlStatements),
          fixed(s.rssMb?.peak, 0),
        ],
  );
}

function describeServer(server: ServerFigures): string {
  const parts = [server.start, `requests from ${server.caller}`];
  if (server.startupMs !== undefined) parts.push(`ready in ${(server.startupMs / 1000).toFixed(1)} s`);
  if (server.idleRssMb != null) parts.push(`idle RSS ${fixed(server.idleRssMb, 0)} MB`);
  if (server.peakRssMb != null) parts.push(`peak RSS (VmHWM) ${fixed(server.peakRssMb, 0)} MB`);
  if (server.busyCpuBefore != null) parts.push(`CPU ${fixed(server.busyCpuBefore, 0)}% busy before it started`);
  return `${server.name}: ${parts.join(', ')}`;
}

function scenarioTitles(results: BenchResults): string {
  const titles = new Map(results.servers.flatMap((server) => server.scenarios.map((s) => [s.name, s.title] as const)));
  return [...titles].map(([name, title]) => `${name}: ${title}`).join('; ');
}

function describeRun(results: BenchResults): string {
  const m = results.machine;
  return [
    `machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM, ${m.platform}; Node ${results.node}; PostgreSQL ${results.postgres}`,
    `data: scale ${results.scale} (${results.rows.companies} companies, ${results.rows.projects} projects, ${results.rows.integrations} integrations, ${results.rows.invoices} invoices) at ${results.database}`,
    `load: ${results.connections} connections, ${results.warmupSeconds} s warm-up, ${results.durationSeconds} s measured per scenario`,
    `scenarios (bench/queries.ts): ${scenarioTitles(results)}`,
  ].join('\n');
}

const COMPARISON_HEADERS = ['scenario', 'pairing', 'ours req/s', 'peer req/s', 'req/s ours/peer', 'ours p99 ms', 'peer p99 ms', 'p99 ours/peer', 'SQL/req ours', 'SQL/req peer', 'same data'];
const COMPARISON_NOTE =
  'ratios are ours / peer: req/s above 1 = the API serves more; p99 below 1 = the API\'s slowest 1% answer sooner';

function comparisonRows(comparison: Comparison): string[][] {
  return comparison.rows.map((r) => [
    r.scenario,
    r.pairing,
    fixed(r.oursRequestsPerSecond),
    fixed(r.peerRequestsPerSecond),
    fixed(r.throughputRatio, 2),
    fixed(r.oursP99Ms, 0),
    fixed(r.peerP99Ms, 0),
    fixed(r.p99Ratio, 2),
    r.oursSqlStatements == null ? '–' : String(r.oursSqlStatements),
    r.peerSqlStatements == null ? '–' : String(r.peerSqlStatements),
    r.sameData ? 'yes' : 'NO',
  ]);
}

/** Rows padded to their widest cell; the first `leftAligned` columns are text, the rest numbers. A two-cell row is a name and a message. */
function padded(headers: string[], rows: string[][], leftAligned = 1): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.filter((r) => r.length === headers.length).map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.length === 2 && headers.length > 2
      ? `${cells[0]!.padEnd(widths[0]!)}  ${cells[1]}`
      : cells.map((c, i) => (i < leftAligned ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(headers), ...rows.map(line)];
}

/** The console table: columns padded to their widest cell. */
export function formatTable(results: BenchResults): string {
  const out = [describeRun(results)];
  for (const server of results.servers) {
    out.push('', describeServer(server), ...padded(HEADERS, rowsOf(server)));
  }
  if (results.comparison) {
    out.push('', `comparison with ${results.comparison.peer}`, `(${COMPARISON_NOTE})`, ...padded(COMPARISON_HEADERS, comparisonRows(results.comparison), 2));
    out.push(...results.comparison.rows.map((r) => `check ${r.scenario} (${r.pairing}): ${r.check}`));
  }
  out.push(...latencyLines(results));
  return out.join('\n');
}

export function writeLatestJson(file: string, results: BenchResults): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

/** Starts each run's section in RESULTS.md (bench/loadtest.ts adds its runs with the same marker). */
export const RUN_MARKER = '<!-- run -->';

function markdownRun(results: BenchResults): string {
  const lines = [
    `## ${results.date.slice(0, 16).replace('T', ' ')} UTC: scale ${results.scale}, ${results.connections} connections, ${results.durationSeconds} s`,
    '',
    ...describeRun(results).split('\n').map((l) => `- ${l}`),
  ];
  for (const server of results.servers) {
    lines.push('', `**${describeServer(server)}**`, '', `| ${HEADERS.join(' | ')} |`, `|${HEADERS.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
    for (const row of rowsOf(server)) lines.push(row.length === 2 ? `| ${row[0]} | ${row[1]} |${' |'.repeat(HEADERS.length - 2)}` : `| ${row.join(' | ')} |`);
  }
  if (results.comparison) {
    lines.push(
      '',
      `**Comparison with ${results.comparison.peer}** (${COMPARISON_NOTE})`,
      '',
      `| ${COMPARISON_HEADERS.join(' | ')} |`,
      `|${COMPARISON_HEADERS.map((_, i) => (i <= 1 ? ' --- ' : ' ---: ')).join('|')}|`,
      ...comparisonRows(results.comparison).map((row) => `| ${row.join(' | ')} |`),
      '',
      ...results.comparison.rows.map((r) => `- check ${r.scenario} (${r.pairing}): ${r.check}`),
    );
  }
  const latency = latencyLines(results);
  if (latency.length) lines.push('', ...latency.map((l) => `- ${l}`));
  return lines.join('\n');
}

/** Puts this run first in RESULTS.md and keeps the previous ones below it, up to a limit. */
export function updateResultsMarkdown(file: string, results: BenchResults): void {
  let previous: string[] = [];
  try {
    previous = readFileSync(file, 'utf8').split(RUN_MARKER).slice(1).map((run) => run.trim());
  } catch {
    // First run: no history yet.
  }
  const header = [
    '# Benchmark results',
    '',
    '`npm run bench` (bench/run.ts) writes each run here, newest first, keeping the last',
    `${RUNS_KEPT}; \`bench/results/latest.json\` has the last run in full. Figures are`,
    'comparable only between runs on the same machine and scale: the load generator,',
    'the API and PostgreSQL share its CPUs. Columns: requests per second, latency',
    'percentiles, connection errors, non-2xx answers, response body size, SQL statements',
    'per request (the `x-sql-statements` header) and the API\'s peak RSS during the run.',
    '`npm run loadtest` (bench/loadtest.ts) adds its runs to the same list, headed "loadtest".',
    'Runs of `npm run bench -- --compare` also measure PostGraphile v5 (bench/peer) on the same',
    'database, scenarios and load, one server after the other, and end with the ratios ours / peer.',
  ].join('\n');
  const runs = [markdownRun(results), ...previous].slice(0, RUNS_KEPT);
  writeFileSync(file, `${header}\n\n${runs.map((run) => `${RUN_MARKER}\n${run}`).join('\n\n')}\n`);
}
