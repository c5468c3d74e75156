// `npm run bench`: prepares the benchmark database, starts the API on it as a
// child process (production settings, SQL statement header on), measures each
// scenario with autocannon while sampling the API's memory, then prints a table and
// writes bench/results/latest.json and bench/RESULTS.md. Exit 1 with one line when
// setup fails, or when a scenario fails.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { STOP_GRACE_MS, buildApi, readMemory, startApi, type ApiProcess } from './api-process';
import { prepareDatabase } from './bench-database';
import { runScenarios } from './load';
import { PAIRINGS, runComparison, type Pairing } from './compare';
import { JWT_AUDIENCE, newJwtSecret, signAccessToken, type BenchRole } from './credentials';
import { SCENARIOS } from './queries';
import { formatTable, updateResultsMarkdown, writeLatestJson, type BenchResults } from './report';
import { integerOption, Interrupted, UsageError } from './cli';

const RESULTS_DIR = path.join(__dirname, 'results');
const USAGE = `usage: npm run bench -- [options]
  --db <url>            PostgreSQL database (default postgresql://postgres@127.0.0.1:5432/aurum_bench);
                        created if missing, migrated, filled with the dataset when empty
  --scale <n>           dataset scale when generating (default 10: 200 companies, 1,000 projects)
  --fresh               drop and regenerate the database (its name must contain "bench")
  --scenario <name>     run only this scenario (repeatable): ${SCENARIOS.map((s) => s.name).join(', ')}
  --duration <s>        measured seconds per scenario (default 10)
  --warmup <s>          warm-up seconds per scenario (default 3)
  --connections <n>     concurrent connections (default 20)
  --as <member|admin>   the team role of the signed-in user the requests come from (default member):
                        the runner gives the API a fresh JWT secret and signs the token itself
  --header <k: v>       extra request header (repeatable); an Authorization or X-API-Key header
                        replaces the runner's own token
  --compare             also measure PostGraphile v5 (bench/peer, installed there on first use) on the
                        same database, scenarios and load, one server after the other, and print the
                        ratios ours / peer (see bench/README.md)
  --pairing <name>      with --compare, the credentials to compare (repeatable; default both):
                        token (a person's token: RLS role and claims on both) or service (the API
                        with an API key, the peer without a per-request role)
  --api-node <peer|system>  with --compare, the Node.js the API runs on: the peer's (default: both
                        servers on the same runtime) or the one running the bench`;

function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        db: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/aurum_bench' },
        scale: { type: 'string' },
        fresh: { type: 'boolean', default: false },
        scenario: { type: 'string', multiple: true },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        header: { type: 'string', multiple: true },
        as: { type: 'string', default: 'member' },
        compare: { type: 'boolean', default: false },
        pairing: { type: 'string', multiple: true },
        'api-node': { type: 'string', default: 'peer' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const names = parsed.scenario ?? SCENARIOS.map((s) => s.name);
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length) throw new UsageError(`unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  const headers: Record<string, string> = {};
  for (const header of parsed.header ?? []) {
    const colon = header.indexOf(':');
    if (colon < 1) throw new UsageError(`--header must look like "name: value" (got "${header}")`);
    headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
  }
  let db: URL;
  try {
    db = new URL(parsed.db);
  } catch {
    throw new UsageError(`--db is not a URL (expected postgresql://user@host:5432/database)`);
  }
  if (db.protocol !== 'postgresql:' && db.protocol !== 'postgres:') throw new UsageError(`--db must be a postgresql:// URL`);
  if (parsed.as !== 'member' && parsed.as !== 'admin') throw new UsageError(`--as must be member or admin (got "${parsed.as}")`);
  const pairings = parsed.pairing ?? Object.keys(PAIRINGS);
  const unknownPairing = pairings.filter((p) => !(p in PAIRINGS));
  if (unknownPairing.length) throw new UsageError(`unknown pairing ${unknownPairing.join(', ')} (known: ${Object.keys(PAIRINGS).join(', ')})`);
  if (parsed.pairing && !parsed.compare) throw new UsageError('--pairing goes with --compare');
  const apiNode = parsed['api-node'];
  if (apiNode !== 'peer' && apiNode !== 'system') throw new UsageError(`--api-node must be peer or system (got "${apiNode}")`);
  if (parsed.compare && ('authorization' in headers || 'x-api-key' in headers)) {
    throw new UsageError('--compare gives both servers its own credentials (see --pairing); leave Authorization and X-API-Key out of --header');
  }
  return {
    help: parsed.help,
    db: parsed.db,
    scale: parsed.scale === undefined ? undefined : integerOption('scale', parsed.scale, 10),
    fresh: parsed.fresh,
    scenarios: SCENARIOS.filter((s) => names.includes(s.name)),
    durationSeconds: integerOption('duration', parsed.duration, 10),
    warmupSeconds: integerOption('warmup', parsed.warmup, 3, 0),
    connections: integerOption('connections', parsed.connections, 20),
    headers,
    role: parsed.as as BenchRole,
    compare: parsed.compare,
    pairings: [...new Set(pairings)] as Pairing[],
    apiNode: apiNode as 'peer' | 'system',
  };
}

async function main(): Promise<number> {
  const options = parseOptions();
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const say = (line: string) => console.log(line);
  if (options.compare) return compare(options, say);

  const database = await prepareDatabase({ url: options.db, scale: options.scale, defaultScale: 10, fresh: options.fresh, progress: say });
  say(
    `database ${database.where}: scale ${database.scale}${database.generatedMs === undefined ? ' (existing data)' : `, generated in ${(database.generatedMs / 1000).toFixed(1)} s`}`,
  );
  say(`  ${Object.entries(database.rows).map(([table, n]) => `${table} ${n}`).join(', ')}`);

  const build = buildApi();
  say(`API built: ${build.files} files transpiled in ${(build.ms / 1000).toFixed(1)} s`);

  // A first Ctrl-C stops the load, then the API, through the normal path below; a
  // second one exits at once (the API is killed by api-process' exit hook).
  const interrupted = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted.signal.aborted) process.exit(130);
    interrupted.abort(new Interrupted(`interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const jwtSecret = newJwtSecret();
  const ownCredentials = 'authorization' in options.headers || 'x-api-key' in options.headers;
  const headers = ownCredentials ? options.headers : { ...options.headers, authorization: `Bearer ${await signAccessToken(jwtSecret, options.role)}` };
  const caller = ownCredentials ? 'the credentials given with --header' : `a signed-in ${options.role} (HS256 token signed by the runner)`;

  let api: ApiProcess | undefined;
  try {
    api = await startApi({
      entry: build.entry,
      databaseUrl: options.db,
      logFile: path.join(RESULTS_DIR, 'server.log'),
      env: { SUPABASE_JWT_SECRET: jwtSecret, JWT_AUDIENCE },
    });
    interrupted.signal.throwIfAborted();
    const idle = readMemory(api.pid);
    say(`API ready at ${api.url} in ${(api.startupMs / 1000).toFixed(1)} s (pid ${api.pid}${idle ? `, RSS ${idle.rssMb.toFixed(0)} MB` : ''})`);

    const scenarios = await runScenarios(api.url, options.scenarios, {
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      headers,
      pid: api.pid,
      progress: say,
      signal: interrupted.signal,
    });
    if (api.exited()) throw new Error(`the API exited during the run (see ${path.join(RESULTS_DIR, 'server.log')})`);
    const memory = readMemory(api.pid);

    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: {
        cpus: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
        memoryGb: Math.round(os.totalmem() / 1024 ** 3),
        platform: `${os.platform()} ${os.release()}`,
      },
      node: process.version,
      postgres: database.postgresVersion,
      database: database.where,
      scale: database.scale,
      rows: database.rows,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      servers: [
        {
          name: 'aurum-api',
          url: api.url,
          start: 'node bench/.build/src/main.js (transpiled src/), NODE_ENV=production',
          caller,
          startupMs: api.startupMs,
          idleRssMb: idle?.rssMb ?? null,
          peakRssMb: memory?.peakMb ?? null,
          scenarios,
        },
      ],
    };
    say('');
    say(formatTable(results));
    writeLatestJson(path.join(RESULTS_DIR, 'latest.json'), results);
    updateResultsMarkdown(path.join(__dirname, 'RESULTS.md'), results);
    say('');
    say(`written: ${path.relative(process.cwd(), path.join(RESULTS_DIR, 'latest.json'))}, ${path.relative(process.cwd(), path.join(__dirname, 'RESULTS.md'))}`);
    return scenarios.some((s) => s.status === 'failed') ? 1 : 0;
  } finally {
    const stopped = await api?.stop();
    if (stopped?.forced) console.error(`bench: the API did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM, so it was killed`);
  }
}

/** `--compare`: the API and the peer, one after the other (bench/compare.ts). */
async function compare(options: ReturnType<typeof parseOptions>, say: (line: string) => void): Promise<number> {
  const interrupted = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted.signal.aborted) process.exit(130);
    interrupted.abort(new Interrupted(`interrupted by ${signal}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return runComparison({
    db: options.db,
    scale: options.scale,
    fresh: options.fresh,
    scenarios: options.scenarios,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    connections: options.connections,
    headers: options.headers,
    role: options.role,
    pairings: options.pairings,
    apiNode: options.apiNode,
    say,
    signal: interrupted.signal,
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.error(`bench: ${message}`);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = error instanceof Interrupted ? 130 : 1;
  },
);
