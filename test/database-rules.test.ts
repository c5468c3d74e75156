// The hand-written database rules hold for every writer, not only the API.
import { createTestDatabase, testTargets, type TestDatabase } from './helpers/db';

describe.each(testTargets())('database rules (%s)', (target) => {
  let db: TestDatabase;
  let companyId: string;
  beforeAll(async () => {
    db = await createTestDatabase(target, { seed: false });
    [{ id: companyId }] = (await db.sql<{ id: string }>(`INSERT INTO companies (company_name) VALUES ('Rules Test Ltd') RETURNING id`)) as [{ id: string }];
  });
  afterAll(() => db?.drop());

  it.each([
    ['negative money', `INSERT INTO invoices (invoice_number, company_id, amount) VALUES ('INV-T-1', $1, -1)`, 'invoices_amount_check'],
    ['due before issue', `INSERT INTO invoices (invoice_number, company_id, issue_date, due_date) VALUES ('INV-T-2', $1, '2026-05-02', '2026-05-01')`, 'invoices_due_date_check'],
    ['lower-case currency', `INSERT INTO invoices (invoice_number, company_id, currency) VALUES ('INV-T-3', $1, 'ttd')`, 'invoices_currency_check'],
    ['negative hours', `INSERT INTO projects (company_id, project_name, estimated_hours) VALUES ($1, 'P', -5)`, 'projects_estimated_hours_check'],
    ['contract end before start', `UPDATE companies SET contract_start_date = '2026-02-01', contract_end_date = '2026-01-01' WHERE id = $1`, 'companies_contract_dates_check'],
    ['zero-minute meeting', `INSERT INTO meetings (contact_id, title, scheduled_at, duration_minutes) SELECT id, 'T', now(), 0 FROM contacts LIMIT 1`, null],
  ])('rejects %s', async (_name, sql, constraint) => {
    const params = sql.includes('$1') ? [companyId] : [];
    if (constraint) {
      await expect(db.sql(sql, params)).rejects.toThrow(new RegExp(constraint));
    } else {
      await db.sql(`INSERT INTO contacts (first_name, email) VALUES ('M', 'meeting.rule@example.com') ON CONFLICT DO NOTHING`);
      await expect(db.sql(sql, params)).rejects.toThrow(/meetings_duration_minutes_check/);
    }
  });

  it('rejects a service whose minimum fee is above its maximum', async () => {
    await expect(db.sql(`INSERT INTO services (service_name, base_setup_fee_min, base_setup_fee_max) VALUES ('S', 500, 100)`)).rejects.toThrow(/services_setup_fee_range_check/);
  });

  it('stores emails trimmed and lower-case, so uniqueness ignores case', async () => {
    const [row] = await db.sql<{ email: string }>(`INSERT INTO contacts (first_name, email) VALUES ('Ann', '  Ann.Lee@Example.COM ') RETURNING email`);
    expect(row!.email).toBe('ann.lee@example.com');
    await expect(db.sql(`INSERT INTO contacts (first_name, email) VALUES ('Ann', 'ANN.LEE@example.com')`)).rejects.toThrow(/contacts_email_key/);
  });

  it('keeps updated_at current on every update', async () => {
    await db.sql(`UPDATE companies SET updated_at = '2000-01-01' WHERE id = $1`, [companyId]);
    const [row] = await db.sql<{ fresh: boolean }>(`UPDATE companies SET city = 'Arima' WHERE id = $1 RETURNING updated_at > now() - interval '1 minute' AS fresh`, [companyId]);
    expect(row!.fresh).toBe(true);
  });

  it('keeps polymorphic notes pointing at existing rows and deletes them with their record', async () => {
    await expect(
      db.sql(`INSERT INTO notes (note_type, related_id, note_text) VALUES ('company', '00000000-0000-4000-8000-000000000000', 'x')`),
    ).rejects.toThrow(/does not exist/);
    await expect(db.sql(`INSERT INTO notes (note_type, note_text) VALUES ('project', 'x')`)).rejects.toThrow(/notes_related_id_check/);
    await expect(db.sql(`INSERT INTO notes (note_type, related_id, note_text) VALUES ('general', $1, 'x')`, [companyId])).rejects.toThrow(/notes_related_id_check/);
    const [other] = await db.sql<{ id: string }>(`INSERT INTO companies (company_name) VALUES ('Short Lived Ltd') RETURNING id`);
    await db.sql(`INSERT INTO notes (note_type, related_id, note_text) VALUES ('company', $1, 'goes with it')`, [other!.id]);
    await db.sql(`DELETE FROM companies WHERE id = $1`, [other!.id]);
    expect(await db.sql(`SELECT id FROM notes WHERE related_id = $1`, [other!.id])).toEqual([]);
  });

  it('audits every write with the actor and the old and new values, and skips writes that change nothing', async () => {
    const before = await db.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE record_id = $1`, [companyId]);
    await db.asRole('service_role', null, async (sql) => {
      await sql(`SELECT set_config('app.actor', 'api-key:make-scenario', true), set_config('app.request_id', 'idem-123', true)`);
      await sql(`UPDATE companies SET monthly_recurring = 2500, city = 'Chaguanas' WHERE id = $1`, [companyId]);
      await sql(`UPDATE companies SET city = 'Couva' WHERE id = $1`, [companyId]);
      await sql(`UPDATE companies SET city = city WHERE id = $1`, [companyId]);
      const rows = await sql<{ action: string; actor: string; request_id: string; changed_fields: string[]; old_mrr: string; new_mrr: string }>(
        `SELECT action, actor, request_id, changed_fields::text[] AS changed_fields, old_row->>'monthly_recurring' AS old_mrr, new_row->>'monthly_recurring' AS new_mrr
         FROM audit_log WHERE record_id = $1 ORDER BY id`,
        [companyId],
      );
      expect(rows.slice(before[0]!.n)).toEqual([
        { action: 'UPDATE', actor: 'api-key:make-scenario', request_id: 'idem-123', changed_fields: ['city', 'monthly_recurring'], old_mrr: '0.00', new_mrr: '2500.00' },
        { action: 'UPDATE', actor: 'api-key:make-scenario', request_id: 'idem-123', changed_fields: ['city'], old_mrr: '2500.00', new_mrr: '2500.00' },
      ]);
    });
  });

  it('audits invoice writes with the JWT subject when the API sets no actor', async () => {
    const sub = '5d1c1d52-0000-4000-8000-0000000000aa';
    // An admin's token: the audit log is readable by admins only.
    const claims = { sub, role: 'authenticated', app_metadata: { role: 'admin' } };
    const rows = await db.asRole('authenticated', claims, async (sql) => {
      await sql(`INSERT INTO invoices (invoice_number, company_id, amount) VALUES ('INV-AUDIT-1', $1, 100)`, [companyId]);
      return sql<{ action: string; actor: string; amount: string }>(
        `SELECT action, actor, new_row->>'amount' AS amount FROM audit_log WHERE table_name = 'invoices' AND new_row->>'invoice_number' = 'INV-AUDIT-1'`,
      );
    });
    expect(rows).toEqual([{ action: 'INSERT', actor: sub, amount: '100.00' }]);
  });
});
