// What kind of operation a GraphQL request asks for, before Apollo runs it: a
// mutation (or anything we cannot tell) runs in a transaction. Parsed documents
// are cached by text, as clients send the same few documents again and again.
import { Kind, parse, type DocumentNode } from 'graphql';

const MAX_CACHED = 500;
const documents = new Map<string, DocumentNode | null>();

function parsed(query: string, maxTokens: number): DocumentNode | null {
  let document = documents.get(query);
  if (document === undefined) {
    try {
      document = parse(query, { maxTokens, noLocation: true });
    } catch {
      document = null;
    }
    if (documents.size >= MAX_CACHED) documents.delete(documents.keys().next().value!);
    documents.set(query, document);
  }
  return document;
}

/**
 * The operation a request asks for: its kind — 'query', 'mutation' or
 * 'subscription'; 'unknown' when the document does not parse or does not say
 * (Apollo answers those with an error, and the caller treats them like
 * mutations, to be safe) — and its name, if it has one.
 */
export function operationOf(query: unknown, operationName: unknown, maxTokens: number): { kind: 'query' | 'mutation' | 'subscription' | 'unknown'; name?: string } {
  if (typeof query !== 'string') return { kind: 'unknown' };
  const document = parsed(query, maxTokens);
  if (!document) return { kind: 'unknown' };
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation =
    typeof operationName === 'string' && operationName
      ? operations.find((o) => o.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  return operation ? { kind: operation.operation, name: operation.name?.value } : { kind: 'unknown' };
}
