// Typed operations shared by the suites (typed by `npm run codegen`).
import { graphql } from './generated';

export const CompanyTreeQuery = graphql(`
  query CompanyTree($id: UUID!) {
    company(id: $id) {
      id
      companyName
      status
      country
      totalRevenue
      monthlyRecurring
      contractEndDate
      primaryContact {
        id
        email
      }
      projects(first: 50) {
        totalCount
        nodes {
          id
          projectName
          status
          monthlyFee
          goLiveDate
          services {
            totalCount
            nodes {
              id
              serviceName
            }
          }
          integrations(first: 50) {
            totalCount
            nodes {
              id
              toolName
              status
              monthlyCost
            }
          }
        }
      }
    }
  }
`);

export const CompaniesPageQuery = graphql(`
  query CompaniesPage($first: Int, $after: String, $last: Int, $before: String) {
    companies(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          companyName
        }
      }
      nodes {
        id
      }
    }
  }
`);

export const NoteWithSubjectQuery = graphql(`
  query NotesWithSubjects($first: Int) {
    notes(first: $first) {
      totalCount
      nodes {
        id
        noteType
        relatedId
        related {
          __typename
          ... on Contact {
            id
            email
          }
          ... on Company {
            id
            companyName
          }
          ... on Project {
            id
            projectName
          }
        }
      }
    }
  }
`);
