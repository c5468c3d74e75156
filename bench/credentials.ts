// Who the benchmark's requests come from: a signed-in team member, as dashboards'
// are. The runner gives the API it starts a fresh HS256 secret (SUPABASE_JWT_SECRET,
// Supabase's legacy signing setting in the API contract) and signs a short-lived
// Supabase-shaped access token with it, so no real credentials are ever involved.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { TEAM } from '../src/db/seed-data';

export type BenchRole = 'member' | 'admin';

export const JWT_AUDIENCE = 'authenticated';

export function newJwtSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function signAccessToken(secret: string, role: BenchRole): Promise<string> {
  const user = role === 'admin' ? TEAM.admin : TEAM.alice;
  return new SignJWT({ role: 'authenticated', email: `${role}@aurumautomation.com`, app_metadata: { role } })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(user)
    .setAudience(JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
}
