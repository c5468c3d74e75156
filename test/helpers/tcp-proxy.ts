// A TCP proxy between the API and Postgres that fails on command, so fault tests
// run against the shared Postgres server without stopping it:
//   cut('reset')      every connection is reset (RST), and new ones are reset on arrival;
//   cut('blackhole')  every connection is dropped, and new ones are accepted but never
//                     answered (a firewall that drops packets);
//   freeze()          established connections stay open but go silent both ways (a
//                     network partition); new ones are accepted and never answered;
//   loseReplyTo(text) the next time the API sends `text` (e.g. COMMIT), it reaches
//                     Postgres but that connection's replies stop there;
//   restore()         traffic flows again: silent connections deliver what they held,
//                     as TCP would after a partition heals; unanswered new ones are
//                     connected to Postgres.
import net, { type Socket } from 'node:net';

type Direction = 'up' | 'down';

interface Pair {
  client: Socket;
  upstream: Socket;
  /** Per direction: undefined while flowing, else the data held back. */
  held: Record<Direction, Buffer[] | undefined>;
}

export interface TcpProxy {
  port: number;
  /** `url` (a Postgres connection string) through the proxy. */
  via(url: string): string;
  cut(mode: 'reset' | 'blackhole'): void;
  freeze(): void;
  loseReplyTo(text: string): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'open' | 'reset' | 'silent' = 'open';
  let trap: Buffer | undefined;
  const pairs = new Set<Pair>();
  /** Connections accepted while silent, waiting for restore(). */
  const waiting = new Set<Socket>();

  const silent = (pair: Pair) => pair.held.up !== undefined || pair.held.down !== undefined;
  const drop = (pair: Pair, reset = false) => {
    pairs.delete(pair);
    if (reset) pair.client.resetAndDestroy();
    else pair.client.destroy();
    pair.upstream.destroy();
  };

  const forward = (pair: Pair, direction: Direction) => {
    const [from, to] = direction === 'up' ? [pair.client, pair.upstream] : [pair.upstream, pair.client];
    from.on('data', (chunk: Buffer) => {
      const held = pair.held[direction];
      if (held) {
        held.push(chunk);
        return;
      }
      to.write(chunk);
      if (direction === 'up' && trap && chunk.includes(trap)) {
        trap = undefined;
        pair.held.down = [];
      }
    });
    // A close is a packet too: while the pair is silent it goes nowhere.
    from.on('close', () => {
      if (!silent(pair)) drop(pair);
    });
  };

  const link = (client: Socket) => {
    const upstream = net.connect(target.port, target.host);
    upstream.on('error', () => {});
    const pair: Pair = { client, upstream, held: { up: undefined, down: undefined } };
    pairs.add(pair);
    forward(pair, 'up');
    forward(pair, 'down');
    client.resume();
  };

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    client.on('error', () => {});
    if (mode === 'reset') {
      client.resetAndDestroy();
    } else if (mode === 'silent') {
      waiting.add(client);
      client.on('close', () => waiting.delete(client));
    } else {
      link(client);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as net.AddressInfo;

  const dropAll = (reset: boolean) => {
    for (const pair of [...pairs]) drop(pair, reset);
    for (const client of [...waiting]) {
      if (reset) client.resetAndDestroy();
      else client.destroy();
    }
    waiting.clear();
  };

  return {
    port,
    via(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    cut(how) {
      mode = how === 'reset' ? 'reset' : 'silent';
      trap = undefined;
      dropAll(how === 'reset');
    },
    freeze() {
      mode = 'silent';
      for (const pair of pairs) {
        pair.held.up ??= [];
        pair.held.down ??= [];
      }
    },
    loseReplyTo(text) {
      trap = Buffer.from(text);
    },
    restore() {
      mode = 'open';
      trap = undefined;
      for (const pair of [...pairs]) {
        if (!silent(pair)) continue;
        const { up, down } = pair.held;
        pair.held = { up: undefined, down: undefined };
        if (pair.client.destroyed || pair.upstream.destroyed) {
          drop(pair);
          continue;
        }
        for (const chunk of up ?? []) pair.upstream.write(chunk);
        for (const chunk of down ?? []) pair.client.write(chunk);
      }
      for (const client of [...waiting]) {
        waiting.delete(client);
        if (!client.destroyed) link(client);
      }
    },
    async close() {
      mode = 'reset';
      dropAll(false);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
