// People: Supabase Auth access tokens, verified locally with jose. Asymmetric
// signing keys come from the project's JWKS URL (fetched once, cached, refetched
// when a token names an unknown key); the legacy HS256 secret is used where it is
// configured. The token's `sub` is the user id, `app_metadata.role` the team role
// (admin, else member).
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Actor } from '../graphql/context';
import { AuthenticationError } from './errors';

export interface JwtOptions {
  secret?: string;
  jwksUrl?: string;
  audience: string;
}

const ASYMMETRIC = ['RS256', 'ES256', 'EdDSA', 'PS256'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'the token is not valid yet';
    if (error.claim === 'aud') return 'the token is for another audience';
    return `the token's "${error.claim}" claim is invalid`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token\'s signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token is signed with an unknown key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token\'s signing algorithm is not accepted';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'the signing keys could not be fetched';
  return 'the token is malformed';
}

export type UserActor = Extract<Actor, { kind: 'user' }>;

/** A function that verifies a bearer token and returns the person it names. */
export function jwtVerifier(options: JwtOptions): (token: string) => Promise<UserActor> {
  const secret = options.secret ? new TextEncoder().encode(options.secret) : undefined;
  const jwks: JWTVerifyGetKey | undefined = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: 30_000, timeoutDuration: 5_000 })
    : undefined;

  return async (token) => {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new AuthenticationError('Invalid bearer token: the token is malformed');
    }
    let payload: JWTPayload;
    try {
      if (alg === 'HS256' && secret) {
        ({ payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], audience: options.audience }));
      } else if (alg && ASYMMETRIC.includes(alg) && jwks) {
        ({ payload } = await jwtVerify(token, jwks, { algorithms: ASYMMETRIC, audience: options.audience }));
      } else {
        throw new errors.JOSEAlgNotAllowed(`alg ${alg}`);
      }
    } catch (error) {
      throw new AuthenticationError(`Invalid bearer token: ${reason(error)}`);
    }
    if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) throw new AuthenticationError('Invalid bearer token: "sub" is not a user id');
    const metadata = (payload.app_metadata ?? {}) as { role?: unknown };
    return {
      kind: 'user',
      id: payload.sub.toLowerCase(),
      email: typeof payload.email === 'string' ? payload.email : null,
      role: metadata.role === 'admin' ? 'admin' : 'member',
      claims: payload as Record<string, unknown>,
    };
  };
}
