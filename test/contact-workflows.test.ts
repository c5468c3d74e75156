// Contact workflows through HTTP: the public form (new and known emails), upserts
// by email one at a time and in batches with per-item errors, and lead conversion
// into a new or existing company with a first project. Results are checked in SQL;
// refused requests must leave every table unchanged.
import { SEED_IDS } from '../src/db/seed-data';
import { COLUMN_LIMITS } from '../src/generated/column-limits';
import { graphql } from './generated';
import { createTestDatabase, DATA_TABLES, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, TEST_ADMIN_ID, type GraphQLResponse, type TestServer } from './helpers/http';

const SubmitForm = graphql(`
  mutation ContactWfSubmitForm($input: SubmitContactFormInput!) {
    submitContactForm(input: $input) {
      received
      contact {
        id
        email
        firstName
        lastName
        status
        source
        message
      }
    }
  }
`);

const Upsert = graphql(`
  mutation ContactWfUpsert($input: UpsertContactInput!) {
    upsertContact(input: $input) {
      created
      updated
      contact {
        id
        email
        lastName
        phone
        companySize
        company {
          id
        }
      }
    }
  }
`);

const UpsertTwice = graphql(`
  mutation ContactWfUpsertTwice($first: UpsertContactInput!, $second: UpsertContactInput!) {
    first: upsertContact(input: $first) {
      created
      contact {
        id
        lastName
      }
    }
    second: upsertContact(input: $second) {
      created
      contact {
        id
        lastName
      }
    }
  }
`);

const UpsertMany = graphql(`
  mutation ContactWfUpsertMany($input: UpsertContactsInput!) {
    upsertContacts(input: $input) {
      index
      created
      updated
      contact {
        id
        email
        lastName
      }
      errors {
        path
        message
      }
    }
  }
`);

const Convert = graphql(`
  mutation ContactWfConvert($input: ConvertLeadInput!) {
    convertLead(input: $input) {
      id
      status
      companyId
      company {
        id
        companyName
        status
        primaryContactId
        projects {
          nodes {
            projectName
            services {
              nodes {
                id
              }
            }
          }
        }
      }
    }
  }
`);

/** Column limits of the contacts table, for "one character too many". */
const LIMITS = COLUMN_LIMITS.Contact!;

interface ContactRow {
  id: string;
  first_name: string;
  last_name: string | null;
  email: string;
  phone: string | null;
  company_name: string | null;
  company_size: string | null;
  message: string | null;
  status: string;
  source: string | null;
  company_id: string | null;
  assigned_to: string | null;
  updated_at: string;
}

describe.each(testTargets())('contact workflows (%s)', (target) => {
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

  async function contactByEmail(email: string): Promise<ContactRow | undefined> {
    const [row] = await db.sql<ContactRow>(`SELECT *, status::text AS status, updated_at::text AS updated_at FROM contacts WHERE email = $1`, [email]);
    return row;
  }

  async function contactById(id: string): Promise<ContactRow> {
    const [row] = await db.sql<ContactRow>(`SELECT *, status::text AS status, updated_at::text AS updated_at FROM contacts WHERE id = $1`, [id]);
    return row!;
  }

  async function companyRow(id: string) {
    const [row] = await db.sql<{ company_name: string; status: string; primary_contact_id: string | null; industry: string | null; website: string | null; city: string | null; country: string | null; company_size: string | null }>(
      `SELECT company_name, status::text AS status, primary_contact_id, industry, website, city, country, company_size FROM companies WHERE id = $1`,
      [id],
    );
    return row!;
  }

  /**
   * Asserts the request failed as a whole with `status` and `code` and left every
   * table as it was; returns the error's field error paths.
   */
  async function refused(status: number, code: string, send: () => Promise<GraphQLResponse<unknown>>): Promise<string[][]> {
    const before = await db.checksums();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.errors).toHaveLength(1);
    const extensions = res.body.errors![0]!.extensions!;
    expect(extensions.code).toBe(code);
    expect(await db.checksums()).toEqual(before);
    return ((extensions.fieldErrors as { path: string[] }[] | undefined) ?? []).map((f) => f.path);
  }

  describe('simultaneous first submissions of a new email', () => {
    it('two forms at once both succeed: one creates the lead, the other adds its message as a note', async () => {
      const email = `twice-${Date.now()}@example.com`;
      const answers = await Promise.all(
        ['First message', 'Second message'].map((message) => api.post(SubmitForm, { input: { firstName: 'Twice', email, message } }, { authorization: '' })),
      );
      expect(answers.map((a) => ({ status: a.status, errors: a.body.errors }))).toEqual([
        { status: 200, errors: undefined },
        { status: 200, errors: undefined },
      ]);
      const contacts = await db.sql<{ id: string; message: string }>(`SELECT id, message FROM contacts WHERE email = $1`, [email]);
      expect(contacts).toHaveLength(1);
      const notes = await db.sql<{ note_text: string }>(`SELECT note_text FROM notes WHERE related_id = $1`, [contacts[0]!.id]);
      expect([contacts[0]!.message, ...notes.map((n) => n.note_text)].sort()).toEqual(['First message', 'Second message']);
    });

    it('two upserts at once both succeed: one creates, one updates', async () => {
      const email = `upsert-twice-${Date.now()}@example.com`;
      const answers = await Promise.all(['Khan', 'Mohammed'].map((lastName) => api.post(Upsert, { input: { email, firstName: 'Ria', lastName } })));
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const outcomes = answers.map((a) => a.body.data!.upsertContact!);
      expect(outcomes.map((o) => o.created).sort()).toEqual([false, true]);
      expect(outcomes[0]!.contact.id).toBe(outcomes[1]!.contact.id);
    });
  });

  describe('submitContactForm', () => {
    it('takes the form from anonymous callers and tells them nothing about the contact', async () => {
      const known = await contactById(SEED_IDS.leadContact);
      const res = await api.post(SubmitForm, { input: { firstName: 'Anon', email: known.email, message: 'Anonymous website message' } }, { authorization: '' });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ submitContactForm: { received: true, contact: null } });
      const [note] = await db.sql<{ note_text: string; created_by: string | null }>(
        `SELECT note_text, created_by FROM notes WHERE related_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [known.id],
      );
      expect(note).toEqual({ note_text: 'Anonymous website message', created_by: null });
    });

    it('creates a lead from a new email, with the message on the contact and blank fields left empty', async () => {
      const [notesBefore] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM notes`);
      const { submitContactForm: { contact: submitted } } = await api.runOk(SubmitForm, {
        input: {
          firstName: '  Renee ',
          lastName: '',
          email: '  Renee.Ali@Example.COM ',
          phone: '   ',
          companyName: 'Ali Tours',
          companySize: '1-10',
          message: 'Can you automate our tour bookings?',
        },
      });
      expect(submitted).toMatchObject({ email: 'renee.ali@example.com', firstName: 'Renee', lastName: null, status: 'LEAD', source: 'website' });
      const row = await contactByEmail('renee.ali@example.com');
      expect(row).toMatchObject({
        id: submitted!.id,
        first_name: 'Renee',
        last_name: null,
        phone: null,
        company_name: 'Ali Tours',
        company_size: '1-10',
        message: 'Can you automate our tour bookings?',
        status: 'lead',
        source: 'website',
        company_id: null,
        assigned_to: null,
      });
      // The first inquiry lives in contacts.message only.
      const [notesAfter] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM notes`);
      expect(notesAfter!.n).toBe(notesBefore!.n);
    });

    it('keeps a known contact (email in any case): fills its empty fields only and records the message as a note', async () => {
      await db.sql(`UPDATE contacts SET phone = NULL, last_name = NULL WHERE id = $1`, [SEED_IDS.leadContact]);
      const before = await contactById(SEED_IDS.leadContact);
      expect(before.company_name).not.toBeNull();
      const [counts] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM contacts`);
      const { submitContactForm: { contact: submitted } } = await api.runOk(SubmitForm, {
        input: {
          firstName: 'Somebody Else',
          lastName: 'Rampersad-Khan',
          email: `  ${before.email.toUpperCase()} `,
          phone: '+1 (868) 555-0142',
          companyName: 'Another Bakery',
          companySize: '51-200',
          message: 'Following up: we now also want delivery tracking.',
          source: 'landing page',
        },
      });
      expect(submitted!.id).toBe(SEED_IDS.leadContact);
      const after = await contactById(SEED_IDS.leadContact);
      expect(after).toMatchObject({
        first_name: before.first_name,
        last_name: 'Rampersad-Khan',
        phone: '+1 (868) 555-0142',
        company_name: before.company_name,
        company_size: before.company_size,
        message: before.message,
        status: before.status,
        source: before.source,
      });
      const [countsAfter] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM contacts`);
      expect(countsAfter!.n).toBe(counts!.n);
      const notes = await db.sql<{ note_type: string; note_text: string; is_private: boolean; created_by: string | null }>(
        `SELECT note_type::text, note_text, is_private, created_by FROM notes WHERE related_id = $1 AND note_text LIKE 'Following up%'`,
        [SEED_IDS.leadContact],
      );
      expect(notes).toEqual([{ note_type: 'contact', note_text: 'Following up: we now also want delivery tracking.', is_private: false, created_by: TEST_ADMIN_ID }]);
    });

    it('reports every bad field at once (email, phone, too-long name) and writes nothing', async () => {
      const paths = await refused(400, 'BAD_USER_INPUT', () =>
        api.post(SubmitForm, { input: { firstName: 'x'.repeat(LIMITS.firstName! + 1), email: 'not-an-email', phone: 'call me maybe' } }),
      );
      expect(paths).toEqual(expect.arrayContaining([['input', 'firstName'], ['input', 'email'], ['input', 'phone']]));
      expect(paths).toHaveLength(3);
    });

    it('refuses a blank first name and an email without a dot in its domain', async () => {
      const paths = await refused(400, 'BAD_USER_INPUT', () => api.post(SubmitForm, { input: { firstName: '   ', email: 'ana@localhost' } }));
      expect(paths).toEqual([['input', 'firstName'], ['input', 'email']]);
    });
  });

  describe('upsertContact', () => {
    it('creates a contact for a new email, then changes only the fields given', async () => {
      const created = await api.runOk(Upsert, {
        input: { email: '  Alice@EXAMPLE.com ', firstName: 'Alice', lastName: 'Baptiste', phone: '868 555 0199', companySize: '11-50', companyId: SEED_IDS.prospectCompany },
      });
      expect(created.upsertContact).toMatchObject({ created: true, updated: false, contact: { email: 'alice@example.com', company: { id: SEED_IDS.prospectCompany } } });
      const id = created.upsertContact.contact.id;
      expect(await contactById(id)).toMatchObject({ first_name: 'Alice', last_name: 'Baptiste', phone: '868 555 0199', company_size: '11-50', status: 'lead', source: 'website' });

      // Left out: unchanged; null and blank: cleared.
      const changed = await api.runOk(Upsert, { input: { email: 'ALICE@example.com', lastName: 'Baptiste-Ross', companySize: null, companyId: '' } });
      expect(changed.upsertContact).toMatchObject({ created: false, updated: true, contact: { id, lastName: 'Baptiste-Ross', phone: '868 555 0199', companySize: null, company: null } });
      const row = await contactById(id);
      expect(row).toMatchObject({ first_name: 'Alice', last_name: 'Baptiste-Ross', phone: '868 555 0199', company_size: null, company_id: null });

      // The same values again change nothing, not even updated_at.
      const again = await api.runOk(Upsert, { input: { email: 'alice@example.com', lastName: 'Baptiste-Ross', companySize: null } });
      expect(again.upsertContact).toMatchObject({ created: false, updated: false, contact: { id } });
      expect((await contactById(id)).updated_at).toBe(row.updated_at);
    });

    it('requires a first name for a new email only', async () => {
      const paths = await refused(400, 'BAD_USER_INPUT', () => api.post(Upsert, { input: { email: 'nobody.yet@example.com', lastName: 'Nobody' } }));
      expect(paths).toEqual([['input', 'firstName']]);
      const known = await contactById(SEED_IDS.leadContact);
      const res = await api.runOk(Upsert, { input: { email: known.email, source: 'referral' } });
      expect(res.upsertContact).toMatchObject({ created: false, updated: true, contact: { id: known.id } });
      expect((await contactById(known.id)).first_name).toBe(known.first_name);
    });

    it('refuses an unknown company, a bad email and a too-long name, naming each field, and writes nothing', async () => {
      const paths = await refused(400, 'BAD_USER_INPUT', () =>
        api.post(Upsert, {
          input: { email: 'ok@example.com', firstName: 'Ok', lastName: 'y'.repeat(LIMITS.lastName! + 1), companyId: '00000000-0000-4000-8000-000000000000' },
        }),
      );
      expect(paths).toEqual([['input', 'lastName'], ['input', 'companyId']]);
      expect(await refused(400, 'BAD_USER_INPUT', () => api.post(Upsert, { input: { email: 'two@@example.com', firstName: 'Two' } }))).toEqual([['input', 'email']]);
      expect(await refused(400, 'BAD_USER_INPUT', () => api.post(Upsert, { input: { email: '  ', firstName: 'Blank' } }))).toEqual([['input', 'email']]);
    });

    it('returns each mutation\'s own result when one request upserts the same contact twice', async () => {
      const res = await api.runOk(UpsertTwice, {
        first: { email: 'twice@example.com', firstName: 'Twice', lastName: 'First' },
        second: { email: 'TWICE@example.com', lastName: 'Second' },
      });
      expect(res.first).toMatchObject({ created: true, contact: { lastName: 'First' } });
      expect(res.second).toMatchObject({ created: false, contact: { id: res.first.contact.id, lastName: 'Second' } });
    });

    it('cannot clear a known contact\'s first name', async () => {
      const known = await contactById(SEED_IDS.leadContact);
      const paths = await refused(400, 'BAD_USER_INPUT', () => api.post(Upsert, { input: { email: known.email, firstName: null } }));
      expect(paths).toEqual([['input', 'firstName']]);
    });
  });

  describe('upsertContacts', () => {
    it('writes the valid items, reports the invalid ones per item, and applies repeated emails in order', async () => {
      const known = await contactById(SEED_IDS.leadContact);
      const before = await db.checksums();
      const res = await api.post(UpsertMany, {
        input: {
          contacts: [
            { email: 'Batch.One@Example.com', firstName: 'Batch', lastName: 'One' },
            { email: 'not an email', firstName: 'Broken' },
            { email: known.email.toUpperCase(), lastName: 'Updated-In-Batch' },
            { email: 'batch.three@example.com', firstName: 'Batch', lastName: 'z'.repeat(LIMITS.lastName! + 1), companyId: '00000000-0000-4000-8000-000000000000' },
            { email: 'batch.one@example.com', lastName: 'One-Again' },
            { email: 'batch.four@example.com' },
          ],
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      const results = res.body.data!.upsertContacts;
      expect(results.map((r) => [r.index, r.created, r.updated])).toEqual([
        [0, true, false],
        [1, false, false],
        [2, false, true],
        [3, false, false],
        [4, false, true],
        [5, false, false],
      ]);
      expect(results.map((r) => r.errors.map((e) => e.path))).toEqual([
        [],
        [['input', 'contacts', '1', 'email']],
        [],
        [['input', 'contacts', '3', 'lastName'], ['input', 'contacts', '3', 'companyId']],
        [],
        [['input', 'contacts', '5', 'firstName']],
      ]);
      expect(results.map((r) => r.contact?.id ?? null)).toEqual([results[0]!.contact!.id, null, known.id, null, results[0]!.contact!.id, null]);
      expect(results[4]!.contact).toMatchObject({ email: 'batch.one@example.com', lastName: 'One-Again' });

      expect(await contactByEmail('batch.one@example.com')).toMatchObject({ first_name: 'Batch', last_name: 'One-Again' });
      expect((await contactById(known.id)).last_name).toBe('Updated-In-Batch');
      for (const email of ['not an email', 'batch.three@example.com', 'batch.four@example.com']) expect(await contactByEmail(email)).toBeUndefined();
      // Of the data, only contacts changed (the audit log may record the writes).
      const after = await db.checksums();
      expect(DATA_TABLES.filter((table) => after[table] !== before[table])).toEqual(['contacts']);
    });

    it('does nothing for an empty list', async () => {
      const before = await db.checksums();
      expect(await api.runOk(UpsertMany, { input: { contacts: [] } })).toEqual({ upsertContacts: [] });
      expect(await db.checksums()).toEqual(before);
    });

    it(`refuses more than ${100} items as a whole, writing nothing`, async () => {
      const contacts = Array.from({ length: 101 }, (_, i) => ({ email: `bulk${i}@example.com`, firstName: `Bulk ${i}` }));
      expect(await refused(400, 'BAD_USER_INPUT', () => api.post(UpsertMany, { input: { contacts } }))).toEqual([['input', 'contacts']]);
    });
  });

  describe('convertLead', () => {
    it('converts a lead into a new ACTIVE company with a first project and its services', async () => {
      const lead = await contactById(SEED_IDS.leadContact);
      const [other] = await db.sql<{ id: string }>(`SELECT id FROM services WHERE is_active AND id <> $1 ORDER BY service_name LIMIT 1`, [SEED_IDS.chatbotService]);
      const { convertLead } = await api.runOk(Convert, {
        input: {
          contactId: lead.id,
          companyName: '  Chaguanas Bakery & Pastry Ltd ',
          industry: 'Food & Beverage',
          city: 'Chaguanas',
          country: 'Trinidad and Tobago',
          website: '',
          project: {
            projectName: 'WhatsApp ordering',
            projectType: 'chatbot',
            setupFee: '4500.00',
            monthlyFee: '650.5',
            serviceIds: [SEED_IDS.chatbotService, other!.id, SEED_IDS.chatbotService],
          },
        },
      });
      expect(convertLead).toMatchObject({ id: lead.id, status: 'CONVERTED', company: { companyName: 'Chaguanas Bakery & Pastry Ltd', status: 'ACTIVE', primaryContactId: lead.id } });
      const companyId = convertLead.companyId!;
      expect(convertLead.company!.projects.nodes).toEqual([
        { projectName: 'WhatsApp ordering', services: { nodes: expect.arrayContaining([{ id: SEED_IDS.chatbotService }, { id: other!.id }]) } },
      ]);

      expect(await contactById(lead.id)).toMatchObject({ status: 'converted', company_id: companyId });
      expect(await companyRow(companyId)).toEqual({
        company_name: 'Chaguanas Bakery & Pastry Ltd',
        status: 'active',
        primary_contact_id: lead.id,
        industry: 'Food & Beverage',
        website: null,
        city: 'Chaguanas',
        country: 'Trinidad and Tobago',
        company_size: lead.company_size,
      });
      // A new client's contract starts the day it converts (UTC).
      const [contract] = await db.sql<{ started_today: boolean }>(
        `SELECT contract_start_date = (now() AT TIME ZONE 'UTC')::date AS started_today FROM companies WHERE id = $1`,
        [companyId],
      );
      expect(contract).toEqual({ started_today: true });
      const projects = await db.sql<{ id: string; project_name: string; project_type: string; status: string; setup_fee: string; monthly_fee: string }>(
        `SELECT id, project_name, project_type, status::text, setup_fee::text, monthly_fee::text FROM projects WHERE company_id = $1`,
        [companyId],
      );
      expect(projects).toEqual([{ id: expect.any(String), project_name: 'WhatsApp ordering', project_type: 'chatbot', status: 'scoping', setup_fee: '4500.00', monthly_fee: '650.50' }]);
      const links = await db.sql<{ service_id: string }>(`SELECT service_id FROM project_services WHERE project_id = $1 ORDER BY service_id`, [projects[0]!.id]);
      expect(links.map((l) => l.service_id)).toEqual([SEED_IDS.chatbotService, other!.id].sort());
    });

    it('converting again into the same company changes nothing; with a project or into another company it is a CONFLICT', async () => {
      const lead = await contactById(SEED_IDS.leadContact);
      expect(lead.status).toBe('converted');
      const before = await db.checksums();
      const { convertLead } = await api.runOk(Convert, { input: { contactId: lead.id } });
      expect(convertLead).toMatchObject({ status: 'CONVERTED', companyId: lead.company_id });
      expect(await db.checksums()).toEqual(before);

      expect(await refused(409, 'CONFLICT', () => api.post(Convert, { input: { contactId: lead.id, project: { projectName: 'Second project' } } }))).toEqual([
        ['input', 'project'],
      ]);
      expect(await refused(409, 'CONFLICT', () => api.post(Convert, { input: { contactId: lead.id, companyId: SEED_IDS.companyWithLiveProjects } }))).toEqual([
        ['input', 'contactId'],
      ]);
    });

    it('joins an existing client by id, keeping its status and primary contact', async () => {
      const bayside = await companyRow(SEED_IDS.companyWithLiveProjects);
      expect(bayside).toMatchObject({ status: 'active', primary_contact_id: SEED_IDS.primaryContact });
      const lead = await contactByEmail('kyle.boodoo@gmail.com');
      const { convertLead } = await api.runOk(Convert, { input: { contactId: lead!.id, companyId: SEED_IDS.companyWithLiveProjects } });
      expect(convertLead).toMatchObject({ status: 'CONVERTED', companyId: SEED_IDS.companyWithLiveProjects, company: { primaryContactId: SEED_IDS.primaryContact } });
      expect(await contactById(lead!.id)).toMatchObject({ status: 'converted', company_id: SEED_IDS.companyWithLiveProjects });
      expect(await companyRow(SEED_IDS.companyWithLiveProjects)).toEqual(bayside);
    });

    it('finds a company by name ignoring case: a PROSPECT becomes ACTIVE, gets a primary contact if it has none, and has only its empty fields filled', async () => {
      const linden = SEED_IDS.companyWithoutProjects;
      await db.sql(`UPDATE companies SET primary_contact_id = NULL, website = NULL, contract_start_date = NULL WHERE id = $1`, [linden]);
      const before = await companyRow(linden);
      expect(before.status).toBe('prospect');
      const lead = await contactByEmail('dwayne@harewoodrentals.bb');
      const { convertLead } = await api.runOk(Convert, {
        input: { contactId: lead!.id, companyName: `  ${before.company_name.toUpperCase()} `, industry: 'Something Else', website: 'https://linden.example.com' },
      });
      expect(convertLead).toMatchObject({ companyId: linden, company: { status: 'ACTIVE', primaryContactId: lead!.id } });
      expect(await companyRow(linden)).toEqual({ ...before, status: 'active', primary_contact_id: lead!.id, website: 'https://linden.example.com' });
      const [contract] = await db.sql(`SELECT contract_start_date = (now() AT TIME ZONE 'UTC')::date AS started_today FROM companies WHERE id = $1`, [linden]);
      expect(contract).toEqual({ started_today: true });
      expect(await contactById(lead!.id)).toMatchObject({ status: 'converted', company_id: linden });
    });

    it('without company arguments uses the company name the contact gave', async () => {
      const lead = await contactByEmail('jmlouis@soufrierebikes.lc');
      const { convertLead } = await api.runOk(Convert, { input: { contactId: lead!.id } });
      expect(convertLead.company).toMatchObject({ companyName: lead!.company_name, status: 'ACTIVE', primaryContactId: lead!.id });
      expect((await companyRow(convertLead.companyId!)).company_size).toBe(lead!.company_size);
    });

    it('answers NOT_FOUND for an unknown contact and BAD_USER_INPUT for unknown or inactive references, writing nothing', async () => {
      const missing = '00000000-0000-4000-8000-000000000001';
      expect(await refused(404, 'NOT_FOUND', () => api.post(Convert, { input: { contactId: missing, companyName: 'Nobody Inc' } }))).toEqual([['input', 'contactId']]);

      const lead = await contactByEmail('sade.forde@barbadosbloom.com');
      expect(await refused(400, 'BAD_USER_INPUT', () => api.post(Convert, { input: { contactId: lead!.id, companyId: missing } }))).toEqual([['input', 'companyId']]);
      expect(
        await refused(400, 'BAD_USER_INPUT', () => api.post(Convert, { input: { contactId: lead!.id, companyId: SEED_IDS.companyWithLiveProjects, companyName: 'Bayside' } })),
      ).toEqual([['input', 'companyName']]);
      const paths = await refused(400, 'BAD_USER_INPUT', () =>
        api.post(Convert, {
          input: { contactId: lead!.id, project: { projectName: '  ', serviceIds: [SEED_IDS.chatbotService, missing, SEED_IDS.inactiveService] } },
        }),
      );
      expect(paths).toEqual([
        ['input', 'project', 'projectName'],
        ['input', 'project', 'serviceIds', '1'],
        ['input', 'project', 'serviceIds', '2'],
      ]);
      expect((await contactById(lead!.id)).status).toBe('lead');
    });

    it('needs a company name when the contact has neither a company nor a company name', async () => {
      const lead = await contactByEmail('latoya.brown@yahoo.com');
      expect(lead).toMatchObject({ company_id: null, company_name: null });
      expect(await refused(400, 'BAD_USER_INPUT', () => api.post(Convert, { input: { contactId: lead!.id } }))).toEqual([['input', 'companyName']]);
    });
  });
});
