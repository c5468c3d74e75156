// `npm run db:seed` (and the embedded database's first start): writes the demo
// data of seed-data.ts. Idempotent: rows are inserted by fixed id with
// skipDuplicates and primary contacts only set where none is, so a second run
// writes nothing.
import type { PrismaClient } from '../generated/prisma/client';
import { buildSeedData } from './seed-data';

export type SeedSummary = Record<string, { total: number; created: number }>;

export async function seedDemoData(prisma: PrismaClient, progress: (line: string) => void = () => {}): Promise<SeedSummary> {
  const data = buildSeedData();
  const summary: SeedSummary = {};
  const report = (table: string, total: number, created: number) => {
    summary[table] = { total, created };
    progress(`  ${table.padEnd(17)} ${String(total).padStart(4)} (${created} new)`);
  };
  // Each createMany is one INSERT ... ON CONFLICT DO NOTHING; the casts hand
  // Prisma the plain objects of seed-data.ts.
  const insert = async (table: string, rows: Record<string, unknown>[], create: (args: { data: never; skipDuplicates: true }) => Promise<{ count: number }>) => {
    const { count } = await create({ data: rows as never, skipDuplicates: true });
    report(table, rows.length, count);
  };

  await prisma.$transaction(
    async (tx) => {
      await insert('services', data.services, (a) => tx.service.createMany(a));
      await insert('companies', data.companies, (a) => tx.company.createMany(a));
      await insert('contacts', data.contacts, (a) => tx.contact.createMany(a));
      let linked = 0;
      for (const { companyId, contactId } of data.primaryContacts) {
        linked += (await tx.company.updateMany({ where: { id: companyId, primaryContactId: null }, data: { primaryContactId: contactId } })).count;
      }
      report('primary contacts', data.primaryContacts.length, linked);
      await insert('projects', data.projects, (a) => tx.project.createMany(a));
      await insert('project_services', data.projectServices, (a) => tx.projectService.createMany(a));
      await insert('integrations', data.integrations, (a) => tx.integration.createMany(a));
      await insert('invoices', data.invoices, (a) => tx.invoice.createMany(a));
      await insert('meetings', data.meetings, (a) => tx.meeting.createMany(a));
      await insert('support_tickets', data.supportTickets, (a) => tx.supportTicket.createMany(a));
      await insert('notes', data.notes, (a) => tx.note.createMany(a));
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return summary;
}
