// Row level security as Supabase applies it: queried directly in the database as
// the `authenticated` and `anon` roles with JWT claims set.
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';

const MEMBER = { sub: '9b2f3c1e-0000-4000-8000-00000000aa01', role: 'authenticated', app_metadata: { role: 'member' } };
const ADMIN = { sub: '9b2f3c1e-0000-4000-8000-00000000aa02', role: 'authenticated', app_metadata: { role: 'admin' } };

describe.each(testTargets())('row level security (%s)', (target) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(target);
  });
  afterAll(() => db?.drop());

  it('lets authenticated users read every table', async () => {
    for (const table of ['contacts', 'companies', 'projects', 'services', 'project_services', 'invoices', 'meetings', 'support_tickets', 'integrations']) {
      const [owner] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      const [asMember] = await db.asRole('authenticated', MEMBER, (sql) => sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`));
      expect({ table, n: asMember!.n }).toEqual({ table, n: owner!.n });
      expect(owner!.n).toBeGreaterThan(0);
    }
  });

  it('lets authenticated users write', async () => {
    const rows = await db.asRole('authenticated', MEMBER, (sql) =>
      sql<{ company_name: string }>(`INSERT INTO companies (company_name) VALUES ('RLS Write Test Ltd') RETURNING company_name`),
    );
    expect(rows).toEqual([{ company_name: 'RLS Write Test Ltd' }]);
  });

  it('hides other people\'s private notes from members, not from admins or their author', async () => {
    const [someone] = await db.sql<{ created_by: string; n: number }>(
      `SELECT created_by, count(*)::int AS n FROM notes WHERE is_private AND created_by IS NOT NULL GROUP BY created_by ORDER BY 2 DESC LIMIT 1`,
    );
    expect(someone).toBeDefined();
    const [all] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM notes`);
    const [privateOthers] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM notes WHERE is_private AND created_by IS DISTINCT FROM $1`, [MEMBER.sub]);
    const [asMember] = await db.asRole('authenticated', MEMBER, (sql) => sql<{ n: number }>(`SELECT count(*)::int AS n FROM notes`));
    expect(asMember!.n).toBe(all!.n - privateOthers!.n);
    const [asAdmin] = await db.asRole('authenticated', ADMIN, (sql) => sql<{ n: number }>(`SELECT count(*)::int AS n FROM notes`));
    expect(asAdmin!.n).toBe(all!.n);
    const author = { ...MEMBER, sub: someone!.created_by };
    const [own] = await db.asRole('authenticated', author, (sql) =>
      sql<{ n: number }>(`SELECT count(*)::int AS n FROM notes WHERE is_private AND created_by = $1`, [someone!.created_by]),
    );
    expect(own!.n).toBe(someone!.n);
  });

  it('denies anonymous reads', async () => {
    await expect(db.asRole('anon', null, (sql) => sql(`SELECT id FROM contacts LIMIT 1`))).rejects.toThrow(/permission denied/);
    await expect(db.asRole('anon', null, (sql) => sql(`SELECT id FROM invoices LIMIT 1`))).rejects.toThrow(/permission denied/);
  });

  it('lets anonymous callers insert a lead (the website form) and nothing else', async () => {
    const inserted = await db.asRole('anon', null, async (sql) => {
      await sql(`INSERT INTO contacts (first_name, email, message) VALUES ('Web', 'Form.Lead@Example.com', 'Please call me')`);
      return true;
    });
    expect(inserted).toBe(true);
    await expect(
      db.asRole('anon', null, (sql) => sql(`INSERT INTO contacts (first_name, email, status) VALUES ('Sneaky', 'sneaky@example.com', 'converted')`)),
    ).rejects.toThrow(/row-level security/);
    await expect(db.asRole('anon', null, (sql) => sql(`INSERT INTO companies (company_name) VALUES ('Nope')`))).rejects.toThrow(/permission denied/);
  });

  it('lets only admins write invoices and the services catalog', async () => {
    const [company] = await db.sql<{ id: string }>(`SELECT id FROM companies LIMIT 1`);
    const insertInvoice = `INSERT INTO invoices (invoice_number, company_id, amount) VALUES ('INV-RLS-' || md5(random()::text), '${company!.id}', 10) RETURNING id`;
    await expect(db.asRole('authenticated', MEMBER, (sql) => sql(insertInvoice))).rejects.toThrow(/row-level security/);
    await expect(db.asRole('authenticated', MEMBER, (sql) => sql(`INSERT INTO services (service_name) VALUES ('Rogue service')`))).rejects.toThrow(/row-level security/);
    // An UPDATE the policy hides changes nothing rather than failing.
    const updated = await db.asRole('authenticated', MEMBER, (sql) => sql(`UPDATE invoices SET notes = 'member was here' RETURNING id`));
    expect(updated).toEqual([]);
    expect(await db.asRole('authenticated', ADMIN, (sql) => sql(insertInvoice))).toHaveLength(1);
    expect(await db.asRole('authenticated', ADMIN, (sql) => sql(`UPDATE services SET description = description RETURNING id`))).not.toHaveLength(0);
  });

  it('lets only admins delete, on every table', async () => {
    for (const table of ['contacts', 'companies', 'projects', 'services', 'project_services', 'invoices', 'meetings', 'support_tickets', 'integrations', 'notes']) {
      const deleted = await db.asRole('authenticated', MEMBER, (sql) => sql(`DELETE FROM ${table} RETURNING id`));
      expect({ table, deleted: deleted.length }).toEqual({ table, deleted: 0 });
    }
    const [meeting] = await db.sql<{ id: string }>(`SELECT id FROM meetings LIMIT 1`);
    const asAdmin = await db.asRole('authenticated', ADMIN, (sql) => sql(`DELETE FROM meetings WHERE id = $1 RETURNING id`, [meeting!.id]));
    expect(asAdmin).toEqual([{ id: meeting!.id }]);
  });

  it('keeps the API\'s own tables (keys, rate limits, idempotency, counters) from every role', async () => {
    for (const table of ['api_keys', 'rate_limits', 'idempotency_keys', 'document_counters']) {
      for (const [role, claims] of [['authenticated', ADMIN], ['anon', null]] as const) {
        const rows = await db
          .asRole(role, claims, (sql) => sql(`SELECT * FROM ${table}`))
          .then((r) => r.length, (e: Error) => e.message);
        expect({ table, role, rows }).toEqual({ table, role, rows: expect.stringMatching(/permission denied/) });
      }
    }
  });
});

