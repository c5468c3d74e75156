// One process owns an embedded database directory: two writers on one PGlite
// directory corrupt it, and a second reader would not see the first one's
// writes. The owner writes `aurum.lock` into the directory (its pid, command,
// start time, and — once the server exposes the database — the local socket's
// URL); other processes read it to connect through that socket or to say who
// holds the directory. A lock whose process is gone (killed, machine restarted)
// is taken over.
import { closeSync, existsSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config';

const LOCK_FILE = 'aurum.lock';

export interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
  /** Linux's boot id: a pid from before a restart names another process. */
  bootId?: string;
  /** The running server's local Postgres socket (postgresql://…), once it serves one. */
  url?: string;
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

function alive(holder: LockHolder): boolean {
  if (holder.bootId && holder.bootId !== bootId()) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function read(file: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

/** The live process holding `dataDir`, if any. */
export function lockHolder(dataDir: string): LockHolder | undefined {
  const holder = read(path.join(dataDir, LOCK_FILE));
  return holder && alive(holder) ? holder : undefined;
}

export function describeHolder(holder: LockHolder): string {
  return `process ${holder.pid} (${holder.command}, since ${holder.startedAt})`;
}

export interface DirectoryLock {
  /** Records the URL other processes connect through. */
  advertise(url: string): void;
  release(): void;
}

/** Takes `dataDir` for this process; throws a one-line ConfigError naming the holder when another live process has it. */
export function lockDirectory(dataDir: string): DirectoryLock {
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    command: path.basename(process.argv[1] ?? 'node') + (process.argv[2] ? ` ${process.argv[2]}` : ''),
    startedAt: new Date().toISOString(),
    bootId: bootId(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      // O_EXCL: of two processes starting at once, one creates the file.
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      const holder = read(file);
      if (holder && alive(holder)) {
        throw new ConfigError(`the embedded database ${dataDir} is in use by ${describeHolder(holder)}; stop it, or set PGLITE_DATA_DIR to another directory`);
      }
      // Stale: moved aside under a name of our own and checked there, so that of
      // two processes taking it over at once, one cannot remove the other's new lock.
      const aside = `${file}.stale-${process.pid}`;
      try {
        renameSync(file, aside);
        const moved = read(aside);
        if (moved && alive(moved)) renameSync(aside, file);
        else unlinkSync(aside);
      } catch {
        // Another process moved it first; try again.
      }
    }
  }
  return {
    advertise(url) {
      me.url = url;
      writeFileSync(file, JSON.stringify(me), { mode: 0o600 });
    },
    release() {
      if (existsSync(file) && read(file)?.pid === process.pid) unlinkSync(file);
    },
  };
}
