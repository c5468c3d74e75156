// /healthz (the process answers) and /readyz (the database answers, within a bound).
import type { Database } from '../db/database';
import { jsonResponse, send } from './response';
import type { Route } from './router';

export const liveness: Route = async (exchange) => {
  exchange.logLevel = 'debug';
  send(exchange.res, jsonResponse(200, { status: 'ok' }));
};

export function readiness(db: Database, timeoutMs: number): Route {
  return async (exchange) => {
    exchange.logLevel = 'debug';
    const { res } = exchange;
    const ready = await answersWithin(db, timeoutMs);
    send(res, jsonResponse(ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', database: db.kind }));
  };
}

async function answersWithin(db: Database, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
