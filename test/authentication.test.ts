// Authentication through HTTP: every kind of bad bearer token or API key is a 401
// UNAUTHENTICATED with a reason a person can act on and a `www-authenticate`
// header, never a fall-back to anonymous; tokens signed with asymmetric keys are
// verified through a JWKS URL; and `npm run api-key` creates keys that work.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type KeyLike } from 'jose';
import { createApiKey, revokeApiKey } from '../src/auth/api-keys';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { bearer, signToken, startTestServer, TEST_JWT_SECRET, TEST_MEMBER_ID, type TestServer } from './helpers/http';

const run = promisify(execFile);
const QUERY = '{ contacts(first: 1) { totalCount } }';
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token with the test secret and any claims (signToken always sets `sub`). */
function signClaims(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setAudience('authenticated').setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

describe.each(testTargets())('authentication (%s)', (target) => {
  let db: TestDatabase;
  let api: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    api = await startTestServer(db);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  async function expectUnauthenticated(headers: Record<string, string>, message: RegExp, server: TestServer = api): Promise<void> {
    const res = await server.post(QUERY, {}, headers);
    expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message, data: res.body.data }).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(message),
      data: undefined,
    });
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  }

  describe('bearer tokens', () => {
    const cases: [string, () => Promise<Record<string, string>>, RegExp][] = [
      ['expired', async () => bearer(await signToken({ expiresIn: now() - 60 })), /^Invalid bearer token: the token has expired$/],
      ['not valid yet (nbf)', async () => bearer(await signToken({ notBefore: now() + 3600 })), /^Invalid bearer token: the token is not valid yet$/],
      ['signed with another secret', async () => bearer(await signToken({ secret: 'another-secret-with-at-least-32-characters!' })), /^Invalid bearer token: the token's signature is invalid$/],
      ['for another audience', async () => bearer(await signToken({ audience: 'anon' })), /^Invalid bearer token: the token is for another audience$/],
      ['"abc"', async () => bearer('abc'), /^Invalid bearer token: the token is malformed$/],
      ['"Bearer" alone', async () => ({ authorization: 'Bearer' }), /^The Authorization header must be "Bearer <access token>"$/],
      ['not a bearer scheme', async () => ({ authorization: 'Basic dXNlcjpwYXNz' }), /^The Authorization header must be "Bearer <access token>"$/],
      ['three random segments', async () => bearer([1, 2, 3].map(() => randomBytes(24).toString('base64url')).join('.')), /^Invalid bearer token: the token is malformed$/],
      [
        'a valid header and payload with a random signature',
        async () => bearer(`${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: TEST_MEMBER_ID, aud: 'authenticated', exp: now() + 3600 })}.${randomBytes(32).toString('base64url')}`),
        /^Invalid bearer token: the token's signature is invalid$/,
      ],
      [
        'alg: none',
        async () => bearer(new UnsecuredJWT({ app_metadata: { role: 'admin' } }).setSubject(TEST_MEMBER_ID).setAudience('authenticated').setExpirationTime('1h').encode()),
        /^Invalid bearer token: the token's signing algorithm is not accepted$/,
      ],
      [
        'alg: HS512 with the right secret',
        async () =>
          bearer(
            await new SignJWT({})
              .setProtectedHeader({ alg: 'HS512' })
              .setSubject(TEST_MEMBER_ID)
              .setAudience('authenticated')
              .setExpirationTime('1h')
              .sign(new TextEncoder().encode(TEST_JWT_SECRET)),
          ),
        /^Invalid bearer token: the token's signing algorithm is not accepted$/,
      ],
      [
        'an ES256 token when no JWKS URL is configured',
        async () =>
          bearer(
            await new SignJWT({})
              .setProtectedHeader({ alg: 'ES256' })
              .setSubject(TEST_MEMBER_ID)
              .setAudience('authenticated')
              .setExpirationTime('1h')
              .sign((await generateKeyPair('ES256')).privateKey),
          ),
        /^Invalid bearer token: the token's signing algorithm is not accepted$/,
      ],
      ['without sub', async () => bearer(await signClaims({ app_metadata: { role: 'admin' } })), /^Invalid bearer token: "sub" is not a user id$/],
      ['with a sub that is not a UUID', async () => bearer(await signToken({ sub: 'service-account' })), /^Invalid bearer token: "sub" is not a user id$/],
    ];

    it.each(cases)('%s → 401', async (_name, headers, message) => {
      await expectUnauthenticated(await headers(), message);
    });

    it('a bad token is refused even on the public form (never treated as anonymous)', async () => {
      const res = await api.post('mutation { submitContactForm(input: { firstName: "Eve", email: "eve@example.com" }) { received } }', {}, bearer('abc'));
      expect(res.status).toBe(401);
      expect(await db.sql(`SELECT id FROM contacts WHERE email = 'eve@example.com'`)).toEqual([]);
    });

    it('a token without app_metadata.role is a member', async () => {
      const member = bearer(await signToken({ sub: TEST_MEMBER_ID, role: null }));
      expect((await api.runOk<{ contacts: { totalCount: number } }, object>(QUERY as never, {}, member)).contacts.totalCount).toBeGreaterThan(0);
      const res = await api.post('{ auditLog(first: 1) { totalCount } }', {}, member);
      expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message }).toEqual({
        status: 403,
        code: 'FORBIDDEN',
        message: 'Query.auditLog needs an admin',
      });
    });

    it('a server without SUPABASE_JWT_SECRET or SUPABASE_JWKS_URL refuses bearer tokens', async () => {
      const server = await startTestServer(db, { auth: { jwtSecret: undefined } });
      try {
        await expectUnauthenticated(bearer(await signToken()), /^Bearer tokens are not accepted: the server has no SUPABASE_JWT_SECRET or SUPABASE_JWKS_URL$/, server);
      } finally {
        await server.stop();
      }
    });
  });

  describe('signing keys from a JWKS URL (ES256)', () => {
    let jwksServer: Server;
    let jwksApi: TestServer;
    let signingKey: KeyLike;
    let jwksRequests = 0;

    beforeAll(async () => {
      const { publicKey, privateKey } = await generateKeyPair('ES256');
      signingKey = privateKey;
      const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'aurum-test-1', alg: 'ES256', use: 'sig' }] });
      jwksServer = createServer((_req, res) => {
        jwksRequests += 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
      });
      await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
      const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/auth/v1/.well-known/jwks.json`;
      jwksApi = await startTestServer(db, { auth: { jwksUrl } });
    });
    afterAll(async () => {
      await jwksApi?.stop();
      await new Promise((resolve) => jwksServer?.close(resolve));
    });

    const es256 = (key: KeyLike, kid: string, claims: Record<string, unknown> = { app_metadata: { role: 'admin' } }) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' }).setSubject(TEST_MEMBER_ID).setAudience('authenticated').setIssuedAt().setExpirationTime('1h').sign(key);

    it('accepts a token signed by a key of the JWKS, fetching the keys once', async () => {
      for (let i = 0; i < 3; i += 1) {
        const data = await jwksApi.runOk<{ auditLog: { totalCount: number } }, object>('{ auditLog(first: 1) { totalCount } }' as never, {}, bearer(await es256(signingKey, 'aurum-test-1')));
        expect(data.auditLog.totalCount).toBeGreaterThanOrEqual(0);
      }
      expect(jwksRequests).toBe(1);
    });

    it('refuses a token signed by a key that is not in the JWKS', async () => {
      const stranger = (await generateKeyPair('ES256')).privateKey;
      await expectUnauthenticated(bearer(await es256(stranger, 'someone-else')), /^Invalid bearer token: the token is signed with an unknown key$/, jwksApi);
      // The same kid with another key: the signature does not verify.
      await expectUnauthenticated(bearer(await es256(stranger, 'aurum-test-1')), /^Invalid bearer token: the token's signature is invalid$/, jwksApi);
    });

    it('checks the audience and expiry of asymmetric tokens too', async () => {
      const wrongAudience = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'aurum-test-1' }).setSubject(TEST_MEMBER_ID).setAudience('anon').setExpirationTime('1h').sign(signingKey);
      await expectUnauthenticated(bearer(wrongAudience), /another audience/, jwksApi);
      const expired = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'aurum-test-1' }).setSubject(TEST_MEMBER_ID).setAudience('authenticated').setExpirationTime(now() - 60).sign(signingKey);
      await expectUnauthenticated(bearer(expired), /has expired/, jwksApi);
    });

    it('still accepts HS256 tokens when the legacy secret is configured as well', async () => {
      await jwksApi.runOk(QUERY as never, {}, bearer(await signToken({ sub: TEST_MEMBER_ID, role: 'member' })));
    });
  });

  describe('API keys', () => {
    it.each([
      ['a malformed', 'not-an-aurum-key', /^Invalid API key: not an Aurum key \(aur_\.\.\.\)$/],
      ['an unknown', `aur_${'q'.repeat(10)}_${'Z'.repeat(40)}`, /^Invalid API key: unknown key$/],
    ])('%s key → 401', async (_name, key, message) => {
      await expectUnauthenticated({ 'x-api-key': key }, message);
    });

    it('a known prefix with the wrong secret → 401 unknown key', async () => {
      const { key } = await createApiKey(db.prisma, 'prefix probe', ['read']);
      await expectUnauthenticated({ 'x-api-key': `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}` }, /^Invalid API key: unknown key$/);
    });

    it('a revoked key → 401, though it worked before', async () => {
      const { id, key } = await createApiKey(db.prisma, 'soon revoked', ['read']);
      await api.runOk(QUERY as never, {}, { 'x-api-key': key });
      expect(await revokeApiKey(db.prisma, id)).toBe('soon revoked');
      await expectUnauthenticated({ 'x-api-key': key }, /^Invalid API key: the key has been revoked$/);
    });

    it('the Authorization header wins over X-API-Key: a bad token with a good key is still refused', async () => {
      const { key } = await createApiKey(db.prisma, 'both headers', ['read']);
      await expectUnauthenticated({ ...bearer('abc'), 'x-api-key': key }, /malformed/);
    });
  });

  describe('npm run api-key', () => {
    const cli = (...args: string[]) =>
      run('npx', ['tsx', 'src/auth/cli.ts', ...args], {
        cwd: path.join(__dirname, '..'),
        env: { ...process.env, DATABASE_URL: db.url, DIRECT_URL: '', NODE_OPTIONS: '' },
        timeout: 60_000,
      });

    (target === 'postgres' ? it : it.skip)('create prints the key once, list never shows it, the key authenticates, revoke ends it', async () => {
      const created = await cli('create', 'CI key', '--scopes', 'read');
      const key = /^ {2}key: (aur_[a-z0-9]{10}_[A-Za-z0-9]{40})$/m.exec(created.stdout)?.[1];
      expect(key).toBeDefined();
      expect(created.stdout).toContain('Created API key "CI key" (read)');
      expect(created.stdout.split(key!).length - 1).toBe(1);

      const listed = await cli('list');
      expect(listed.stdout).toContain('CI key  [read]');
      expect(listed.stdout).toContain(`aur_${key!.split('_')[1]}_…`);
      expect(listed.stdout).not.toContain(key!.split('_')[2]);
      const [stored] = await db.sql<{ key_hash: string }>(`SELECT key_hash FROM api_keys WHERE name = 'CI key'`);
      expect(stored!.key_hash).toMatch(/^[0-9a-f]{64}$/);

      expect((await api.runOk<{ contacts: { totalCount: number } }, object>(QUERY as never, {}, { 'x-api-key': key! })).contacts.totalCount).toBeGreaterThan(0);
      // read only: writing is forbidden
      const write = await api.post('mutation { createCompany(input: { companyName: "Nope" }) { id } }', {}, { 'x-api-key': key! });
      expect({ status: write.status, code: write.body.errors?.[0]?.extensions?.code }).toEqual({ status: 403, code: 'FORBIDDEN' });

      const revoked = await cli('revoke', key!.split('_')[1]!);
      expect(revoked.stdout).toContain('Revoked API key "CI key"');
      await expectUnauthenticated({ 'x-api-key': key! }, /revoked/);
    });

    (target === 'postgres' ? it : it.skip)('refuses unknown scopes with one clear line', async () => {
      await expect(cli('create', 'Bad', '--scopes', 'read,admin')).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/^error: scopes must be a comma-separated list of read, write, billing \(got "read,admin"\)\n$/),
      });
    });
  });
});
