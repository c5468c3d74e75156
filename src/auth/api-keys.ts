// Automation tools: API keys `aur_<prefix>_<secret>`. Only a sha256 of the key is
// stored; the prefix finds the row without it. Scopes: read (queries), write (the
// working records), billing (invoices and the services catalog).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client';
import type { Actor } from '../graphql/context';
import { AuthenticationError } from './errors';

export const API_KEY_SCOPES = ['read', 'write', 'billing'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const KEY_FORMAT = /^aur_([a-z0-9]{10})_([A-Za-z0-9]{40})$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** last_used_at is written at most this often per key, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

function randomString(length: number, alphabet: string): string {
  // 256 is not a multiple of the alphabet's size: bytes above the last whole
  // multiple are skipped so every character is equally likely.
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

export function parseScopes(text: string): ApiKeyScope[] {
  const scopes = [...new Set(text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  const unknown = scopes.filter((s) => !(API_KEY_SCOPES as readonly string[]).includes(s));
  if (unknown.length || scopes.length === 0) throw new Error(`scopes must be a comma-separated list of ${API_KEY_SCOPES.join(', ')} (got "${text}")`);
  return scopes as ApiKeyScope[];
}

export async function createApiKey(prisma: PrismaClient, name: string, scopes: ApiKeyScope[]): Promise<{ id: string; key: string }> {
  if (!name.trim() || name.trim().length > 100) throw new Error('name must be 1 to 100 characters');
  const prefix = randomString(10, LOWER_ALPHANUMERIC);
  const key = `aur_${prefix}_${randomString(40, ALPHABET)}`;
  const row = await prisma.apiKey.create({ data: { name: name.trim(), prefix, keyHash: hash(key), scopes }, select: { id: true } });
  return { id: row.id, key };
}

export function listApiKeys(prisma: PrismaClient) {
  return prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true } });
}

/** Revokes by id or prefix; returns the key's name, or null when there is none. */
export async function revokeApiKey(prisma: PrismaClient, idOrPrefix: string): Promise<string | null> {
  const where = /^[0-9a-f-]{36}$/i.test(idOrPrefix) ? { id: idOrPrefix } : { prefix: idOrPrefix.replace(/^aur_/, '') };
  const key = await prisma.apiKey.findFirst({ where, select: { id: true, name: true, revokedAt: true } });
  if (!key) return null;
  if (!key.revokedAt) await prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
  return key.name;
}

/** A function that checks an X-API-Key header (one statement per request). */
export function apiKeyVerifier(prisma: PrismaClient): (key: string) => Promise<Extract<Actor, { kind: 'apiKey' }>> {
  const touched = new Map<string, number>();
  return async (key) => {
    const match = KEY_FORMAT.exec(key.trim());
    if (!match) throw new AuthenticationError('Invalid API key: not an Aurum key (aur_...)');
    const row = await prisma.apiKey.findUnique({ where: { prefix: match[1]! }, select: { id: true, name: true, keyHash: true, scopes: true, revokedAt: true } });
    const given = Buffer.from(hash(key.trim()), 'hex');
    if (!row || !timingSafeEqual(Buffer.from(row.keyHash, 'hex'), given)) throw new AuthenticationError('Invalid API key: unknown key');
    if (row.revokedAt) throw new AuthenticationError('Invalid API key: the key has been revoked');
    const now = Date.now();
    if ((touched.get(row.id) ?? 0) < now - TOUCH_INTERVAL_MS) {
      touched.set(row.id, now);
      void prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) }, select: { id: true } }).catch(() => touched.delete(row.id));
    }
    return { kind: 'apiKey', id: row.id, name: row.name, scopes: row.scopes };
  };
}
