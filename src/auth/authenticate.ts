// Who is calling: a person (Authorization: Bearer <Supabase JWT>), an automation
// tool (X-API-Key), or nobody (the website form). A credential that is given but
// wrong is an error, never a silent fall-back to anonymous.
import type { PrismaClient } from '../generated/prisma/client';
import type { Actor } from '../graphql/context';
import { apiKeyVerifier } from './api-keys';
import { AuthenticationError } from './errors';
import { jwtVerifier, type JwtOptions } from './jwt';

export function authenticator(
  prisma: PrismaClient,
  jwt: JwtOptions,
): (authorization: string | undefined, apiKey: string | undefined, address: string) => Promise<Actor> {
  const verifyToken = jwt.secret || jwt.jwksUrl ? jwtVerifier(jwt) : undefined;
  const verifyKey = apiKeyVerifier(prisma);
  return async (authorization, apiKey, address) => {
    if (authorization !== undefined && authorization.trim() !== '') {
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!bearer) throw new AuthenticationError('The Authorization header must be "Bearer <access token>"');
      if (!verifyToken) throw new AuthenticationError('Bearer tokens are not accepted: the server has no SUPABASE_JWT_SECRET or SUPABASE_JWKS_URL');
      return verifyToken(bearer[1]!);
    }
    if (apiKey !== undefined && apiKey.trim() !== '') return verifyKey(apiKey);
    return { kind: 'anonymous', address };
  };
}
