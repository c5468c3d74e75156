// Structured logs: one JSON line per event on stderr (pino), tagged with the
// request being served when there is one. LOG_LEVEL picks the least severe level
// written (trace, debug, info, warn, error, fatal, silent). Credentials never
// reach a line: fields that carry them are redacted by name, and a connection
// string's password is masked wherever it appears in a value.
import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const currentRequest = new AsyncLocalStorage<string>();

/** Runs `fn` with `requestId` attached to every line it logs. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return currentRequest.run(requestId, fn);
}

const CREDENTIAL_IN_URL = /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)[^@\s]+@/gi;

/** Masks passwords inside URLs in string values (an error message quoting DATABASE_URL). */
function scrub(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(CREDENTIAL_IN_URL, '$1***@') : value;
}

const configured = process.env.LOG_LEVEL?.trim().toLowerCase();
const base = pino(
  {
    // An unknown LOG_LEVEL is reported by loadConfig() as one clear line; until then, info.
    level: LOG_LEVELS.includes(configured as LogLevel) ? configured : 'info',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    formatters: {
      level: (label) => ({ level: label }),
      log: (fields) => Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, scrub(value)])),
    },
    mixin: () => {
      const requestId = currentRequest.getStore();
      return requestId ? { requestId } : {};
    },
    redact: {
      paths: [
        'authorization',
        'password',
        'token',
        'apiKey',
        'secret',
        'key',
        'url',
        'databaseUrl',
        '*.authorization',
        '*.password',
        '*.token',
        '*.apiKey',
        '*.secret',
        '*["x-api-key"]',
        '*.cookie',
      ],
      censor: '[redacted]',
    },
  },
  pino.destination({ fd: 2, sync: true }),
);

type Fields = Record<string, unknown>;

/** `logger.info('message', { fields })`: the message first, as the call sites read. */
export const logger = {
  trace: (msg: string, fields?: Fields) => base.trace(fields ?? {}, msg),
  debug: (msg: string, fields?: Fields) => base.debug(fields ?? {}, msg),
  info: (msg: string, fields?: Fields) => base.info(fields ?? {}, msg),
  warn: (msg: string, fields?: Fields) => base.warn(fields ?? {}, msg),
  error: (msg: string, fields?: Fields) => base.error(fields ?? {}, msg),
  isLevelEnabled: (level: LogLevel) => base.isLevelEnabled(level),
};
