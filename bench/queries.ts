// The benchmark's GraphQL documents: what dashboards actually ask for. Each is a
// scenario of `npm run bench` (`--scenario <name>`); a peer server measured later
// (`--compare`) is asked the same documents, adapted only where its names differ.

export interface Scenario {
  /** Command-line name. */
  name: string;
  /** One line for tables and RESULTS.md. */
  title: string;
  query: string;
  /**
   * The same request in PostGraphile v5's schema (bench/peer: simplify-inflection,
   * connection-filter, pg-aggregates), for `--compare`; see PEER_QUERIES.
   */
  peerQuery?: string;
}

/** Three levels: 50 companies, up to 20 projects each, their integrations and services. */
export const DASHBOARD_QUERY = /* GraphQL */ `
  query Dashboard {
    companies(first: 50) {
      totalCount
      nodes {
        id
        companyName
        status
        monthlyRecurring
        projects(first: 20) {
          totalCount
          nodes {
            id
            projectName
            status
            monthlyFee
            integrations(first: 20) {
              totalCount
              nodes { id toolName status monthlyCost }
            }
            services {
              totalCount
              nodes { id serviceName }
            }
          }
        }
      }
    }
  }
`;

/** The overdue-invoices dashboard: the total owed and the longest-overdue invoices. */
export const OVERDUE_INVOICES_QUERY = /* GraphQL */ `
  query OverdueInvoices {
    overdueInvoices {
      totalCount
      totalOwed
      invoices { invoiceNumber companyName amount daysOverdue }
    }
  }
`;

/** A filtered page of invoices ordered by a related field, then a column. */
export const INVOICES_PAGE_QUERY = /* GraphQL */ `
  query InvoicesPage {
    invoices(
      first: 50
      filter: { status: { in: [SENT, OVERDUE, PAID] }, amount: { gte: "500" } }
      orderBy: [{ company: { companyName: ASC } }, { dueDate: DESC }]
    ) {
      totalCount
      nodes { id invoiceNumber amount status dueDate company { companyName } }
    }
  }
`;

/** The dashboard's nesting with every project column (18 fields, ~210 KB): what a project board reads. */
export const NESTED_PROJECTS_QUERY = /* GraphQL */ `
  query NestedProjects {
    companies(first: 50) {
      totalCount
      nodes {
        id
        companyName
        status
        monthlyRecurring
        projects(first: 20) {
          totalCount
          nodes {
            id projectName projectType description status setupFee monthlyFee toolCosts startDate goLiveDate
            demoUrl productionUrl assignedTo priority estimatedHours actualHours createdAt updatedAt
            integrations(first: 20) {
              totalCount
              nodes { id toolName status monthlyCost }
            }
            services {
              totalCount
              nodes { id serviceName }
            }
          }
        }
      }
    }
  }
`;

/** A flat list with a to-one relation: 100 invoices filtered by status, newest due date first, with their company. */
export const INVOICES_100_QUERY = /* GraphQL */ `
  query Invoices100 {
    invoices(first: 100, filter: { status: { in: [SENT, OVERDUE, PAID] } }, orderBy: [{ dueDate: DESC }]) {
      totalCount
      nodes { id invoiceNumber amount status dueDate company { companyName } }
    }
  }
`;

// ---- the peer's documents (`npm run bench -- --compare`) ---------------------------
// PostGraphile v5 over the same database, adapted only where its names differ:
// - `id` is its global node id; the row's UUID is `rowId`;
// - enum values keep Postgres' spelling (`sent`, not `SENT`);
// - a project's services are its `projectServices` rows' `service` (no many-to-many
//   field without another plugin), ordered by service id as the API orders them;
// - `overdueInvoices` is the `overdue_invoices` view as a connection: the API's
//   default page (100) and order (days overdue, amount, invoice number) are given
//   explicitly, and the total owed is pg-aggregates' `sum { amount }`;
// - the connection-filter plugin spells `gte` as `greaterThanOrEqualTo`;
// - ordering by the company's name is COMPANY_NAME_ASC, which bench/peer/server.mjs
//   adds with graphile-utils' addPgTableOrderBy (a correlated subquery on
//   companies): PostGraphile has no ordering by a related table's column of its own.

export const PEER_DASHBOARD_QUERY = /* GraphQL */ `
  query Dashboard {
    companies(first: 50) {
      totalCount
      nodes {
        rowId
        companyName
        status
        monthlyRecurring
        projects(first: 20) {
          totalCount
          nodes {
            rowId
            projectName
            status
            monthlyFee
            integrations(first: 20) {
              totalCount
              nodes { rowId toolName status monthlyCost }
            }
            projectServices(orderBy: SERVICE_ID_ASC) {
              totalCount
              nodes { service { rowId serviceName } }
            }
          }
        }
      }
    }
  }
`;

export const PEER_OVERDUE_INVOICES_QUERY = /* GraphQL */ `
  query OverdueInvoices {
    overdueInvoices(first: 100, orderBy: [DAYS_OVERDUE_DESC, AMOUNT_DESC, INVOICE_NUMBER_ASC]) {
      totalCount
      aggregates { sum { amount } }
      nodes { invoiceNumber companyName amount daysOverdue }
    }
  }
`;

export const PEER_INVOICES_PAGE_QUERY = /* GraphQL */ `
  query InvoicesPage {
    invoices(
      first: 50
      filter: { status: { in: [sent, overdue, paid] }, amount: { greaterThanOrEqualTo: "500" } }
      orderBy: [COMPANY_NAME_ASC, DUE_DATE_DESC]
    ) {
      totalCount
      nodes { rowId invoiceNumber amount status dueDate company { companyName } }
    }
  }
`;

export const PEER_NESTED_PROJECTS_QUERY = /* GraphQL */ `
  query NestedProjects {
    companies(first: 50) {
      totalCount
      nodes {
        rowId
        companyName
        status
        monthlyRecurring
        projects(first: 20) {
          totalCount
          nodes {
            rowId projectName projectType description status setupFee monthlyFee toolCosts startDate goLiveDate
            demoUrl productionUrl assignedTo priority estimatedHours actualHours createdAt updatedAt
            integrations(first: 20) {
              totalCount
              nodes { rowId toolName status monthlyCost }
            }
            projectServices(orderBy: SERVICE_ID_ASC) {
              totalCount
              nodes { service { rowId serviceName } }
            }
          }
        }
      }
    }
  }
`;

export const PEER_INVOICES_100_QUERY = /* GraphQL */ `
  query Invoices100 {
    invoices(first: 100, filter: { status: { in: [sent, overdue, paid] } }, orderBy: [DUE_DATE_DESC, PRIMARY_KEY_ASC]) {
      totalCount
      nodes { rowId invoiceNumber amount status dueDate company { companyName } }
    }
  }
`;

export const SCENARIOS: readonly Scenario[] = [
  { name: 'dashboard', title: 'companies → projects → integrations + services (50 × 20 × 20)', query: DASHBOARD_QUERY, peerQuery: PEER_DASHBOARD_QUERY },
  { name: 'overdue-invoices', title: 'overdueInvoices: total owed and rows', query: OVERDUE_INVOICES_QUERY, peerQuery: PEER_OVERDUE_INVOICES_QUERY },
  { name: 'invoices-page', title: 'invoices: filtered, ordered by company name and due date, 50', query: INVOICES_PAGE_QUERY, peerQuery: PEER_INVOICES_PAGE_QUERY },
  {
    name: 'nested-projects',
    title: 'companies → projects (18 fields) → integrations + services (50 × 20 × 20)',
    query: NESTED_PROJECTS_QUERY,
    peerQuery: PEER_NESTED_PROJECTS_QUERY,
  },
  { name: 'invoices-100', title: 'invoices: 100 filtered by status, by due date, with company', query: INVOICES_100_QUERY, peerQuery: PEER_INVOICES_100_QUERY },
];
