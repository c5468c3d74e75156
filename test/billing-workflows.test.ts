// Billing and support workflows through HTTP: invoice and ticket status steps and
// the invalid ones (refused without a trace), input checks, gap-free document
// numbers under concurrency, and company totals checked against SQL.
import { SEED_IDS } from '../src/db/seed-data';
import { graphql } from './generated';
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';
import { startTestServer, type TestServer, type GraphQLResponse } from './helpers/http';

const CreateInvoice = graphql(`
  mutation BillingCreateInvoice($input: CreateInvoiceInput!) {
    createInvoice(input: $input) {
      id
      invoiceNumber
      status
      issueDate
      dueDate
      amount
    }
  }
`);

const UpdateInvoice = graphql(`
  mutation BillingUpdateInvoice($id: UUID!, $input: UpdateInvoiceInput!) {
    updateInvoice(id: $id, input: $input) {
      id
      status
      dueDate
    }
  }
`);

const DeleteInvoice = graphql(`
  mutation BillingDeleteInvoice($id: UUID!) {
    deleteInvoice(id: $id) {
      id
    }
  }
`);

const SendInvoice = graphql(`
  mutation BillingSendInvoice($id: UUID!, $input: SendInvoiceInput) {
    sendInvoice(id: $id, input: $input) {
      id
      status
      issueDate
      dueDate
    }
  }
`);

const MarkInvoicePaid = graphql(`
  mutation BillingMarkInvoicePaid($id: UUID!, $input: MarkInvoicePaidInput) {
    markInvoicePaid(id: $id, input: $input) {
      id
      status
      paidDate
      paymentMethod
      company {
        id
        totalRevenue
      }
    }
  }
`);

const CancelInvoice = graphql(`
  mutation BillingCancelInvoice($id: UUID!, $input: CancelInvoiceInput) {
    cancelInvoice(id: $id, input: $input) {
      id
      status
      notes
    }
  }
`);

const InvoiceStatusQuery = graphql(`
  query BillingInvoiceStatus($id: UUID!) {
    invoice(id: $id) {
      status
      isOverdue
    }
    overdue: invoices(filter: { id: { eq: $id }, status: { eq: OVERDUE } }) {
      totalCount
    }
    sent: invoices(filter: { id: { eq: $id }, status: { eq: SENT } }) {
      totalCount
    }
  }
`);

const InvoiceCounts = graphql(`
  query BillingInvoiceCounts {
    overdue: invoices(filter: { status: { eq: OVERDUE } }) {
      totalCount
    }
    sent: invoices(filter: { status: { eq: SENT } }) {
      totalCount
    }
  }
`);

const CompanyTotals = graphql(`
  query BillingCompanyTotals($id: UUID!) {
    company(id: $id) {
      totalRevenue
      monthlyRecurring
    }
  }
`);

const UpdateProjectStatus = graphql(`
  mutation BillingUpdateProjectStatus($id: UUID!, $input: UpdateProjectInput!) {
    updateProject(id: $id, input: $input) {
      id
      status
    }
  }
`);

const CreateTicket = graphql(`
  mutation BillingCreateTicket($input: CreateSupportTicketInput!) {
    createSupportTicket(input: $input) {
      id
      ticketNumber
    }
  }
`);

const OpenTicket = graphql(`
  mutation BillingOpenTicket($input: CreateSupportTicketInput!) {
    openSupportTicket(input: $input) {
      id
      ticketNumber
      status
      subject
    }
  }
`);

const ResolveTicket = graphql(`
  mutation BillingResolveTicket($id: UUID!, $input: ResolveSupportTicketInput!) {
    resolveSupportTicket(id: $id, input: $input) {
      id
      status
      resolution
      resolvedAt
    }
  }
`);

const ReopenTicket = graphql(`
  mutation BillingReopenTicket($id: UUID!, $input: ReopenSupportTicketInput) {
    reopenSupportTicket(id: $id, input: $input) {
      id
      status
      resolution
      resolvedAt
      description
    }
  }
`);

const UpdateTicket = graphql(`
  mutation BillingUpdateTicket($id: UUID!, $input: UpdateSupportTicketInput!) {
    updateSupportTicket(id: $id, input: $input) {
      id
      status
      resolution
      resolvedAt
    }
  }
`);

const FAR_FUTURE = '2099-12-31';
/** Linden Engineering: a prospect without projects; Bayside: a client with live projects. */
const LINDEN = SEED_IDS.companyWithoutProjects;
const BAYSIDE = SEED_IDS.companyWithLiveProjects;

describe.each(testTargets())('billing and support workflows (%s)', (target) => {
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

  /** The database's current date in UTC, the API's "today". */
  async function today(): Promise<string> {
    const [row] = await db.sql<{ today: string }>(`SELECT to_char((now() AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS today`);
    return row!.today;
  }

  async function invoiceRow(id: string) {
    const [row] = await db.sql<{ status: string; due_date: string | null; paid_date: string | null; payment_method: string | null; notes: string | null }>(
      `SELECT status::text, to_char(due_date, 'YYYY-MM-DD') AS due_date, to_char(paid_date, 'YYYY-MM-DD') AS paid_date, payment_method, notes
       FROM invoices WHERE id = $1`,
      [id],
    );
    return row!;
  }

  async function draft(input: Record<string, unknown> = {}) {
    const { createInvoice } = await api.runOk(CreateInvoice, { input: { companyId: LINDEN, amount: '750.00', issueDate: '2025-03-01', ...input } });
    return createInvoice;
  }

  /** Asserts the request failed as a whole with `status` and `code`, writing nothing; returns its first error. */
  async function expectRefused(status: number, code: string, run: () => Promise<GraphQLResponse<unknown>>) {
    const before = await db.checksums();
    const res = await run();
    expect(res.status).toBe(status);
    const [error] = res.body.errors ?? [];
    expect(error?.extensions?.code).toBe(code);
    expect(await db.checksums()).toEqual(before);
    return error!;
  }

  const conflict = (run: () => Promise<GraphQLResponse<unknown>>) => expectRefused(409, 'CONFLICT', run);

  async function inputError(path: string[], run: () => Promise<GraphQLResponse<unknown>>) {
    const error = await expectRefused(400, 'BAD_USER_INPUT', run);
    expect(error.extensions!.fieldErrors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    return error;
  }

  /** Every company's stored totals equal the sums they stand for. */
  async function expectTotalsConsistent() {
    const wrong = await db.sql(`
      SELECT c.id FROM companies c
      WHERE c.total_revenue <> coalesce((SELECT sum(amount) FROM invoices i WHERE i.company_id = c.id AND i.status = 'paid'), 0)
         OR c.monthly_recurring <> coalesce((SELECT sum(monthly_fee) FROM projects p WHERE p.company_id = c.id AND p.status = 'live'), 0)`);
    expect(wrong).toEqual([]);
  }

  async function totals(companyId: string) {
    const [sums] = await db.sql<{ revenue: string; mrr: string }>(
      `SELECT coalesce((SELECT sum(amount) FROM invoices WHERE company_id = $1 AND status = 'paid'), 0)::numeric(10,2)::text AS revenue,
              coalesce((SELECT sum(monthly_fee) FROM projects WHERE company_id = $1 AND status = 'live'), 0)::numeric(10,2)::text AS mrr`,
      [companyId],
    );
    const { company } = await api.runOk(CompanyTotals, { id: companyId });
    expect(company).toEqual({ totalRevenue: sums!.revenue, monthlyRecurring: sums!.mrr });
    return { revenue: Number(sums!.revenue), mrr: Number(sums!.mrr) };
  }

  describe('sendInvoice', () => {
    it('sends a draft with the given due date (SENT), or issue date + 14 days, stored OVERDUE at once when that has passed', async () => {
      const later = await draft();
      const { sendInvoice: sent } = await api.runOk(SendInvoice, { id: later.id, input: { dueDate: FAR_FUTURE } });
      expect(sent).toMatchObject({ status: 'SENT', dueDate: FAR_FUTURE, issueDate: '2025-03-01' });
      expect(await invoiceRow(later.id)).toMatchObject({ status: 'sent', due_date: FAR_FUTURE });

      const late = await draft();
      const { sendInvoice: overdue } = await api.runOk(SendInvoice, { id: late.id });
      expect(overdue).toMatchObject({ status: 'OVERDUE', dueDate: '2025-03-15' });
      expect(await invoiceRow(late.id)).toMatchObject({ status: 'overdue', due_date: '2025-03-15' });

      const kept = await draft({ dueDate: FAR_FUTURE });
      await api.runOk(SendInvoice, { id: kept.id, input: {} });
      expect(await invoiceRow(kept.id)).toMatchObject({ status: 'sent', due_date: FAR_FUTURE });
    });

    it('refuses a due date before the issue date with BAD_USER_INPUT on input.dueDate', async () => {
      const invoice = await draft();
      await inputError(['input', 'dueDate'], () => api.post(SendInvoice, { id: invoice.id, input: { dueDate: '2025-02-28' } }));
      expect((await invoiceRow(invoice.id)).status).toBe('draft');
    });
  });

  describe('markInvoicePaid', () => {
    it('records the payment of a sent invoice, and the company\'s totalRevenue includes it at once', async () => {
      const before = await totals(LINDEN);
      const invoice = await draft({ amount: '1234.56' });
      await api.runOk(SendInvoice, { id: invoice.id });
      const { markInvoicePaid } = await api.runOk(MarkInvoicePaid, { id: invoice.id, input: { paidDate: '2025-03-10', paymentMethod: ' linx ' } });
      expect(markInvoicePaid).toMatchObject({ status: 'PAID', paidDate: '2025-03-10', paymentMethod: 'linx' });
      expect(await invoiceRow(invoice.id)).toMatchObject({ status: 'paid', paid_date: '2025-03-10', payment_method: 'linx' });
      const after = await totals(LINDEN);
      expect(after.revenue).toBeCloseTo(before.revenue + 1234.56, 2);
      expect(markInvoicePaid.company.totalRevenue).toBe(after.revenue.toFixed(2));
      await expectTotalsConsistent();
    });

    it('pays a draft too, on today (UTC) by default, keeping the stored payment method', async () => {
      const invoice = await draft({ paymentMethod: 'cheque' });
      const { markInvoicePaid } = await api.runOk(MarkInvoicePaid, { id: invoice.id });
      expect(markInvoicePaid).toMatchObject({ status: 'PAID', paidDate: await today(), paymentMethod: 'cheque' });
    });

    it('refuses a paid date before the issue date or in the future with BAD_USER_INPUT on input.paidDate', async () => {
      const invoice = await draft();
      await api.runOk(SendInvoice, { id: invoice.id, input: { dueDate: FAR_FUTURE } });
      const early = await inputError(['input', 'paidDate'], () => api.post(MarkInvoicePaid, { id: invoice.id, input: { paidDate: '2025-02-28' } }));
      expect(early.message).toMatch(/issue date \(2025-03-01\)/);
      const future = await inputError(['input', 'paidDate'], () => api.post(MarkInvoicePaid, { id: invoice.id, input: { paidDate: FAR_FUTURE } }));
      expect(future.message).toMatch(/future/);
      await inputError(['input', 'paymentMethod'], () => api.post(MarkInvoicePaid, { id: invoice.id, input: { paymentMethod: 'x'.repeat(51) } }));
    });

    it('of two concurrent payments of one invoice, one succeeds and the other is a CONFLICT', async () => {
      const invoice = await draft();
      const results = await Promise.all(['2025-03-04', '2025-03-06'].map((paidDate) => api.post(MarkInvoicePaid, { id: invoice.id, input: { paidDate } })));
      expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
      const winner = results.find((res) => res.status === 200)!.body.data!.markInvoicePaid;
      expect((await invoiceRow(invoice.id)).paid_date).toBe(winner.paidDate);
    });

    it('a retry with the same Idempotency-Key replays the first answer instead of a CONFLICT', async () => {
      const invoice = await draft();
      const headers = { 'Idempotency-Key': `pay-${invoice.id}` };
      const first = await api.post(MarkInvoicePaid, { id: invoice.id, input: { paidDate: '2025-03-05' } }, headers);
      expect(first.status).toBe(200);
      const before = await db.checksums();
      const retry = await api.post(MarkInvoicePaid, { id: invoice.id, input: { paidDate: '2025-03-05' } }, headers);
      expect(retry.status).toBe(200);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await db.checksums()).toEqual(before);
    });
  });

  describe('cancelInvoice', () => {
    it('cancels a draft, a sent and an overdue invoice, appending the reason to the notes', async () => {
      const drafted = await draft({ notes: 'Strategy session.' });
      const { cancelInvoice } = await api.runOk(CancelInvoice, { id: drafted.id, input: { reason: '  Client postponed  ' } });
      expect(cancelInvoice.status).toBe('CANCELLED');
      expect(cancelInvoice.notes).toBe(`Strategy session.\n\nCancelled ${await today()}: Client postponed`);
      expect(await invoiceRow(drafted.id)).toMatchObject({ status: 'cancelled', notes: cancelInvoice.notes });

      const sent = await draft();
      await api.runOk(SendInvoice, { id: sent.id, input: { dueDate: FAR_FUTURE } });
      const overdue = await draft();
      await api.runOk(SendInvoice, { id: overdue.id });
      for (const { id } of [sent, overdue]) {
        const { cancelInvoice: cancelled } = await api.runOk(CancelInvoice, { id });
        expect(cancelled).toMatchObject({ status: 'CANCELLED', notes: null });
        expect((await invoiceRow(id)).status).toBe('cancelled');
      }
    });
  });

  describe('invalid transitions', () => {
    it('are CONFLICT (409) saying why, and change nothing', async () => {
      const sent = await draft();
      await api.runOk(SendInvoice, { id: sent.id, input: { dueDate: FAR_FUTURE } });
      const overdue = await draft();
      await api.runOk(SendInvoice, { id: overdue.id });
      const paid = await draft();
      await api.runOk(MarkInvoicePaid, { id: paid.id, input: { paidDate: '2025-03-02' } });
      const cancelled = await draft();
      await api.runOk(CancelInvoice, { id: cancelled.id });

      expect((await conflict(() => api.post(SendInvoice, { id: sent.id }))).message).toMatch(/already been sent: only a DRAFT invoice can be sent/);
      expect((await conflict(() => api.post(SendInvoice, { id: overdue.id }))).message).toMatch(/overdue/);
      expect((await conflict(() => api.post(SendInvoice, { id: paid.id }))).message).toMatch(/already paid/);
      expect((await conflict(() => api.post(SendInvoice, { id: cancelled.id }))).message).toMatch(/is cancelled/);
      expect((await conflict(() => api.post(MarkInvoicePaid, { id: paid.id, input: { paidDate: '2025-03-02' } }))).message).toMatch(
        new RegExp(`${paid.invoiceNumber} is already paid: it was paid on 2025-03-02`),
      );
      expect((await conflict(() => api.post(MarkInvoicePaid, { id: cancelled.id }))).message).toMatch(/a cancelled invoice cannot be paid/);
      expect((await conflict(() => api.post(CancelInvoice, { id: paid.id, input: { reason: 'refund' } }))).message).toMatch(/a paid invoice cannot be cancelled/);
      await conflict(() => api.post(CancelInvoice, { id: cancelled.id }));
      // Paid and cancelled invoices are final: not edited back, not deleted.
      for (const { id } of [paid, cancelled]) {
        expect((await conflict(() => api.post(UpdateInvoice, { id, input: { amount: '1.00' } }))).message).toMatch(/can no longer be changed/);
        await conflict(() => api.post(DeleteInvoice, { id }));
      }
      await conflict(() => api.post(DeleteInvoice, { id: sent.id }));
    });

    it('on an unknown id are NOT_FOUND (404)', async () => {
      const id = '00000000-0000-4000-8000-000000000000';
      await expectRefused(404, 'NOT_FOUND', () => api.post(SendInvoice, { id }));
      await expectRefused(404, 'NOT_FOUND', () => api.post(MarkInvoicePaid, { id }));
      await expectRefused(404, 'NOT_FOUND', () => api.post(CancelInvoice, { id }));
      await expectRefused(404, 'NOT_FOUND', () => api.post(ResolveTicket, { id, input: { resolution: 'Done' } }));
      await expectRefused(404, 'NOT_FOUND', () => api.post(ReopenTicket, { id }));
    });
  });

  describe('invoice input checks', () => {
    it.each([
      ['three decimals', '10.005'],
      ['a negative amount', '-5.00'],
      ['more than 99999999.99', '100000000.00'],
    ])('refuses %s on input.amount, writing nothing', async (_label, amount) => {
      await inputError(['input', 'amount'], () => api.post(CreateInvoice, { input: { companyId: LINDEN, amount } }));
      const invoice = await draft();
      await inputError(['input', 'amount'], () => api.post(UpdateInvoice, { id: invoice.id, input: { amount } }));
    });

    it('refuses an unknown company, a project of another company and a due date before the issue date', async () => {
      const unknown = await inputError(['input', 'companyId'], () =>
        api.post(CreateInvoice, { input: { companyId: '00000000-0000-4000-8000-000000000000', amount: '10.00' } }),
      );
      expect(unknown.message).toMatch(/no company with this id/);
      await inputError(['input', 'projectId'], () => api.post(CreateInvoice, { input: { companyId: LINDEN, projectId: SEED_IDS.liveProject, amount: '10.00' } }));
      await inputError(['input', 'dueDate'], () => api.post(CreateInvoice, { input: { companyId: LINDEN, amount: '10.00', issueDate: '2025-03-01', dueDate: '2025-02-01' } }));
      const invoice = await draft();
      await inputError(['input', 'dueDate'], () => api.post(UpdateInvoice, { id: invoice.id, input: { dueDate: '2025-02-01' } }));
      await inputError(['input', 'projectId'], () => api.post(UpdateInvoice, { id: invoice.id, input: { projectId: SEED_IDS.liveProject } }));
    });
  });

  describe('overdue, derived', () => {
    it('a SENT invoice past its due date reads and filters as OVERDUE before the sweep stores it', async () => {
      const invoice = await draft({ issueDate: '2024-01-10' });
      await api.runOk(SendInvoice, { id: invoice.id, input: { dueDate: FAR_FUTURE } });
      expect(await api.runOk(InvoiceStatusQuery, { id: invoice.id })).toEqual({
        invoice: { status: 'SENT', isOverdue: false },
        overdue: { totalCount: 0 },
        sent: { totalCount: 1 },
      });
      // Time passes: the due date is now behind us, the stored status still SENT.
      await db.sql(`UPDATE invoices SET due_date = '2024-01-24' WHERE id = $1`, [invoice.id]);
      expect(await api.runOk(InvoiceStatusQuery, { id: invoice.id })).toEqual({
        invoice: { status: 'OVERDUE', isOverdue: true },
        overdue: { totalCount: 1 },
        sent: { totalCount: 0 },
      });
      expect((await invoiceRow(invoice.id)).status).toBe('sent');

      const [counts] = await db.sql<{ overdue: number; sent: number }>(`
        SELECT count(*) FILTER (WHERE status = 'overdue' OR (status = 'sent' AND due_date < (now() AT TIME ZONE 'UTC')::date))::int AS overdue,
               count(*) FILTER (WHERE status = 'sent' AND (due_date IS NULL OR due_date >= (now() AT TIME ZONE 'UTC')::date))::int AS sent
        FROM invoices`);
      const listed = await api.runOk(InvoiceCounts, {});
      expect({ overdue: listed.overdue.totalCount, sent: listed.sent.totalCount }).toEqual(counts);
    });

    it('moving an overdue invoice\'s due date later stores it SENT again', async () => {
      const invoice = await draft();
      await api.runOk(SendInvoice, { id: invoice.id });
      expect((await invoiceRow(invoice.id)).status).toBe('overdue');
      const { updateInvoice } = await api.runOk(UpdateInvoice, { id: invoice.id, input: { dueDate: FAR_FUTURE } });
      expect(updateInvoice).toMatchObject({ status: 'SENT', dueDate: FAR_FUTURE });
      expect((await invoiceRow(invoice.id)).status).toBe('sent');
    });
  });

  describe('company totals', () => {
    it('totalRevenue follows createInvoice, markInvoicePaid, cancelInvoice and deleteInvoice; monthlyRecurring follows projects going LIVE and back', async () => {
      const start = await totals(BAYSIDE);
      const paid = await draft({ companyId: BAYSIDE, amount: '1000.00' });
      expect(await totals(BAYSIDE)).toEqual(start);
      await api.runOk(MarkInvoicePaid, { id: paid.id, input: { paidDate: '2025-03-03' } });
      expect((await totals(BAYSIDE)).revenue).toBeCloseTo(start.revenue + 1000, 2);

      const cancelled = await draft({ companyId: BAYSIDE, amount: '500.00' });
      await api.runOk(SendInvoice, { id: cancelled.id });
      await api.runOk(CancelInvoice, { id: cancelled.id });
      const deleted = await draft({ companyId: BAYSIDE, amount: '250.00' });
      await api.runOk(DeleteInvoice, { id: deleted.id });
      expect((await totals(BAYSIDE)).revenue).toBeCloseTo(start.revenue + 1000, 2);
      await expectTotalsConsistent();

      const [project] = await db.sql<{ id: string; monthly_fee: string }>(
        `SELECT id, monthly_fee::text FROM projects WHERE company_id = $1 AND status = 'in_progress' AND monthly_fee > 0 ORDER BY id LIMIT 1`,
        [BAYSIDE],
      );
      expect(project).toBeDefined();
      await api.runOk(UpdateProjectStatus, { id: project!.id, input: { status: 'LIVE' } });
      expect((await totals(BAYSIDE)).mrr).toBeCloseTo(start.mrr + Number(project!.monthly_fee), 2);
      await api.runOk(UpdateProjectStatus, { id: project!.id, input: { status: 'PAUSED' } });
      expect((await totals(BAYSIDE)).mrr).toBeCloseTo(start.mrr, 2);
      await expectTotalsConsistent();
    });
  });

  describe('document numbers', () => {
    /** The highest NNN of `prefix`-<year>-NNN stored in `table`.`column`. */
    async function highest(table: string, column: string, prefix: string, year: string): Promise<number> {
      const [row] = await db.sql<{ n: number }>(
        `SELECT coalesce(max(substring(${column} FROM '^${prefix}-\\d{4}-(\\d+)$')::int), 0)::int AS n FROM ${table} WHERE ${column} LIKE $1`,
        [`${prefix}-${year}-%`],
      );
      return row!.n;
    }

    const sequence = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
    const parse = (number: string, prefix: string, year: string) => {
      const m = new RegExp(`^${prefix}-${year}-(\\d{3,})$`).exec(number);
      expect(m).not.toBeNull();
      return Number(m![1]);
    };

    it('50 concurrent createInvoice calls get 50 consecutive numbers after the year\'s highest; failed and replayed creates use none', async () => {
      const issueDate = await today();
      const year = issueDate.slice(0, 4);
      const top = await highest('invoices', 'invoice_number', 'INV', year);
      const responses = await Promise.all(
        sequence(1, 50).map((i) => api.post(CreateInvoice, { input: { companyId: LINDEN, amount: `${i}.00`, issueDate } })),
      );
      for (const res of responses) expect([res.status, res.body.errors]).toEqual([200, undefined]);
      const numbers = responses.map((res) => parse(res.body.data!.createInvoice.invoiceNumber, 'INV', year)).sort((a, b) => a - b);
      expect(numbers).toEqual(sequence(top + 1, 50));

      await inputError(['input', 'dueDate'], () => api.post(CreateInvoice, { input: { companyId: LINDEN, amount: '1.00', issueDate, dueDate: '2000-01-01' } }));
      const headers = { 'Idempotency-Key': `create-${top}` };
      const first = await api.post(CreateInvoice, { input: { companyId: LINDEN, amount: '1.00', issueDate } }, headers);
      const retry = await api.post(CreateInvoice, { input: { companyId: LINDEN, amount: '1.00', issueDate } }, headers);
      expect(retry.body).toEqual(first.body);
      expect(parse(first.body.data!.createInvoice.invoiceNumber, 'INV', year)).toBe(top + 51);
      const { createInvoice: next } = await api.runOk(CreateInvoice, { input: { companyId: LINDEN, amount: '1.00', issueDate } });
      expect(parse(next.invoiceNumber, 'INV', year)).toBe(top + 52);
    });

    it('numbers a past year\'s invoice in that year\'s sequence', async () => {
      const top = await highest('invoices', 'invoice_number', 'INV', '2023');
      const { createInvoice } = await api.runOk(CreateInvoice, { input: { companyId: LINDEN, amount: '1.00', issueDate: '2023-06-30' } });
      expect(createInvoice.invoiceNumber).toBe(`INV-2023-${String(top + 1).padStart(3, '0')}`);
    });

    it('20 concurrent openSupportTicket calls get 20 consecutive numbers, shared with createSupportTicket; a failed one uses none', async () => {
      const year = (await today()).slice(0, 4);
      const top = await highest('support_tickets', 'ticket_number', 'TKT', year);
      const responses = await Promise.all(sequence(1, 20).map((i) => api.post(OpenTicket, { input: { companyId: BAYSIDE, subject: `Concurrent ticket ${i}` } })));
      for (const res of responses) expect([res.status, res.body.errors]).toEqual([200, undefined]);
      const numbers = responses.map((res) => parse(res.body.data!.openSupportTicket.ticketNumber, 'TKT', year)).sort((a, b) => a - b);
      expect(numbers).toEqual(sequence(top + 1, 20));

      await inputError(['input', 'subject'], () => api.post(OpenTicket, { input: { companyId: BAYSIDE, subject: '   ' } }));
      const { createSupportTicket } = await api.runOk(CreateTicket, { input: { companyId: BAYSIDE, subject: 'Through the CRUD name' } });
      expect(parse(createSupportTicket.ticketNumber, 'TKT', year)).toBe(top + 21);
    });
  });

  describe('support tickets', () => {
    async function ticketRow(id: string) {
      const [row] = await db.sql<{ status: string; resolution: string | null; resolved: boolean; description: string | null }>(
        `SELECT status::text, resolution, resolved_at IS NOT NULL AS resolved, description FROM support_tickets WHERE id = $1`,
        [id],
      );
      return row!;
    }

    async function open() {
      const { openSupportTicket } = await api.runOk(OpenTicket, {
        input: { companyId: BAYSIDE, projectId: SEED_IDS.liveProject, subject: '  Bot answers in English only  ', description: 'Spanish speakers get English.' },
      });
      expect(openSupportTicket).toMatchObject({ status: 'OPEN', subject: 'Bot answers in English only' });
      return openSupportTicket;
    }

    it('openSupportTicket follows createSupportTicket\'s rules (project of the same company)', async () => {
      await inputError(['input', 'projectId'], () => api.post(OpenTicket, { input: { companyId: LINDEN, projectId: SEED_IDS.liveProject, subject: 'Wrong project' } }));
      await inputError(['input', 'companyId'], () => api.post(OpenTicket, { input: { companyId: '00000000-0000-4000-8000-000000000000', subject: 'Nobody' } }));
    });

    it('resolves (RESOLVED, then CLOSED keeping resolvedAt) and reopens, clearing the resolution', async () => {
      const ticket = await open();
      const { resolveSupportTicket: resolved } = await api.runOk(ResolveTicket, { id: ticket.id, input: { resolution: '  Language detection switched on.  ' } });
      expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: 'Language detection switched on.' });
      expect(resolved.resolvedAt).not.toBeNull();
      expect(await ticketRow(ticket.id)).toMatchObject({ status: 'resolved', resolution: 'Language detection switched on.', resolved: true });

      const { resolveSupportTicket: closed } = await api.runOk(ResolveTicket, { id: ticket.id, input: { resolution: 'Confirmed by the client.', status: 'CLOSED' } });
      expect(closed).toMatchObject({ status: 'CLOSED', resolution: 'Confirmed by the client.', resolvedAt: resolved.resolvedAt });

      const { reopenSupportTicket: reopened } = await api.runOk(ReopenTicket, { id: ticket.id, input: { reason: 'Happens again on WhatsApp' } });
      expect(reopened).toMatchObject({ status: 'OPEN', resolution: null, resolvedAt: null });
      expect(reopened.description).toBe(`Spanish speakers get English.\n\nReopened ${await today()}: Happens again on WhatsApp`);
      expect(await ticketRow(ticket.id)).toMatchObject({ status: 'open', resolution: null, resolved: false });

      const { resolveSupportTicket: closedAtOnce } = await api.runOk(ResolveTicket, { id: ticket.id, input: { resolution: 'Fixed for WhatsApp too.', status: 'CLOSED' } });
      expect(closedAtOnce.status).toBe('CLOSED');
      expect(closedAtOnce.resolvedAt).not.toBeNull();
    });

    it('refuses a blank resolution and a status other than RESOLVED or CLOSED', async () => {
      const ticket = await open();
      await inputError(['input', 'resolution'], () => api.post(ResolveTicket, { id: ticket.id, input: { resolution: '   ' } }));
      await inputError(['input', 'status'], () => api.post(ResolveTicket, { id: ticket.id, input: { resolution: 'Done', status: 'WAITING' } }));
    });

    it('refuses to resolve a CLOSED ticket or a RESOLVED one again, and to reopen one that is not resolved: CONFLICT, nothing changed', async () => {
      const ticket = await open();
      expect((await conflict(() => api.post(ReopenTicket, { id: ticket.id }))).message).toMatch(/is OPEN, not RESOLVED or CLOSED/);
      await api.runOk(ResolveTicket, { id: ticket.id, input: { resolution: 'Done' } });
      expect((await conflict(() => api.post(ResolveTicket, { id: ticket.id, input: { resolution: 'Done again' } }))).message).toMatch(/already RESOLVED/);
      await api.runOk(ResolveTicket, { id: ticket.id, input: { resolution: 'Done', status: 'CLOSED' } });
      const closed = await conflict(() => api.post(ResolveTicket, { id: ticket.id, input: { resolution: 'Again' } }));
      expect(closed.message).toMatch(/is CLOSED: reopen it/);
      expect(closed.extensions!.fieldErrors).toEqual([{ path: ['id'], message: expect.stringMatching(/reopen it/) }]);
      const seededOpen = await conflict(() => api.post(ReopenTicket, { id: SEED_IDS.openTicket }));
      expect(seededOpen.message).toMatch(/not RESOLVED or CLOSED/);
    });

    it('updateSupportTicket\'s status follows the same rules: a resolution to resolve, reopening before anything else', async () => {
      const ticket = await open();
      await inputError(['input', 'resolution'], () => api.post(UpdateTicket, { id: ticket.id, input: { status: 'RESOLVED' } }));
      expect(await ticketRow(ticket.id)).toMatchObject({ status: 'open', resolved: false });

      const { updateSupportTicket: resolved } = await api.runOk(UpdateTicket, { id: ticket.id, input: { status: 'RESOLVED', resolution: 'Fixed' } });
      expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: 'Fixed', resolvedAt: expect.any(String) });
      const { updateSupportTicket: closed } = await api.runOk(UpdateTicket, { id: ticket.id, input: { status: 'CLOSED' } });
      expect(closed).toMatchObject({ status: 'CLOSED', resolution: 'Fixed', resolvedAt: resolved.resolvedAt });

      const before = await db.checksums(['support_tickets']);
      expect((await conflict(() => api.post(UpdateTicket, { id: ticket.id, input: { status: 'RESOLVED', resolution: 'Again' } }))).message).toMatch(/is CLOSED: reopen it/);
      expect((await conflict(() => api.post(UpdateTicket, { id: ticket.id, input: { status: 'IN_PROGRESS' } }))).message).toMatch(/is CLOSED: reopen it \(status OPEN\) before moving it to IN_PROGRESS/);
      expect(await db.checksums(['support_tickets'])).toEqual(before);

      const { updateSupportTicket: reopened } = await api.runOk(UpdateTicket, { id: ticket.id, input: { status: 'OPEN' } });
      expect(reopened).toMatchObject({ status: 'OPEN', resolution: null, resolvedAt: null });
      const { updateSupportTicket: working } = await api.runOk(UpdateTicket, { id: ticket.id, input: { status: 'IN_PROGRESS' } });
      expect(working.status).toBe('IN_PROGRESS');
    });
  });
});
