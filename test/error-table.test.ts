// The error tables of README.md ("For automation tools") and docs/api.md say what
// the server does: one request per row, answered with that row's status and code.
// A row without a request here fails the test, so the tables cannot drift.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { createApiKey } from '../src/auth/api-keys';
import { connectPostgres } from '../src/db/database';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, type TestServer } from './helpers/http';

const ROOT = path.join(__dirname, '..');

/** `| 404 | \`NOT_FOUND\` | … |` rows of the first table after `heading` in `file`. */
function tableRows(file: string, heading: RegExp): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const start = text.search(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (const line of text.slice(start).split('\n')) {
    const row = /^\| (\d{3}) \| `([A-Z_]+)` \|/.exec(line);
    if (row) rows.push(`${row[1]} ${row[2]}`);
    else if (rows.length) break;
  }
  return rows;
}

const TABLES = {
  'README.md': tableRows('README.md', /\*\*Errors\.\*\*/),
  'docs/api.md': tableRows('docs/api.md', /^## Transport/m),
};

interface Answer {
  status: number;
  code: unknown;
}

describe.each(testTargets())('the error tables (%s)', (target) => {
  let db: TestDatabase;
  let api: TestServer;
  let limited: TestServer;
  let failing: TestServer;
  let unreachable: TestServer;
  let readKey: string;

  beforeAll(async () => {
    db = await createTestDatabase(target, { seed: false });
    api = await startTestServer(db);
    limited = await startTestServer(db, { anonymousPerMinute: 1 });
    const broken = new GraphQLObjectType({ name: 'Query', fields: { broken: { type: GraphQLString, resolve: () => { throw new Error('a bug'); } } } });
    failing = await startTestServer(db, { schema: new GraphQLSchema({ query: broken }) });
    // Nothing listens on port 1: every request that needs the database finds it unreachable.
    unreachable = await startTestServer(connectPostgres({ url: 'postgresql://nobody@127.0.0.1:1/none', connectionTimeoutMs: 500 }));
    readKey = (await createApiKey(db.prisma, 'read only', ['read'])).key;
  });

  afterAll(async () => {
    for (const server of [api, limited, failing, unreachable]) await server?.stop();
    await db?.drop();
  });

  const answer = async (res: { status: number; body: { errors?: { extensions?: Record<string, unknown> }[] } }): Promise<Answer> => ({
    status: res.status,
    code: res.body.errors?.[0]?.extensions?.code,
  });

  const CREATE_CONTACT = 'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }';
  const requests: Record<string, () => Promise<Answer>> = {
    '400 BAD_USER_INPUT': async () => answer(await api.post('mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }', { input: { companyId: randomUUID(), invoiceType: 'SETUP', amount: '10.00' } })),
    '400 BAD_REQUEST': async () => {
      const res = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      return answer({ status: res.status, body: (await res.json()) as never });
    },
    '401 UNAUTHENTICATED': async () => answer(await api.post('{ companies { totalCount } }', {}, { 'x-api-key': 'aur_wrong_key' })),
    '403 FORBIDDEN': async () => answer(await api.post(CREATE_CONTACT, { input: { firstName: 'Read', email: 'read@example.com' } }, { 'x-api-key': readKey })),
    '404 NOT_FOUND': async () => answer(await api.post('mutation($id: UUID!, $input: UpdateCompanyInput!) { updateCompany(id: $id, input: $input) { id } }', { id: randomUUID(), input: { city: 'Arima' } })),
    '409 CONFLICT': async () => {
      const input = { firstName: 'Twice', email: `twice-${randomUUID()}@example.com` };
      await api.runOk(CREATE_CONTACT as never, { input } as never);
      return answer(await api.post(CREATE_CONTACT, { input }));
    },
    '429 TOO_MANY_REQUESTS': async () => {
      const anonymous = { authorization: '', 'x-forwarded-for': '' };
      await limited.post('{ __typename }', {}, anonymous);
      return answer(await limited.post('{ __typename }', {}, anonymous));
    },
    '503 SERVICE_UNAVAILABLE': async () => answer(await unreachable.post('{ __typename }', {}, { 'x-api-key': `aur_0123456789_${'a'.repeat(40)}` })),
    '500 INTERNAL_SERVER_ERROR': async () => answer(await failing.post('{ broken }')),
  };

  test.each(Object.entries(TABLES))('%s: every row has its request, and the server answers it so', async (_file, rows) => {
    expect(rows.length).toBeGreaterThan(5);
    const answers: Record<string, Answer> = {};
    for (const row of rows) {
      const send = requests[row];
      answers[row] = send ? await send() : { status: 0, code: 'no request for this row in test/error-table.test.ts' };
    }
    expect(answers).toEqual(Object.fromEntries(rows.map((row) => [row, { status: Number(row.slice(0, 3)), code: row.slice(4) }])));
  });
});
