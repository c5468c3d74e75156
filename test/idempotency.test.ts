// Idempotency-Key: automation tools retry, so a mutation sent again with the same
// key and the same request gets the first response back and writes nothing more;
// the same key with a different request is a 409; a failed request stores nothing
// (it is rolled back with the key), so its retry runs again.
import { SEED_IDS } from '../src/db/seed-data';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { bearer, signToken, startTestServer, TEST_MEMBER_ID, type GraphQLResponse, type TestServer } from './helpers/http';

const CREATE_COMPANY = 'mutation CreateCompany($input: CreateCompanyInput!) { createCompany(input: $input) { id companyName createdAt } }';
const CREATE_CONTACT = 'mutation CreateContact($input: CreateContactInput!) { createContact(input: $input) { id email } }';
const CREATE_INVOICE = 'mutation CreateInvoice($input: CreateInvoiceInput!) { createInvoice(input: $input) { id invoiceNumber amount } }';

let sequence = 0;
/** A key unique to this run, as Make.com would build it: execution id + step. */
const newKey = (label: string) => `make-exec-${process.pid}-${++sequence}:${label}`;

describe.each(testTargets())('Idempotency-Key (%s)', (target) => {
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

  const companiesNamed = async (name: string) => (await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM companies WHERE company_name = $1`, [name]))[0]!.n;
  const keyRows = async (key?: string) =>
    (await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM idempotency_keys WHERE $1::text IS NULL OR key = $1`, [key ?? null]))[0]!.n;
  const replayed = (res: GraphQLResponse<unknown>) => res.headers.get('idempotent-replayed');
  const ok = (res: GraphQLResponse<unknown>) => expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });

  it('same key, same request: the first response again, marked replayed, and one row written', async () => {
    const key = newKey('same');
    const input = { companyName: 'Replay Ltd', city: 'Arima' };
    const first = await api.post(CREATE_COMPANY, { input }, { 'Idempotency-Key': key });
    ok(first);
    expect(replayed(first)).toBeNull();

    const second = await api.post(CREATE_COMPANY, { input }, { 'Idempotency-Key': key });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(replayed(second)).toBe('true');
    expect(await companiesNamed('Replay Ltd')).toBe(1);
    expect(await keyRows(key)).toBe(1);
  });

  it('variables in another key order are the same request', async () => {
    const key = newKey('order');
    const first = await api.post(CREATE_COMPANY, { input: { companyName: 'Order Ltd', city: 'Chaguanas', country: 'Trinidad and Tobago' } }, { 'Idempotency-Key': key });
    ok(first);
    const second = await api.post(CREATE_COMPANY, { input: { country: 'Trinidad and Tobago', city: 'Chaguanas', companyName: 'Order Ltd' } }, { 'Idempotency-Key': key });
    expect({ status: second.status, replayed: replayed(second), body: second.body }).toEqual({ status: 200, replayed: 'true', body: first.body });
    expect(await companiesNamed('Order Ltd')).toBe(1);
  });

  it('same key, different variables: 409 CONFLICT and nothing written', async () => {
    const key = newKey('different');
    ok(await api.post(CREATE_COMPANY, { input: { companyName: 'First Use Ltd' } }, { 'Idempotency-Key': key }));
    const before = await db.checksums();
    const res = await api.post(CREATE_COMPANY, { input: { companyName: 'Second Use Ltd' } }, { 'Idempotency-Key': key });
    expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code, replayed: replayed(res) }).toEqual({ status: 409, code: 'CONFLICT', replayed: null });
    expect(res.body.errors![0]!.message).toMatch(/Idempotency-Key/);
    expect(await db.checksums()).toEqual(before);
    expect(await companiesNamed('Second Use Ltd')).toBe(0);
  });

  it('same key, another mutation: 409 CONFLICT and nothing written', async () => {
    const key = newKey('other-mutation');
    ok(await api.post(CREATE_COMPANY, { input: { companyName: 'Keyed Ltd' } }, { 'Idempotency-Key': key }));
    const before = await db.checksums();
    const res = await api.post(CREATE_CONTACT, { input: { firstName: 'Kay', email: 'kay@keyed.example' } }, { 'Idempotency-Key': key });
    expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({ status: 409, code: 'CONFLICT' });
    expect(await db.checksums()).toEqual(before);
  });

  it('ten identical concurrent requests with one key write exactly one row, and all get the same body', async () => {
    const key = newKey('concurrent');
    const input = { companyName: 'Concurrent Ltd', industry: 'Retail' };
    const responses = await Promise.all(Array.from({ length: 10 }, () => api.post(CREATE_COMPANY, { input }, { 'Idempotency-Key': key })));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    for (const r of responses) expect(r.body).toEqual(responses[0]!.body);
    expect(responses.filter((r) => replayed(r) === 'true')).toHaveLength(9);
    expect(await companiesNamed('Concurrent Ltd')).toBe(1);
    expect(await keyRows(key)).toBe(1);
  });

  it('ten concurrent invoices with one key: one invoice, one number used', async () => {
    const key = newKey('concurrent-invoice');
    // A year no other invoice has: its numbering starts here.
    const input = { companyId: SEED_IDS.companyWithoutProjects, amount: '321.09', issueDate: '2031-05-05' };
    const responses = await Promise.all(Array.from({ length: 10 }, () => api.post(CREATE_INVOICE, { input }, { 'Idempotency-Key': key })));
    expect(new Set(responses.map((r) => `${r.status} ${JSON.stringify(r.body)}`)).size).toBe(1);
    expect(responses[0]!.status).toBe(200);
    expect(await db.sql(`SELECT invoice_number FROM invoices WHERE issue_date = '2031-05-05'`)).toEqual([{ invoice_number: 'INV-2031-001' }]);
    // Gap-free numbering: the replays burnt no number.
    expect(await db.sql(`SELECT last_value FROM document_counters WHERE kind = 'invoice' AND year = 2031`)).toEqual([{ last_value: 1 }]);
  });

  it('a different key is a different operation: a second row', async () => {
    // Keys are scoped per caller (user, API key or anonymous); within one caller
    // two keys never collide.
    const input = { companyName: 'Two Keys Ltd' };
    const a = await api.post(CREATE_COMPANY, { input }, { 'Idempotency-Key': newKey('a') });
    const b = await api.post(CREATE_COMPANY, { input }, { 'Idempotency-Key': newKey('b') });
    ok(a);
    ok(b);
    expect(replayed(b)).toBeNull();
    expect(b.body).not.toEqual(a.body);
    expect(await companiesNamed('Two Keys Ltd')).toBe(2);
  });

  it('keys are per caller: another caller\'s request with the same key is its own operation', async () => {
    const key = newKey('shared-by-two-callers');
    const input = { companyName: 'Two Callers Ltd' };
    const member = bearer(await signToken({ sub: TEST_MEMBER_ID, role: 'member', email: 'member@aurum.tt' }));
    const admin = await api.post(CREATE_COMPANY, { input }, { 'Idempotency-Key': key });
    const other = await api.post(CREATE_COMPANY, { input }, { ...member, 'Idempotency-Key': key });
    ok(admin);
    ok(other);
    expect(replayed(other)).toBeNull();
    expect(other.body).not.toEqual(admin.body);
    expect(await companiesNamed('Two Callers Ltd')).toBe(2);
    expect(await keyRows(key)).toBe(2);
    // Each caller's retry replays its own response.
    const retry = await api.post(CREATE_COMPANY, { input }, { ...member, 'Idempotency-Key': key });
    expect({ replayed: replayed(retry), body: retry.body }).toEqual({ replayed: 'true', body: other.body });
  });

  it('a request that failed validation (400) is not stored: the same bad request fails again, the corrected one then succeeds', async () => {
    const key = newKey('fix-and-retry');
    const bad = { input: { firstName: 'Fix', email: 'not-an-email' } };
    const before = await db.checksums();
    const first = await api.post(CREATE_CONTACT, bad, { 'Idempotency-Key': key });
    expect({ status: first.status, code: first.body.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    const again = await api.post(CREATE_CONTACT, bad, { 'Idempotency-Key': key });
    expect({ status: again.status, replayed: replayed(again), body: again.body }).toEqual({ status: 400, replayed: null, body: first.body });
    expect(await db.checksums()).toEqual(before);

    const fixed = await api.post(CREATE_CONTACT, { input: { firstName: 'Fix', email: 'fixed@example.com' } }, { 'Idempotency-Key': key });
    ok(fixed);
    expect(replayed(fixed)).toBeNull();
    const retry = await api.post(CREATE_CONTACT, { input: { firstName: 'Fix', email: 'fixed@example.com' } }, { 'Idempotency-Key': key });
    expect({ status: retry.status, replayed: replayed(retry), body: retry.body }).toEqual({ status: 200, replayed: 'true', body: fixed.body });
  });

  it('a request refused by the input checks or the database (409) stores no key either', async () => {
    const key = newKey('conflict');
    await db.sql(`INSERT INTO contacts (first_name, email) VALUES ('Taken', 'taken@example.com')`);
    const before = await db.checksums();
    const dup = await api.post(CREATE_CONTACT, { input: { firstName: 'Again', email: 'TAKEN@example.com' } }, { 'Idempotency-Key': key });
    expect({ status: dup.status, code: dup.body.errors?.[0]?.extensions?.code }).toEqual({ status: 409, code: 'CONFLICT' });
    const unknown = await api.post(CREATE_CONTACT, { input: { firstName: 'Ref', email: 'ref@example.com', companyId: '00000000-0000-4000-8000-000000000000' } }, { 'Idempotency-Key': newKey('ref') });
    expect(unknown.status).toBe(400);
    expect(await db.checksums()).toEqual(before);
    expect(await keyRows(key)).toBe(0);
  });

  it('the key is stored in the write\'s transaction: a request that fails after a write keeps neither', async () => {
    const key = newKey('atomic');
    const before = await db.checksums();
    // The first mutation writes, the second fails: the request fails as a whole.
    const res = await api.post(
      `mutation($email: EmailAddress!) {
        a: createCompany(input: {companyName: "Half Written Ltd"}) { id }
        b: createContact(input: {firstName: "Dup", email: $email}) { id }
      }`,
      { email: 'taken@example.com' },
      { 'Idempotency-Key': key },
    );
    expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({ status: 409, code: 'CONFLICT' });
    expect(await companiesNamed('Half Written Ltd')).toBe(0);
    expect(await keyRows(key)).toBe(0);
    expect(await db.checksums()).toEqual(before);
  });

  it('a successful write stores exactly one key row with its response, and audit rows carry the key', async () => {
    const key = newKey('stored');
    const res = await api.post(CREATE_INVOICE, { input: { companyId: SEED_IDS.companyWithoutProjects, amount: 77 } }, { 'Idempotency-Key': key });
    ok(res);
    const rows = await db.sql<{ response_status: number; response_body: string; request_hash: string; live: boolean }>(
      `SELECT response_status, response_body, request_hash, expires_at > now() AS live FROM idempotency_keys WHERE key = $1`,
      [key],
    );
    expect(rows).toEqual([{ response_status: 200, response_body: expect.any(String), request_hash: expect.stringMatching(/^[0-9a-f]{64}$/), live: true }]);
    expect(JSON.parse(rows[0]!.response_body)).toEqual(res.body);
    const id = (res.body.data as { createInvoice: { id: string } }).createInvoice.id;
    expect(await db.sql(`SELECT action, request_id FROM audit_log WHERE table_name = 'invoices' AND record_id = $1`, [id])).toEqual([{ action: 'INSERT', request_id: key }]);
  });

  it('an expired record is not replayed: the request runs again and the key is renewed', async () => {
    const key = newKey('expired');
    const input = { companyName: 'Expired Key Ltd' };
    const first = await api.post(CREATE_COMPANY, { input }, { 'Idempotency-Key': key });
    ok(first);
    await db.sql(`UPDATE idempotency_keys SET expires_at = now() - interval '1 minute', created_at = now() - interval '2 days' WHERE key = $1`, [key]);

    const second = await api.post(CREATE_COMPANY, { input }, { 'Idempotency-Key': key });
    ok(second);
    expect(replayed(second)).toBeNull();
    expect(second.body).not.toEqual(first.body);
    expect(await companiesNamed('Expired Key Ltd')).toBe(2);
    expect(await db.sql(`SELECT expires_at > now() AS live FROM idempotency_keys WHERE key = $1`, [key])).toEqual([{ live: true }]);

    const third = await api.post(CREATE_COMPANY, { input }, { 'Idempotency-Key': key });
    expect({ replayed: replayed(third), body: third.body }).toEqual({ replayed: 'true', body: second.body });
    expect(await companiesNamed('Expired Key Ltd')).toBe(2);
  });

  describe('the header itself', () => {
    it.each([
      { what: '256 characters', key: 'k'.repeat(256) },
      { what: 'a space inside', key: 'exec 42' },
      { what: 'a non-ASCII character', key: 'exécution-42' },
      { what: 'only spaces', key: '   ' },
    ])('a key with $what: 400 BAD_USER_INPUT, nothing written', async ({ key }) => {
      const before = await db.checksums();
      const res = await api.post(CREATE_COMPANY, { input: { companyName: 'Bad Key Ltd' } }, { 'Idempotency-Key': key });
      expect({ status: res.status, code: res.body.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
      expect(res.body.errors![0]!.message).toMatch(/Idempotency-Key/);
      expect(await db.checksums()).toEqual(before);
    });

    it('a key of exactly 255 printable characters is accepted and replayed', async () => {
      const key = `${newKey('long')}-`.padEnd(255, 'x');
      const first = await api.post(CREATE_COMPANY, { input: { companyName: 'Long Key Ltd' } }, { 'Idempotency-Key': key });
      ok(first);
      const second = await api.post(CREATE_COMPANY, { input: { companyName: 'Long Key Ltd' } }, { 'Idempotency-Key': key });
      expect(replayed(second)).toBe('true');
      expect(await companiesNamed('Long Key Ltd')).toBe(1);
    });

    it('surrounding spaces are not part of the key', async () => {
      const key = newKey('padded');
      ok(await api.post(CREATE_COMPANY, { input: { companyName: 'Padded Key Ltd' } }, { 'Idempotency-Key': key }));
      const again = await api.post(CREATE_COMPANY, { input: { companyName: 'Padded Key Ltd' } }, { 'Idempotency-Key': `  ${key} ` });
      expect(replayed(again)).toBe('true');
      expect(await companiesNamed('Padded Key Ltd')).toBe(1);
    });

    it('queries ignore the header: no replay, nothing stored, even with a key a mutation used or an invalid one', async () => {
      const key = newKey('query');
      ok(await api.post(CREATE_COMPANY, { input: { companyName: 'Query Key Ltd' } }, { 'Idempotency-Key': key }));
      const before = await db.checksums();
      const query = `query($name: String!) { companies(filter: { companyName: { eq: $name } }) { totalCount } }`;
      for (const header of [key, newKey('fresh'), 'q'.repeat(300)]) {
        const res = await api.post(query, { name: 'Query Key Ltd' }, { 'Idempotency-Key': header });
        expect({ status: res.status, replayed: replayed(res), body: res.body }).toEqual({ status: 200, replayed: null, body: { data: { companies: { totalCount: 1 } } } });
      }
      expect(await db.checksums()).toEqual(before);
    });
  });
});
