// The API under test, as a child process: built to plain JavaScript first, then
// started with `node`, production settings and the statement header on.
//
// Why a build and not `tsx src/main.ts`: the tsx CLI runs the server in a child
// of its own, so the pid we would sample is a 50 MB wrapper; `node --import tsx`
// keeps the pid but adds tsx's loader thread and compiler to the process (about
// 100 MB more RSS here, and twice the start-up time). Transpiling with the
// project's own TypeScript (per file, as `isolatedModules` allows) takes ~2 s and
// measures what a compiled deployment would run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
export const STOP_GRACE_MS = 5_000;
export const BUILD_DIR = path.join(__dirname, '.build');

/**
 * Transpiles src/ into bench/.build/src and links bench/.build/prisma to the real
 * prisma/ folder: src/db/migrate.ts finds the migrations at ../../prisma from its
 * own file, so the layout must be the same. Returns the entry file. `buildDir`
 * gives another folder (inside the project, so that node_modules resolve), for a
 * caller that must not share the benchmark's build (a test running beside it).
 */
export function buildApi(buildDir: string = BUILD_DIR): { entry: string; files: number; ms: number } {
  const started = Date.now();
  const srcDir = path.join(ROOT, 'src');
  const outDir = path.join(buildDir, 'src');
  rmSync(outDir, { recursive: true, force: true });
  const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  const compilerOptions: ts.CompilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    isolatedModules: true,
  };
  for (const file of files) {
    const { outputText } = ts.transpileModule(readFileSync(path.join(srcDir, file), 'utf8'), { compilerOptions, fileName: file });
    const dest = path.join(outDir, file.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(dest), { recursive: true });
    writeFileSync(dest, outputText);
  }
  const prismaLink = path.join(buildDir, 'prisma');
  if (!existsSync(prismaLink)) symlinkSync(path.relative(buildDir, path.join(ROOT, 'prisma')), prismaLink, 'dir');
  return { entry: path.join(outDir, 'main.js'), files: files.length, ms: Date.now() - started };
}

export interface ApiProcess {
  url: string;
  pid: number;
  /** From spawn to /readyz answering 200. */
  startupMs: number;
  /** True once the process has exited. */
  exited(): boolean;
  /** SIGTERM, then SIGKILL after a grace period; `forced` when it came to that. */
  stop(): Promise<{ forced: boolean }>;
}

export interface StartOptions {
  entry: string;
  databaseUrl: string;
  /** Where the server's stdout and stderr go. */
  logFile: string;
  /** More environment for the server (e.g. its JWT secret). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** The Node.js binary to run it with (default: the one running the bench). */
  node?: string;
  /** The working directory (default: the project). */
  cwd?: string;
  /** What to call it in errors (default: "the API"). */
  label?: string;
}

/** Every API process this runner started and has not stopped yet (killed on exit). */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** `npm start`'s --max-old-space-size, read from package.json so the two cannot differ. */
const API_HEAP_MB = /--max-old-space-size=(\d+)/.exec(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start)![1];

export async function startApi(options: StartOptions): Promise<ApiProcess> {
  const started = Date.now();
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: options.databaseUrl,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    // Port 0: the server picks a free one and prints its URL.
    PORT: '0',
    SQL_STATEMENT_HEADER: 'true',
    ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
    ...options.env,
  };
  // With the heap limit `npm start` and the Docker image give the server (package.json).
  const child = spawn(options.node ?? process.execPath, [`--max-old-space-size=${API_HEAP_MB}`, options.entry], { cwd: options.cwd ?? ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const label = options.label ?? 'the API';
  running.add(child);
  let exitCode: number | null | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? 128 : 1);
      running.delete(child);
      resolve();
    });
  });
  let stderrHead = '';
  let announcedUrl: string | undefined;
  let stdoutHead = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    log.write(chunk);
    if (announcedUrl) return;
    stdoutHead += chunk.toString();
    announcedUrl = /ready at (http:\/\/\S+\/graphql)/.exec(stdoutHead)?.[1];
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    log.write(chunk);
    if (stderrHead.length < 8_000) stderrHead += chunk.toString();
  });
  // The line that says what went wrong: the API's own "error: ..." or a thrown Error's message.
  const failure = () => {
    const lines = stderrHead.split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.find((l) => /^(error:|\w*Error\b)/.test(l)) ?? lines.pop() ?? `see ${options.logFile}`;
  };

  const stop = async () => {
    let forced = false;
    if (exitCode === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        forced = true;
        child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      await exit;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => log.end(resolve));
    return { forced };
  };

  const deadline = started + (options.readyTimeoutMs ?? 60_000);
  try {
    for (;;) {
      if (exitCode !== undefined) throw new Error(`${label} exited with code ${exitCode} before it was ready: ${failure()}`);
      if (Date.now() > deadline) throw new Error(`${label} was not ready after ${Math.round((deadline - started) / 1000)} s (see ${options.logFile})`);
      if (announcedUrl && (await isReady(announcedUrl))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: announcedUrl, pid: child.pid!, startupMs: Date.now() - started, exited: () => exitCode !== undefined, stop };
}

async function isReady(graphqlUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/readyz', graphqlUrl), { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Resident and peak-resident memory of a process, in MB (Linux /proc; null elsewhere). */
export function readMemory(pid: number): { rssMb: number; peakMb: number } | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Samples a process's RSS every `intervalMs` until stopped. */
export function sampleRss(pid: number, intervalMs = 200): { stop(): { peakMb: number; meanMb: number } | null } {
  const samples: number[] = [];
  const take = () => {
    const memory = readMemory(pid);
    if (memory) samples.push(memory.rssMb);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      if (!samples.length) return null;
      return { peakMb: Math.max(...samples), meanMb: samples.reduce((a, b) => a + b, 0) / samples.length };
    },
  };
}
