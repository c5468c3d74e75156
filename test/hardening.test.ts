// Production hardening through HTTP (`production: true`): no introspection, no
// Sandbox landing page, no field suggestions or stack traces in errors,
// unexpected errors masked with a reference, request bodies capped, no batching,
// CSRF prevention; the abuse limits apply to API keys too; and `introspection:
// true` turns introspection (and the Sandbox) back on in production.
import { request } from 'node:http';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createApiKey } from '../src/auth/api-keys';
import { SEED_IDS } from '../src/db/seed-data';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/http';

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';

type Body = GraphQLResponse<unknown>['body'];

/** `company(id) { primaryContact { company { … { id } } } }`, exactly `depth` fields deep. */
function toOneChain(depth: number): string {
  let inner = 'id';
  for (let level = depth - 1; level >= 2; level -= 1) inner = `${level % 2 === 0 ? 'primaryContact' : 'company'} { ${inner} }`;
  return `query($id: UUID!) { company(id: $id) { ${inner} } }`;
}

describe.each(testTargets())('hardening (%s)', (target) => {
  let db: TestDatabase;
  let prod: TestServer;
  let dev: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prod = await startTestServer(db, { production: true });
    dev = await startTestServer(db);
  });
  afterAll(async () => {
    await prod?.stop();
    await dev?.stop();
    await db?.drop();
  });

  const firstError = (res: { body: Body }) => res.body.errors?.[0];

  describe('introspection and the Sandbox', () => {
    it('refuses introspection in production (for admins too)', async () => {
      for (const query of [INTROSPECTION, '{ __type(name: "Contact") { fields { name } } }']) {
        const res = await prod.post(query);
        expect({ status: res.status, data: res.body.data, message: firstError(res)?.message }).toEqual({
          status: 400,
          data: undefined,
          message: expect.stringMatching(/introspection is not allowed/i),
        });
      }
      // Outside production it answers.
      expect(await dev.runOk(INTROSPECTION as never)).toMatchObject({ __schema: { queryType: { name: 'Query' } } });
    });

    it('GET /graphql from a browser has no landing page in production', async () => {
      const res = await fetch(prod.url, { headers: { accept: 'text/html' } });
      const text = await res.text();
      expect(res.headers.get('content-type')).not.toMatch(/text\/html/);
      expect(text).not.toMatch(/<html|sandbox|embeddable/i);
      // Outside production the same request gets Apollo Sandbox.
      const sandbox = await fetch(dev.url, { headers: { accept: 'text/html' } });
      expect(sandbox.headers.get('content-type')).toMatch(/text\/html/);
      expect(await sandbox.text()).toMatch(/sandbox/i);
    });

    it('introspection: true re-enables introspection and the Sandbox in production', async () => {
      const open = await startTestServer(db, { production: true, introspection: true });
      try {
        expect(await open.runOk(INTROSPECTION as never)).toMatchObject({ __schema: { queryType: { name: 'Query' } } });
        const page = await fetch(open.url, { headers: { accept: 'text/html' } });
        expect(page.headers.get('content-type')).toMatch(/text\/html/);
        // Still production otherwise: no suggestions in errors.
        expect(firstError(await open.post('{ contacs { totalCount } }'))?.message).not.toMatch(/Did you mean/);
      } finally {
        await open.stop();
      }
    });
  });

  describe('errors', () => {
    it('hide field and enum value suggestions in production', async () => {
      const typo = '{ contacs { totalCount } }';
      expect(firstError(await dev.post(typo))?.message).toMatch(/Did you mean .*"contacts"/);
      const res = await prod.post(typo);
      expect(res.status).toBe(400);
      expect(firstError(res)?.message).toBe('Cannot query field "contacs" on type "Query".');
      const enumTypo = await prod.post('{ contacts(filter: { status: { eq: LEED } }) { totalCount } }');
      expect(enumTypo.status).toBe(400);
      expect(JSON.stringify(enumTypo.body)).not.toMatch(/Did you mean|LEAD/);
      const variableTypo = await prod.post('query($s: ContactStatus) { contacts(filter: { status: { eq: $s } }) { totalCount } }', { s: 'LEED' });
      expect(variableTypo.status).toBe(400);
      expect(variableTypo.body.errors).toEqual([
        expect.objectContaining({
          message: 'Variable "$s" got invalid value "LEED"; Value "LEED" does not exist in "ContactStatus" enum.',
          extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ path: ['s'], message: 'Value "LEED" does not exist in "ContactStatus" enum.' }] },
        }),
      ]);
      const inputTypo = await prod.post('mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }', { input: { companyNam: 'Typo Ltd' } });
      expect(inputTypo.status).toBe(400);
      expect(JSON.stringify(inputTypo.body)).not.toMatch(/Did you mean|"companyName"\?/);
      // Outside production the hints stay: they help people fix their calls.
      expect(JSON.stringify((await dev.post('query($s: ContactStatus) { contacts(filter: { status: { eq: $s } }) { totalCount } }', { s: 'LEED' })).body)).toMatch(
        /Did you mean the enum value \\"LEAD\\"\?/,
      );
    });

    it('carry no stack traces in production', async () => {
      const cases = [
        prod.post('mutation($id: UUID!) { updateContact(id: $id, input: { firstName: "X" }) { id } }', { id: '00000000-0000-4000-8000-000000000000' }),
        prod.post('mutation { createContact(input: { firstName: "", email: "not-an-email" }) { id } }'),
        prod.post('{ contacts(first: 1000) { totalCount } }'),
        prod.post('{ contacts { totalCount }', {}),
      ];
      for (const res of await Promise.all(cases)) {
        expect(res.body.errors?.length).toBeGreaterThan(0);
        expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+/);
      }
      // Outside production the stack trace is there, for debugging.
      const devError = await dev.post('mutation($id: UUID!) { updateContact(id: $id, input: { firstName: "X" }) { id } }', { id: '00000000-0000-4000-8000-000000000000' });
      expect(firstError(devError)?.extensions?.stacktrace).toBeDefined();
    });

    it('mask an unexpected error as INTERNAL_SERVER_ERROR with a reference', async () => {
      // The real schema has no natural way to fail unexpectedly: a field that throws
      // what a driver might (with a host and a user name in the message).
      const schema = new GraphQLSchema({
        query: new GraphQLObjectType({
          name: 'Query',
          fields: {
            boom: {
              type: GraphQLString,
              resolve: () => {
                throw new Error('connect ECONNREFUSED 10.0.0.5:5432 for user "aurum_owner"');
              },
            },
          },
        }),
      });
      const broken = await startTestServer(db, { production: true, schema });
      try {
        const res = await broken.post('{ boom }');
        expect(res.status).toBe(500);
        expect(res.body.errors).toEqual([
          {
            message: expect.stringMatching(/^Internal server error \(reference [0-9a-f-]{36}\)$/),
            locations: [{ line: 1, column: 3 }],
            path: ['boom'],
            extensions: { code: 'INTERNAL_SERVER_ERROR', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
          },
        ]);
        expect(res.body.errors![0]!.message).toContain(res.body.errors![0]!.extensions!.errorId as string);
        expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|10\.0\.0\.5|aurum_owner/);
      } finally {
        await broken.stop();
      }
    });

    it('send no x-sql-statements header in production', async () => {
      const res = await prod.post('{ contacts(first: 1) { totalCount } }');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-sql-statements')).toBeNull();
      expect((await dev.post('{ contacts(first: 1) { totalCount } }')).headers.get('x-sql-statements')).not.toBeNull();
    });
  });

  describe('transport', () => {
    const json = (body: string, headers: Record<string, string> = {}) =>
      fetch(prod.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

    it('refuses a body over the limit with 413 (declared length)', async () => {
      const big = JSON.stringify({ query: '{ contacts { totalCount } }', variables: { pad: 'x'.repeat(1_100_000) } });
      const res = await json(big);
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ errors: [{ message: 'Request body larger than 1000000 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    });

    it('refuses a chunked body (no Content-Length) that grows over the limit with 413', async () => {
      const url = new URL(prod.url);
      const status = await new Promise<number>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        const chunk = 'x'.repeat(64 * 1024);
        let sent = 0;
        const write = () => {
          while (sent < 2_000_000) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', write);
          }
          req.end();
        };
        write();
      });
      expect(status).toBe(413);
    });

    it('refuses batched requests (a JSON array body)', async () => {
      const before = await db.checksums();
      const batch = JSON.stringify([
        { query: '{ contacts(first: 1) { totalCount } }' },
        { query: 'mutation { createCompany(input: { companyName: "Batched Ltd" }) { id } }' },
      ]);
      const res = await fetch(prod.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: batch });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Body).errors?.[0]?.message).toMatch(/batching/i);
      expect(await db.checksums()).toEqual(before);
    });

    it('CSRF: a GET without a preflight header and a POST as text/plain are refused with 400, nothing written', async () => {
      const before = await db.checksums();
      const get = await fetch(`${prod.url}?query=${encodeURIComponent('{ contacts(first: 1) { totalCount } }')}`);
      expect(get.status).toBe(400);
      expect(((await get.json()) as Body).errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
      const plain = await fetch(prod.url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ query: 'mutation { submitContactForm(input: { firstName: "Csrf", email: "csrf@example.com" }) { received } }' }),
      });
      expect(plain.status).toBe(400);
      expect(await db.checksums()).toEqual(before);
      // With the preflight header a GET query is fine (for a signed-in caller).
      const { key } = await createApiKey(db.prisma, 'csrf reader', ['read']);
      const ok = await fetch(`${prod.url}?query=${encodeURIComponent('{ contacts(first: 1) { totalCount } }')}`, { headers: { 'apollo-require-preflight': 'true', 'x-api-key': key } });
      expect(ok.status).toBe(200);
    });

    it('refuses mutations over GET (400, Allow: POST)', async () => {
      const { key } = await createApiKey(db.prisma, 'get writer', ['write']);
      const before = await db.checksums();
      const res = await fetch(`${prod.url}?query=${encodeURIComponent('mutation { createCompany(input: { companyName: "Via GET" }) { id } }')}`, {
        headers: { 'apollo-require-preflight': 'true', 'x-api-key': key },
      });
      expect({ status: res.status, allow: res.headers.get('allow') }).toEqual({ status: 400, allow: 'POST' });
      expect(((await res.json()) as Body).errors?.[0]?.message).toMatch(/GET requests only support query operations/);
      expect(await db.checksums()).toEqual(before);
    });
  });

  describe('limits apply to API keys too', () => {
    it('a query one level deeper than the depth limit is refused for a key', async () => {
      const { key } = await createApiKey(db.prisma, 'deep reader', ['read']);
      const headers = { 'x-api-key': key };
      expect((await prod.post(toOneChain(12), { id: SEED_IDS.companyWithLiveProjects }, headers)).status).toBe(200);
      const res = await prod.post(toOneChain(13), { id: SEED_IDS.companyWithLiveProjects }, headers);
      expect({ status: res.status, code: firstError(res)?.extensions?.code, limit: firstError(res)?.extensions?.limit }).toEqual({
        status: 400,
        code: 'BAD_USER_INPUT',
        limit: 'depth',
      });
    });

    it('a page over 100 is refused for a key', async () => {
      const { key } = await createApiKey(db.prisma, 'greedy reader', ['read']);
      const res = await prod.post('{ contacts(first: 500) { totalCount } }', {}, { 'x-api-key': key });
      expect({ status: res.status, code: firstError(res)?.extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    });
  });
});
