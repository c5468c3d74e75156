// Signing in on a laptop: outside production, when no Supabase signing setting
// (SUPABASE_JWT_SECRET / SUPABASE_JWKS_URL) is configured, the API makes up a
// secret for this run and prints an admin's access token signed with it, so a
// newcomer can use Apollo Sandbox right away. Never in production.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { TEAM } from '../db/seed-data';

export async function developmentSignIn(audience: string): Promise<{ secret: string; token: string }> {
  const secret = randomBytes(32).toString('base64url');
  const token = await new SignJWT({ role: 'authenticated', email: 'kerry-ann@aurumautomation.com', app_metadata: { role: 'admin' } })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(TEAM.admin)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('12h')
    .sign(new TextEncoder().encode(secret));
  return { secret, token };
}
