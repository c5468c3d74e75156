// One JSON line per event on stderr, tagged with the request it belongs to (when
// logged while serving one). Never give it secrets or connection strings.
import { AsyncLocalStorage } from 'node:async_hooks';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = order[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? order.info;
const currentRequest = new AsyncLocalStorage<string>();

/** Runs `fn` with `requestId` attached to every line it logs. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return currentRequest.run(requestId, fn);
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (order[level] < threshold) return;
  const requestId = currentRequest.getStore();
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...(requestId ? { requestId } : {}), ...fields })}\n`);
}

export const logger = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
};
