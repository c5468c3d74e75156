// Document numbers (INV-2026-001, TKT-2026-014): the next of a kind and year comes
// from the database counter (app_private.next_document_number), inside the
// creating transaction, so numbers are unique and gap-free under concurrency and
// across API instances.
import type { Prisma } from '../generated/prisma/client';

const PREFIX = { invoice: 'INV', ticket: 'TKT' } as const;

export async function nextDocumentNumber(db: Prisma.TransactionClient, kind: keyof typeof PREFIX, year: number): Promise<string> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT app_private.next_document_number(${kind}, ${year}::int) AS n`;
  return `${PREFIX[kind]}-${year}-${String(row!.n).padStart(3, '0')}`;
}
