// Who may do what (README, "Who may do what"), cell by cell through HTTP: for every
// caller × operation, an allowed call answers 200 and its write is in the
// database; a refused one answers 401 UNAUTHENTICATED (anonymous) or 403 FORBIDDEN
// and leaves every table as it was. Then private notes: only their author and
// admins see them, in lists, counts, relations and by id.
import { randomUUID } from 'node:crypto';
import { createApiKey } from '../src/auth/api-keys';
import { SEED_IDS } from '../src/db/seed-data';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { bearer, signToken, startTestServer, TEST_ADMIN_ID, TEST_MEMBER_ID, type TestServer } from './helpers/http';

type Caller = 'anonymous' | 'member' | 'admin' | 'readKey' | 'writeKey' | 'billingKey';
const CALLERS: Caller[] = ['anonymous', 'member', 'admin', 'readKey', 'writeKey', 'billingKey'];

// The README table's cells, by who is allowed.
const READERS: Caller[] = ['member', 'admin', 'readKey'];
const WRITERS: Caller[] = ['member', 'admin', 'writeKey'];
const REMOVERS: Caller[] = ['admin', 'writeKey'];
const BILLERS: Caller[] = ['admin', 'billingKey'];
const ADMINS: Caller[] = ['admin'];
const EVERYONE: Caller[] = CALLERS;

/** Another member, for notes written by someone else. */
const OTHER_MEMBER_ID = '9b2f3c1e-0000-4000-8000-00000000aa03';
const USER_ID: Partial<Record<Caller, string>> = { member: TEST_MEMBER_ID, admin: TEST_ADMIN_ID };

type Vars = Record<string, unknown>;
type Data = Record<string, any>;

interface Cell {
  /** The README column: an object type, a workflow group or the audit log. */
  column: string;
  /** The operation: read, create, update, delete or a workflow mutation's name. */
  op: string;
  allowed: readonly Caller[];
  query: string;
  /** The records the operation acts on, made fresh for each call; returns the variables. */
  prepare?: (caller: Caller) => Promise<Vars>;
  /** After an allowed call: what it read or wrote, checked in the database. */
  check: (data: Data, vars: Vars, caller: Caller) => Promise<void> | void;
}

const tag = () => randomUUID().slice(0, 8);
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe.each(testTargets())('authorization (%s)', (target) => {
  let db: TestDatabase;
  let api: TestServer;
  const headers = {} as Record<Caller, Record<string, string>>;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    api = await startTestServer(db);
    headers.anonymous = { authorization: '' };
    headers.member = bearer(await signToken({ sub: TEST_MEMBER_ID, role: 'member', email: 'member@aurum.tt' }));
    headers.admin = bearer(await signToken({ sub: TEST_ADMIN_ID, role: 'admin' }));
    headers.readKey = { 'x-api-key': (await createApiKey(db.prisma, 'read key', ['read'])).key };
    headers.writeKey = { 'x-api-key': (await createApiKey(db.prisma, 'write key', ['write'])).key };
    headers.billingKey = { 'x-api-key': (await createApiKey(db.prisma, 'billing key', ['billing'])).key };
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  // ---- fixtures, written in SQL as the owner --------------------------------------
  const one = async (text: string, params: unknown[] = []) => (await db.sql<{ id: string }>(text, params))[0]!.id;
  const row = async (table: string, id: string) => (await db.sql(`SELECT * FROM ${table} WHERE id = $1`, [id]))[0];
  const count = async (text: string, params: unknown[] = []) => (await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM (${text}) t`, params))[0]!.n;

  const fx = {
    contact: (status = 'lead') => one(`INSERT INTO contacts (first_name, email, status) VALUES ('Fixture', $1, $2::contact_status) RETURNING id`, [`fx-${tag()}@example.com`, status]),
    company: () => one(`INSERT INTO companies (company_name) VALUES ($1) RETURNING id`, [`Fixture ${tag()} Ltd`]),
    project: async (status = 'scoping') =>
      one(`INSERT INTO projects (company_id, project_name, status) VALUES ($1, $2, $3::project_status) RETURNING id`, [await fx.company(), `Fixture ${tag()}`, status]),
    service: () => one(`INSERT INTO services (service_name) VALUES ($1) RETURNING id`, [`Fixture ${tag()}`]),
    invoice: (status = 'draft') =>
      one(`INSERT INTO invoices (invoice_number, company_id, amount, status) VALUES ($1, $2, 100, $3::invoice_status) RETURNING id`, [
        `FX-${tag()}`,
        SEED_IDS.companyWithoutProjects,
        status,
      ]),
    meeting: () =>
      one(`INSERT INTO meetings (contact_id, title, scheduled_at) VALUES ($1, 'Fixture call', now() + interval '7 days') RETURNING id`, [SEED_IDS.primaryContact]),
    ticket: (status = 'open') =>
      one(
        `INSERT INTO support_tickets (ticket_number, company_id, subject, status, resolved_at)
         VALUES ($1, $2, 'Fixture issue', $3::ticket_status, CASE WHEN $3 IN ('resolved', 'closed') THEN now() END) RETURNING id`,
        [`FXT-${tag()}`, SEED_IDS.companyWithLiveProjects, status],
      ),
    integration: async () => one(`INSERT INTO integrations (project_id, tool_name) VALUES ($1, 'Fixture tool') RETURNING id`, [await fx.project()]),
    note: (createdBy: string | null, isPrivate = false, companyId?: string) =>
      one(
        `INSERT INTO notes (note_type, related_id, note_text, created_by, is_private) VALUES ($1::note_type, $2, $3, $4, $5) RETURNING id`,
        [companyId ? 'company' : 'general', companyId ?? null, `Fixture note ${tag()}`, createdBy, isPrivate],
      ),
    link: async () => {
      const projectId = await fx.project();
      await db.sql(`INSERT INTO project_services (project_id, service_id) VALUES ($1, $2)`, [projectId, SEED_IDS.chatbotService]);
      return projectId;
    },
  };
  const firstId = (table: string) => one(`SELECT id FROM ${table} ORDER BY id LIMIT 1`);
  const linked = (projectId: string) => count(`SELECT 1 FROM project_services WHERE project_id = $1 AND service_id = $2`, [projectId, SEED_IDS.chatbotService]);

  // ---- the table ---------------------------------------------------------------------
  const read = (column: string, query: string, prepare: () => Promise<Vars>, check: Cell['check']): Cell => ({ column, op: 'read', allowed: READERS, query, prepare, check });
  const deleted = (table: string) => async (_data: Data, vars: Vars) => expect(await row(table, vars.id as string)).toBeUndefined();

  const CELLS: Cell[] = [
    // Contact
    read(
      'Contact',
      'query($id: UUID!, $email: EmailAddress!) { contacts(first: 1) { totalCount nodes { id } } contact(id: $id) { id } contactByEmail(email: $email) { id } }',
      async () => ({ id: SEED_IDS.primaryContact, email: (await row('contacts', SEED_IDS.primaryContact))!.email }),
      (data, vars) => expect([data.contact.id, data.contactByEmail.id, data.contacts.totalCount > 0]).toEqual([vars.id, vars.id, true]),
    ),
    {
      column: 'Contact',
      op: 'create',
      allowed: WRITERS,
      query: 'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
      prepare: async () => ({ input: { firstName: 'Created', email: `created-${tag()}@example.com` } }),
      check: async (data, vars) => expect((await row('contacts', data.createContact.id))!.email).toBe((vars.input as Vars).email),
    },
    {
      column: 'Contact',
      op: 'update',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { updateContact(id: $id, input: { lastName: "Updated" }) { id } }',
      prepare: async () => ({ id: await fx.contact() }),
      check: async (_data, vars) => expect((await row('contacts', vars.id as string))!.last_name).toBe('Updated'),
    },
    {
      column: 'Contact',
      op: 'delete',
      allowed: REMOVERS,
      query: 'mutation($id: UUID!) { deleteContact(id: $id) { id } }',
      prepare: async () => ({ id: await fx.contact() }),
      check: deleted('contacts'),
    },
    // Company
    read(
      'Company',
      'query($id: UUID!) { companies(first: 1) { totalCount } company(id: $id) { id } }',
      async () => ({ id: SEED_IDS.companyWithLiveProjects }),
      (data, vars) => expect(data.company.id).toBe(vars.id),
    ),
    {
      column: 'Company',
      op: 'create',
      allowed: WRITERS,
      query: 'mutation($input: CreateCompanyInput!) { createCompany(input: $input) { id } }',
      prepare: async () => ({ input: { companyName: `Created ${tag()} Ltd` } }),
      check: async (data, vars) => expect((await row('companies', data.createCompany.id))!.company_name).toBe((vars.input as Vars).companyName),
    },
    {
      column: 'Company',
      op: 'update',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { updateCompany(id: $id, input: { city: "San Fernando" }) { id } }',
      prepare: async () => ({ id: await fx.company() }),
      check: async (_data, vars) => expect((await row('companies', vars.id as string))!.city).toBe('San Fernando'),
    },
    {
      column: 'Company',
      op: 'delete',
      allowed: REMOVERS,
      query: 'mutation($id: UUID!) { deleteCompany(id: $id) { id } }',
      prepare: async () => ({ id: await fx.company() }),
      check: deleted('companies'),
    },
    // Project
    read(
      'Project',
      'query($id: UUID!) { projects(first: 1) { totalCount } project(id: $id) { id } }',
      async () => ({ id: SEED_IDS.liveProject }),
      (data, vars) => expect(data.project.id).toBe(vars.id),
    ),
    {
      column: 'Project',
      op: 'create',
      allowed: WRITERS,
      query: 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      prepare: async () => ({ input: { companyId: await fx.company(), projectName: 'Created project', monthlyFee: '450' } }),
      check: async (data) => expect((await row('projects', data.createProject.id))!.monthly_fee).toBe('450.00'),
    },
    {
      column: 'Project',
      op: 'update',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { updateProject(id: $id, input: { setupFee: "1234.50" }) { id } }',
      prepare: async () => ({ id: await fx.project() }),
      check: async (_data, vars) => expect((await row('projects', vars.id as string))!.setup_fee).toBe('1234.50'),
    },
    {
      column: 'Project',
      op: 'delete',
      allowed: REMOVERS,
      query: 'mutation($id: UUID!) { deleteProject(id: $id) { id } }',
      prepare: async () => ({ id: await fx.project() }),
      check: deleted('projects'),
    },
    // Service (the catalog)
    read(
      'Service',
      'query($id: UUID!) { services(first: 1) { totalCount } service(id: $id) { id } }',
      async () => ({ id: SEED_IDS.chatbotService }),
      (data, vars) => expect(data.service.id).toBe(vars.id),
    ),
    {
      column: 'Service',
      op: 'create',
      allowed: BILLERS,
      query: 'mutation($input: CreateServiceInput!) { createService(input: $input) { id } }',
      prepare: async () => ({ input: { serviceName: `Created ${tag()}` } }),
      check: async (data, vars) => expect((await row('services', data.createService.id))!.service_name).toBe((vars.input as Vars).serviceName),
    },
    {
      column: 'Service',
      op: 'update',
      allowed: BILLERS,
      query: 'mutation($id: UUID!) { updateService(id: $id, input: { baseMonthlyFeeMin: "99" }) { id } }',
      prepare: async () => ({ id: await fx.service() }),
      check: async (_data, vars) => expect((await row('services', vars.id as string))!.base_monthly_fee_min).toBe('99.00'),
    },
    {
      column: 'Service',
      op: 'delete',
      allowed: BILLERS,
      query: 'mutation($id: UUID!) { deleteService(id: $id) { id } }',
      prepare: async () => ({ id: await fx.service() }),
      check: deleted('services'),
    },
    // Invoice
    read(
      'Invoice',
      'query($id: UUID!, $number: String!) { invoices(first: 1) { totalCount } invoice(id: $id) { id } invoiceByNumber(invoiceNumber: $number) { id } }',
      async () => ({ id: SEED_IDS.overdueInvoice, number: (await row('invoices', SEED_IDS.overdueInvoice))!.invoice_number }),
      (data, vars) => expect([data.invoice.id, data.invoiceByNumber.id]).toEqual([vars.id, vars.id]),
    ),
    {
      column: 'Invoice',
      op: 'create',
      allowed: BILLERS,
      query: 'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }',
      prepare: async () => ({ input: { companyId: SEED_IDS.companyWithoutProjects, amount: '321.00' } }),
      check: async (data) => expect((await row('invoices', data.createInvoice.id))!).toMatchObject({ amount: '321.00', status: 'draft' }),
    },
    {
      column: 'Invoice',
      op: 'update',
      allowed: BILLERS,
      query: 'mutation($id: UUID!) { updateInvoice(id: $id, input: { amount: "150.25" }) { id } }',
      prepare: async () => ({ id: await fx.invoice() }),
      check: async (_data, vars) => expect((await row('invoices', vars.id as string))!.amount).toBe('150.25'),
    },
    {
      column: 'Invoice',
      op: 'delete',
      allowed: BILLERS,
      query: 'mutation($id: UUID!) { deleteInvoice(id: $id) { id } }',
      prepare: async () => ({ id: await fx.invoice() }),
      check: deleted('invoices'),
    },
    // Meeting
    read(
      'Meeting',
      'query($id: UUID!) { meetings(first: 1) { totalCount } meeting(id: $id) { id } }',
      async () => ({ id: await firstId('meetings') }),
      (data, vars) => expect(data.meeting.id).toBe(vars.id),
    ),
    {
      column: 'Meeting',
      op: 'create',
      allowed: WRITERS,
      query: 'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
      prepare: async () => ({ input: { contactId: SEED_IDS.primaryContact, title: `Created ${tag()}`, scheduledAt: future(3) } }),
      check: async (data, vars) => expect((await row('meetings', data.createMeeting.id))!.title).toBe((vars.input as Vars).title),
    },
    {
      column: 'Meeting',
      op: 'update',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { updateMeeting(id: $id, input: { title: "Updated call" }) { id } }',
      prepare: async () => ({ id: await fx.meeting() }),
      check: async (_data, vars) => expect((await row('meetings', vars.id as string))!.title).toBe('Updated call'),
    },
    {
      column: 'Meeting',
      op: 'delete',
      allowed: REMOVERS,
      query: 'mutation($id: UUID!) { deleteMeeting(id: $id) { id } }',
      prepare: async () => ({ id: await fx.meeting() }),
      check: deleted('meetings'),
    },
    // SupportTicket
    read(
      'SupportTicket',
      'query($id: UUID!, $number: String!) { supportTickets(first: 1) { totalCount } supportTicket(id: $id) { id } supportTicketByNumber(ticketNumber: $number) { id } }',
      async () => ({ id: SEED_IDS.openTicket, number: (await row('support_tickets', SEED_IDS.openTicket))!.ticket_number }),
      (data, vars) => expect([data.supportTicket.id, data.supportTicketByNumber.id]).toEqual([vars.id, vars.id]),
    ),
    {
      column: 'SupportTicket',
      op: 'create',
      allowed: WRITERS,
      query: 'mutation($input: CreateSupportTicketInput!) { createSupportTicket(input: $input) { id } }',
      prepare: async () => ({ input: { companyId: SEED_IDS.companyWithLiveProjects, subject: `Created ${tag()}` } }),
      check: async (data, vars) => expect((await row('support_tickets', data.createSupportTicket.id))!.subject).toBe((vars.input as Vars).subject),
    },
    {
      column: 'SupportTicket',
      op: 'update',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { updateSupportTicket(id: $id, input: { priority: URGENT }) { id } }',
      prepare: async () => ({ id: await fx.ticket() }),
      check: async (_data, vars) => expect((await row('support_tickets', vars.id as string))!.priority).toBe('urgent'),
    },
    {
      column: 'SupportTicket',
      op: 'delete',
      allowed: REMOVERS,
      query: 'mutation($id: UUID!) { deleteSupportTicket(id: $id) { id } }',
      prepare: async () => ({ id: await fx.ticket() }),
      check: deleted('support_tickets'),
    },
    // Integration
    read(
      'Integration',
      'query($id: UUID!) { integrations(first: 1) { totalCount } integration(id: $id) { id } }',
      async () => ({ id: await firstId('integrations') }),
      (data, vars) => expect(data.integration.id).toBe(vars.id),
    ),
    {
      column: 'Integration',
      op: 'create',
      allowed: WRITERS,
      query: 'mutation($input: CreateIntegrationInput!) { createIntegration(input: $input) { id } }',
      prepare: async () => ({ input: { projectId: await fx.project(), toolName: 'Zapier', monthlyCost: '20' } }),
      check: async (data) => expect((await row('integrations', data.createIntegration.id))!).toMatchObject({ tool_name: 'Zapier', monthly_cost: '20.00' }),
    },
    {
      column: 'Integration',
      op: 'update',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { updateIntegration(id: $id, input: { monthlyCost: "35.50" }) { id } }',
      prepare: async () => ({ id: await fx.integration() }),
      check: async (_data, vars) => expect((await row('integrations', vars.id as string))!.monthly_cost).toBe('35.50'),
    },
    {
      column: 'Integration',
      op: 'delete',
      allowed: REMOVERS,
      query: 'mutation($id: UUID!) { deleteIntegration(id: $id) { id } }',
      prepare: async () => ({ id: await fx.integration() }),
      check: deleted('integrations'),
    },
    // Note (public notes here; private ones below)
    read(
      'Note',
      'query($id: UUID!) { notes(first: 1) { totalCount } note(id: $id) { id } }',
      async () => ({ id: SEED_IDS.generalNote }),
      (data, vars) => expect(data.note.id).toBe(vars.id),
    ),
    {
      column: 'Note',
      op: 'create',
      allowed: WRITERS,
      query: 'mutation($input: CreateNoteInput!) { createNote(input: $input) { id } }',
      prepare: async () => ({ input: { noteText: `Created ${tag()}` } }),
      check: async (data, vars, caller) =>
        expect((await row('notes', data.createNote.id))!).toMatchObject({ note_text: (vars.input as Vars).noteText, created_by: USER_ID[caller] ?? null }),
    },
    {
      column: 'Note',
      op: 'update',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { updateNote(id: $id, input: { noteText: "Updated note" }) { id } }',
      // A person's own note; automation tools write unauthored notes.
      prepare: async (caller) => ({ id: await fx.note(USER_ID[caller] ?? null) }),
      check: async (_data, vars) => expect((await row('notes', vars.id as string))!.note_text).toBe('Updated note'),
    },
    {
      column: 'Note',
      op: 'delete',
      allowed: REMOVERS,
      query: 'mutation($id: UUID!) { deleteNote(id: $id) { id } }',
      prepare: async (caller) => ({ id: await fx.note(USER_ID[caller] ?? null) }),
      check: deleted('notes'),
    },
    // ProjectService links (Project.services / Service.projects)
    read(
      'ProjectService',
      'query($project: UUID!, $service: UUID!) { project(id: $project) { services { totalCount } } service(id: $service) { projects { totalCount } } }',
      async () => ({ project: SEED_IDS.liveProject, service: SEED_IDS.chatbotService }),
      (data) => expect([data.project.services.totalCount > 0, data.service.projects.totalCount > 0]).toEqual([true, true]),
    ),
    {
      column: 'ProjectService',
      op: 'create',
      allowed: WRITERS,
      query: 'mutation($projectId: UUID!, $serviceId: UUID!) { addServiceToProject(projectId: $projectId, serviceId: $serviceId) { id } }',
      prepare: async () => ({ projectId: await fx.project(), serviceId: SEED_IDS.chatbotService }),
      check: async (_data, vars) => expect(await linked(vars.projectId as string)).toBe(1),
    },
    {
      column: 'ProjectService',
      op: 'delete',
      allowed: REMOVERS,
      query: 'mutation($projectId: UUID!, $serviceId: UUID!) { removeServiceFromProject(projectId: $projectId, serviceId: $serviceId) { id } }',
      prepare: async () => ({ projectId: await fx.link(), serviceId: SEED_IDS.chatbotService }),
      check: async (_data, vars) => expect(await linked(vars.projectId as string)).toBe(0),
    },
    // The audit log (written by the database only: no create, update or delete)
    {
      column: 'audit log',
      op: 'read',
      allowed: ADMINS,
      query: '{ auditLog(first: 1) { totalCount nodes { id tableName } } }',
      check: (data) => expect(data.auditLog.totalCount).toBeGreaterThan(0),
    },
    // Dashboards (the views)
    {
      column: 'dashboards',
      op: 'read',
      allowed: READERS,
      query: `{ activeClientsOverview { __typename } monthlyRecurringRevenue { __typename } pipelineValue { __typename } overdueInvoices { __typename }
              projectTimeline { __typename } revenueByMonth { __typename } statusCounts { __typename } }`,
      check: (data) => expect(Object.keys(data)).toHaveLength(7),
    },
    // Contact workflows
    {
      column: 'contact workflows',
      op: 'upsertContact',
      allowed: WRITERS,
      query: 'mutation($input: UpsertContactInput!) { upsertContact(input: $input) { created } }',
      prepare: async () => ({ input: { email: `upsert-${tag()}@example.com`, firstName: 'Upserted' } }),
      check: async (data, vars) => {
        expect(data.upsertContact.created).toBe(true);
        expect(await count(`SELECT 1 FROM contacts WHERE email = $1`, [(vars.input as Vars).email])).toBe(1);
      },
    },
    {
      column: 'contact workflows',
      op: 'upsertContacts',
      allowed: WRITERS,
      query: 'mutation($input: UpsertContactsInput!) { upsertContacts(input: $input) { created errors { message } } }',
      prepare: async () => ({ input: { contacts: [{ email: `batch-${tag()}@example.com`, firstName: 'Batched' }] } }),
      check: async (data, vars) => {
        expect(data.upsertContacts).toEqual([{ created: true, errors: [] }]);
        expect(await count(`SELECT 1 FROM contacts WHERE email = $1`, [((vars.input as Vars).contacts as Vars[])[0]!.email])).toBe(1);
      },
    },
    {
      column: 'contact workflows',
      op: 'convertLead',
      allowed: WRITERS,
      query: 'mutation($input: ConvertLeadInput!) { convertLead(input: $input) { id } }',
      prepare: async () => ({ input: { contactId: await fx.contact(), companyName: `Converted ${tag()} Ltd` } }),
      check: async (_data, vars) => {
        const contact = (await row('contacts', (vars.input as Vars).contactId as string))!;
        expect(contact.status).toBe('converted');
        expect((await row('companies', contact.company_id as string))!.company_name).toBe((vars.input as Vars).companyName);
      },
    },
    // Billing workflows
    {
      column: 'billing workflows',
      op: 'sendInvoice',
      allowed: BILLERS,
      query: 'mutation($id: UUID!) { sendInvoice(id: $id) { id } }',
      prepare: async () => ({ id: await fx.invoice() }),
      check: async (_data, vars) => expect((await row('invoices', vars.id as string))!.status).toBe('sent'),
    },
    {
      column: 'billing workflows',
      op: 'markInvoicePaid',
      allowed: BILLERS,
      query: 'mutation($id: UUID!) { markInvoicePaid(id: $id) { id } }',
      prepare: async () => ({ id: await fx.invoice('sent') }),
      check: async (_data, vars) => expect((await row('invoices', vars.id as string))!.status).toBe('paid'),
    },
    {
      column: 'billing workflows',
      op: 'cancelInvoice',
      allowed: BILLERS,
      query: 'mutation($id: UUID!) { cancelInvoice(id: $id, input: { reason: "Issued twice" }) { id } }',
      prepare: async () => ({ id: await fx.invoice('sent') }),
      check: async (_data, vars) => expect((await row('invoices', vars.id as string))!.status).toBe('cancelled'),
    },
    // Meeting, project and ticket workflows
    {
      column: 'meeting/project/ticket workflows',
      op: 'scheduleMeeting',
      allowed: WRITERS,
      query: 'mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }',
      prepare: async () => ({ input: { contactId: SEED_IDS.primaryContact, title: `Scheduled ${tag()}`, scheduledAt: future(5) } }),
      check: async (data) => expect((await row('meetings', data.scheduleMeeting.id))!.status).toBe('scheduled'),
    },
    {
      column: 'meeting/project/ticket workflows',
      op: 'completeMeeting',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { completeMeeting(id: $id, input: { outcome: "Wants a demo" }) { id } }',
      prepare: async () => ({ id: await fx.meeting() }),
      check: async (_data, vars) => expect((await row('meetings', vars.id as string))!).toMatchObject({ status: 'completed', outcome: 'Wants a demo' }),
    },
    {
      column: 'meeting/project/ticket workflows',
      op: 'cancelMeeting',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { cancelMeeting(id: $id) { id } }',
      prepare: async () => ({ id: await fx.meeting() }),
      check: async (_data, vars) => expect((await row('meetings', vars.id as string))!.status).toBe('cancelled'),
    },
    {
      column: 'meeting/project/ticket workflows',
      op: 'markMeetingNoShow',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { markMeetingNoShow(id: $id) { id } }',
      prepare: async () => ({ id: await fx.meeting() }),
      check: async (_data, vars) => expect((await row('meetings', vars.id as string))!.status).toBe('no_show'),
    },
    {
      column: 'meeting/project/ticket workflows',
      op: 'rescheduleMeeting',
      allowed: WRITERS,
      query: 'mutation($id: UUID!, $at: DateTime!) { rescheduleMeeting(id: $id, input: { scheduledAt: $at }) { id } }',
      prepare: async () => ({ id: await fx.meeting(), at: future(14) }),
      check: async (_data, vars) => expect(((await row('meetings', vars.id as string))!.scheduled_at as Date).toISOString()).toBe(vars.at),
    },
    {
      column: 'meeting/project/ticket workflows',
      op: 'changeProjectStatus',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { changeProjectStatus(id: $id, input: { status: DEMO }) { id } }',
      prepare: async () => ({ id: await fx.project() }),
      check: async (_data, vars) => expect((await row('projects', vars.id as string))!.status).toBe('demo'),
    },
    {
      column: 'meeting/project/ticket workflows',
      op: 'openSupportTicket',
      allowed: WRITERS,
      query: 'mutation($input: CreateSupportTicketInput!) { openSupportTicket(input: $input) { id } }',
      prepare: async () => ({ input: { companyId: SEED_IDS.companyWithLiveProjects, subject: `Opened ${tag()}` } }),
      check: async (data) => expect((await row('support_tickets', data.openSupportTicket.id))!.status).toBe('open'),
    },
    {
      column: 'meeting/project/ticket workflows',
      op: 'resolveSupportTicket',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { resolveSupportTicket(id: $id, input: { resolution: "Fixed" }) { id } }',
      prepare: async () => ({ id: await fx.ticket() }),
      check: async (_data, vars) => expect((await row('support_tickets', vars.id as string))!.status).toBe('resolved'),
    },
    {
      column: 'meeting/project/ticket workflows',
      op: 'reopenSupportTicket',
      allowed: WRITERS,
      query: 'mutation($id: UUID!) { reopenSupportTicket(id: $id) { id } }',
      prepare: async () => ({ id: await fx.ticket('resolved') }),
      check: async (_data, vars) => expect((await row('support_tickets', vars.id as string))!.status).toBe('open'),
    },
    {
      column: 'meeting/project/ticket workflows',
      op: 'addNote',
      allowed: WRITERS,
      query: 'mutation($input: AddNoteInput!) { addNote(input: $input) { id } }',
      prepare: async () => ({ input: { companyId: SEED_IDS.companyWithLiveProjects, noteText: `Added ${tag()}` } }),
      check: async (data, _vars, caller) => expect((await row('notes', data.addNote.id))!).toMatchObject({ note_type: 'company', created_by: USER_ID[caller] ?? null }),
    },
    // The website form
    {
      column: 'submitContactForm',
      op: 'submitContactForm',
      allowed: EVERYONE,
      query: 'mutation($input: SubmitContactFormInput!) { submitContactForm(input: $input) { received contact { id } } }',
      prepare: async () => ({ input: { firstName: 'Web', email: `form-${tag()}@example.com`, message: 'Please call me' } }),
      check: async (data, vars, caller) => {
        const stored = await db.sql<{ id: string; status: string }>(`SELECT id, status FROM contacts WHERE email = $1`, [(vars.input as Vars).email]);
        expect(stored).toEqual([{ id: expect.any(String), status: 'lead' }]);
        // The receipt names the contact only to callers who may read contacts.
        expect(data.submitContactForm).toEqual({ received: true, contact: READERS.includes(caller) ? { id: stored[0]!.id } : null });
      },
    },
  ];

  it('covers every mutation and every root query field of the schema', async () => {
    const { schema } = await import('../src/graphql/schema');
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    const covered = new Set(CELLS.flatMap((c) => [...c.query.matchAll(/\b(\w+)\s*\(/g)].map((m) => m[1]!)));
    expect(mutations.filter((m) => !covered.has(m))).toEqual([]);
    const queries = Object.keys(schema.getQueryType()!.getFields());
    const read = new Set(CELLS.flatMap((c) => [...c.query.matchAll(/\b(\w+)\s*[({]/g)].map((m) => m[1]!)));
    expect(queries.filter((q) => !read.has(q))).toEqual([]);
  });

  describe.each(CELLS.map((cell) => [`${cell.column}: ${cell.op}`, cell] as const))('%s', (_name, cell) => {
    it.each(CALLERS.map((caller) => [caller, cell.allowed.includes(caller) ? 'allowed' : 'refused'] as const))('%s: %s', async (caller, outcome) => {
      const vars = (await cell.prepare?.(caller)) ?? {};
      if (outcome === 'allowed') {
        const res = await api.post(cell.query, vars, headers[caller]);
        expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
        await cell.check(res.body.data as Data, vars, caller);
        return;
      }
      const before = await db.checksums();
      const res = await api.post(cell.query, vars, headers[caller]);
      const code = caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect({ status: res.status, codes: [...new Set(res.body.errors?.map((e) => e.extensions?.code))] }).toEqual({
        status: caller === 'anonymous' ? 401 : 403,
        codes: [code],
      });
      // No data: null, or null for every (nullable) root field.
      expect(Object.values(res.body.data ?? {}).filter((value) => value !== null)).toEqual([]);
      expect(await db.checksums()).toEqual(before);
    });
  });

  describe('private notes', () => {
    let companyId: string;
    const notes = {} as Record<'publicByAdmin' | 'unauthored' | 'privateByMember' | 'privateByOther' | 'privateByAdmin', string>;
    const other = () => signToken({ sub: OTHER_MEMBER_ID, role: 'member', email: 'other@aurum.tt' }).then(bearer);

    beforeAll(async () => {
      companyId = await fx.company();
      notes.publicByAdmin = await fx.note(TEST_ADMIN_ID, false, companyId);
      notes.unauthored = await fx.note(null, false, companyId);
      notes.privateByMember = await fx.note(TEST_MEMBER_ID, true, companyId);
      notes.privateByOther = await fx.note(OTHER_MEMBER_ID, true, companyId);
      notes.privateByAdmin = await fx.note(TEST_ADMIN_ID, true, companyId);
    });

    const ON_COMPANY = `query($company: UUID!) {
      notes(filter: { relatedId: { eq: $company } }, orderBy: [{ id: ASC }]) { totalCount nodes { id } }
      company(id: $company) { notes(orderBy: [{ id: ASC }]) { totalCount nodes { id } } }
    }`;
    const sorted = (ids: string[]) => [...ids].sort();

    async function visibleOnCompany(who: Record<string, string>) {
      const data = await api.runOk<Data, Vars>(ON_COMPANY as never, { company: companyId }, who);
      const list = data.notes.nodes.map((n: { id: string }) => n.id);
      const related = data.company.notes.nodes.map((n: { id: string }) => n.id);
      expect(data.notes.totalCount).toBe(list.length);
      expect(data.company.notes.totalCount).toBe(related.length);
      expect(related).toEqual(list);
      return sorted(list);
    }
    async function byId(who: Record<string, string>): Promise<string[]> {
      const seen: string[] = [];
      for (const id of Object.values(notes)) {
        const data = await api.runOk<Data, Vars>('query($id: UUID!) { note(id: $id) { id } }' as never, { id }, who);
        if (data.note) seen.push(data.note.id);
      }
      return sorted(seen);
    }

    it('a member sees public notes and their own private notes, not other people\'s', async () => {
      const expected = sorted([notes.publicByAdmin, notes.unauthored, notes.privateByMember]);
      expect(await visibleOnCompany(headers.member)).toEqual(expected);
      expect(await byId(headers.member)).toEqual(expected);
      const otherExpected = sorted([notes.publicByAdmin, notes.unauthored, notes.privateByOther]);
      expect(await visibleOnCompany(await other())).toEqual(otherExpected);
      expect(await byId(await other())).toEqual(otherExpected);
    });

    it('an admin sees every note', async () => {
      expect(await visibleOnCompany(headers.admin)).toEqual(sorted(Object.values(notes)));
      expect(await byId(headers.admin)).toEqual(sorted(Object.values(notes)));
    });

    it('an API key sees no private notes', async () => {
      const expected = sorted([notes.publicByAdmin, notes.unauthored]);
      expect(await visibleOnCompany(headers.readKey)).toEqual(expected);
      expect(await byId(headers.readKey)).toEqual(expected);
    });

    it('counts of every note match what each caller may see', async () => {
      const total = async (who: Record<string, string>) => (await api.runOk<Data, Vars>('{ notes { totalCount } }' as never, {}, who)).notes.totalCount as number;
      expect(await total(headers.admin)).toBe(await count(`SELECT 1 FROM notes`));
      expect(await total(headers.member)).toBe(await count(`SELECT 1 FROM notes WHERE NOT is_private OR created_by = $1`, [TEST_MEMBER_ID]));
      expect(await total(headers.readKey)).toBe(await count(`SELECT 1 FROM notes WHERE NOT is_private`));
      expect(await count(`SELECT 1 FROM notes WHERE is_private AND created_by IS DISTINCT FROM $1`, [TEST_MEMBER_ID])).toBeGreaterThan(0);
    });

    it('a note hidden from the caller cannot be changed or deleted by them: NOT_FOUND, nothing written', async () => {
      const cases: [Record<string, string>, string, string][] = [
        [headers.member, 'updateNote', notes.privateByOther],
        [headers.writeKey, 'updateNote', notes.privateByMember],
        [headers.writeKey, 'deleteNote', notes.privateByAdmin],
      ];
      for (const [who, mutation, id] of cases) {
        const before = await db.checksums();
        const query = mutation === 'updateNote' ? 'mutation($id: UUID!) { updateNote(id: $id, input: { noteText: "Overwritten" }) { id } }' : 'mutation($id: UUID!) { deleteNote(id: $id) { id } }';
        const res = await api.post(query, { id }, who);
        expect({ mutation, status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({ mutation, status: 404, code: 'NOT_FOUND' });
        expect(await db.checksums()).toEqual(before);
      }
    });

    it('a member cannot change another person\'s public note (the database allows only the author): FORBIDDEN, nothing written', async () => {
      const before = await db.checksums();
      const res = await api.post('mutation($id: UUID!) { updateNote(id: $id, input: { noteText: "Overwritten" }) { id } }', { id: notes.publicByAdmin }, headers.member);
      expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(await db.checksums()).toEqual(before);
      // An unauthored public note (an automation tool's) is anyone's to change.
      await api.runOk('mutation($id: UUID!) { updateNote(id: $id, input: { noteText: "Edited by a member" }) { id } }' as never, { id: notes.unauthored }, headers.member);
      expect((await row('notes', notes.unauthored))!.note_text).toBe('Edited by a member');
    });
  });
});
