// Stage 2 of the GraphQL pipeline: who is calling (a person, an API key or
// nobody) and from which address. A credential that is wrong ends the request
// with 401.
import type { IncomingMessage } from 'node:http';
import type { HeaderMap } from '@apollo/server';
import type { Actor } from '../graphql/context';
import { AuthenticationError } from '../auth/errors';
import { errorResponse, type HttpResponse } from './response';

/** The caller's address: the socket's, or the one `hops` trusted proxies saw. */
export function clientAddress(req: IncomingMessage, hops: number): string {
  const forwarded = hops > 0 ? String(req.headers['x-forwarded-for'] ?? '').split(',').map((a) => a.trim()).filter(Boolean) : [];
  return (forwarded.length >= hops ? forwarded[forwarded.length - hops] : undefined) ?? req.socket.remoteAddress ?? 'unknown';
}

export type Authenticate = (authorization: string | undefined, apiKey: string | undefined, address: string) => Promise<Actor>;

/** The caller's actor, or the 401 to answer. */
export async function identifyCaller(authenticate: Authenticate, headers: HeaderMap, address: string): Promise<{ actor: Actor } | { response: HttpResponse }> {
  try {
    return { actor: await authenticate(headers.get('authorization'), headers.get('x-api-key'), address) };
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    return { response: errorResponse(401, 'UNAUTHENTICATED', error.message, { 'www-authenticate': 'Bearer' }) };
  }
}
