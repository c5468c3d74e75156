// The validation rules of createX / updateX as one table: every row sends one bad
// input and asserts the error code, the exact fieldErrors paths, the HTTP status
// an automation tool routes on, and that nothing at all was written. Then what
// Make.com-style sloppiness is accepted (and how it is stored), and that
// production responses carry no SQL, constraint names or stack traces.
import { COLUMN_LIMITS } from '../src/generated/column-limits';
import { SEED_IDS } from '../src/db/seed-data';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, type GraphQLResponse, type TestServer } from './helpers/http';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const COMPANY = SEED_IDS.companyWithLiveProjects;

const CREATE = {
  Contact: 'mutation CreateContact($input: CreateContactInput!) { createContact(input: $input) { id } }',
  Company: 'mutation CreateCompany($input: CreateCompanyInput!) { createCompany(input: $input) { id } }',
  Project: 'mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { id } }',
  Service: 'mutation CreateService($input: CreateServiceInput!) { createService(input: $input) { id } }',
  Invoice: 'mutation CreateInvoice($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }',
  Meeting: 'mutation CreateMeeting($input: CreateMeetingInput!) { createMeeting(input: $input) { id } }',
  SupportTicket: 'mutation CreateSupportTicket($input: CreateSupportTicketInput!) { createSupportTicket(input: $input) { id } }',
  Integration: 'mutation CreateIntegration($input: CreateIntegrationInput!) { createIntegration(input: $input) { id } }',
  Note: 'mutation CreateNote($input: CreateNoteInput!) { createNote(input: $input) { id } }',
} as const;
type Model = keyof typeof CREATE;
const update = (model: Model) => `mutation Update${model}($id: UUID!, $input: Update${model}Input!) { update${model}(id: $id, input: $input) { id } }`;

/** The smallest valid create input of each model, for rows that spoil one field of it. */
const VALID: Record<Model, Record<string, unknown>> = {
  Contact: { firstName: 'Val', email: 'val.idation@example.com' },
  Company: { companyName: 'Validation Ltd' },
  Project: { companyId: COMPANY, projectName: 'Validation project' },
  Service: { serviceName: 'Validation service' },
  Invoice: { companyId: COMPANY, amount: '100' },
  Meeting: { contactId: SEED_IDS.primaryContact, title: 'Validation call', scheduledAt: '2026-12-01T10:00:00Z' },
  SupportTicket: { companyId: COMPANY, subject: 'Validation ticket' },
  Integration: { projectId: SEED_IDS.liveProject, toolName: 'Validation tool' },
  Note: { noteText: 'Validation note' },
};
const limit = (model: Model, field: string) => COLUMN_LIMITS[model]![field]!;

interface Row {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Exact fieldErrors paths, in any order. */
  paths: string[][];
  code?: string;
  status?: number;
}

/** A create of `model` whose input is the valid one with `changes` applied (undefined removes a field). */
function create(model: Model, changes: Record<string, unknown>): Pick<Row, 'query' | 'variables'> {
  const input = { ...VALID[model], ...changes };
  for (const [k, v] of Object.entries(input)) if (v === undefined) delete input[k];
  return { query: CREATE[model], variables: { input } };
}

const ROWS: Row[] = [
  // emails
  { name: 'email: bad format', ...create('Contact', { email: 'not-an-email' }), paths: [['input', 'email']] },
  { name: 'email: two @', ...create('Contact', { email: 'a@b@example.com' }), paths: [['input', 'email']] },
  { name: 'email: no dot in the domain (the database requires one)', ...create('Contact', { email: 'alice@localhost' }), paths: [['input', 'email']] },
  { name: 'email: bad format on update', query: update('Contact'), variables: { id: SEED_IDS.leadContact, input: { email: 'nope' } }, paths: [['input', 'email']] },
  { name: 'email: bad format as an inline literal', query: 'mutation { createContact(input: {firstName: "A", email: "nope"}) { id } }', paths: [['input', 'email']] },

  // URLs
  { name: 'URL: "not a url"', ...create('Company', { website: 'not a url' }), paths: [['input', 'website']] },
  { name: 'URL: ftp://', ...create('Company', { website: 'ftp://files.example.com' }), paths: [['input', 'website']] },
  { name: 'URL: without a scheme', ...create('Meeting', { meetingUrl: 'zoom.us/j/123456' }), paths: [['input', 'meetingUrl']] },
  { name: 'URL: javascript:', ...create('Project', { demoUrl: 'javascript:alert(1)' }), paths: [['input', 'demoUrl']] },
  { name: 'URL: bad inline literal', query: 'mutation { createCompany(input: {companyName: "X", website: "ftp://x.example"}) { id } }', paths: [['input', 'website']] },

  // phone numbers
  { name: 'phone: letters', ...create('Contact', { phone: 'call me maybe' }), paths: [['input', 'phone']] },
  { name: 'phone: too few digits', ...create('Contact', { phone: '555-12' }), paths: [['input', 'phone']] },
  { name: 'phone: too many digits', ...create('Contact', { phone: '+1 868 555 0101 2345 67' }), paths: [['input', 'phone']] },

  // money (string or number)
  { name: 'money: 3 decimals as a string', ...create('Invoice', { amount: '1500.125' }), paths: [['input', 'amount']] },
  { name: 'money: 3 decimals as a number', ...create('Invoice', { amount: 1.234 }), paths: [['input', 'amount']] },
  { name: 'money: negative number', ...create('Invoice', { amount: -5 }), paths: [['input', 'amount']] },
  { name: 'money: negative string', ...create('Project', { setupFee: '-0.01' }), paths: [['input', 'setupFee']] },
  { name: 'money: beyond DECIMAL(10,2)', ...create('Invoice', { amount: '100000000.00' }), paths: [['input', 'amount']] },
  { name: 'money: beyond DECIMAL(10,2) as a number', ...create('Integration', { monthlyCost: 100000000 }), paths: [['input', 'monthlyCost']] },
  { name: 'money: "abc"', ...create('Invoice', { amount: 'abc' }), paths: [['input', 'amount']] },
  { name: 'money: thousands separator', ...create('Invoice', { amount: '1,500.00' }), paths: [['input', 'amount']] },
  { name: 'money: exponent', ...create('Invoice', { amount: '1e3' }), paths: [['input', 'amount']] },
  { name: 'money: 3 decimals as an inline literal', query: `mutation { createProject(input: {companyId: "${COMPANY}", projectName: "P", setupFee: 1.999}) { id } }`, paths: [['input', 'setupFee']] },
  { name: 'money: service maximum below its minimum', ...create('Service', { baseMonthlyFeeMin: '500', baseMonthlyFeeMax: '100' }), paths: [['input', 'baseMonthlyFeeMax']] },

  // dates
  { name: 'date: 2026-02-30 is not a calendar date', ...create('Invoice', { issueDate: '2026-02-30' }), paths: [['input', 'issueDate']] },
  { name: 'date: not YYYY-MM-DD', ...create('Invoice', { dueDate: '30/03/2026' }), paths: [['input', 'dueDate']] },
  { name: 'date: invalid as an inline literal', query: `mutation { createInvoice(input: {companyId: "${COMPANY}", amount: 1, issueDate: "2026-02-30"}) { id } }`, paths: [['input', 'issueDate']] },
  { name: 'date: invoice due before issued', ...create('Invoice', { issueDate: '2026-03-10', dueDate: '2026-03-01' }), paths: [['input', 'dueDate']] },
  { name: 'date: contract ends before it starts', ...create('Company', { contractStartDate: '2026-06-01', contractEndDate: '2026-05-31' }), paths: [['input', 'contractEndDate']] },
  {
    name: 'date: contract end before the stored start (update)',
    query: update('Company'),
    variables: { id: COMPANY, input: { contractEndDate: '2000-01-01' } },
    paths: [['input', 'contractEndDate']],
  },
  { name: 'date: go-live before start', ...create('Project', { startDate: '2026-04-01', goLiveDate: '2026-03-01' }), paths: [['input', 'goLiveDate']] },
  { name: 'date-time: month 13', ...create('Meeting', { scheduledAt: '2026-13-01T10:00:00Z' }), paths: [['input', 'scheduledAt']] },

  // enum values, as variables and as inline literals
  { name: 'enum: unknown value (variable)', ...create('Contact', { status: 'ACTIVE' }), paths: [['input', 'status']] },
  { name: 'enum: the stored lowercase spelling (variable)', ...create('Project', { priority: 'high' }), paths: [['input', 'priority']] },
  { name: 'enum: unknown value (inline literal)', query: 'mutation { createContact(input: {firstName: "A", email: "e@example.com", status: ACTIVE}) { id } }', paths: [['input', 'status']] },
  { name: 'enum: quoted (inline literal)', query: `mutation { createProject(input: {companyId: "${COMPANY}", projectName: "P", priority: "HIGH"}) { id } }`, paths: [['input', 'priority']] },
  { name: 'enum: unknown value on update (variable)', query: update('SupportTicket'), variables: { id: SEED_IDS.openTicket, input: { status: 'DONE' } }, paths: [['input', 'status']] },

  // string lengths: the column's limit + 1
  { name: 'length: Contact.firstName', ...create('Contact', { firstName: 'x'.repeat(limit('Contact', 'firstName') + 1) }), paths: [['input', 'firstName']] },
  { name: 'length: Contact.email', ...create('Contact', { email: `${'a'.repeat(limit('Contact', 'email') - 11)}@example.com` }), paths: [['input', 'email']] },
  { name: 'length: Contact.companySize', ...create('Contact', { companySize: '1'.repeat(limit('Contact', 'companySize') + 1) }), paths: [['input', 'companySize']] },
  { name: 'length: Company.companyName', ...create('Company', { companyName: 'x'.repeat(limit('Company', 'companyName') + 1) }), paths: [['input', 'companyName']] },
  { name: 'length: Company.website', ...create('Company', { website: `https://example.com/${'p'.repeat(limit('Company', 'website'))}` }), paths: [['input', 'website']] },
  { name: 'length: Project.projectName', ...create('Project', { projectName: 'x'.repeat(limit('Project', 'projectName') + 1) }), paths: [['input', 'projectName']] },
  { name: 'length: Service.serviceCategory', ...create('Service', { serviceCategory: 'x'.repeat(limit('Service', 'serviceCategory') + 1) }), paths: [['input', 'serviceCategory']] },
  { name: 'length: Invoice.paymentMethod', ...create('Invoice', { paymentMethod: 'x'.repeat(limit('Invoice', 'paymentMethod') + 1) }), paths: [['input', 'paymentMethod']] },
  { name: 'length: Meeting.title', ...create('Meeting', { title: 'x'.repeat(limit('Meeting', 'title') + 1) }), paths: [['input', 'title']] },
  { name: 'length: SupportTicket.subject', ...create('SupportTicket', { subject: 'x'.repeat(limit('SupportTicket', 'subject') + 1) }), paths: [['input', 'subject']] },
  { name: 'length: Integration.toolName', ...create('Integration', { toolName: 'x'.repeat(limit('Integration', 'toolName') + 1) }), paths: [['input', 'toolName']] },
  { name: 'length: on update', query: update('Service'), variables: { id: SEED_IDS.chatbotService, input: { serviceName: 'x'.repeat(limit('Service', 'serviceName') + 1) } }, paths: [['input', 'serviceName']] },

  // blank required strings
  { name: 'blank required: spaces', ...create('Contact', { firstName: '   ' }), paths: [['input', 'firstName']] },
  { name: 'blank required: empty string', ...create('Company', { companyName: '' }), paths: [['input', 'companyName']] },
  { name: 'blank required: tabs and newlines', ...create('Note', { noteText: '\t\n ' }), paths: [['input', 'noteText']] },
  { name: 'blank required: on update', query: update('Project'), variables: { id: SEED_IDS.liveProject, input: { projectName: '   ' } }, paths: [['input', 'projectName']] },
  { name: 'blank required: email', ...create('Contact', { email: '  ' }), paths: [['input', 'email']] },
  { name: 'blank required: money', ...create('Invoice', { amount: ' ' }), paths: [['input', 'amount']] },

  // missing and unknown fields
  { name: 'missing required field (variable)', ...create('Contact', { email: undefined }), paths: [['input', 'email']] },
  { name: 'missing required field (inline literal)', query: 'mutation { createContact(input: {email: "m@example.com"}) { id } }', paths: [['input', 'firstName']] },
  { name: 'unknown field (variable)', ...create('Contact', { nickname: 'Al' }), paths: [['input', 'nickname']] },
  { name: 'unknown field (inline literal)', query: 'mutation { createContact(input: {firstName: "A", email: "u@example.com", nickname: "Al"}) { id } }', paths: [['input', 'nickname']] },

  // referenced ids
  { name: 'reference: unknown company', ...create('Contact', { companyId: UNKNOWN_ID }), paths: [['input', 'companyId']] },
  { name: 'reference: unknown company of an invoice', ...create('Invoice', { companyId: UNKNOWN_ID }), paths: [['input', 'companyId']] },
  { name: 'reference: unknown company of a project', ...create('Project', { companyId: UNKNOWN_ID }), paths: [['input', 'companyId']] },
  { name: 'reference: unknown contact of a meeting', ...create('Meeting', { contactId: UNKNOWN_ID }), paths: [['input', 'contactId']] },
  { name: 'reference: unknown project of an integration', ...create('Integration', { projectId: UNKNOWN_ID }), paths: [['input', 'projectId']] },
  { name: 'reference: unknown primary contact on update', query: update('Company'), variables: { id: COMPANY, input: { primaryContactId: UNKNOWN_ID } }, paths: [['input', 'primaryContactId']] },
  { name: 'reference: a note on a contact that does not exist', ...create('Note', { noteType: 'CONTACT', relatedId: UNKNOWN_ID }), paths: [['input', 'relatedId']] },
  { name: 'reference: a project of another company', ...create('Invoice', { projectId: SEED_IDS.liveProject, companyId: SEED_IDS.prospectCompany }), paths: [['input', 'projectId']] },

  // malformed UUIDs
  { name: 'UUID: malformed in the input', ...create('Contact', { companyId: 'not-a-uuid' }), paths: [['input', 'companyId']] },
  { name: 'UUID: malformed id argument', query: update('Company'), variables: { id: '12345', input: { city: 'X' } }, paths: [['id']] },
  { name: 'UUID: malformed inline literal', query: 'mutation { deleteNote(id: "12345") { id } }', paths: [['id']] },

  // numbers and other per-field rules
  { name: 'integer: meeting of 0 minutes', ...create('Meeting', { durationMinutes: 0 }), paths: [['input', 'durationMinutes']] },
  { name: 'integer: negative hours', ...create('Project', { estimatedHours: -1 }), paths: [['input', 'estimatedHours']] },
  { name: 'integer: beyond 32 bits', ...create('Project', { actualHours: 2 ** 31 }), paths: [['input', 'actualHours']] },
  { name: 'integer: a decimal', ...create('Service', { typicalDurationWeeks: 2.5 }), paths: [['input', 'typicalDurationWeeks']] },
  { name: 'currency: not three letters', ...create('Invoice', { currency: 'US' }), paths: [['input', 'currency']] },
  { name: 'secret pasted where its name belongs', ...create('Integration', { apiKeyName: 'sk-live-abcdefghijklmnopqrstuvwxyz012345' }), paths: [['input', 'apiKeyName']] },
  { name: 'NUL character in a string', ...create('Contact', { firstName: 'Ann\u0000e' }), paths: [['input', 'firstName']] },
  { name: 'GENERAL note with a subject', ...create('Note', { relatedId: SEED_IDS.leadContact }), paths: [['input', 'relatedId']] },

  // several bad fields at once: one error listing them all
  {
    name: 'several: blank name, bad phone, unknown company (input checks)',
    ...create('Contact', { firstName: ' ', phone: 'abc', companyId: UNKNOWN_ID }),
    paths: [['input', 'firstName'], ['input', 'phone'], ['input', 'companyId']],
  },
  {
    name: 'several: bad email, bad enum, bad UUID (variable coercion)',
    ...create('Contact', { email: 'bad', status: 'NOPE', companyId: 'nope' }),
    paths: [['input', 'email'], ['input', 'status'], ['input', 'companyId']],
  },
  {
    name: 'several: bad money, bad date, bad enum (inline literals)',
    query: `mutation { createInvoice(input: {companyId: "${COMPANY}", amount: "abc", issueDate: "2026-02-30", invoiceType: MONTHLYY}) { id } }`,
    paths: [['input', 'amount'], ['input', 'issueDate'], ['input', 'invoiceType']],
  },
  {
    // Cross-field rules over fields valid on their own answer with the other field errors.
    name: 'several: an unknown project and the due-date rule, in one answer',
    ...create('Invoice', { issueDate: '2026-03-10', dueDate: '2026-03-01', projectId: UNKNOWN_ID }),
    paths: [['input', 'projectId'], ['input', 'dueDate']],
  },
  {
    // A rule never judges a field that failed its own check (the due date against a default issue date).
    name: 'several: an invalid issue date is reported alone, not also compared with the due date',
    ...create('Invoice', { issueDate: '2026-02-30', dueDate: '2000-01-01' }),
    paths: [['input', 'issueDate']],
  },
  {
    name: 'several: a blank name and contract dates in the wrong order, in one answer',
    ...create('Company', { companyName: '   ', contractStartDate: '2026-05-01', contractEndDate: '2026-01-01' }),
    paths: [['input', 'companyName'], ['input', 'contractEndDate']],
  },
];

const sortPaths = (paths: string[][]) => paths.map((p) => p.join('.')).sort();

describe.each(testTargets())('input validation (%s)', (target) => {
  let db: TestDatabase;
  let api: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase(target);
    api = await startTestServer(db);
    // The address the duplicate-email rows collide with.
    await db.sql(`INSERT INTO contacts (first_name, email) VALUES ('Alice', 'alice@x.com')`);
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  type Res = GraphQLResponse<Record<string, { id: string } | null>>;
  const error = (res: Res) => res.body.errors?.[0];

  function expectRejected(res: Res, row: Pick<Row, 'paths' | 'code' | 'status'>): void {
    const first = error(res);
    expect({
      status: res.status,
      errors: res.body.errors?.length,
      code: first?.extensions?.code,
      paths: sortPaths(((first?.extensions?.fieldErrors as { path: string[] }[] | undefined) ?? []).map((f) => f.path)),
    }).toEqual({ status: row.status ?? 400, errors: 1, code: row.code ?? 'BAD_USER_INPUT', paths: sortPaths(row.paths) });
    for (const f of first!.extensions!.fieldErrors as { message: string }[]) expect(f.message).toEqual(expect.stringMatching(/\S/));
  }

  describe('rejected: the code, the exact fieldErrors paths, the HTTP status, and nothing written', () => {
    it.each(ROWS)('$name', async (row) => {
      const before = await db.checksums();
      const res = (await api.post(row.query, row.variables)) as Res;
      expectRejected(res, row);
      expect(await db.checksums()).toEqual(before);
    });

    it.each([
      { name: 'create "ALICE@x.com" when "alice@x.com" exists', query: CREATE.Contact, variables: { input: { firstName: 'Al', email: 'ALICE@x.com' } } },
      { name: 'create " Alice@X.COM " when "alice@x.com" exists', query: CREATE.Contact, variables: { input: { firstName: 'Al', email: ' Alice@X.COM ' } } },
      { name: 'update another contact\'s email to "ALICE@X.COM"', query: update('Contact'), variables: { id: SEED_IDS.leadContact, input: { email: 'ALICE@X.COM' } } },
    ])('duplicate email, compared case-insensitively: 409 CONFLICT on input.email ($name)', async ({ query, variables }) => {
      const before = await db.checksums();
      const res = (await api.post(query, variables)) as Res;
      expectRejected(res, { code: 'CONFLICT', status: 409, paths: [['input', 'email']] });
      expect(error(res)!.message).not.toMatch(/contacts_email_key|constraint|unique/i);
      expect(await db.checksums()).toEqual(before);
    });
  });

  describe('string lengths follow the columns', () => {
    it('COLUMN_LIMITS names every VARCHAR column with its length, and nothing else', async () => {
      const tables: Record<string, Model> = {
        contacts: 'Contact',
        companies: 'Company',
        projects: 'Project',
        services: 'Service',
        invoices: 'Invoice',
        meetings: 'Meeting',
        support_tickets: 'SupportTicket',
        integrations: 'Integration',
        notes: 'Note',
      };
      const columns = await db.sql<{ table_name: string; column_name: string; n: number }>(
        `SELECT table_name, column_name, character_maximum_length AS n FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = ANY($1) AND character_maximum_length IS NOT NULL`,
        [Object.keys(tables)],
      );
      const fromDatabase: Record<string, Record<string, number>> = {};
      for (const c of columns) {
        (fromDatabase[tables[c.table_name]!] ??= {})[c.column_name.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase())] = c.n;
      }
      const fromSchema = Object.fromEntries(Object.keys(fromDatabase).map((model) => [model, COLUMN_LIMITS[model]]));
      expect(fromSchema).toEqual(fromDatabase);
    });

    it('a city one character longer than its column: 400 on input.city, not a database error', async () => {
      const [{ n }] = (await db.sql<{ n: number }>(
        `SELECT character_maximum_length AS n FROM information_schema.columns WHERE table_name = 'companies' AND column_name = 'city'`,
      )) as [{ n: number }];
      const before = await db.checksums();
      const res = (await api.post(CREATE.Company, { input: { companyName: 'Long City Ltd', city: 'c'.repeat(n + 1) } })) as Res;
      expectRejected(res, { paths: [['input', 'city']] });
      expect(await db.checksums()).toEqual(before);
    });

    it('an address (TEXT, no limit) of 1000 characters is stored', async () => {
      const res = await api.post<{ createCompany: { id: string } }>(CREATE.Company, { input: { companyName: 'Long Address Ltd', address: 'a'.repeat(1000) } });
      expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
      expect(await db.sql(`SELECT length(address) AS n FROM companies WHERE id = $1`, [res.body.data!.createCompany.id])).toEqual([{ n: 1000 }]);
    });

    it.each([
      { model: 'Contact' as const, field: 'firstName', column: 'first_name', table: 'contacts', char: 'x' },
      { model: 'Company' as const, field: 'companyName', column: 'company_name', table: 'companies', char: 'x' },
      { model: 'Meeting' as const, field: 'title', column: 'title', table: 'meetings', char: 'x' },
      { model: 'Integration' as const, field: 'toolName', column: 'tool_name', table: 'integrations', char: 'x' },
      // VARCHAR counts characters: an emoji is one, though JavaScript counts two.
      { model: 'SupportTicket' as const, field: 'subject', column: 'subject', table: 'support_tickets', char: '🙂' },
    ])('exactly the limit is accepted: $model.$field ("$char")', async ({ model, field, column, table, char }) => {
      const value = char.repeat(limit(model, field));
      const res = await api.post<Record<string, { id: string }>>(CREATE[model], { input: { ...VALID[model], [field]: value } });
      expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
      const id = Object.values(res.body.data!)[0]!.id;
      expect(await db.sql(`SELECT ${column} AS value FROM ${table} WHERE id = $1`, [id])).toEqual([{ value }]);
    });
  });

  describe('Make.com looseness: accepted, and stored cleanly', () => {
    async function createOk(model: Model, input: Record<string, unknown>): Promise<string> {
      const res = await api.post<Record<string, { id: string }>>(CREATE[model], { input });
      expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
      return Object.values(res.body.data!)[0]!.id;
    }

    it.each([
      { given: '"1500"', amount: '1500', stored: '1500.00' },
      { given: '1500.5', amount: 1500.5, stored: '1500.50' },
      { given: '" 12.30 "', amount: ' 12.30 ', stored: '12.30' },
      { given: '0', amount: 0, stored: '0.00' },
      { given: '"99999999.99"', amount: '99999999.99', stored: '99999999.99' },
    ])('money given as $given is stored as $stored', async ({ amount, stored }) => {
      const id = await createOk('Invoice', { companyId: COMPANY, amount });
      expect(await db.sql(`SELECT amount::text FROM invoices WHERE id = $1`, [id])).toEqual([{ amount: stored }]);
    });

    it('money as an inline literal number is accepted', async () => {
      const res = await api.post<{ createInvoice: { amount: string } }>(`mutation { createInvoice(input: {companyId: "${COMPANY}", amount: 1500.5}) { amount } }`);
      expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: { data: { createInvoice: { amount: '1500.50' } } } });
    });

    it('surrounding whitespace is trimmed from strings, emails, URLs, dates, ids and money', async () => {
      const id = await createOk('Contact', {
        firstName: '  Alicia \t',
        lastName: '\n Keys ',
        email: '  Alicia.Keys@Example.COM ',
        phone: ' +1 (868) 555-0101 ',
        companyId: ` ${SEED_IDS.companyWithoutProjects.toUpperCase()} `,
      });
      expect(await db.sql(`SELECT first_name, last_name, email, phone, company_id FROM contacts WHERE id = $1`, [id])).toEqual([
        { first_name: 'Alicia', last_name: 'Keys', email: 'alicia.keys@example.com', phone: '+1 (868) 555-0101', company_id: SEED_IDS.companyWithoutProjects },
      ]);
      const project = await createOk('Project', {
        companyId: COMPANY,
        projectName: ' Trimmed project ',
        demoUrl: '  https://demo.example/trim  ',
        startDate: ' 2026-03-01 ',
        setupFee: ' 250 ',
      });
      expect(await db.sql(`SELECT project_name, demo_url, start_date::text, setup_fee::text FROM projects WHERE id = $1`, [project])).toEqual([
        { project_name: 'Trimmed project', demo_url: 'https://demo.example/trim', start_date: '2026-03-01', setup_fee: '250.00' },
      ]);
    });

    it('empty strings for optional fields are stored as NULL', async () => {
      const id = await createOk('Contact', { firstName: 'Empty', email: 'empty@example.com', lastName: '', phone: '  ', companyName: '', companyId: '', source: '' });
      expect(await db.sql(`SELECT last_name, phone, company_name, company_id, source FROM contacts WHERE id = $1`, [id])).toEqual([
        { last_name: null, phone: null, company_name: null, company_id: null, source: null },
      ]);
      const project = await createOk('Project', { companyId: COMPANY, projectName: 'Empty fields', demoUrl: '', startDate: '', description: ' ' });
      expect(await db.sql(`SELECT demo_url, start_date, description FROM projects WHERE id = $1`, [project])).toEqual([{ demo_url: null, start_date: null, description: null }]);
      const invoice = await createOk('Invoice', { companyId: COMPANY, amount: 10, amountUsd: '', dueDate: '', notes: '' });
      expect(await db.sql(`SELECT amount_usd, due_date, notes FROM invoices WHERE id = $1`, [invoice])).toEqual([{ amount_usd: null, due_date: null, notes: null }]);
    });

    it('an empty string for an optional field that has a database default takes the default', async () => {
      const id = await createOk('Invoice', { companyId: COMPANY, amount: 10, currency: '' });
      expect(await db.sql(`SELECT currency FROM invoices WHERE id = $1`, [id])).toEqual([{ currency: 'TTD' }]);
      const meeting = await createOk('Meeting', { ...VALID.Meeting, durationMinutes: null });
      expect(await db.sql(`SELECT duration_minutes FROM meetings WHERE id = $1`, [meeting])).toEqual([{ duration_minutes: 30 }]);
    });

    it('a currency code in lower case is stored upper case', async () => {
      const id = await createOk('Invoice', { companyId: COMPANY, amount: 10, currency: ' usd ' });
      expect(await db.sql(`SELECT currency FROM invoices WHERE id = $1`, [id])).toEqual([{ currency: 'USD' }]);
    });

    it('an email in any case is stored lower-case, and found again in any case', async () => {
      const id = await createOk('Contact', { firstName: 'Case', email: 'MiXeD.Case@Example.com' });
      expect(await db.sql(`SELECT email FROM contacts WHERE id = $1`, [id])).toEqual([{ email: 'mixed.case@example.com' }]);
      const res = await api.post<{ contactByEmail: { id: string } | null }>(`query($e: EmailAddress!) { contactByEmail(email: $e) { id } }`, { e: 'MIXED.CASE@EXAMPLE.COM' });
      expect(res.body.data!.contactByEmail).toEqual({ id });
    });
  });

  describe('production responses: no SQL, constraint names or stack traces', () => {
    let prod: TestServer;
    beforeAll(async () => {
      prod = await startTestServer(db, { production: true });
    });
    afterAll(async () => {
      await prod?.stop();
    });

    const INTERNALS = /constraint|violates|foreign key|_fkey|_key\b|_check\b|\bSQL|SQLSTATE|\b2[23]\d{3}\b|\bP20\d\d\b|prisma|relation "|invocation|\bat \S+:\d+|node_modules|\.ts:\d+/i;

    it.each([
      { name: 'duplicate email (unique index)', ...create('Contact', { email: 'ALICE@X.COM' }) },
      { name: 'delete a project with invoices (RESTRICT)', query: 'mutation($id: UUID!) { deleteProject(id: $id) { id } }', variables: { id: SEED_IDS.liveProject } },
      { name: 'delete a company with history', query: 'mutation($id: UUID!) { deleteCompany(id: $id) { id } }', variables: { id: COMPANY } },
      { name: 'a city longer than its column', ...create('Company', { city: 'c'.repeat(500) }) },
      { name: 'an email the database CHECK refuses', ...create('Contact', { email: 'bob@localhost' }) },
      { name: 'a NUL character', ...create('Contact', { firstName: 'A\u0000' }) },
      { name: 'a NOT NULL column set to null', query: update('Contact'), variables: { id: SEED_IDS.leadContact, input: { status: null } } },
      { name: 'bad scalars', ...create('Invoice', { amount: '1.234', issueDate: '2026-02-30' }) },
      { name: 'unknown reference', ...create('Meeting', { contactId: UNKNOWN_ID }) },
      { name: 'not a document', query: 'mutation { createContact(' },
    ])('$name', async ({ query, variables }) => {
      const before = await db.checksums();
      const res = await prod.post(query, variables);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      for (const e of res.body.errors ?? []) {
        expect(e.extensions?.stacktrace).toBeUndefined();
        expect(e.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
        expect(e.message).not.toMatch(INTERNALS);
        for (const f of (e.extensions?.fieldErrors as { message: string }[] | undefined) ?? []) expect(f.message).not.toMatch(INTERNALS);
      }
      expect(await db.checksums()).toEqual(before);
    });
  });
});
