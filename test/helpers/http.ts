// Runs GraphQL operations through the real HTTP server.
import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { startServer, type RunningServer } from '../../src/server';
import type { Database } from '../../src/db/database';

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

export async function startTestServer(db: Database, options: { production?: boolean } = {}): Promise<TestServer> {
  const server = await startServer({ db, port: 0, host: '127.0.0.1', production: options.production ?? false });
  const base = server.url;
  const post: TestServer['post'] = async (document, variables, headers = {}) => {
    const query = typeof document === 'string' ? document : print(document as DocumentNode);
    const res = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, body: (await res.json()) as never };
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
