// What every stage of the request pipeline answers with: a status, headers and the
// body text. Stages return one to stop the pipeline (a 401, a 429, a replayed
// response); the last stage returns GraphQL's.
import type { ServerResponse } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /**
   * The body; in pieces when it comes so from the database (a compiled query's
   * JSON, a few kilobytes a piece): pieces are written one after the other, never
   * joined into one large string the garbage collector would have to move.
   */
  body: string | readonly string[];
}

/** The body as one text (for what must store or inspect it). */
export function bodyText(response: HttpResponse): string {
  return typeof response.body === 'string' ? response.body : response.body.join('');
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
  const { body } = response;
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.reduce((n, piece) => n + Buffer.byteLength(piece), 0);
  res.writeHead(response.status, { 'content-length': String(length), ...response.headers, ...headers });
  if (typeof body === 'string') {
    res.end(body);
    return;
  }
  res.cork();
  for (const piece of body) res.write(piece);
  res.end();
  res.uncork();
}
