// Stage 1 of the GraphQL pipeline: the HTTP request becomes Apollo's request.
// Bodies are bounded in size and in JSON nesting before anything else reads them.
import type { IncomingMessage } from 'node:http';
import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';

/** A request refused before GraphQL sees it: 400 BAD_REQUEST, 405, 413 PAYLOAD_TOO_LARGE. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get code(): string {
    return this.status === 413 ? 'PAYLOAD_TOO_LARGE' : this.status === 405 ? 'METHOD_NOT_ALLOWED' : 'BAD_REQUEST';
  }
}

/**
 * Deepest JSON nesting of a request body. Variables may nest input objects without
 * end, and every step after parsing recurses: the Idempotency-Key hash, graphql-js
 * coercing the variables (100,000 levels overflow the stack: a 500). Filters need
 * a dozen levels (src/graphql/filters.ts caps them at 10).
 */
const MAX_JSON_DEPTH = 64;

/** Whether `value` nests deeper than `max` arrays/objects (without recursing itself). */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new HttpError(413, `Request body larger than ${limit} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // As for a declared length: answer 413 and discard the rest. Destroying
        // the request would reset the connection before the client read the 413.
        chunks.length = 0;
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpError(413, `Request body larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface GraphQLHttpRequest {
  /** What Apollo executes. */
  http: HTTPGraphQLRequest;
  /** `query`, `operationName`, `variables`: the POST body, or the GET query string. */
  params: Record<string, unknown>;
}

/** Reads and checks a GraphQL request (GET or POST); throws HttpError for one that cannot be one. */
export async function readGraphQLRequest(req: IncomingMessage, url: URL, maxBodyBytes: number): Promise<GraphQLHttpRequest> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'POST') throw new HttpError(405, 'Use GET for queries or POST', { allow: 'GET, POST' });
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown;
  if (method === 'POST') {
    const text = await readBody(req, maxBodyBytes);
    const contentType = headers.get('content-type') ?? '';
    if (/^application\/(graphql-response\+)?json\b/i.test(contentType)) {
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        throw new HttpError(400, 'Request body is not valid JSON');
      }
      if (nestedDeeperThan(body, MAX_JSON_DEPTH)) throw new HttpError(400, `Request body nests deeper than ${MAX_JSON_DEPTH} levels`);
    } else {
      body = text;
    }
  }
  const params = method === 'POST' ? ((body ?? {}) as Record<string, unknown>) : Object.fromEntries(url.searchParams);
  return { http: { method, headers, search: url.search, body }, params };
}
