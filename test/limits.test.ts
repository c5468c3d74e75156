// Abuse limits: each one rejects with HTTP 400, BAD_USER_INPUT and the limit's
// name before any SQL runs; just under each one passes; the dashboard workload
// and the introspection query of Apollo Sandbox pass with the defaults.
import { buildSchema, getIntrospectionQuery, Kind, Lexer, parse, Source, TokenKind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { DEFAULT_LIMITS, operationCost, requestLimits, type RequestLimits } from '../src/graphql/limits';
import { schema } from '../src/graphql/schema';
import { startServer, type RunningServer } from '../src/server';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { bearer, signToken, TEST_JWT_SECRET, type GraphQLResponse } from './helpers/http';

const DASHBOARD = `{
  companies(first: 50) { nodes { projects(first: 20) { totalCount nodes {
    integrations(first: 20) { nodes { id toolName } }
    services(first: 20) { nodes { serviceName } }
  } } } }
}`;

const RUNAWAY = `{
  companies(first: 100) { nodes { projects(first: 100) { nodes { integrations(first: 100) { nodes {
    project { company { projects(first: 100) { nodes { id } } } }
  } } } } } }
}`;

function cost(query: string, variables?: Record<string, unknown>, against: GraphQLSchema = schema): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationCost(against, document, operation, variables);
}

function tokenCount(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

/** `company(id) { primaryContact { company { … { id } } } }`, exactly `depth` fields deep. */
function toOneChain(depth: number): string {
  let inner = 'id';
  for (let level = depth - 1; level >= 2; level -= 1) inner = `${level % 2 === 0 ? 'primaryContact' : 'company'} { ${inner} }`;
  return `query($id: UUID!) { company(id: $id) { ${inner} } }`;
}

const repeat = (count: number, item: (i: number) => string) => Array.from({ length: count }, (_, i) => item(i + 1)).join(' ');

describe('operationCost', () => {
  it('counts 1 per field and multiplies a connection\'s nodes and edges by first ?? last ?? 20', () => {
    expect(cost('{ companies(first: 50) { totalCount nodes { id companyName } } }')).toBe(1 + (1 + (1 + 50 * 2)));
    expect(cost('{ companies { nodes { id } } }')).toBe(1 + (1 + 20 * 1));
    expect(cost('{ companies(last: 7) { edges { cursor node { id } } pageInfo { hasNextPage } } }')).toBe(1 + (1 + 7 * (1 + (1 + 1))) + (1 + 1));
    expect(cost('{ companies(first: 0) { nodes { id } } }')).toBe(2);
    expect(cost('{ company(id: "00000000-0000-0000-0000-000000000000") { projects(first: 3) { nodes { company { id } } } } }')).toBe(1 + (1 + (1 + 3 * (1 + 1))));
  });

  it('takes page sizes from variables, and the default page when a variable is missing', () => {
    const query = 'query($n: Int) { companies(first: $n) { nodes { id } } }';
    expect(cost(query, { n: 5 })).toBe(1 + (1 + 5));
    expect(cost(query, {})).toBe(1 + (1 + 20));
    expect(cost(query, { n: null })).toBe(1 + (1 + 20));
  });

  it('counts fragments and inline fragments where they are spread, at the page size there', () => {
    const inline = '{ companies(first: 10) { nodes { id companyName } } }';
    const spread = `{ companies(first: 10) { ...Page } }
      fragment Page on QueryCompaniesConnection { nodes { ...Name ... on Company { id } } }
      fragment Name on Company { companyName }`;
    expect(cost(spread)).toBe(cost(inline));
    const twoPages = `{ a: companies(first: 2) { ...Ids } b: companies(first: 5) { ...Ids } }
      fragment Ids on QueryCompaniesConnection { nodes { id } }`;
    expect(cost(twoPages)).toBe(1 + (1 + 2) + 1 + (1 + 5));
  });

  it('multiplies the rows of any field paged by `first` by its page, its own default when not given; other lists by 20', () => {
    const paged = buildSchema(`
      type Query { overdue(first: Int = 100): Page!  everything: [Row!]! }
      type Page { rows: [Row!]! total: Int! }
      type Row { id: ID! tags: [String!]! }
    `);
    expect(cost('{ overdue { total rows { id tags } } }', {}, paged)).toBe(1 + (1 + (1 + 100 * 2)));
    expect(cost('{ overdue(first: 5) { rows { id } } }', {}, paged)).toBe(1 + (1 + 5 * 1));
    expect(cost('{ everything { id } }', {}, paged)).toBe(1 + 20 * 1);
  });

  it('puts the dashboard well under the default and the runaway query far over it; introspection is flat', () => {
    expect(cost(DASHBOARD)).toBe(64_152);
    expect(cost(DASHBOARD)).toBeLessThanOrEqual(DEFAULT_LIMITS.cost);
    expect(cost(RUNAWAY)).toBe(104_020_202);
    expect(cost(getIntrospectionQuery())).toBe(10_000);
  });

  it('keeps the defaults for limits given as undefined', () => {
    expect(requestLimits({ tokens: undefined }).parseOptions.maxTokens).toBe(DEFAULT_LIMITS.tokens);
    expect(requestLimits({ tokens: 10 }).parseOptions.maxTokens).toBe(10);
  });
});

describe.each(testTargets())('request limits over HTTP (%s)', (target) => {
  // Tight limits for the edge cases; `aliases`, `tokens` and `directives` keep their defaults.
  const TIGHT: Partial<RequestLimits> = { depth: 4, cost: 100, rootFields: 3 };
  let db: TestDatabase;
  let defaults: RunningServer;
  let tight: RunningServer;
  let companyId: string;
  /** SQL statements of a request that runs none of its own (`{ __typename }`): any transaction set-up. */
  let baseline: string | null;

  async function post(server: RunningServer, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Record<string, unknown>>> {
    const headers = { 'content-type': 'application/json', ...bearer(await signToken()) };
    const res = await fetch(server.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return { status: res.status, headers: res.headers, body: (await res.json()) as never };
  }

  async function passes(server: RunningServer, query: string, variables?: Record<string, unknown>) {
    const res = await post(server, query, variables);
    expect(res.body.errors).toBeUndefined();
    expect(res.status).toBe(200);
    return res.body.data!;
  }

  async function rejected(server: RunningServer, query: string, variables: Record<string, unknown> | undefined, expected: { limit: string; max: number; value?: number }) {
    const res = await post(server, query, variables);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    const [error] = res.body.errors ?? [];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...expected });
    if (expected.value === undefined) expect(error?.extensions).not.toHaveProperty('value');
    expect(error?.message).toContain(`(limit "${expected.limit}"`);
    expect(error?.message).toContain(String(expected.max));
    expect(res.headers.get('x-sql-statements')).toBe(baseline);
    return error!;
  }

  beforeAll(async () => {
    db = await createTestDatabase(target);
    const auth = { jwtSecret: TEST_JWT_SECRET };
    defaults = await startServer({ db, port: 0, host: '127.0.0.1', auth });
    tight = await startServer({ db, port: 0, host: '127.0.0.1', limits: TIGHT, auth });
    [{ id: companyId }] = (await db.sql<{ id: string }>(`SELECT id FROM companies WHERE primary_contact_id IS NOT NULL ORDER BY id LIMIT 1`)) as [{ id: string }];
    baseline = (await post(defaults, '{ __typename }')).headers.get('x-sql-statements');
  });
  afterAll(async () => {
    await defaults?.stop();
    await tight?.stop();
    await db?.drop();
  });

  it('admits the dashboard workload and runs it', async () => {
    const data = await passes(defaults, DASHBOARD);
    expect((data.companies as { nodes: unknown[] }).nodes.length).toBeGreaterThan(0);
  });

  it('admits the introspection queries of Apollo Sandbox and GraphiQL', async () => {
    for (const query of [getIntrospectionQuery(), getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true, oneOf: true })]) {
      const data = await passes(defaults, query);
      expect((data.__schema as { types: unknown[] }).types.length).toBeGreaterThan(50);
    }
  });

  it('rejects a runaway nested query by its cost, saying how cost is counted, before any SQL', async () => {
    const error = await rejected(defaults, RUNAWAY, undefined, { limit: 'cost', max: 200_000, value: 104_020_202 });
    expect(error.message).toMatch(/^Query cost is 104020202, over the maximum of 200000 \(limit "cost"; cost = 1 per field, .*first \?\? last \?\? 20/);
  });

  it('depth: 12 fields deep passes, 13 is rejected', async () => {
    const data = await passes(defaults, toOneChain(12), { id: companyId });
    expect(data.company).not.toBeNull();
    await rejected(defaults, toOneChain(13), { id: companyId }, { limit: 'depth', max: 12, value: 13 });
  });

  it('depth counts through fragments and inline fragments', async () => {
    const deep = (leaf: string) => `query($id: UUID!) { company(id: $id) { ...Contact } }
      fragment Contact on Company { primaryContact { ... on Contact { company { ${leaf} } } } }`;
    await passes(tight, deep('id'), { id: companyId });
    await rejected(tight, deep('primaryContact { id }'), { id: companyId }, { limit: 'depth', max: 4, value: 5 });
  });

  it('aliases: 30 pass, 31 are rejected', async () => {
    const aliased = (count: number) => `{ companies(first: 1) { nodes { ${repeat(count, (i) => `a${i}: id`)} } } }`;
    await passes(defaults, aliased(30));
    await rejected(defaults, aliased(31), undefined, { limit: 'aliases', max: 30, value: 31 });
  });

  it('root fields: 20 pass, 21 are rejected; fragments on Query count', async () => {
    const roots = (count: number) => `{ ${repeat(count, (i) => `r${i}: __typename`)} }`;
    await passes(defaults, roots(20));
    await rejected(defaults, roots(21), undefined, { limit: 'rootFields', max: 20, value: 21 });
    await passes(tight, '{ ...Roots __typename } fragment Roots on Query { a: __typename b: __typename }');
    await rejected(tight, '{ ...Roots ... on Query { c: __typename } __typename } fragment Roots on Query { a: __typename b: __typename }', undefined, {
      limit: 'rootFields',
      max: 3,
      value: 4,
    });
  });

  it('directives: 50 pass, 51 are rejected', async () => {
    const directed = (count: number) => `{ companies(first: 1) { nodes { ${repeat(count, () => 'id @include(if: true)')} } } }`;
    await passes(defaults, directed(50));
    await rejected(defaults, directed(51), undefined, { limit: 'directives', max: 50, value: 51 });
  });

  it('tokens: 5000 pass, 5001 stop the parser', async () => {
    // Each name in the list is one token; many identical fields would trip graphql-js' own field-merging guard first.
    const named = (count: number) => `{ companies(filter: { companyName: { in: [${repeat(count, (i) => `"c${i}"`)}] } }) { totalCount } }`;
    const fits = 5000 - tokenCount(named(0));
    expect(tokenCount(named(fits))).toBe(5000);
    await passes(defaults, named(fits));
    const error = await rejected(defaults, named(fits + 1), undefined, { limit: 'tokens', max: 5000 });
    expect(error.message).toBe('Number of tokens is over the maximum of 5000 (limit "tokens"); parsing stopped there.');
  });

  it('cost follows the page size in variables, their defaults, and `last`', async () => {
    // 1 (companies) + 1 (nodes) + n × 2 (id, companyName)
    const query = 'query($n: Int) { companies(first: $n) { nodes { id companyName } } }';
    await passes(tight, query, { n: 49 });
    await rejected(tight, query, { n: 50 }, { limit: 'cost', max: 100, value: 102 });
    await passes(tight, query, { n: null });
    await rejected(tight, 'query($n: Int = 50) { companies(first: $n) { nodes { id companyName } } }', undefined, { limit: 'cost', max: 100, value: 102 });
    await rejected(tight, 'query($n: Int) { companies(last: $n) { nodes { id companyName } } }', { n: 50 }, { limit: 'cost', max: 100, value: 102 });
  });

  it('cost counts fragments and inline fragments', async () => {
    const query = `query($n: Int) { companies(first: $n) { ...Nodes } }
      fragment Nodes on QueryCompaniesConnection { nodes { ... on Company { id } ...Name } }
      fragment Name on Company { companyName }`;
    await passes(tight, query, { n: 49 });
    await rejected(tight, query, { n: 50 }, { limit: 'cost', max: 100, value: 102 });
  });
});
