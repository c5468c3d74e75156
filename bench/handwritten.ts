// The floor for a single request: the same JSON the API answers, built by one
// hand-written SQL statement (json_agg over subqueries, the numbers as text) and
// read through `pg` directly, without HTTP, authentication or a transaction. The
// comparison sends one request at a time to each and compares the medians.
import { Client } from 'pg';

/** Hand-written statements per scenario: the scenario's `data`, as text. */
export const HANDWRITTEN: Record<string, string> = {
  dashboard: `
    SELECT json_build_object('companies', json_build_object(
      'totalCount', (SELECT count(*) FROM companies),
      'nodes', coalesce((SELECT json_agg(json_build_object(
          'id', c.id, 'companyName', c.company_name, 'status', upper(c.status::text), 'monthlyRecurring', c.monthly_recurring::text,
          'projects', json_build_object(
            'totalCount', (SELECT count(*) FROM projects WHERE company_id = c.id),
            'nodes', coalesce((SELECT json_agg(json_build_object(
                'id', p.id, 'projectName', p.project_name, 'status', upper(p.status::text), 'monthlyFee', p.monthly_fee::text,
                'integrations', json_build_object(
                  'totalCount', (SELECT count(*) FROM integrations WHERE project_id = p.id),
                  'nodes', coalesce((SELECT json_agg(json_build_object('id', i.id, 'toolName', i.tool_name, 'status', upper(i.status::text), 'monthlyCost', i.monthly_cost::text) ORDER BY i.id)
                    FROM (SELECT * FROM integrations WHERE project_id = p.id ORDER BY id LIMIT 20) i), '[]')),
                'services', json_build_object(
                  'totalCount', (SELECT count(*) FROM project_services WHERE project_id = p.id),
                  'nodes', coalesce((SELECT json_agg(json_build_object('id', s.id, 'serviceName', s.service_name) ORDER BY l.created_at, l.id)
                    FROM (SELECT * FROM project_services WHERE project_id = p.id ORDER BY created_at, id LIMIT 20) l JOIN services s ON s.id = l.service_id), '[]'))
              ) ORDER BY p.id) FROM (SELECT * FROM projects WHERE company_id = c.id ORDER BY id LIMIT 20) p), '[]'))
        ) ORDER BY c.id) FROM (SELECT * FROM companies ORDER BY id LIMIT 50) c), '[]')))::text AS data`,
  'invoices-100': `
    SELECT json_build_object('invoices', json_build_object(
      'totalCount', (SELECT count(*) FROM invoices WHERE status IN ('sent', 'overdue', 'paid')),
      'nodes', coalesce((SELECT json_agg(json_build_object(
          'id', i.id, 'invoiceNumber', i.invoice_number, 'amount', i.amount::text,
          'status', CASE WHEN i.status = 'sent' AND i.due_date < CURRENT_DATE THEN 'OVERDUE' ELSE upper(i.status::text) END,
          'dueDate', to_char(i.due_date, 'YYYY-MM-DD'),
          'company', (SELECT json_build_object('companyName', c.company_name) FROM companies c WHERE c.id = i.company_id)
        ) ORDER BY i.due_date DESC, i.id) FROM (SELECT * FROM invoices WHERE status IN ('sent', 'overdue', 'paid') ORDER BY due_date DESC, id LIMIT 100) i), '[]')))::text AS data`,
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface LatencyFigures {
  scenario: string;
  /** Median of one request at a time to the API, ms. */
  apiMs: number;
  /** Median of the hand-written statement through pg, ms. */
  handwrittenMs: number;
  ratio: number;
}

/** One request at a time, `runs` times each, after a few warm-up runs. */
export async function singleRequestLatency(options: {
  scenario: string;
  query: string;
  url: string;
  headers: Record<string, string>;
  databaseUrl: string;
  runs?: number;
}): Promise<LatencyFigures | undefined> {
  const sql = HANDWRITTEN[options.scenario];
  if (!sql) return undefined;
  const runs = options.runs ?? 60;
  const time = async (fn: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < runs + 5; i += 1) {
      const start = process.hrtime.bigint();
      await fn();
      if (i >= 5) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return median(samples);
  };
  const body = JSON.stringify({ query: options.query });
  const apiMs = await time(async () => {
    const res = await fetch(options.url, { method: 'POST', headers: { 'content-type': 'application/json', ...options.headers }, body });
    await res.text();
  });
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    // The JSON column comes back as text, without type parsing.
    const handwrittenMs = await time(() => client.query({ text: sql, rowMode: 'array' }));
    return { scenario: options.scenario, apiMs, handwrittenMs, ratio: apiMs / handwrittenMs };
  } finally {
    await client.end();
  }
}
