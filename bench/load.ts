// Load against one GraphQL server: a probe request per scenario (is the document
// accepted, how big is the answer, how many SQL statements did it take), then a
// warm-up and a measured autocannon run. Knows nothing about how the server was
// started, so a peer server at another URL is measured the same way.
import autocannon from 'autocannon';
import { sampleRss } from './api-process';
import type { Scenario } from './queries';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Sent with every request (e.g. Authorization). */
  headers?: Record<string, string>;
  /** The server's pid, to sample its RSS during each measured run (local servers only). */
  pid?: number;
  /** One line per step, for the console. */
  progress?: (line: string) => void;
  /** Aborting stops the load at once and rejects. */
  signal?: AbortSignal;
}

export interface ScenarioFigures {
  name: string;
  title: string;
  /** skipped: the server rejects the document (e.g. a field it does not have yet); failed: it errors. */
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  requestsPerSecond?: number;
  latencyMs?: { mean: number; p50: number; p90: number; p99: number; max: number };
  requests?: number;
  /** Connection errors and timeouts (autocannon's `errors`). */
  errors?: number;
  non2xx?: number;
  /** Size of the probe's response body. */
  responseBytes?: number;
  /** From the probe's `x-sql-statements` header; null when the server does not send it. */
  sqlStatements?: number | null;
  /** RSS sampled during the measured run. */
  rssMb?: { peak: number; mean: number } | null;
}

interface GraphQLResponse {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function probe(url: string, query: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const text = await response.text();
  let body: GraphQLResponse | null;
  try {
    body = JSON.parse(text) as GraphQLResponse;
  } catch {
    body = null;
  }
  const statements = response.headers.get('x-sql-statements');
  return { status: response.status, body, text, bytes: Buffer.byteLength(text), sqlStatements: statements === null ? null : Number(statements) };
}

const DOCUMENT_ERRORS = new Set(['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/**
 * A document the server does not accept (a field it does not have yet...): Apollo
 * codes it; a server that sends no codes answers a request error with no `data`
 * entry at all, where an execution error comes with `data`, even if null.
 * Authentication and other coded errors are failures, not skips.
 */
function rejected(body: GraphQLResponse): boolean {
  const codes = (body.errors ?? []).map((e) => e.extensions?.code);
  if (!codes.length) return false;
  if (codes.some((code) => code !== undefined && DOCUMENT_ERRORS.has(code))) return true;
  return !('data' in body) && codes.every((code) => code === undefined);
}

export async function runScenario(url: string, scenario: Scenario, options: LoadOptions): Promise<ScenarioFigures> {
  const { name, title } = scenario;
  const headers = options.headers ?? {};
  const first = await probe(url, scenario.query, headers);
  if (!first.body) return { name, title, status: 'failed', reason: `HTTP ${first.status}, not JSON: ${first.text.slice(0, 120)}` };
  const firstError = first.body.errors?.[0]?.message;
  if (rejected(first.body)) return { name, title, status: 'skipped', reason: `the server rejects the document: ${firstError}` };
  if (firstError || first.status !== 200) return { name, title, status: 'failed', reason: `HTTP ${first.status}: ${firstError ?? 'no data'}` };

  const request = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: scenario.query }),
    connections: options.connections,
  };
  if (options.warmupSeconds > 0) {
    options.progress?.(`  ${name}: warming up ${options.warmupSeconds} s`);
    await fire({ ...request, duration: options.warmupSeconds }, options.signal);
  }
  options.progress?.(`  ${name}: measuring ${options.durationSeconds} s at ${options.connections} connections`);
  const sampler = options.pid ? sampleRss(options.pid) : null;
  let result: autocannon.Result;
  try {
    result = await fire({ ...request, duration: options.durationSeconds }, options.signal);
  } catch (error) {
    sampler?.stop();
    throw error;
  }
  const rss = sampler?.stop() ?? null;

  return {
    name,
    title,
    status: 'ok',
    requestsPerSecond: result.requests.average,
    latencyMs: { mean: result.latency.average, p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    responseBytes: first.bytes,
    sqlStatements: first.sqlStatements,
    rssMb: rss && { peak: rss.peakMb, mean: rss.meanMb },
  };
}

/** One autocannon run that stops (and rejects) when `signal` aborts. */
function fire(options: autocannon.Options, signal?: AbortSignal): Promise<autocannon.Result> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result) => {
      signal?.removeEventListener('abort', abort);
      if (signal?.aborted) reject(signal.reason);
      else if (error) reject(error);
      else resolve(result);
    });
    function abort() {
      instance.stop();
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** Runs the scenarios one after the other against the server at `url`. */
export async function runScenarios(url: string, scenarios: readonly Scenario[], options: LoadOptions): Promise<ScenarioFigures[]> {
  const figures: ScenarioFigures[] = [];
  for (const scenario of scenarios) {
    const result = await runScenario(url, scenario, options);
    if (result.status !== 'ok') options.progress?.(`  ${scenario.name}: ${result.status} (${result.reason})`);
    figures.push(result);
  }
  return figures;
}
