// createX → updateX → deleteX for every object type, through HTTP and checked in
// the database: partial updates keep what is left out, null clears an optional
// field and is refused for a required one, deletes return the row as it was, and
// deletes the data model refuses answer 409 with a reason a person can act on.
import { SEED_IDS } from '../src/db/seed-data';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/http';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

type Input = Record<string, unknown>;
type Stored = Record<string, string | null>;

interface CrudCase {
  type: string;
  table: string;
  /** Selected on every mutation; the delete must return these as they were. */
  selection: string;
  create: Input;
  /** Columns (as text) the new row must have, defaults included. */
  stored: Stored;
  /** One field changed: every other column stays as it was; `returned` is what the mutation answers when it differs from the input. */
  change: { input: Input; column: string; value: string; returned?: Input };
  /** An optional field cleared with null (none: the type has no nullable input field). */
  clear?: { field: string; column: string };
  /** A required field: null is refused. */
  required: string;
}

const CASES: CrudCase[] = [
  {
    type: 'Contact',
    table: 'contacts',
    selection: 'id firstName lastName email phone companyId status',
    create: {
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'Grace.Hopper@Navy.example',
      phone: '+1 (868) 555-0199',
      companyName: 'US Navy',
      source: 'referral',
      companyId: SEED_IDS.companyWithoutProjects,
    },
    stored: { first_name: 'Grace', email: 'grace.hopper@navy.example', status: 'lead', source: 'referral', company_id: SEED_IDS.companyWithoutProjects },
    change: { input: { phone: '868 555 0101 ext 12' }, column: 'phone', value: '868 555 0101 ext 12' },
    clear: { field: 'lastName', column: 'last_name' },
    required: 'firstName',
  },
  {
    type: 'Company',
    table: 'companies',
    selection: 'id companyName website city contractStartDate contractEndDate notesText status',
    create: {
      companyName: 'Acme Automation Ltd',
      industry: 'Manufacturing',
      website: 'https://acme.example',
      city: 'Port of Spain',
      country: 'Trinidad and Tobago',
      contractStartDate: '2026-01-01',
      contractEndDate: '2026-12-31',
      notesText: 'Met at the chamber mixer',
    },
    stored: {
      company_name: 'Acme Automation Ltd',
      website: 'https://acme.example',
      status: 'prospect',
      contract_start_date: '2026-01-01',
      contract_end_date: '2026-12-31',
      notes: 'Met at the chamber mixer',
      total_revenue: '0.00',
    },
    change: { input: { city: 'San Fernando' }, column: 'city', value: 'San Fernando' },
    clear: { field: 'website', column: 'website' },
    required: 'companyName',
  },
  {
    type: 'Project',
    table: 'projects',
    selection: 'id projectName setupFee monthlyFee startDate demoUrl status priority',
    create: {
      companyId: SEED_IDS.companyWithoutProjects,
      projectName: 'Website chatbot',
      projectType: 'chatbot',
      setupFee: '2500',
      monthlyFee: 450.5,
      startDate: '2026-01-05',
      demoUrl: 'https://demo.example/bot',
      estimatedHours: 40,
    },
    stored: { project_name: 'Website chatbot', setup_fee: '2500.00', monthly_fee: '450.50', tool_costs: '0.00', status: 'scoping', priority: 'medium', start_date: '2026-01-05' },
    change: { input: { monthlyFee: '500' }, column: 'monthly_fee', value: '500.00', returned: { monthlyFee: '500.00' } },
    clear: { field: 'demoUrl', column: 'demo_url' },
    required: 'projectName',
  },
  {
    type: 'Service',
    table: 'services',
    selection: 'id serviceName serviceCategory baseSetupFeeMin baseSetupFeeMax isActive',
    create: { serviceName: 'Voice agent', serviceCategory: 'automation', baseSetupFeeMin: '1000', baseSetupFeeMax: 3000, typicalDurationWeeks: 4 },
    stored: { service_name: 'Voice agent', base_setup_fee_min: '1000.00', base_setup_fee_max: '3000.00', is_active: 'true', typical_duration_weeks: '4' },
    change: { input: { isActive: false }, column: 'is_active', value: 'false' },
    clear: { field: 'serviceCategory', column: 'service_category' },
    required: 'serviceName',
  },
  {
    type: 'Invoice',
    table: 'invoices',
    selection: 'id invoiceNumber amount currency status issueDate dueDate notes',
    create: {
      companyId: SEED_IDS.companyWithLiveProjects,
      projectId: SEED_IDS.liveProject,
      invoiceType: 'SETUP',
      amount: '1500',
      currency: 'usd',
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      notes: 'First instalment',
    },
    stored: { amount: '1500.00', currency: 'USD', status: 'draft', invoice_type: 'setup', issue_date: '2026-03-01', due_date: '2026-03-31', paid_date: null },
    change: { input: { amount: 1750.25 }, column: 'amount', value: '1750.25', returned: { amount: '1750.25' } },
    clear: { field: 'notes', column: 'notes' },
    required: 'amount',
  },
  {
    type: 'Meeting',
    table: 'meetings',
    selection: 'id title scheduledAt durationMinutes meetingUrl companyId status',
    create: {
      contactId: SEED_IDS.primaryContact,
      meetingType: 'REVIEW',
      title: 'Quarterly review',
      scheduledAt: '2026-12-01T14:00:00Z',
      durationMinutes: 45,
      meetingUrl: 'https://meet.example/abc-defg-hij',
    },
    // A meeting with a client's contact is with the client.
    stored: { title: 'Quarterly review', duration_minutes: '45', status: 'scheduled', meeting_type: 'review', company_id: SEED_IDS.companyWithLiveProjects },
    change: { input: { durationMinutes: 60 }, column: 'duration_minutes', value: '60' },
    clear: { field: 'meetingUrl', column: 'meeting_url' },
    required: 'title',
  },
  {
    type: 'SupportTicket',
    table: 'support_tickets',
    selection: 'id ticketNumber subject priority status category',
    create: {
      companyId: SEED_IDS.companyWithLiveProjects,
      projectId: SEED_IDS.liveProject,
      contactId: SEED_IDS.primaryContact,
      subject: 'The bot answers in English only',
      priority: 'HIGH',
      category: 'bug',
    },
    stored: { subject: 'The bot answers in English only', priority: 'high', status: 'open', category: 'bug', resolved_at: null },
    change: { input: { priority: 'URGENT' }, column: 'priority', value: 'urgent' },
    clear: { field: 'category', column: 'category' },
    required: 'subject',
  },
  {
    type: 'Integration',
    table: 'integrations',
    selection: 'id toolName status apiKeyName monthlyCost',
    create: { projectId: SEED_IDS.liveProject, toolName: 'Twilio', toolCategory: 'messaging', apiKeyName: 'TWILIO_AUTH_TOKEN', monthlyCost: '25.5' },
    stored: { tool_name: 'Twilio', status: 'testing', api_key_name: 'TWILIO_AUTH_TOKEN', monthly_cost: '25.50', project_id: SEED_IDS.liveProject },
    change: { input: { status: 'ACTIVE' }, column: 'status', value: 'active' },
    clear: { field: 'apiKeyName', column: 'api_key_name' },
    required: 'toolName',
  },
  {
    type: 'Note',
    table: 'notes',
    selection: 'id noteType relatedId noteText isPrivate',
    create: { noteType: 'COMPANY', relatedId: SEED_IDS.companyWithLiveProjects, noteText: 'Prefers WhatsApp', isPrivate: true },
    stored: { note_type: 'company', related_id: SEED_IDS.companyWithLiveProjects, note_text: 'Prefers WhatsApp', is_private: 'true' },
    change: { input: { noteText: 'Prefers WhatsApp, never email' }, column: 'note_text', value: 'Prefers WhatsApp, never email' },
    // A note's updatable fields are its text (required) and isPrivate (NOT NULL).
    required: 'noteText',
  },
];

const camel = (type: string) => type[0]!.toLowerCase() + type.slice(1);
const createDoc = (c: CrudCase) => `mutation Create${c.type}($input: Create${c.type}Input!) { create${c.type}(input: $input) { ${c.selection} } }`;
const updateDoc = (c: CrudCase) => `mutation Update${c.type}($id: UUID!, $input: Update${c.type}Input!) { update${c.type}(id: $id, input: $input) { ${c.selection} } }`;
const deleteDoc = (type: string, selection = 'id') => `mutation Delete${type}($id: UUID!) { delete${type}(id: $id) { ${selection} } }`;

/** What a message for people must never contain: SQL, constraint or driver details. */
const INTERNALS = /constraint|violates|foreign key|_fkey|_pkey|\bSQL|SQLSTATE|\b23\d{3}\b|\bP20\d\d\b|prisma|relation "|\bDELETE\b|\bINSERT\b|\bUPDATE\b/i;

describe.each(testTargets())('create, update and delete every type (%s)', (target) => {
  let db: TestDatabase;
  let api: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase(target);
    api = await startTestServer(db);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  /** The row's columns as text (numeric keeps its scale, dates are YYYY-MM-DD), or undefined. */
  async function stored(table: string, id: string): Promise<Stored | undefined> {
    const rows = await db.sql<{ key: string; value: string | null }>(`SELECT j.key, j.value FROM ${table} t, json_each_text(to_json(t)) j WHERE t.id = $1`, [id]);
    return rows.length ? Object.fromEntries(rows.map((r) => [r.key, r.value])) : undefined;
  }

  function without(row: Stored | undefined, ...columns: string[]): Stored {
    const copy = { ...row };
    for (const c of ['updated_at', ...columns]) delete copy[c];
    return copy;
  }

  function expectError(res: GraphQLResponse<unknown>, code: string, status: number): NonNullable<GraphQLResponse<unknown>['body']['errors']>[number] {
    expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
    return res.body.errors![0]!;
  }

  describe.each(CASES)('$type', (c) => {
    const field = camel(c.type);

    it(`create${c.type} → update${c.type} (partial, null clears, null on required refused) → delete${c.type}`, async () => {
      // create
      const created = await api.post<Record<string, Record<string, unknown>>>(createDoc(c), { input: c.create });
      expect({ status: created.status, errors: created.body.errors }).toEqual({ status: 200, errors: undefined });
      const id = created.body.data![`create${c.type}`]!.id as string;
      const row = await stored(c.table, id);
      expect(row).toMatchObject(c.stored);

      // update one field: only it (and updated_at) changes
      const changed = await api.post<Record<string, Record<string, unknown>>>(updateDoc(c), { id, input: c.change.input });
      expect({ status: changed.status, errors: changed.body.errors }).toEqual({ status: 200, errors: undefined });
      expect(changed.body.data![`update${c.type}`]).toMatchObject(c.change.returned ?? c.change.input);
      const afterChange = await stored(c.table, id);
      expect(afterChange![c.change.column]).toBe(c.change.value);
      expect(without(afterChange, c.change.column)).toEqual(without(row, c.change.column));

      // null clears an optional field, and only it
      let beforeRefusal = afterChange;
      if (c.clear) {
        const cleared = await api.post<Record<string, Record<string, unknown>>>(updateDoc(c), { id, input: { [c.clear.field]: null } });
        expect({ status: cleared.status, errors: cleared.body.errors }).toEqual({ status: 200, errors: undefined });
        expect(cleared.body.data![`update${c.type}`]![c.clear.field]).toBeNull();
        const afterClear = await stored(c.table, id);
        expect(afterClear![c.clear.column]).toBeNull();
        expect(without(afterClear, c.clear.column)).toEqual(without(afterChange, c.clear.column));
        beforeRefusal = afterClear;
      }

      // null on a required field: 400 naming it, nothing written
      const before = await db.checksums();
      const refused = await api.post(updateDoc(c), { id, input: { [c.required]: null } });
      const error = expectError(refused, 'BAD_USER_INPUT', 400);
      expect(error.extensions!.fieldErrors).toEqual([{ path: ['input', c.required], message: expect.any(String) }]);
      expect(await db.checksums()).toEqual(before);
      expect(await stored(c.table, id)).toEqual(beforeRefusal);

      // delete returns the row as it was; the row is gone
      const selected = await api.post<Record<string, Record<string, unknown>>>(`query($id: UUID!) { ${field}(id: $id) { ${c.selection} } }`, { id });
      const deleted = await api.post<Record<string, Record<string, unknown>>>(deleteDoc(c.type, c.selection), { id });
      expect({ status: deleted.status, errors: deleted.body.errors }).toEqual({ status: 200, errors: undefined });
      expect(deleted.body.data![`delete${c.type}`]).toEqual(selected.body.data![field]);
      expect(await stored(c.table, id)).toBeUndefined();
    });

    it(`update${c.type} and delete${c.type} of an unknown id: 404 NOT_FOUND, nothing written`, async () => {
      const before = await db.checksums();
      const update = await api.post(updateDoc(c), { id: UNKNOWN_ID, input: c.change.input });
      expect(expectError(update, 'NOT_FOUND', 404).extensions!.fieldErrors).toEqual([{ path: ['id'], message: expect.any(String) }]);
      const remove = await api.post(deleteDoc(c.type), { id: UNKNOWN_ID });
      expect(expectError(remove, 'NOT_FOUND', 404).message).toContain(UNKNOWN_ID);
      expect(await db.checksums()).toEqual(before);
    });
  });

  describe('deletes the data model refuses: 409 CONFLICT saying why, without SQL, nothing written', () => {
    it.each([
      { what: 'a company with invoices', type: 'Company', id: SEED_IDS.companyWithLiveProjects, says: /invoices/ },
      { what: 'a company with a project but no invoices', type: 'Company', id: SEED_IDS.prospectCompany, says: /project/ },
      { what: 'a project with invoices', type: 'Project', id: SEED_IDS.liveProject, says: /invoice/ },
      { what: 'a service in use', type: 'Service', id: SEED_IDS.chatbotService, says: /used by \d+ project/ },
      { what: 'a non-draft invoice', type: 'Invoice', id: SEED_IDS.overdueInvoice, says: /draft/ },
    ])('$what', async ({ type, id, says }) => {
      const before = await db.checksums();
      const res = await api.post(deleteDoc(type), { id });
      const error = expectError(res, 'CONFLICT', 409);
      expect(error.message).toMatch(says);
      expect(error.message).not.toMatch(INTERNALS);
      expect(await db.checksums()).toEqual(before);
    });
  });

  describe('what goes with a deleted record', () => {
    it('deleteContact takes the contact\'s meetings and notes; their company keeps no primary contact', async () => {
      const [company] = await db.sql<{ id: string }>(`INSERT INTO companies (company_name) VALUES ('Cascade Co') RETURNING id`);
      const [contact] = await db.sql<{ id: string }>(`INSERT INTO contacts (first_name, email, company_id) VALUES ('Casey', 'casey@cascade.example', $1) RETURNING id`, [company!.id]);
      await db.sql(`UPDATE companies SET primary_contact_id = $1 WHERE id = $2`, [contact!.id, company!.id]);
      await db.sql(`INSERT INTO meetings (contact_id, title, scheduled_at) VALUES ($1, 'Intro', now())`, [contact!.id]);
      await db.sql(`INSERT INTO notes (note_type, related_id, note_text) VALUES ('contact', $1, 'Call after 3pm')`, [contact!.id]);

      const res = await api.post(deleteDoc('Contact', 'id email'), { id: contact!.id });
      expect({ status: res.status, data: res.body.data }).toEqual({ status: 200, data: { deleteContact: { id: contact!.id, email: 'casey@cascade.example' } } });
      const [left] = await db.sql<{ meetings: number; notes: number; primary: string | null }>(
        `SELECT (SELECT count(*)::int FROM meetings WHERE contact_id = $1) AS meetings,
                (SELECT count(*)::int FROM notes WHERE related_id = $1) AS notes,
                (SELECT primary_contact_id::text FROM companies WHERE id = $2) AS primary`,
        [contact!.id, company!.id],
      );
      expect(left).toEqual({ meetings: 0, notes: 0, primary: null });
    });

    it('deleteProject (no invoices) takes its integrations and service links; the service stays', async () => {
      const [project] = await db.sql<{ id: string }>(`INSERT INTO projects (company_id, project_name) VALUES ($1, 'Short-lived') RETURNING id`, [SEED_IDS.companyWithoutProjects]);
      await db.sql(`INSERT INTO integrations (project_id, tool_name) VALUES ($1, 'Zapier')`, [project!.id]);
      await db.sql(`INSERT INTO project_services (project_id, service_id) VALUES ($1, $2)`, [project!.id, SEED_IDS.chatbotService]);

      const res = await api.post(deleteDoc('Project', 'id projectName'), { id: project!.id });
      expect({ status: res.status, data: res.body.data }).toEqual({ status: 200, data: { deleteProject: { id: project!.id, projectName: 'Short-lived' } } });
      const [left] = await db.sql<{ integrations: number; links: number; service: number }>(
        `SELECT (SELECT count(*)::int FROM integrations WHERE project_id = $1) AS integrations,
                (SELECT count(*)::int FROM project_services WHERE project_id = $1) AS links,
                (SELECT count(*)::int FROM services WHERE id = $2) AS service`,
        [project!.id, SEED_IDS.chatbotService],
      );
      expect(left).toEqual({ integrations: 0, links: 0, service: 1 });
    });

    it('deleteCompany (no history) leaves its contacts, unlinked', async () => {
      const [company] = await db.sql<{ id: string }>(`INSERT INTO companies (company_name) VALUES ('Unlinked Ltd') RETURNING id`);
      const [contact] = await db.sql<{ id: string }>(`INSERT INTO contacts (first_name, email, company_id) VALUES ('Una', 'una@unlinked.example', $1) RETURNING id`, [company!.id]);
      const res = await api.post(deleteDoc('Company', 'id companyName'), { id: company!.id });
      expect({ status: res.status, data: res.body.data }).toEqual({ status: 200, data: { deleteCompany: { id: company!.id, companyName: 'Unlinked Ltd' } } });
      expect(await db.sql(`SELECT company_id FROM contacts WHERE id = $1`, [contact!.id])).toEqual([{ company_id: null }]);
    });
  });

  describe('NOT NULL columns with a default (status, priority, fees, currency, flags)', () => {
    // These input fields are optional (the database has a default) but their
    // columns cannot hold NULL: null must be a 400 naming the field, never a 500.
    it.each([
      { type: 'Contact', id: SEED_IDS.leadContact, field: 'status' },
      { type: 'Project', id: SEED_IDS.liveProject, field: 'monthlyFee' },
      { type: 'Service', id: SEED_IDS.chatbotService, field: 'isActive' },
      { type: 'Note', id: SEED_IDS.generalNote, field: 'isPrivate' },
      { type: 'Invoice', id: SEED_IDS.overdueInvoice, field: 'currency' },
    ])('update$type with $field: null → 400 with fieldErrors, nothing written', async ({ type, id, field }) => {
      const before = await db.checksums();
      const res = await api.post(`mutation($id: UUID!, $input: Update${type}Input!) { update${type}(id: $id, input: $input) { id } }`, { id, input: { [field]: null } });
      expect(expectError(res, 'BAD_USER_INPUT', 400).extensions!.fieldErrors).toEqual([{ path: ['input', field], message: expect.any(String) }]);
      expect(await db.checksums()).toEqual(before);
    });
  });
});
