// Runs GraphQL operations through the real HTTP server. Requests are an admin's
// by default (a signed test token); pass `authorization` or `x-api-key` headers to
// be someone else, or `{ authorization: '' }` to be anonymous.
import { getOperationAST, parse, print, type DocumentNode } from 'graphql';
import { SignJWT } from 'jose';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server';
import type { Database } from '../../src/db/database';

export const TEST_JWT_SECRET = 'aurum-test-secret-with-at-least-32-characters';
export const TEST_ADMIN_ID = '9b2f3c1e-0000-4000-8000-00000000aa02';
export const TEST_MEMBER_ID = '9b2f3c1e-0000-4000-8000-00000000aa01';

/** A Supabase-style access token signed with the test secret. */
export function signToken(options: { sub?: string; role?: 'admin' | 'member' | null; email?: string; expiresIn?: string | number; audience?: string; secret?: string; notBefore?: string | number } = {}): Promise<string> {
  const { sub = TEST_ADMIN_ID, role = 'admin', email = 'admin@aurum.tt', expiresIn = '1h', audience = 'authenticated', secret = TEST_JWT_SECRET } = options;
  const jwt = new SignJWT({ email, role: 'authenticated', app_metadata: role ? { role, provider: 'email' } : { provider: 'email' } })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
  return jwt.sign(new TextEncoder().encode(secret));
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface GraphQLResponse<T> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] };
}

export interface TestServer {
  server: RunningServer;
  url: string;
  post<T = Record<string, unknown>, V = Record<string, unknown>>(
    document: TypedDocumentNode<T, V> | DocumentNode | string,
    variables?: V,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Asserts a 200 without errors and returns the data. */
  runOk<T, V>(document: TypedDocumentNode<T, V>, variables?: V, headers?: Record<string, string>): Promise<T>;
  /** Asserts errors and returns the response. */
  runError<T, V>(document: TypedDocumentNode<T, V> | string, variables?: V, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** Whether a document is a query operation (a document that does not parse is not). */
function isQuery(query: string): boolean {
  try {
    return getOperationAST(parse(query))?.operation === 'query';
  } catch {
    return false;
  }
}

export interface HelperOptions {
  /**
   * Send every query a second time through the resolvers (`x-read-path: resolvers`)
   * and fail unless both answers are the same bytes with the same status: the
   * suites' own reads are a corpus for the compiled read path. Off where a second
   * request would change what is tested (rate limits, faults).
   */
  compareReadPaths?: boolean;
}

export async function startTestServer(db: Database, options: Partial<Omit<ServerOptions, 'db'>> = {}, helper: HelperOptions = {}): Promise<TestServer> {
  const compareReadPaths = helper.compareReadPaths ?? true;
  const server = await startServer({
    db,
    port: 0,
    host: '127.0.0.1',
    production: false,
    anonymousPerMinute: 10_000,
    ...options,
    auth: { jwtSecret: TEST_JWT_SECRET, ...options.auth },
  });
  const base = server.url;
  const adminToken = await signToken();
  const post: TestServer['post'] = async (document, variables, headers = {}) => {
    const query = typeof document === 'string' ? document : print(document as DocumentNode);
    const names = Object.keys(headers).map((h) => h.toLowerCase());
    const credentials = names.includes('authorization') || names.includes('x-api-key') ? {} : bearer(adminToken);
    const sent = Object.fromEntries(Object.entries({ 'content-type': 'application/json', ...credentials, ...headers }).filter(([, v]) => v !== ''));
    const body = JSON.stringify({ query, variables });
    const res = await fetch(base, { method: 'POST', headers: sent, body });
    const text = await res.text();
    // Not for anonymous callers: a second request would count against their rate limit
    // (test/compiled-reads.test.ts compares their answers itself).
    const signedIn = Boolean(sent.authorization || sent['x-api-key']);
    if (compareReadPaths && signedIn && isQuery(query)) {
      const other = await fetch(base, { method: 'POST', headers: { ...sent, 'x-read-path': 'resolvers' }, body });
      const otherText = await other.text();
      // A masked error's reference is drawn for each occurrence.
      const unreferenced = (body: string) => body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\)|")/g, (id) => (body.includes(`"errorId":"${id}"`) ? '<reference>' : id));
      if (other.status !== res.status || unreferenced(otherText) !== unreferenced(text)) {
        throw new Error(
          `the compiled read path (${res.headers.get('x-read-path')}) and the resolvers answer differently: ${query}\n` +
            `  compiled  ${res.status}: ${text.slice(0, 800)}\n  resolvers ${other.status}: ${otherText.slice(0, 800)}`,
        );
      }
    }
    return { status: res.status, headers: res.headers, body: JSON.parse(text) as never };
  };
  return {
    server,
    url: base,
    post,
    async runOk(document, variables, headers) {
      const res = await post(document, variables, headers);
      if (res.status !== 200 || res.body.errors) {
        throw new Error(`expected success, got ${res.status}: ${JSON.stringify(res.body.errors)}`);
      }
      return res.body.data as never;
    },
    async runError(document, variables, headers) {
      const res = await post(document, variables, headers);
      if (!res.body.errors?.length) throw new Error(`expected errors, got ${res.status}: ${JSON.stringify(res.body.data)}`);
      return res as never;
    },
    stop: () => server.stop(),
  };
}
