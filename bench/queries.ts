// The benchmark's GraphQL documents: what dashboards actually ask for. Each is a
// scenario of `npm run bench` (`--scenario <name>`); a peer server measured later
// (`--compare`) is asked the same documents, adapted only where its names differ.

export interface Scenario {
  /** Command-line name. */
  name: string;
  /** One line for tables and RESULTS.md. */
  title: string;
  query: string;
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

export const SCENARIOS: readonly Scenario[] = [
  { name: 'dashboard', title: 'companies → projects → integrations + services (50 × 20 × 20)', query: DASHBOARD_QUERY },
  { name: 'overdue-invoices', title: 'overdueInvoices: total owed and rows', query: OVERDUE_INVOICES_QUERY },
  { name: 'invoices-page', title: 'invoices: filtered, ordered by company name and due date, 50', query: INVOICES_PAGE_QUERY },
];
