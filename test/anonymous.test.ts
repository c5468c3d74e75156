// Callers without credentials: they may use the website form (submitContactForm)
// and the health endpoints, nothing else; and they are rate-limited per client
// address (X-Forwarded-For only behind trusted proxies), signed-in callers not.
import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { createApiKey } from '../src/auth/api-keys';
import { schema } from '../src/graphql/schema';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, type TestServer } from './helpers/http';

const ANONYMOUS = { authorization: '' };
const SCALAR_VALUES: Record<string, string> = {
  UUID: `"${randomUUID()}"`,
  String: '"x"',
  EmailAddress: '"someone@example.com"',
  URL: '"https://example.com"',
  Int: '1',
  Float: '1',
  Boolean: 'true',
  Decimal: '"1.00"',
  DateTime: '"2030-01-01T12:00:00Z"',
  LocalDate: '"2030-01-01"',
  JSON: '{}',
  ID: '"1"',
};

/** A literal for a required input of this type: required fields only, lists empty. */
function literal(type: GraphQLInputType): string {
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) return '[]';
  if (isEnumType(nullable)) return nullable.getValues()[0]!.name;
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${fields.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  const value = SCALAR_VALUES[nullable.name];
  if (!value) throw new Error(`no test value for scalar ${nullable.name}`);
  return value;
}

/** The smallest valid operation calling one root field. */
function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isUnionType(named) ? ' { __typename }' : '';
  return `${kind} { ${field.name}${args.length ? `(${args.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : ''}${selection} }`;
}

const rootFields = (kind: 'query' | 'mutation') =>
  Object.values((kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()).map((field) => [`${kind} ${field.name}`, operation(kind, field)] as const);

describe.each(testTargets())('anonymous callers (%s)', (target) => {
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

  describe('may only use the website form and the health endpoints', () => {
    it('GET /healthz and /readyz need no credentials', async () => {
      const base = api.url.replace(/\/graphql$/, '');
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${base}/readyz`);
      expect([ready.status, ((await ready.json()) as { status: string }).status]).toEqual([200, 'ready']);
    });

    it('submitContactForm stores a lead and returns a receipt without the contact', async () => {
      const email = `anon-${randomUUID().slice(0, 8)}@example.com`;
      const res = await api.post(
        'mutation($input: SubmitContactFormInput!) { submitContactForm(input: $input) { received contact { id email } } }',
        { input: { firstName: 'Web', email, message: 'Call me' } },
        ANONYMOUS,
      );
      expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { data: { submitContactForm: { received: true, contact: null } } } });
      const stored = await db.sql(`SELECT status, message FROM contacts WHERE email = $1`, [email]);
      expect(stored).toEqual([{ status: 'lead', message: 'Call me' }]);
      const [audit] = await db.sql<{ actor: string }>(`SELECT actor FROM audit_log WHERE table_name = 'contacts' AND new_row ->> 'email' = $1`, [email]);
      expect(audit!.actor).toBe('anonymous');
    });

    const others = [...rootFields('query'), ...rootFields('mutation')].filter(([name]) => name !== 'mutation submitContactForm');

    it('the sweep below calls every other root field of the schema', () => {
      expect(others.length).toBe(Object.keys(schema.getQueryType()!.getFields()).length + Object.keys(schema.getMutationType()!.getFields()).length - 1);
    });

    it.each(others)('%s → 401 UNAUTHENTICATED, nothing written', async (_name, query) => {
      const before = await db.checksums();
      const res = await api.post(query, {}, ANONYMOUS);
      expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message }).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(/^Sign in to use (Query|Mutation)\.\w+: send a Supabase access token \(Authorization: Bearer \.\.\.\) or an API key \(X-API-Key\)$/),
      });
      expect(await db.checksums()).toEqual(before);
    });

    it('GET queries are refused the same way', async () => {
      const res = await fetch(`${api.url}?query=${encodeURIComponent('{ contacts { totalCount } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('rate limit (anonymousPerMinute: 3)', () => {
    const FORM = 'mutation($input: SubmitContactFormInput!) { submitContactForm(input: $input) { received } }';
    const servers: TestServer[] = [];
    const form = (server: TestServer, headers: Record<string, string> = {}) =>
      server.post(FORM, { input: { firstName: 'Flood', email: `flood-${randomUUID().slice(0, 8)}@example.com` } }, { ...ANONYMOUS, ...headers });
    const statuses = async (server: TestServer, headers: (i: number) => Record<string, string>, n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i += 1) out.push((await form(server, headers(i))).status);
      return out;
    };
    async function limited(options: { trustProxyHops?: number } = {}): Promise<TestServer> {
      const server = await startTestServer(db, { anonymousPerMinute: 3, ...options });
      servers.push(server);
      return server;
    }

    /** Requests accepted per bucket in the window. */
    const counted = () => db.sql<{ bucket: string; hits: number }>(`SELECT bucket, sum(hits)::int AS hits FROM rate_limits GROUP BY bucket ORDER BY bucket`);

    beforeEach(async () => {
      await db.sql(`DELETE FROM rate_limits`);
    });
    afterAll(async () => {
      for (const server of servers) await server.stop();
    });

    it('the 4th anonymous request in a minute → 429 TOO_MANY_REQUESTS with Retry-After, and writes nothing', async () => {
      const server = await limited();
      expect(await statuses(server, () => ({}), 3)).toEqual([200, 200, 200]);
      const before = await db.checksums();
      const res = await form(server);
      expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message }).toEqual({
        status: 429,
        code: 'TOO_MANY_REQUESTS',
        message: expect.stringMatching(/^Too many requests from this address: at most 3 a minute without signing in; retry in \d+ s$/),
      });
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
      expect(await db.checksums()).toEqual(before);
      // Queries count too, and the health endpoints stay open.
      expect((await server.post('{ contacts { totalCount } }', {}, ANONYMOUS)).status).toBe(429);
      expect((await fetch(server.url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
    });

    it('signed-in people and API keys are not limited', async () => {
      const server = await limited();
      expect(await statuses(server, () => ({}), 4)).toEqual([200, 200, 200, 429]);
      const { key } = await createApiKey(db.prisma, 'not limited', ['read', 'write']);
      for (let i = 0; i < 6; i += 1) {
        // post() without credential headers is the default admin's request
        expect((await server.post(FORM, { input: { firstName: 'Admin', email: `admin-${i}-${randomUUID().slice(0, 6)}@example.com` } })).status).toBe(200);
        expect((await server.post(FORM, { input: { firstName: 'Key', email: `key-${i}-${randomUUID().slice(0, 6)}@example.com` } }, { 'x-api-key': key })).status).toBe(200);
      }
      expect(await counted()).toEqual([{ bucket: 'anonymous:127.0.0.1', hits: 3 }]);
    });

    it('counts per socket address: X-Forwarded-For is ignored without trusted proxies', async () => {
      const server = await limited();
      expect(await statuses(server, (i) => ({ 'x-forwarded-for': `203.0.113.${i + 1}` }), 4)).toEqual([200, 200, 200, 429]);
      expect(await counted()).toEqual([{ bucket: 'anonymous:127.0.0.1', hits: 3 }]);
    });

    it('behind one trusted proxy (trustProxyHops: 1), counts per address the proxy saw', async () => {
      const server = await limited({ trustProxyHops: 1 });
      // The client's own X-Forwarded-For entries (spoofable) come before the one the proxy appends.
      expect(await statuses(server, (i) => ({ 'x-forwarded-for': `10.0.0.${i + 1}, 203.0.113.7` }), 4)).toEqual([200, 200, 200, 429]);
      // Another client behind the same proxy has its own allowance.
      expect(await statuses(server, () => ({ 'x-forwarded-for': '203.0.113.8' }), 3)).toEqual([200, 200, 200]);
      // A request that did not come through the proxy: the socket's address.
      expect((await form(server)).status).toBe(200);
      expect(await counted()).toEqual([
        { bucket: 'anonymous:127.0.0.1', hits: 1 },
        { bucket: 'anonymous:203.0.113.7', hits: 3 },
        { bucket: 'anonymous:203.0.113.8', hits: 3 },
      ]);
    });

    it('the window slides: the limit spent at the end of one minute is still spent at the start of the next, and frees up as it ages', async () => {
      const server = await limited();
      // Three requests 30 s ago (a fixed minute may well have ended since).
      await db.sql(`INSERT INTO rate_limits (bucket, window_start, hits) VALUES ('anonymous:127.0.0.1', now() - interval '30 seconds', 3)`);
      const refused = await form(server);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect({ status: refused.status, retryAfterWithinTheirWindow: retryAfter >= 1 && retryAfter <= 30 }).toEqual({ status: 429, retryAfterWithinTheirWindow: true });
      // Once they are 60 s old they no longer count.
      await db.sql(`UPDATE rate_limits SET window_start = now() - interval '60 seconds'`);
      expect(await statuses(server, () => ({}), 4)).toEqual([200, 200, 200, 429]);
      expect(await counted()).toEqual([{ bucket: 'anonymous:127.0.0.1', hits: 3 }]);
    });
  });
});
