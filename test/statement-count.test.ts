// No N+1, anywhere: a request's SQL statements depend on the shape of the query,
// never on the number of rows; compiled, they are one per root field. Each dashboard query and a 3-level nested query
// (companies → projects → integrations and services, with filters and totalCount
// at each level, plus the computed fields and notes) runs on a small dataset and
// on one ten times larger; the counts must be equal, and within the budget below.
import { generateDataset } from '../bench/dataset';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, type TestServer } from './helpers/http';

/** Statements of every signed-in request's transaction: BEGIN, the role/claims settings, COMMIT. */
const TRANSACTION = 3;

/** Compiled (src/graphql/compiled): one statement per root field, whatever it nests. */
const ROOT_FIELDS: Record<string, number> = {
  nested: 1,
  nestedWithComputedFieldsAndNotes: 1,
  activeClientsOverview: 1,
  monthlyRecurringRevenue: 1,
  pipelineValue: 1,
  overdueInvoices: 1,
  projectTimeline: 1,
  statusCounts: 1,
  revenueByMonth: 1,
  firstScreen: 7,
};

/**
 * The resolvers (the fallback, `x-read-path: resolvers`), per query, including the
 * transaction: a statement per level and relation, per grouped aggregate, per
 * dashboard source and per record relation of dashboard rows.
 */
const RESOLVER_BUDGET: Record<string, number> = {
  nested: TRANSACTION + 9,
  nestedWithComputedFieldsAndNotes: TRANSACTION + 11,
  activeClientsOverview: TRANSACTION + 3,
  monthlyRecurringRevenue: TRANSACTION + 4,
  pipelineValue: TRANSACTION + 2,
  overdueInvoices: TRANSACTION + 5,
  projectTimeline: TRANSACTION + 4,
  statusCounts: TRANSACTION + 5,
  revenueByMonth: TRANSACTION + 2,
  firstScreen: TRANSACTION + 24,
};

const QUERIES: Record<string, string> = {
  nested: `{
    companies(first: 50, filter: { status: { in: [ACTIVE, PROSPECT, INACTIVE, CHURNED] } }, orderBy: [{ companyName: ASC }]) {
      totalCount
      nodes {
        id companyName
        projects(first: 20, filter: { status: { ne: CANCELLED } }, orderBy: [{ monthlyFee: DESC }]) {
          totalCount
          nodes {
            id projectName monthlyFee
            integrations(first: 20, filter: { status: { in: [ACTIVE, TESTING] } }) { totalCount nodes { id toolName monthlyCost } }
            services(filter: { isActive: { eq: true } }) { totalCount nodes { id serviceName } }
          }
        }
      }
    }
  }`,
  nestedWithComputedFieldsAndNotes: `{
    companies(first: 50) {
      totalCount
      nodes {
        id openTicketCount outstandingBalance
        notes { totalCount nodes { id noteText related { __typename } } }
        primaryContact { fullName }
        contacts(first: 20) { totalCount nodes { fullName notes { totalCount } } }
        projects(first: 20) {
          totalCount
          nodes { monthlyMargin invoices(first: 10) { totalCount nodes { isOverdue daysOverdue status } } }
        }
      }
    }
  }`,
  activeClientsOverview: `{ activeClientsOverview { totalCount totalMrr clients { companyName mrr company { id status } } } }`,
  monthlyRecurringRevenue: `{ monthlyRecurringRevenue { totalTtd totalUsd byCompany { companyName mrrTtd mrrUsd company { id } } byProjectType { projectType mrrTtd } } }`,
  pipelineValue: `{ pipelineValue { firstYearValueTtd stages { stage recordCount firstYearValueTtd } } }`,
  overdueInvoices: `{ overdueInvoices { totalCount totalOwed invoices { invoiceNumber daysOverdue invoice { id status } company { companyName } project { projectName } } } }`,
  projectTimeline: `{ projectTimeline { totalCount rows { projectName status startDate goLiveDate project { id } company { companyName } } } }`,
  statusCounts: `{ statusCounts { contacts { status count } projects { status count } invoices { status count } supportTickets { status count } } }`,
  revenueByMonth: `{ revenueByMonth { totalTtd months { month revenueTtd invoiceCount } } }`,
};

// A dashboard's first screen is one request: all of them together.
QUERIES.firstScreen = `{
  activeClientsOverview { totalCount totalMrr clients { companyName company { id } } }
  monthlyRecurringRevenue { totalTtd byCompany { companyName company { id } } }
  pipelineValue { firstYearValueTtd }
  overdueInvoices { totalOwed invoices { invoiceNumber invoice { id } company { id } } }
  projectTimeline { rows { projectName project { id } company { id } } }
  statusCounts { invoices { status count } }
  revenueByMonth { totalTtd }
}`;

describe.each(testTargets())('SQL statements per request, small vs 10x data (%s)', (target) => {
  const scales = [1, 10] as const;
  const dbs: TestDatabase[] = [];
  const apis: TestServer[] = [];
  const counts: Record<string, number[]> = {};
  const resolverCounts: Record<string, number[]> = {};

  beforeAll(async () => {
    for (const scale of scales) {
      const db = await createTestDatabase(target, { seed: false });
      await generateDataset(db.prisma, { scale });
      dbs.push(db);
      apis.push(await startTestServer(db));
    }
    for (const [name, query] of Object.entries(QUERIES)) {
      counts[name] = [];
      resolverCounts[name] = [];
      for (const api of apis) {
        const res = await api.post(query);
        expect({ name, errors: res.body.errors, path: res.headers.get('x-read-path') }).toEqual({ name, errors: undefined, path: 'compiled' });
        counts[name]!.push(Number(res.headers.get('x-sql-statements')));
        const resolvers = await api.post(query, undefined, { 'x-read-path': 'resolvers' });
        resolverCounts[name]!.push(Number(resolvers.headers.get('x-sql-statements')));
      }
    }
  }, 300_000);

  afterAll(async () => {
    for (const api of apis) await api.stop();
    for (const db of dbs) await db.drop();
  });

  it('has 10x the rows in the larger database', async () => {
    const [small] = await dbs[0]!.sql<{ c: number; p: number; i: number }>(`SELECT (SELECT count(*) FROM companies)::int AS c, (SELECT count(*) FROM projects)::int AS p, (SELECT count(*) FROM integrations)::int AS i`);
    const [large] = await dbs[1]!.sql<{ c: number; p: number; i: number }>(`SELECT (SELECT count(*) FROM companies)::int AS c, (SELECT count(*) FROM projects)::int AS p, (SELECT count(*) FROM integrations)::int AS i`);
    expect(large).toEqual({ c: small!.c * 10, p: small!.p * 10, i: small!.i * 10 });
  });

  it.each(Object.keys(QUERIES))('%s: one statement per root field compiled, the same at both sizes either way', (name) => {
    expect({ name, counts: counts[name] }).toEqual({ name, counts: [TRANSACTION + ROOT_FIELDS[name]!, TRANSACTION + ROOT_FIELDS[name]!] });
    const [small, large] = resolverCounts[name]!;
    expect({ name, large }).toEqual({ name, large: small });
    expect(small).toBeLessThanOrEqual(RESOLVER_BUDGET[name]!);
  });

  it('returns more rows from the larger database for the same statements', async () => {
    const sizes: number[] = [];
    for (const api of apis) {
      const res = await api.post<{ companies: { totalCount: number } }>(QUERIES.nested!);
      sizes.push(res.body.data!.companies.totalCount);
    }
    expect(sizes[1]).toBe(sizes[0]! * 10);
  });
});
