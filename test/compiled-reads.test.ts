// The compiled read path (src/graphql/compiled) answers exactly as the resolvers do.
// A generated corpus of random valid queries over the schema (selections, nesting,
// arguments, cursors from earlier answers, aliases, fragments, variables,
// directives) is answered by both paths on the same data, as every kind of caller,
// and the two answers must be the same bytes with the same HTTP status. The
// queries of the other suites are compared the same way by the test server helper
// (test/helpers/http.ts). Which fields cannot compile is listed, each with its reason.
import { appendFileSync } from 'node:fs';
import { getNamedType, getOperationAST, isEnumType, isObjectType, isScalarType, isUnionType, parse, type GraphQLObjectType } from 'graphql';
import { createApiKey } from '../src/auth/api-keys';
import { TEAM } from '../src/db/seed-data';
import { compileOperation, readPathCounts } from '../src/graphql/compiled/plugin';
import { NotCompilable } from '../src/graphql/compiled/sql';
import type { Context } from '../src/graphql/context';
import { schema } from '../src/graphql/schema';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { bearer, signToken, startTestServer, type TestServer } from './helpers/http';
import { collectCursors, collectSamples, QueryGenerator, Rng, samplingQuery, type Cursors } from './helpers/query-generator';

const QUERIES = Number(process.env.COMPILED_READS_QUERIES ?? 2000);
const SEED = Number(process.env.COMPILED_READS_SEED ?? 20261206);

type Caller = 'admin' | 'member' | 'readKey' | 'readBillingKey' | 'writeKey' | 'billingKey' | 'anonymous';
/** How often each caller asks: mostly callers who may read, so most answers hold data. */
const CALLERS: [Caller, number][] = [
  ['admin', 30],
  ['member', 30],
  ['readKey', 15],
  ['readBillingKey', 10],
  ['writeKey', 5],
  ['billingKey', 5],
  ['anonymous', 5],
];

function pickCaller(rng: Rng): Caller {
  let n = rng.next() * CALLERS.reduce((sum, [, w]) => sum + w, 0);
  for (const [caller, weight] of CALLERS) if ((n -= weight) < 0) return caller;
  return 'admin';
}

describe.each(testTargets())('compiled reads (%s)', (target) => {
  let db: TestDatabase;
  let api: TestServer;
  const headers = {} as Record<Caller, Record<string, string>>;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    // The helper compares every query it sends; here the test compares itself, as raw bytes.
    api = await startTestServer(db, {}, { compareReadPaths: false });
    headers.admin = bearer(await signToken());
    headers.member = bearer(await signToken({ sub: TEAM.alice, role: 'member', email: 'alice@aurum.tt' }));
    headers.readKey = { 'x-api-key': (await createApiKey(db.prisma, 'read', ['read'])).key };
    headers.readBillingKey = { 'x-api-key': (await createApiKey(db.prisma, 'read+billing', ['read', 'billing'])).key };
    headers.writeKey = { 'x-api-key': (await createApiKey(db.prisma, 'write', ['write'])).key };
    headers.billingKey = { 'x-api-key': (await createApiKey(db.prisma, 'billing', ['billing'])).key };
    headers.anonymous = {};
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  async function ask(query: string, variables: Record<string, unknown>, caller: Caller, path: 'compiled' | 'resolvers') {
    const res = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers[caller], ...(path === 'resolvers' ? { 'x-read-path': 'resolvers' } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, text: await res.text(), path: res.headers.get('x-read-path') };
  }

  it(`answers ${QUERIES} generated queries with the same bytes as the resolvers, for every kind of caller`, async () => {
    const sample = await ask(samplingQuery(schema), {}, 'admin', 'resolvers');
    expect(sample.status).toBe(200);
    const samples = collectSamples(JSON.parse(sample.text).data);
    const cursors: Cursors = new Map();
    const rng = new Rng(SEED);
    const generator = new QueryGenerator(schema, rng, samples, cursors);
    const mismatches: string[] = [];
    const answeredBy = { compiled: 0, resolvers: 0 };
    const withData = { compiled: 0, total: 0 };
    for (let i = 0; i < QUERIES; i += 1) {
      const { query, variables, sites } = generator.generate();
      const caller = pickCaller(rng);
      const compiled = await ask(query, variables, caller, 'compiled');
      const resolvers = await ask(query, variables, caller, 'resolvers');
      answeredBy[compiled.path === 'compiled' ? 'compiled' : 'resolvers'] += 1;
      if (compiled.status === 200 && !compiled.text.includes('"errors"')) {
        withData.total += 1;
        if (compiled.path === 'compiled') withData.compiled += 1;
        collectCursors(JSON.parse(compiled.text).data, sites, cursors);
      }
      if (compiled.status !== resolvers.status || compiled.text !== resolvers.text) {
        let at = 0;
        while (at < compiled.text.length && compiled.text[at] === resolvers.text[at]) at += 1;
        const around = (text: string) => text.slice(Math.max(0, at - 300), at + 300);
        if (process.env.COMPILED_READS_DUMP) appendFileSync(process.env.COMPILED_READS_DUMP, `${JSON.stringify({ query, variables, caller })}\n`);
        mismatches.push(
          `#${i} as ${caller} (${compiled.path}): ${query}\n  variables: ${JSON.stringify(variables)}\n` +
            `  compiled  ${compiled.status} from ${at}: ${around(compiled.text)}\n  resolvers ${resolvers.status} from ${at}: ${around(resolvers.text)}`,
        );
        if (mismatches.length >= 10) break;
      }
    }
    expect(mismatches).toEqual([]);
    // Answers with data came from the compiled path, but for operations reading a JSON column (the audit log's rows).
    const reasons = new Set([...readPathCounts.reasons.keys()].map((reason) => reason.replace(/[:(].*$/, '')));
    console.log(`compiled reads (${target}): ${answeredBy.compiled} of ${QUERIES} compiled; with data ${withData.compiled} of ${withData.total}; fallback reasons: ${[...reasons].join('; ')}`);
    expect(withData.compiled / withData.total).toBeGreaterThan(0.9);
    expect(answeredBy.compiled).toBeGreaterThan(QUERIES / 2);
  }, 30 * 60_000);

  it('counts each fallback with its reason and says which path answered', async () => {
    const before = readPathCounts.reasons.get('output of the scalar JSON') ?? 0;
    const fallback = await ask('{ auditLog(first: 1) { nodes { oldRow } } }', {}, 'admin', 'compiled');
    expect(fallback.path).toBe('resolvers');
    expect(readPathCounts.reasons.get('output of the scalar JSON')).toBe(before + 1);
    const compiled = await ask('{ auditLog(first: 1) { nodes { id changedFields } } }', {}, 'admin', 'compiled');
    expect(compiled.path).toBe('compiled');
  });
});

/**
 * Every field of every type reachable from Query, selected alone (as an admin),
 * either compiles or is in this list with the reason it cannot.
 */
const FALLBACKS: Record<string, string> = {
  // Postgres prints jsonb with spaces after ":" and ","; the resolvers send compact JSON.
  'AuditLogEntry.oldRow': 'output of the scalar JSON',
  'AuditLogEntry.newRow': 'output of the scalar JSON',
};

describe('compiled reads: coverage of the schema', () => {
  it('compiles every field but the listed ones', () => {
    const query = schema.getQueryType()!;
    const context = { db: null, requestId: 'coverage', actor: { kind: 'user', id: TEAM.admin, email: null, role: 'admin', claims: {} } } as unknown as Context;
    // A path from the root to each object type: the selection that reaches it.
    const reach = new Map<string, (inner: string) => string>([[query.name, (inner) => inner]]);
    const queue: GraphQLObjectType[] = [query];
    while (queue.length) {
      const type = queue.shift()!;
      for (const field of Object.values(type.getFields())) {
        if (field.args.some((a) => a.type.toString().endsWith('!'))) continue;
        const named = getNamedType(field.type);
        const members = isUnionType(named) ? named.getTypes() : isObjectType(named) ? [named] : [];
        for (const member of members) {
          if (reach.has(member.name)) continue;
          const outer = reach.get(type.name)!;
          reach.set(member.name, (inner) => outer(`${field.name} { ${isUnionType(named) ? `... on ${member.name} { ${inner} }` : inner} }`));
          queue.push(member);
        }
      }
    }
    const missing: Record<string, string> = {};
    for (const [typeName, wrap] of reach) {
      if (typeName === query.name) continue;
      const type = schema.getType(typeName) as GraphQLObjectType;
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        const inner = isScalarType(named) || isEnumType(named) ? '' : isUnionType(named) ? ' { __typename }' : ' { __typename }';
        const document = parse(`{ ${wrap(`${field.name}${inner}`)} }`);
        try {
          compileOperation(context, schema, document, getOperationAST(document)!, {});
        } catch (error) {
          if (!(error instanceof NotCompilable)) throw error;
          missing[`${typeName}.${field.name}`] = error.reason;
        }
      }
    }
    expect(missing).toEqual(FALLBACKS);
  });
});
