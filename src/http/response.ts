// What every stage of the request pipeline answers with: a status, headers and the
// body text. Stages return one to stop the pipeline (a 401, a 429, a replayed
// response); the last stage returns GraphQL's.
import type { ServerResponse } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** A GraphQL-shaped error answer: `{ errors: [{ message, extensions: { code } }] }`. */
export function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): HttpResponse {
  return jsonResponse(status, { errors: [{ message, extensions: { code } }] }, headers);
}

export function send(res: ServerResponse, response: HttpResponse, headers: Record<string, string> = {}): void {
  res.writeHead(response.status, { 'content-length': String(Buffer.byteLength(response.body)), ...response.headers, ...headers });
  res.end(response.body);
}
