// The audit log through HTTP: each sensitive change made through the API leaves a
// row with who made it (user:<id> for people, api-key:<id> for keys, anonymous for
// the website form), the run id (Idempotency-Key, else X-Run-Id, else the request
// id) and the row before and after; `auditLog` pages and filters them for admins
// and no one else.
import { randomUUID } from 'node:crypto';
import { createApiKey } from '../src/auth/api-keys';
import { SEED_IDS } from '../src/db/seed-data';
import { graphql } from './generated';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { bearer, signToken, startTestServer, TEST_ADMIN_ID, TEST_MEMBER_ID, type TestServer } from './helpers/http';

const AuditLogQuery = graphql(`
  query AuditTrail($filter: AuditLogFilter, $orderBy: [AuditLogOrderBy!], $first: Int, $after: String) {
    auditLog(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        tableName
        recordId
        action
        actor
        requestId
        changedFields
        oldRow
        newRow
        changedAt
      }
    }
  }
`);

interface AuditRow {
  id: string;
  table_name: string;
  record_id: string;
  action: string;
  actor: string;
  request_id: string | null;
  changed_fields: string[];
  old_row: Record<string, unknown> | null;
  new_row: Record<string, unknown> | null;
}

const tag = () => randomUUID().slice(0, 8);

describe.each(testTargets())('audit log (%s)', (target) => {
  let db: TestDatabase;
  let api: TestServer;
  let member: Record<string, string>;
  let key: { id: string; headers: Record<string, string> };

  beforeAll(async () => {
    db = await createTestDatabase(target);
    api = await startTestServer(db);
    member = bearer(await signToken({ sub: TEST_MEMBER_ID, role: 'member', email: 'member@aurum.tt' }));
    const created = await createApiKey(db.prisma, 'Make.com', ['read', 'write', 'billing']);
    key = { id: created.id, headers: { 'x-api-key': created.key } };
  });
  afterAll(async () => {
    await api?.stop();
    await db?.drop();
  });

  const rowsOf = (table: string, recordId: string) =>
    db.sql<AuditRow>(`SELECT id::text, table_name, record_id, action, actor, request_id, changed_fields, old_row, new_row FROM audit_log WHERE table_name = $1 AND record_id = $2 ORDER BY id`, [
      table,
      recordId,
    ]);
  const ok = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await api.post(query, variables, headers);
    expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
    return res;
  };
  const ADMIN = `user:${TEST_ADMIN_ID}`;

  it('invoice created by an admin (Idempotency-Key) and paid through a key (X-Run-Id): actor, run id, old and new rows', async () => {
    const createKey = `audit-create-${tag()}`;
    const created = await ok(
      'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }',
      { input: { companyId: SEED_IDS.companyWithoutProjects, amount: '500.00', dueDate: '2099-01-31' } },
      { 'idempotency-key': createKey },
    );
    const invoiceId = (created.body.data as { createInvoice: { id: string } }).createInvoice.id;
    // A replay of the same call writes nothing, so no second audit row.
    const replay = await api.post(
      'mutation($input: CreateInvoiceInput!) { createInvoice(input: $input) { id } }',
      { input: { companyId: SEED_IDS.companyWithoutProjects, amount: '500.00', dueDate: '2099-01-31' } },
      { 'idempotency-key': createKey },
    );
    expect(replay.headers.get('idempotent-replayed')).toBe('true');

    const runId = `make-exec-${tag()}`;
    await ok('mutation($id: UUID!) { markInvoicePaid(id: $id, input: { paymentMethod: "bank_transfer" }) { id } }', { id: invoiceId }, { ...key.headers, 'x-run-id': runId });

    const [insert, update, ...more] = await rowsOf('invoices', invoiceId);
    expect(more).toEqual([]);
    expect(insert).toMatchObject({ action: 'INSERT', actor: ADMIN, request_id: createKey, old_row: null, new_row: { id: invoiceId, status: 'draft', due_date: '2099-01-31' } });
    expect(Number(insert!.new_row!.amount)).toBe(500);
    expect(insert!.changed_fields).toEqual(expect.arrayContaining(['amount', 'invoice_number', 'status']));
    expect(update).toMatchObject({
      action: 'UPDATE',
      actor: `api-key:${key.id}`,
      request_id: runId,
      old_row: { status: 'draft', paid_date: null, payment_method: null },
      new_row: { status: 'paid', payment_method: 'bank_transfer' },
    });
    expect(update!.changed_fields).toEqual(expect.arrayContaining(['paid_date', 'payment_method', 'status']));
    expect(update!.changed_fields).not.toContain('updated_at');
    // The payment raised the company's revenue (a trigger): audited under the same actor and run.
    const companyRows = (await rowsOf('companies', SEED_IDS.companyWithoutProjects)).filter((r) => r.request_id === runId);
    expect(companyRows).toEqual([expect.objectContaining({ action: 'UPDATE', actor: `api-key:${key.id}`, changed_fields: expect.arrayContaining(['total_revenue']) })]);
  });

  it('company update by a member: their user id, and the request id when no run id is sent', async () => {
    const res = await ok('mutation($id: UUID!) { updateCompany(id: $id, input: { status: INACTIVE, city: "Arima" }) { id } }', { id: SEED_IDS.churnedCompany }, member);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const [row, ...more] = (await rowsOf('companies', SEED_IDS.churnedCompany)).filter((r) => r.actor.startsWith('user:'));
    expect(more).toEqual([]);
    expect(row).toMatchObject({ action: 'UPDATE', actor: `user:${TEST_MEMBER_ID}`, request_id: requestId, old_row: { status: 'churned' }, new_row: { status: 'inactive', city: 'Arima' } });
    expect(row!.changed_fields).toEqual(['city', 'status']);
  });

  it('project fee change by an API key', async () => {
    const idempotencyKey = `fee-${tag()}`;
    const [before] = await db.sql<{ monthly_fee: string }>(`SELECT monthly_fee FROM projects WHERE id = $1`, [SEED_IDS.liveProject]);
    await ok('mutation($id: UUID!) { updateProject(id: $id, input: { monthlyFee: "999.99" }) { id } }', { id: SEED_IDS.liveProject }, { ...key.headers, 'idempotency-key': idempotencyKey });
    const rows = (await rowsOf('projects', SEED_IDS.liveProject)).filter((r) => r.request_id === idempotencyKey);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'UPDATE', actor: `api-key:${key.id}`, changed_fields: ['monthly_fee'] });
    expect(Number(rows[0]!.old_row!.monthly_fee)).toBe(Number(before!.monthly_fee));
    expect(Number(rows[0]!.new_row!.monthly_fee)).toBe(999.99);
    // The company's MRR follows the live project's fee: audited in the same run.
    const company = (await rowsOf('companies', SEED_IDS.companyWithLiveProjects)).filter((r) => r.request_id === idempotencyKey);
    expect(company).toEqual([expect.objectContaining({ actor: `api-key:${key.id}`, changed_fields: ['monthly_recurring'] })]);
  });

  it('note delete by an admin keeps the note as it was', async () => {
    const [note] = await db.sql<{ id: string }>(
      `INSERT INTO notes (note_type, related_id, note_text, created_by, is_private) VALUES ('company', $1, 'Margin is thin', $2, true) RETURNING id`,
      [SEED_IDS.companyWithLiveProjects, TEST_MEMBER_ID],
    );
    const runId = `cleanup-${tag()}`;
    await ok('mutation($id: UUID!) { deleteNote(id: $id) { id } }', { id: note!.id }, { 'x-run-id': runId });
    const rows = await rowsOf('notes', note!.id);
    expect(rows.map((r) => r.action)).toEqual(['INSERT', 'DELETE']);
    expect(rows[1]).toMatchObject({
      actor: ADMIN,
      request_id: runId,
      new_row: null,
      old_row: { id: note!.id, note_text: 'Margin is thin', is_private: true, created_by: TEST_MEMBER_ID },
    });
  });

  it('every data table is audited, whoever writes: service, link, meeting, ticket, integration, contact', async () => {
    const runId = `sweep-${tag()}`;
    const headers = { 'x-run-id': runId };
    const service = await ok('mutation { createService(input: { serviceName: "Audited service" }) { id } }', {}, headers);
    const serviceId = (service.body.data as { createService: { id: string } }).createService.id;
    await ok('mutation($p: UUID!, $s: UUID!) { addServiceToProject(projectId: $p, serviceId: $s) { id } }', { p: SEED_IDS.liveProject, s: serviceId }, headers);
    await ok('mutation($c: UUID!) { scheduleMeeting(input: { contactId: $c, title: "Audit call", scheduledAt: "2099-01-01T10:00:00Z" }) { id } }', { c: SEED_IDS.primaryContact }, headers);
    await ok('mutation($id: UUID!) { resolveSupportTicket(id: $id, input: { resolution: "Done" }) { id } }', { id: SEED_IDS.openTicket }, headers);
    await ok('mutation($p: UUID!) { createIntegration(input: { projectId: $p, toolName: "Airtable" }) { id } }', { p: SEED_IDS.liveProject }, headers);
    await ok('mutation { upsertContact(input: { email: "audited@example.com", firstName: "Audited" }) { created } }', {}, headers);
    const tables = await db.sql<{ table_name: string; action: string; actor: string }>(
      `SELECT DISTINCT table_name, action, actor FROM audit_log WHERE request_id = $1 ORDER BY table_name, action`,
      [runId],
    );
    expect(tables).toEqual([
      { table_name: 'contacts', action: 'INSERT', actor: ADMIN },
      { table_name: 'integrations', action: 'INSERT', actor: ADMIN },
      { table_name: 'meetings', action: 'INSERT', actor: ADMIN },
      { table_name: 'project_services', action: 'INSERT', actor: ADMIN },
      { table_name: 'services', action: 'INSERT', actor: ADMIN },
      { table_name: 'support_tickets', action: 'UPDATE', actor: ADMIN },
    ]);
  });

  it('the website form is audited as anonymous', async () => {
    const email = `form-${tag()}@example.com`;
    await ok('mutation($input: SubmitContactFormInput!) { submitContactForm(input: $input) { received } }', { input: { firstName: 'Web', email } }, { authorization: '', 'x-run-id': 'website' });
    const rows = await db.sql<AuditRow>(`SELECT actor, request_id, action FROM audit_log WHERE table_name = 'contacts' AND new_row ->> 'email' = $1`, [email]);
    expect(rows).toEqual([{ actor: 'anonymous', request_id: 'website', action: 'INSERT' }]);
  });

  describe('auditLog query', () => {
    it('filters by table and record (newest first), by actor, and by run id', async () => {
      const [invoice] = await db.sql<{ record_id: string }>(`SELECT record_id FROM audit_log WHERE table_name = 'invoices' AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`);
      const byRecord = await api.runOk(AuditLogQuery, { filter: { tableName: { eq: 'invoices' }, recordId: { eq: invoice!.record_id } } });
      const expected = await db.sql<{ id: string; action: string }>(`SELECT id::text, action FROM audit_log WHERE table_name = 'invoices' AND record_id = $1 ORDER BY id DESC`, [invoice!.record_id]);
      expect(byRecord.auditLog.totalCount).toBe(expected.length);
      expect(byRecord.auditLog.nodes.map((n) => [n.id, n.action])).toEqual(expected.map((r) => [r.id, r.action]));
      expect(byRecord.auditLog.nodes[0]).toMatchObject({ tableName: 'invoices', recordId: invoice!.record_id, newRow: expect.objectContaining({ status: 'paid' }) });

      const byKey = await api.runOk(AuditLogQuery, { filter: { actor: { eq: `api-key:${key.id}` } }, first: 100 });
      const [keyRows] = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE actor = $1`, [`api-key:${key.id}`]);
      expect(byKey.auditLog.totalCount).toBe(keyRows!.n);
      expect(byKey.auditLog.totalCount).toBeGreaterThanOrEqual(3);
      expect(new Set(byKey.auditLog.nodes.map((n) => n.actor))).toEqual(new Set([`api-key:${key.id}`]));

      const byRun = await api.runOk(AuditLogQuery, { filter: { requestId: { eq: 'website' } } });
      expect(byRun.auditLog.nodes.map((n) => [n.tableName, n.actor])).toEqual([['contacts', 'anonymous']]);
    });

    it('pages with first/after and orders by orderBy', async () => {
      const filter = { actor: { eq: `user:${TEST_ADMIN_ID}` } };
      const all = await db.sql<{ id: string }>(`SELECT id::text FROM audit_log WHERE actor = $1 ORDER BY changed_at, id`, [`user:${TEST_ADMIN_ID}`]);
      expect(all.length).toBeGreaterThan(3);
      const seen: string[] = [];
      let after: string | null | undefined;
      do {
        const page = await api.runOk(AuditLogQuery, { filter, orderBy: [{ changedAt: 'ASC' }], first: 3, after });
        expect(page.auditLog.totalCount).toBe(all.length);
        expect(page.auditLog.nodes.length).toBeLessThanOrEqual(3);
        seen.push(...page.auditLog.nodes.map((n) => n.id));
        after = page.auditLog.pageInfo.hasNextPage ? page.auditLog.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(all.map((r) => r.id));
    });

    it('is for admins only: members and API keys (all scopes) are FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
      for (const [headers, status, code] of [
        [member, 403, 'FORBIDDEN'],
        [key.headers, 403, 'FORBIDDEN'],
        [{ authorization: '' }, 401, 'UNAUTHENTICATED'],
      ] as const) {
        const res = await api.runError(AuditLogQuery, { first: 1 }, headers);
        expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code, data: res.body.data }).toEqual({ status, code, data: null });
      }
      // The database says the same to a member who reads the table directly.
      const claims = { sub: TEST_MEMBER_ID, role: 'authenticated', app_metadata: { role: 'member' } };
      expect(await db.asRole('authenticated', claims, (sql) => sql(`SELECT id FROM audit_log LIMIT 1`))).toEqual([]);
    });
  });
});
