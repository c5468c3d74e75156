// `npm run db:seed` (and the embedded database's first start): writes the demo
// data of seed-data.ts in one transaction, one INSERT ... ON CONFLICT DO NOTHING
// per table (createMany with skipDuplicates), parents before children.
// Idempotent: every row has a fixed id, and primary contacts are only set where
// none is, so a second run writes nothing and reports 0 new everywhere.
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { buildSeedData } from './seed-data';

export { SEED_IDS, TEAM, buildSeedData, seedIds, type SeedData } from './seed-data';

/** Per table: rows in the demo data, and how many of them this run inserted. */
export type SeedSummary = Record<string, { total: number; created: number }>;

export interface SeedOptions {
  /** The day the relative dates count from (default: now; only its UTC date matters). */
  today?: Date;
}

export async function seedDemoData(
  prisma: PrismaClient,
  progress: (line: string) => void = () => {},
  options: SeedOptions = {},
): Promise<SeedSummary> {
  const data = buildSeedData(options.today);
  const summary: SeedSummary = {};
  const report = (table: string, total: number, created: number) => {
    summary[table] = { total, created };
    progress(`  ${table.padEnd(28)} ${String(total).padStart(4)} (${created} new)`);
  };

  await prisma.$transaction(
    async (tx) => {
      const skipDuplicates = true;
      report('services', data.services.length, (await tx.service.createMany({ data: data.services, skipDuplicates })).count);
      report('companies', data.companies.length, (await tx.company.createMany({ data: data.companies, skipDuplicates })).count);
      report('contacts', data.contacts.length, (await tx.contact.createMany({ data: data.contacts, skipDuplicates })).count);
      // companies.primary_contact_id and contacts.company_id point at each other:
      // companies went in without one, and get it now, only where none is set
      // (a re-run, or a primary contact someone changed since, is left alone).
      const pairs = data.primaryContacts.map((p) => Prisma.sql`(${p.companyId}::uuid, ${p.contactId}::uuid)`);
      const linked = await tx.$executeRaw`
        UPDATE companies AS c SET primary_contact_id = v.contact_id
        FROM (VALUES ${Prisma.join(pairs)}) AS v (company_id, contact_id)
        WHERE c.id = v.company_id AND c.primary_contact_id IS NULL
          AND EXISTS (SELECT 1 FROM contacts WHERE id = v.contact_id)`;
      report('companies.primary_contact_id', data.primaryContacts.length, linked);
      report('projects', data.projects.length, (await tx.project.createMany({ data: data.projects, skipDuplicates })).count);
      report('project_services', data.projectServices.length, (await tx.projectService.createMany({ data: data.projectServices, skipDuplicates })).count);
      report('integrations', data.integrations.length, (await tx.integration.createMany({ data: data.integrations, skipDuplicates })).count);
      report('invoices', data.invoices.length, (await tx.invoice.createMany({ data: data.invoices, skipDuplicates })).count);
      report('meetings', data.meetings.length, (await tx.meeting.createMany({ data: data.meetings, skipDuplicates })).count);
      report('support_tickets', data.supportTickets.length, (await tx.supportTicket.createMany({ data: data.supportTickets, skipDuplicates })).count);
      report('notes', data.notes.length, (await tx.note.createMany({ data: data.notes, skipDuplicates })).count);
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return summary;
}
