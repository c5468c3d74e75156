// The embedded database on a local Postgres socket, so that other processes (the
// CLIs, a job queue, a LISTEN connection) reach it the way they reach Postgres:
// with a postgresql:// URL.
//
// PGlite is one Postgres session in this process. @electric-sql/pglite-socket's
// multiplexer shares that session between connections message by message, which
// we measured breaking three things we need: an in-process query ran inside a
// socket client's open transaction (and saw its uncommitted rows), two clients'
// prepared statements of the same name collided ("already exists"), and a NOTIFY
// went to the connection that sent it instead of the one that had LISTENed. So
// this server multiplexes by ownership instead:
// - a connection owns the session from its first message until Postgres reports
//   it idle again (ReadyForQuery 'I'): a whole transaction, or a whole
//   Parse…Sync batch. While it owns it, it also holds PGlite's transaction lock,
//   so the API's own queries wait too, exactly as for another transaction;
// - named prepared statements and portals are renamed per connection, and
//   closed when it goes;
// - notifications go to the connections that LISTENed on their channel, whoever
//   committed them (a socket client or the API's own transactions);
// - a connection idle in a transaction longer than `idleInTransactionMs` is
//   closed and its transaction rolled back, so it cannot block the API forever.
// Only loopback clients that know the run's password (in the URL) get in.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import { logger } from '../logger';

export interface EmbeddedServer {
  /** postgresql://postgres:<password>@127.0.0.1:<port>/postgres */
  url: string;
  /** Connections open now. */
  connections(): number;
  close(): Promise<void>;
}

export interface EmbeddedServerOptions {
  /** 0 (default): a free port. */
  port?: number;
  /** Longest a connection may sit idle inside a transaction, in ms (default 60 s). */
  idleInTransactionMs?: number;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

/** One backend message: type byte, int32 length (itself included), body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

const cstring = (text: string) => Buffer.from(`${text}\0`, 'utf8');

function errorMessage(severity: 'ERROR' | 'FATAL', code: string, text: string): Buffer {
  return message('E', Buffer.concat([cstring(`S${severity}`), cstring(`V${severity}`), cstring(`C${code}`), cstring(`M${text}`), Buffer.from([0])]));
}

/** Reads a NUL-terminated string at `offset`; returns it and the offset after the NUL. */
function readCString(buffer: Buffer, offset: number): [string, number] {
  const end = buffer.indexOf(0, offset);
  return [buffer.toString('utf8', offset, end), end + 1];
}

/** LISTEN/UNLISTEN statements in a query text (channel names folded as Postgres does). */
function listenStatements(sql: string): { listen: string[]; unlisten: string[] | '*' | undefined } {
  const listen: string[] = [];
  let unlisten: string[] | '*' | undefined;
  for (const match of sql.matchAll(/(?:^|;)\s*(UN)?LISTEN\s+("(?:[^"]|"")+"|\*|[A-Za-z_][\w$]*)/gi)) {
    const raw = match[2]!;
    const channel = raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw.toLowerCase();
    if (!match[1]) listen.push(channel);
    else if (raw === '*') unlisten = '*';
    else if (unlisten !== '*') unlisten = [...(unlisten ?? []), channel];
  }
  return { listen, unlisten };
}

/**
 * The client's startup packet with only user, database and client_encoding:
 * settings such as statement_timeout would apply to the one shared session, and
 * so to the API's own queries.
 */
function startupPacket(packet: Buffer): Buffer {
  const kept: Buffer[] = [];
  let offset = 8;
  while (offset < packet.length - 1) {
    const [key, at] = readCString(packet, offset);
    const [value, next] = readCString(packet, at);
    if (key === 'user' || key === 'database' || key === 'client_encoding') kept.push(cstring(key), cstring(value));
    offset = next;
  }
  const body = Buffer.concat([...kept, Buffer.from([0])]);
  const head = Buffer.alloc(8);
  head.writeInt32BE(body.length + 8, 0);
  head.writeInt32BE(PROTOCOL_3, 4);
  return Buffer.concat([head, body]);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A simple-protocol Query message. */
const queryMessage = (sql: string) => message('Q', cstring(sql));

export async function serveEmbedded(pglite: PGlite, options: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  const password = randomBytes(18).toString('base64url');
  const idleInTransactionMs = options.idleInTransactionMs ?? 60_000;
  const connections = new Set<Connection>();
  let nextId = 1;

  /** The connection that owns the session, and the queue of those waiting for it. */
  let owner: Connection | undefined;
  const waiting: (() => void)[] = [];
  let releaseLock: (() => void) | undefined;

  async function acquire(connection: Connection): Promise<void> {
    if (owner === connection) return;
    if (owner) await new Promise<void>((resolve) => waiting.push(resolve));
    owner = connection;
    // PGlite's transaction lock: the API's own queries and transactions wait while a client owns the session.
    await new Promise<void>((locked) => {
      void pglite._runExclusiveTransaction(
        () =>
          new Promise<void>((release) => {
            releaseLock = release;
            locked();
          }),
      );
    });
  }

  function release(connection: Connection): void {
    if (owner !== connection) return;
    owner = undefined;
    releaseLock?.();
    releaseLock = undefined;
    waiting.shift()?.();
  }

  /** Runs one frontend message on the session (the caller owns it); returns the backend's answer. */
  async function execute(bytes: Buffer): Promise<Buffer> {
    const chunks: Buffer[] = [];
    await pglite.runExclusive(() => pglite.execProtocolRawStream(new Uint8Array(bytes), { onRawData: (data) => chunks.push(Buffer.from(data)) }));
    return Buffer.concat(chunks);
  }

  /** Channels some connection listens on. */
  const listened = () => new Set([...connections].flatMap((c) => [...c.channels]));

  function notify(channel: string, payload: string, except?: Connection): void {
    const body = Buffer.concat([Buffer.alloc(4), cstring(channel), cstring(payload)]);
    const bytes = message('A', body);
    for (const connection of connections) if (connection !== except && connection.channels.has(channel)) connection.socket.write(bytes);
  }
  // Notifications committed by the API's own queries (PGlite parses those itself).
  const stopNotifications = pglite.onNotification((channel, payload) => notify(channel, payload));

  class Connection {
    readonly id = nextId++;
    readonly channels = new Set<string>();
    readonly statements = new Set<string>();
    private buffer = Buffer.alloc(0);
    private started = false;
    private authenticated = false;
    private startup?: Buffer;
    private idleTimer?: NodeJS.Timeout;
    private chain: Promise<void> = Promise.resolve();
    private closed = false;

    constructor(readonly socket: Socket) {
      socket.setNoDelay(true);
      socket.on('data', (data: Buffer) => {
        this.buffer = Buffer.concat([this.buffer, data]);
        this.chain = this.chain.then(() => this.drain()).catch((error: unknown) => this.fail(error));
      });
      socket.on('close', () => void this.close());
      socket.on('error', () => void this.close());
    }

    private prefix(name: string): string {
      return name === '' ? '' : `c${this.id}_${name}`;
    }

    /** Renames this connection's named statements and portals so they cannot collide with another's. */
    private rename(type: string, body: Buffer): Buffer {
      switch (type) {
        case 'P': {
          const [name, at] = readCString(body, 0);
          if (name === '') return body;
          this.statements.add(this.prefix(name));
          return Buffer.concat([cstring(this.prefix(name)), body.subarray(at)]);
        }
        case 'B': {
          const [portal, at] = readCString(body, 0);
          const [statement, rest] = readCString(body, at);
          return Buffer.concat([cstring(this.prefix(portal)), cstring(this.prefix(statement)), body.subarray(rest)]);
        }
        case 'D':
        case 'C': {
          const [name] = readCString(body, 1);
          if (type === 'C' && body[0] === 0x53 /* S */) this.statements.delete(this.prefix(name));
          return Buffer.concat([body.subarray(0, 1), cstring(this.prefix(name))]);
        }
        case 'E': {
          const [portal, at] = readCString(body, 0);
          return Buffer.concat([cstring(this.prefix(portal)), body.subarray(at)]);
        }
        default:
          return body;
      }
    }

    private async drain(): Promise<void> {
      while (!this.closed) {
        if (!this.started) {
          if (this.buffer.length < 8) return;
          const length = this.buffer.readInt32BE(0);
          if (this.buffer.length < length) return;
          const packet = this.buffer.subarray(0, length);
          this.buffer = this.buffer.subarray(length);
          const code = packet.readInt32BE(4);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            this.socket.write('N');
            continue;
          }
          if (code !== PROTOCOL_3) {
            // A CancelRequest (PGlite has no other backend to signal) or an unknown protocol.
            this.socket.end();
            return;
          }
          this.started = true;
          this.startup = startupPacket(packet);
          // Ask for the password before the startup packet reaches PGlite.
          this.socket.write(message('R', Buffer.from([0, 0, 0, 3])));
          continue;
        }
        if (this.buffer.length < 5) return;
        const length = this.buffer.readInt32BE(1);
        if (this.buffer.length < length + 1) return;
        const type = String.fromCharCode(this.buffer[0]!);
        const body = this.buffer.subarray(5, length + 1);
        this.buffer = this.buffer.subarray(length + 1);
        if (!this.authenticated) {
          await this.authenticate(type, body);
          continue;
        }
        if (type === 'X') {
          void this.close();
          return;
        }
        await this.run(type, body);
      }
    }

    private async authenticate(type: string, body: Buffer): Promise<void> {
      const given = type === 'p' ? Buffer.from(readCString(body, 0)[0]) : Buffer.alloc(0);
      const expected = Buffer.from(password);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        this.socket.end(errorMessage('FATAL', '28P01', 'password authentication failed (the embedded database\'s URL is in the data directory\'s lock file)'));
        void this.close();
        return;
      }
      this.authenticated = true;
      await acquire(this);
      const answer = await execute(this.startup!);
      this.startup = undefined;
      if (this.deliver(answer) === 'I') release(this);
    }

    private async run(type: string, body: Buffer): Promise<void> {
      clearTimeout(this.idleTimer);
      await acquire(this);
      if (this.closed) return;
      let unlisten: string[] | '*' | undefined;
      if (type === 'Q' || type === 'P') {
        const sql = readCString(body, type === 'Q' ? 0 : readCString(body, 0)[1])[0];
        const found = listenStatements(sql);
        for (const channel of found.listen) this.channels.add(channel);
        unlisten = found.unlisten;
      }
      const answer = await execute(message(type, this.rename(type, body)));
      if (unlisten === '*') this.channels.clear();
      else for (const channel of unlisten ?? []) this.channels.delete(channel);
      // The backend's LISTENs are shared: put back those other connections still need.
      if (unlisten) for (const channel of listened()) await execute(queryMessage(`LISTEN ${quoteIdent(channel)}`));
      const status = this.deliver(answer);
      if (status === 'I') release(this);
      else if (status !== undefined) this.idleTimer = setTimeout(() => void this.expire(), idleInTransactionMs);
    }

    /**
     * Sends the backend's answer to this client, routing notifications to the
     * connections listening on their channel. Returns the status of the last
     * ReadyForQuery in it ('I' idle, 'T' in a transaction, 'E' failed one).
     */
    private deliver(answer: Buffer): string | undefined {
      const own: Buffer[] = [];
      let status: string | undefined;
      let offset = 0;
      while (offset + 5 <= answer.length) {
        const type = String.fromCharCode(answer[offset]!);
        const end = offset + 1 + answer.readInt32BE(offset + 1);
        const bytes = answer.subarray(offset, end);
        if (type === 'A') {
          const [channel, at] = readCString(bytes, 9);
          const [payload] = readCString(bytes, at);
          notify(channel, payload, this);
          if (this.channels.has(channel)) own.push(bytes);
        } else {
          if (type === 'Z') status = String.fromCharCode(bytes[5]!);
          own.push(bytes);
        }
        offset = end;
      }
      if (!this.socket.destroyed) this.socket.write(Buffer.concat(own));
      return status;
    }

    private async expire(): Promise<void> {
      logger.warn('embedded database: closing a connection idle in a transaction', { connection: this.id, idleInTransactionMs });
      this.socket.end(errorMessage('FATAL', '25P03', `terminating connection: idle in a transaction for more than ${idleInTransactionMs} ms`));
      await this.close();
    }

    private fail(error: unknown): void {
      logger.warn('embedded database: connection failed', { connection: this.id, error: error instanceof Error ? error.message : String(error) });
      void this.close();
    }

    /** Rolls back what it left open, forgets its statements, and hands the session on (after any message still running). */
    close(): Promise<void> {
      if (this.closed) return this.chain;
      this.closed = true;
      clearTimeout(this.idleTimer);
      connections.delete(this);
      this.socket.end();
      this.chain = this.chain.then(async () => {
        if (owner !== this && this.statements.size === 0) return;
        await acquire(this);
        try {
          if (pglite.isInTransaction()) await execute(queryMessage('ROLLBACK'));
          for (const name of this.statements) await execute(queryMessage(`DEALLOCATE ${quoteIdent(name)}`));
        } catch (error) {
          logger.warn('embedded database: cleaning up a connection failed', { connection: this.id, error: error instanceof Error ? error.message : String(error) });
        } finally {
          release(this);
        }
      });
      return this.chain;
    }
  }

  const server: Server = createServer((socket) => {
    // Loopback only, whatever interface the server was bound to.
    if (!/^(127\.|::1$|::ffff:127\.)/.test(socket.remoteAddress ?? '')) {
      socket.destroy();
      return;
    }
    connections.add(new Connection(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };

  let closing: Promise<void> | undefined;
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    connections: () => connections.size,
    close: () =>
      (closing ??= (async () => {
        stopNotifications();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([...connections].map((c) => c.close()));
        await closed;
      })()),
  };
}
