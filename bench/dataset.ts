// A synthetic, deterministic dataset for benchmarks and scale tests: `scale` ×
// (20 companies, 200 contacts, 100 projects, 250 project-service links, 400
// integrations, 300 invoices, 100 meetings, 100 support tickets, 200 notes), plus
// the 9-service catalog, which does not grow with the business.
//
// Deterministic: every value comes from seeded PRNG streams (one per table, so a
// change to one table's values leaves the others alone) and every date is an
// offset in days from `today` (UTC), so the same scale and day give the same rows,
// ids included. Consistent: the rows satisfy the database rules (CHECKs, triggers),
// and the derived columns agree with their sources (companies' total_revenue is the
// sum of their paid invoices, monthly_recurring of their live projects' fees).
// Fast: rows are built in memory, then written in two INSERT statements (each table
// a JSON parameter) in one transaction, so a failure leaves the database empty.
import type {
  CompanyStatus,
  ContactStatus,
  IntegrationStatus,
  InvoiceStatus,
  InvoiceType,
  MeetingStatus,
  MeetingType,
  NoteType,
  Prisma,
  Priority,
  PrismaClient,
  ProjectStatus,
  TicketStatus,
} from '../src/generated/prisma/client';
import { DIAL, PROJECT_KINDS, SERVICES, TEAM, TOOLS, TTD_PER_USD, day, mulberry32, type ProjectKind, type ServiceKey, type ToolName } from '../src/db/seed-data';
import {
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  LEAD_EMAIL_DOMAINS,
  MEETING_AGENDA,
  NOTE_TEXTS,
  PAYMENT_METHODS,
  PLACES,
  SOURCES,
  STREETS,
  TEAM_NAMES,
  TICKET_RESOLUTIONS,
  TICKET_SUBJECTS,
  TLD,
  type Place,
} from './dataset-vocabulary';

/** Rows per unit of scale; the service catalog stays at its 9 services. */
export const ROWS_PER_SCALE = {
  companies: 20,
  contacts: 200,
  projects: 100,
  projectServices: 250,
  integrations: 400,
  invoices: 300,
  meetings: 100,
  supportTickets: 100,
  notes: 200,
} as const;

export type DatasetTable =
  | 'services'
  | 'companies'
  | 'contacts'
  | 'projects'
  | 'project_services'
  | 'integrations'
  | 'invoices'
  | 'meetings'
  | 'support_tickets'
  | 'notes';

export interface DatasetOptions {
  /** A positive integer: 1 is 20 companies, 10 is 200. */
  scale: number;
  /** The day relative dates count from (default: now; only its UTC date matters). */
  today?: Date;
}

export interface DatasetSummary {
  scale: number;
  /** The UTC day the dates count from, YYYY-MM-DD. */
  today: string;
  /** Rows written per table. */
  rows: Record<DatasetTable, number>;
}

export interface DatasetRows {
  services: Prisma.ServiceCreateManyInput[];
  companies: Prisma.CompanyCreateManyInput[];
  contacts: Prisma.ContactCreateManyInput[];
  projects: Prisma.ProjectCreateManyInput[];
  projectServices: Prisma.ProjectServiceCreateManyInput[];
  integrations: Prisma.IntegrationCreateManyInput[];
  invoices: Prisma.InvoiceCreateManyInput[];
  meetings: Prisma.MeetingCreateManyInput[];
  supportTickets: Prisma.SupportTicketCreateManyInput[];
  notes: Prisma.NoteCreateManyInput[];
}

// ---------------------------------------------------------------------------
// Randomness
// ---------------------------------------------------------------------------

const SEED = 0x5eed_2026;

/** FNV-1a: a stream's seed from its name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Random {
  private readonly next: () => number;

  constructor(stream: string) {
    this.next = mulberry32((SEED ^ hash(stream)) | 0);
  }

  float(lo = 0, hi = 1): number {
    return lo + this.next() * (hi - lo);
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  }

  /** A v4-shaped UUID from the stream (ids must be reproducible, so not randomUUID). */
  uuid(): string {
    const h = Array.from({ length: 4 }, () => Math.floor(this.next() * 2 ** 32).toString(16).padStart(8, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

/**
 * Splits `total` in proportion to `weights` (largest remainders), so the table
 * sizes are exact whatever the per-parent mix.
 */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new Error('apportion: the weights must add up to more than 0');
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  const left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - counts[i]!, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < left; k += 1) counts[byRemainder[k]![1]]! += 1;
  return counts;
}

/** Exactly `n` values in the given proportions (each at least once when n allows), shuffled. */
function deal<T>(rand: Random, n: number, entries: readonly (readonly [T, number])[]): T[] {
  const counts = apportion(n, entries.map(([, w]) => w));
  return rand.shuffle(entries.flatMap(([value], i) => Array<T>(counts[i]!).fill(value)));
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

const HOUR = 3_600_000;
const money = (n: number) => n.toFixed(2);
const roundTo = (n: number, step: number) => Math.round(n / step) * step;
const slug = (text: string) => text.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '');
const TEAM_KEYS = Object.keys(TEAM) as (keyof typeof TEAM)[];
const PRIORITIES: readonly (readonly [Priority, number])[] = [['LOW', 3], ['MEDIUM', 5], ['HIGH', 3], ['URGENT', 1], ['CRITICAL', 1]];
const SIZE_WEIGHT: Readonly<Record<string, number>> = { '1-10': 1, '11-50': 2, '51-200': 3, '201-500': 4 };

/** How the projects of a company in each status tend to stand. */
const PROJECT_STATUS_MIX: Readonly<Record<CompanyStatus, readonly (readonly [ProjectStatus, number])[]>> = {
  ACTIVE: [['LIVE', 45], ['IN_PROGRESS', 20], ['PAUSED', 8], ['DEMO', 10], ['SCOPING', 7], ['CANCELLED', 10]],
  PROSPECT: [['SCOPING', 6], ['DEMO', 4]],
  INACTIVE: [['PAUSED', 6], ['CANCELLED', 4]],
  CHURNED: [['CANCELLED', 8], ['PAUSED', 2]],
};

/** Relative weights for sharing out a table's rows among projects by status. */
const INTEGRATIONS_BY_STATUS: Readonly<Record<ProjectStatus, number>> = { LIVE: 5, IN_PROGRESS: 4, PAUSED: 4, CANCELLED: 3, DEMO: 3, SCOPING: 1 };
const INVOICES_BY_STATUS: Readonly<Record<ProjectStatus, number>> = { LIVE: 5, IN_PROGRESS: 3, PAUSED: 3, CANCELLED: 1.5, DEMO: 1, SCOPING: 0 };

interface CompanyDraft {
  row: Prisma.CompanyCreateManyInput & { id: string };
  status: CompanyStatus;
  place: Place;
  domain: string;
  /** Days from today when the relationship began (negative). */
  since: number;
  contactIds: string[];
}

interface ProjectDraft {
  row: Prisma.ProjectCreateManyInput & { id: string };
  company: CompanyDraft;
  kind: ProjectKind;
  status: ProjectStatus;
  start: number | null;
  goLive: number | null;
  /** Day offset it was created. */
  created: number;
}

/** Builds every row in memory; `generateDataset` writes them. Pure and deterministic. */
export function buildDataset(options: DatasetOptions): DatasetRows {
  const { scale } = options;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`dataset: scale must be a positive integer (got ${scale})`);
  const today = options.today ?? new Date();
  const d = (offset: number) => day(offset, today);
  const at = (offset: number, hour: number, minute = 0) => new Date(d(offset).getTime() + hour * HOUR + minute * 60_000);
  const n = Object.fromEntries(Object.entries(ROWS_PER_SCALE).map(([k, v]) => [k, v * scale])) as { [K in keyof typeof ROWS_PER_SCALE]: number };
  const usedEmails = new Set<string>();
  const uniqueEmail = (local: string, domain: string) => {
    let email = `${local}@${domain}`;
    for (let i = 2; usedEmails.has(email); i += 1) email = `${local}${i}@${domain}`;
    usedEmails.add(email);
    return email;
  };
  const phone = (rand: Random, country: string | null) => `${(country && DIAL[country]) || '+1-868'}-${rand.int(220, 799)}-${String(rand.int(0, 9999)).padStart(4, '0')}`;

  // Services: the demo seed's catalog.
  const services = SERVICES.map((s) => ({
    id: new Random(`service:${s.key}`).uuid(),
    serviceName: s.serviceName,
    serviceCategory: s.serviceCategory,
    description: s.description,
    baseSetupFeeMin: money(s.setup[0]),
    baseSetupFeeMax: money(s.setup[1]),
    baseMonthlyFeeMin: money(s.monthly[0]),
    baseMonthlyFeeMax: money(s.monthly[1]),
    typicalDurationWeeks: s.weeks,
    isActive: s.isActive,
    createdAt: at(-1500, 12),
    updatedAt: at(-1500, 12),
  }));
  const serviceId = new Map<ServiceKey, string>(SERVICES.map((s, i) => [s.key, services[i]!.id]));

  // Companies: a fixed mix of statuses, named "<place> <business>", unique.
  const rc = new Random('companies');
  const names = rc.shuffle(PLACES.flatMap((place) => INDUSTRIES.flatMap((ind) => ind.nouns.map((noun) => ({ place, industry: ind, noun })))));
  const companyStatuses = deal<CompanyStatus>(rc, n.companies, [['ACTIVE', 11], ['PROSPECT', 4], ['INACTIVE', 3], ['CHURNED', 2]]);
  const companies: CompanyDraft[] = companyStatuses.map((status, i) => {
    const { place, industry, noun } = names[i % names.length]!;
    const round = Math.floor(i / names.length);
    const companyName = `${place.name} ${noun}${round ? ` ${round + 1}` : ''}`;
    const domain = `${slug(companyName)}.${TLD[place.country]}`;
    const since = status === 'ACTIVE' ? -rc.int(60, 1100) : status === 'PROSPECT' ? -rc.int(10, 120) : -rc.int(400, 1400);
    const contractStart = since + rc.int(0, 20);
    // Active contracts run into the future; lapsed ones ended in the past (after they began).
    const contract: [number, number] | null =
      status === 'ACTIVE' ? [contractStart, rc.int(5, 420)]
      : status === 'PROSPECT' ? null
      : [contractStart, Math.min(contractStart + rc.int(180, 730), -rc.int(5, 60))];
    const created = at(since, rc.int(12, 20), rc.int(0, 59));
    return {
      status,
      place,
      domain,
      since,
      contactIds: [],
      row: {
        id: rc.uuid(),
        companyName,
        industry: industry.industry,
        companySize: rc.pick(industry.sizes),
        website: `https://www.${domain}`,
        address: `${rc.int(1, 120)} ${rc.pick(STREETS)}`,
        city: place.city,
        country: place.country,
        status,
        contractStartDate: contract ? d(contract[0]) : null,
        contractEndDate: contract ? d(contract[1]) : null,
        notes: rc.chance(0.3) ? rc.pick(NOTE_TEXTS.COMPANY) : null,
        createdAt: created,
        updatedAt: created,
      },
    };
  });

  // Contacts: every company has at least one (the primary contact, first); bigger
  // companies more; the rest are leads without a company.
  const rp = new Random('contacts');
  const companyContactTotal = Math.round(n.contacts * 0.7);
  const perCompany = apportion(companyContactTotal - companies.length, companies.map((c) => SIZE_WEIGHT[c.row.companySize!] ?? 1)).map((k) => k + 1);
  const contacts: Prisma.ContactCreateManyInput[] = [];
  const contactCompany = new Map<string, CompanyDraft | null>();
  const contactCreated = new Map<string, number>();
  const person = () => [rp.pick(FIRST_NAMES), rp.pick(LAST_NAMES)] as const;
  companies.forEach((company, ci) => {
    for (let k = 0; k < perCompany[ci]!; k += 1) {
      const [firstName, lastName] = person();
      const status: ContactStatus =
        company.status === 'PROSPECT' ? rp.weighted<ContactStatus>([['QUALIFIED', 3], ['CONTACTED', 2], ['LEAD', 1]])
        : k === 0 ? 'CONVERTED'
        : rp.weighted<ContactStatus>([['CONVERTED', 6], ['QUALIFIED', 1], ['CONTACTED', 1]]);
      const created = Math.min(company.since + (k === 0 ? 0 : rp.int(0, Math.max(0, -company.since - 1))), -1);
      const id = rp.uuid();
      const createdAt = at(created, rp.int(12, 21), rp.int(0, 59));
      contacts.push({
        id,
        firstName,
        lastName,
        email: uniqueEmail(`${slug(firstName)}.${slug(lastName)}`, company.domain),
        phone: phone(rp, company.place.country),
        companyName: company.row.companyName,
        companySize: company.row.companySize,
        message: k === 0 ? rp.pick(Object.values(PROJECT_KINDS)).enquiry : null,
        status,
        source: rp.weighted(SOURCES),
        companyId: company.row.id,
        assignedTo: TEAM[rp.pick(TEAM_KEYS)],
        createdAt,
        updatedAt: createdAt,
      });
      company.contactIds.push(id);
      contactCompany.set(id, company);
      contactCreated.set(id, created);
    }
  });
  const leadStatuses = deal<ContactStatus>(rp, n.contacts - contacts.length, [['LEAD', 4], ['CONTACTED', 2], ['QUALIFIED', 2], ['LOST', 2]]);
  for (const status of leadStatuses) {
    const [firstName, lastName] = person();
    const place = rp.pick(PLACES);
    const business = rp.chance(0.5) ? `${place.name} ${rp.pick(rp.pick(INDUSTRIES).nouns)}` : null;
    const created = status === 'LEAD' ? -rp.int(1, 60) : status === 'LOST' ? -rp.int(60, 500) : -rp.int(7, 200);
    const id = rp.uuid();
    const createdAt = at(created, rp.int(12, 21), rp.int(0, 59));
    contacts.push({
      id,
      firstName,
      lastName: rp.chance(0.9) ? lastName : null,
      email: uniqueEmail(`${slug(firstName)}.${slug(lastName)}`, business ? `${slug(business)}.${TLD[place.country]}` : rp.pick(LEAD_EMAIL_DOMAINS)),
      phone: rp.chance(0.7) ? phone(rp, place.country) : null,
      companyName: business,
      companySize: business ? rp.pick(['1-10', '11-50', '51-200']) : null,
      message: rp.chance(0.8) ? rp.pick(Object.values(PROJECT_KINDS)).enquiry : null,
      status,
      source: rp.weighted(SOURCES),
      companyId: null,
      assignedTo: status === 'LEAD' ? null : TEAM[rp.pick(TEAM_KEYS)],
      createdAt,
      updatedAt: createdAt,
    });
    contactCompany.set(id, null);
    contactCreated.set(id, created);
  }
  for (const c of companies) c.row.primaryContactId = c.contactIds[0]!;

  // Projects: active clients have the most; statuses follow the company's.
  const rj = new Random('projects');
  const projectWeights = companies.map((c) => ({ ACTIVE: 6, INACTIVE: 3, CHURNED: 2, PROSPECT: 1.5 })[c.status] * rj.float(0.6, 1.4));
  const perCompanyProjects = apportion(n.projects, projectWeights);
  const kinds = Object.keys(PROJECT_KINDS) as ProjectKind[];
  const projects: ProjectDraft[] = [];
  companies.forEach((company, ci) => {
    const seen = new Map<ProjectKind, number>();
    for (let k = 0; k < perCompanyProjects[ci]!; k += 1) {
      const kind = rj.pick(kinds);
      const spec = PROJECT_KINDS[kind];
      const phase = (seen.get(kind) ?? 0) + 1;
      seen.set(kind, phase);
      const status = rj.weighted(PROJECT_STATUS_MIX[company.status]);
      const service = SERVICES.find((s) => s.key === spec.services[0])!;
      const earliest = company.since;
      const startIn = (lo: number, hi: number) => rj.int(Math.min(Math.max(lo, earliest), hi), hi);
      let start: number | null = null;
      let goLive: number | null = null;
      switch (status) {
        case 'SCOPING':
          break;
        case 'DEMO':
          start = startIn(-40, -3);
          break;
        case 'IN_PROGRESS':
          start = startIn(-160, -7);
          goLive = rj.int(3, 60);
          break;
        case 'LIVE':
          start = startIn(-1000, -45);
          goLive = Math.min(start + rj.int(14, 60), -1);
          break;
        case 'PAUSED':
        case 'CANCELLED':
          start = startIn(-900, status === 'PAUSED' ? -60 : -20);
          if (rj.chance(status === 'PAUSED' ? 0.5 : 0.3)) goLive = Math.min(start + rj.int(14, 60), -1);
          break;
      }
      const created = Math.min(start === null ? -rj.int(1, Math.max(1, Math.min(45, -earliest))) : start - rj.int(3, 14), -1);
      const estimated = status === 'SCOPING' && rj.chance(0.5) ? null : service.weeks * rj.int(8, 14);
      const actual =
        estimated === null || status === 'SCOPING' ? null
        : status === 'DEMO' ? rj.int(2, 10)
        : status === 'IN_PROGRESS' ? Math.round(estimated * rj.float(0.2, 0.8))
        : Math.round(estimated * rj.float(0.7, 1.4));
      const createdAt = at(created, rj.int(12, 20), rj.int(0, 59));
      projects.push({
        company,
        kind,
        status,
        start,
        goLive,
        created,
        row: {
          id: rj.uuid(),
          companyId: company.row.id,
          projectName: `${company.row.companyName}: ${spec.label}${phase > 1 ? ` (phase ${phase})` : ''}`,
          projectType: kind,
          description: `${spec.label} for ${company.row.companyName}: ${service.description}`,
          status,
          setupFee: money(roundTo(rj.int(service.setup[0], service.setup[1]), 50)),
          monthlyFee: money(roundTo(rj.int(service.monthly[0], service.monthly[1]), 25)),
          toolCosts: money(status === 'SCOPING' ? 0 : rj.int(0, 8) * 25),
          startDate: start === null ? null : d(start),
          goLiveDate: goLive === null ? null : d(goLive),
          demoUrl: start === null ? null : `https://demo.aurumautomation.com/${slug(company.row.companyName)}/${kind.replace(/_/g, '-')}`,
          productionUrl: status === 'LIVE' && spec.path ? `https://www.${company.domain}/${spec.path}` : null,
          assignedTo: TEAM[rj.pick(TEAM_KEYS)],
          priority: rj.weighted(PRIORITIES),
          estimatedHours: estimated,
          actualHours: actual,
          createdAt,
          updatedAt: createdAt,
        },
      });
    }
  });

  // Project services: 2 and 3 in turn (2.5 on average, exact totals); what the
  // project kind sells first, then other services of the catalog.
  const rs = new Random('project-services');
  const projectServices: Prisma.ProjectServiceCreateManyInput[] = [];
  projects.forEach((p, i) => {
    const wanted = i % 2 === 0 ? 2 : 3;
    const keys = [...PROJECT_KINDS[p.kind].services];
    const others = rs.shuffle(SERVICES.map((s) => s.key).filter((k) => !keys.includes(k) && (SERVICES.find((s) => s.key === k)!.isActive || p.status === 'CANCELLED')));
    while (keys.length < wanted) keys.push(others.shift()!);
    keys.slice(0, wanted).forEach((key, k) => {
      const createdAt = at(p.created, 21, k);
      projectServices.push({ id: rs.uuid(), projectId: p.row.id, serviceId: serviceId.get(key)!, createdAt });
    });
  });
  if (projectServices.length !== n.projectServices) throw new Error(`dataset: ${projectServices.length} project services, expected ${n.projectServices}`);

  // Integrations: the tools the project kind runs on, then others.
  const ri = new Random('integrations');
  const toolNames = Object.keys(TOOLS) as ToolName[];
  const perProjectTools = apportion(n.integrations, projects.map((p) => INTEGRATIONS_BY_STATUS[p.status]));
  const integrations: Prisma.IntegrationCreateManyInput[] = [];
  const activeToolCost = new Map<string, number>();
  projects.forEach((p, pi) => {
    const order = [...PROJECT_KINDS[p.kind].tools, ...ri.shuffle(toolNames.filter((t) => !PROJECT_KINDS[p.kind].tools.includes(t)))];
    for (let k = 0; k < perProjectTools[pi]!; k += 1) {
      const tool = order[k % order.length]!;
      const spec = TOOLS[tool];
      const status: IntegrationStatus =
        p.status === 'LIVE' ? ri.weighted<IntegrationStatus>([['ACTIVE', 17], ['TESTING', 2], ['INACTIVE', 1]])
        : p.status === 'PAUSED' || p.status === 'CANCELLED' ? 'INACTIVE'
        : p.status === 'SCOPING' ? 'TESTING'
        : ri.weighted<IntegrationStatus>([['TESTING', 7], ['ACTIVE', 3]]);
      const monthlyCost = roundTo(spec.monthlyCost * ri.float(0.8, 1.3), 5);
      if (status === 'ACTIVE') activeToolCost.set(p.row.id, (activeToolCost.get(p.row.id) ?? 0) + monthlyCost);
      const createdAt = at(Math.min((p.start ?? p.created) + ri.int(0, 10), -1), ri.int(12, 21), ri.int(0, 59));
      integrations.push({
        id: ri.uuid(),
        projectId: p.row.id,
        toolName: tool,
        toolCategory: spec.toolCategory,
        status,
        apiKeyName: spec.apiKeyName,
        monthlyCost: money(monthlyCost),
        notes: ri.chance(0.15) ? `Connected under the ${p.company.row.companyName} workspace.` : null,
        createdAt,
        updatedAt: createdAt,
      });
    }
  });

  // Invoices: a setup invoice per started project, then monthly retainers (and a
  // quarterly tool pass-through in USD); 10% are one-time jobs without a project.
  // Status follows age: not yet due is a draft or sent; past due is mostly paid,
  // some overdue (or still "sent": overdue by date), a few cancelled.
  const rv = new Random('invoices');
  interface InvoiceDraft {
    company: CompanyDraft;
    projectId: string | null;
    type: InvoiceType;
    amount: number;
    issue: number;
    status: InvoiceStatus;
    notes: string;
  }
  const drafts: InvoiceDraft[] = [];
  const statusByAge = (issue: number, due: number): InvoiceStatus =>
    due >= 0 ? rv.weighted<InvoiceStatus>([['SENT', 7], ['DRAFT', 3]]) : rv.weighted<InvoiceStatus>([['PAID', 78], ['OVERDUE', 10], ['SENT', 8], ['CANCELLED', 4]]);
  const dueIn = (company: CompanyDraft) => (company.place.country === 'Trinidad and Tobago' ? 14 : 30);
  const oneTimeCount = Math.round(n.invoices * 0.1);
  const perProjectInvoices = apportion(n.invoices - oneTimeCount, projects.map((p) => INVOICES_BY_STATUS[p.status]));
  projects.forEach((p, pi) => {
    const k = perProjectInvoices[pi]!;
    if (k === 0) return;
    const first = p.start ?? -rv.int(1, 5);
    const name = p.row.projectName;
    for (let j = 0; j < k; j += 1) {
      let type: InvoiceType;
      let issue: number;
      if (j === 0) {
        type = 'SETUP';
        issue = Math.min(first, -1);
      } else {
        type = j % 5 === 4 ? 'TOOL_COST' : p.status === 'LIVE' || p.status === 'PAUSED' ? 'MONTHLY' : 'ONE_TIME';
        // Retainers a month apart, the latest a few days ago, none before the start.
        issue = Math.min(Math.max(-rv.int(1, 6) - 30 * (k - 1 - j), first), -1);
      }
      const due = issue + dueIn(p.company);
      const status: InvoiceStatus =
        p.status === 'DEMO' ? 'DRAFT'
        : p.status === 'CANCELLED' && j === 0 && rv.chance(0.5) ? 'CANCELLED'
        : statusByAge(issue, due);
      const amount =
        type === 'SETUP' ? Number(p.row.setupFee)
        : type === 'MONTHLY' ? Number(p.row.monthlyFee)
        : type === 'TOOL_COST' ? Math.max(3 * (activeToolCost.get(p.row.id) ?? 0), 150)
        : rv.int(15, 60) * 100;
      const notes =
        type === 'SETUP' ? `Setup: ${name}.`
        : type === 'MONTHLY' ? `Monthly retainer: ${name}.`
        : type === 'TOOL_COST' ? 'Platform subscriptions for the quarter, passed through at cost and billed in USD.'
        : `Additional work on ${name}: training and content updates.`;
      drafts.push({ company: p.company, projectId: p.row.id, type, amount, issue, status, notes });
    }
  });
  const ONE_TIME_NOTES = ['AI strategy session (half day) and written roadmap.', 'Staff training workshop: handling bot hand-offs.', 'Import of legacy records into HubSpot.', 'Transcript export and offboarding.'];
  for (let j = 0; j < oneTimeCount; j += 1) {
    const company = rv.pick(companies);
    const issue = Math.min(Math.max(-rv.int(1, 500), company.since), -1);
    drafts.push({ company, projectId: null, type: 'ONE_TIME', amount: rv.int(15, 60) * 100, issue, status: statusByAge(issue, issue + dueIn(company)), notes: rv.pick(ONE_TIME_NOTES) });
  }
  // Numbered INV-<year>-<NNN> per year in the order they were issued, as wide as
  // the busiest year needs (three digits at least).
  const ordered = drafts.map((draft, index) => ({ draft, index })).sort((a, b) => a.draft.issue - b.draft.issue || a.index - b.index);
  const perYear = new Map<number, number>();
  for (const { draft } of ordered) perYear.set(d(draft.issue).getUTCFullYear(), (perYear.get(d(draft.issue).getUTCFullYear()) ?? 0) + 1);
  const invoiceDigits = Math.max(3, String(Math.max(...perYear.values())).length);
  const invoiceSeq = new Map<number, number>();
  const invoices: (Prisma.InvoiceCreateManyInput & { companyId: string })[] = ordered.map(({ draft }) => {
    const issueDate = d(draft.issue);
    const year = issueDate.getUTCFullYear();
    const seq = (invoiceSeq.get(year) ?? 0) + 1;
    invoiceSeq.set(year, seq);
    const usd = draft.type === 'TOOL_COST';
    const paid = draft.status === 'PAID';
    const createdAt = at(draft.issue, 13, 30);
    return {
      id: rv.uuid(),
      invoiceNumber: `INV-${year}-${String(seq).padStart(invoiceDigits, '0')}`,
      companyId: draft.company.row.id,
      projectId: draft.projectId,
      invoiceType: draft.type,
      amount: money(draft.amount),
      // The USD equivalent is shown to clients outside Trinidad and on USD invoices.
      amountUsd: usd || draft.company.place.country !== 'Trinidad and Tobago' ? money(draft.amount / TTD_PER_USD) : null,
      currency: usd ? 'USD' : 'TTD',
      status: draft.status,
      issueDate,
      dueDate: d(draft.issue + dueIn(draft.company)),
      paidDate: paid ? d(Math.min(draft.issue + rv.int(1, 30), -1)) : null,
      paymentMethod: paid ? rv.pick(PAYMENT_METHODS) : null,
      notes: draft.notes,
      createdAt,
      updatedAt: createdAt,
    };
  });

  // What companies are worth: paid invoices and live projects' monthly fees.
  const revenue = new Map<string, number>();
  for (const i of invoices) if (i.status === 'PAID') revenue.set(i.companyId, (revenue.get(i.companyId) ?? 0) + Math.round(Number(i.amount) * 100));
  const mrr = new Map<string, number>();
  for (const p of projects) if (p.status === 'LIVE') mrr.set(p.company.row.id, (mrr.get(p.company.row.id) ?? 0) + Math.round(Number(p.row.monthlyFee) * 100));
  for (const c of companies) {
    c.row.totalRevenue = money((revenue.get(c.row.id) ?? 0) / 100);
    c.row.monthlyRecurring = money((mrr.get(c.row.id) ?? 0) / 100);
  }

  // Meetings: with company contacts mostly, some leads; scheduled exactly when in the future.
  const rm = new Random('meetings');
  const companyContactIds = contacts.filter((c) => c.companyId).map((c) => c.id!);
  const leadIds = contacts.filter((c) => !c.companyId).map((c) => c.id!);
  const contactById = new Map(contacts.map((c) => [c.id!, c]));
  const meetings: Prisma.MeetingCreateManyInput[] = [];
  for (let j = 0; j < n.meetings; j += 1) {
    const contactId = rm.chance(0.8) || leadIds.length === 0 ? rm.pick(companyContactIds) : rm.pick(leadIds);
    const contact = contactById.get(contactId)!;
    const company = contactCompany.get(contactId) ?? null;
    const type: MeetingType =
      !company || company.status === 'PROSPECT' ? rm.weighted<MeetingType>([['DISCOVERY', 3], ['DEMO', 2]])
      : company.status === 'ACTIVE' ? rm.weighted<MeetingType>([['ONBOARDING', 2], ['SUPPORT', 3], ['REVIEW', 3], ['DEMO', 1]])
      : rm.weighted<MeetingType>([['REVIEW', 3], ['SUPPORT', 1]]);
    const future = rm.chance(0.15);
    const when = future ? rm.int(1, 30) : Math.min(Math.max(-rm.int(1, 365), contactCreated.get(contactId)! + 1), -1);
    const status: MeetingStatus = future ? 'SCHEDULED' : rm.weighted<MeetingStatus>([['COMPLETED', 75], ['CANCELLED', 12], ['NO_SHOW', 13]]);
    const platform = rm.pick(['meet', 'zoom', 'teams', 'in_person'] as const);
    const code = rm.uuid().replace(/-/g, '');
    const who = `${contact.firstName} ${contact.lastName ?? ''}`.trim();
    const agenda = MEETING_AGENDA[type];
    const host = rm.pick(TEAM_KEYS);
    const createdAt = at(Math.min(when - rm.int(2, 14), -1), 12, 15);
    meetings.push({
      id: rm.uuid(),
      contactId,
      companyId: company?.row.id ?? null,
      meetingType: type,
      title: `${agenda.label}: ${company?.row.companyName ?? contact.companyName ?? who}`,
      description: platform === 'in_person' ? `${agenda.agenda} At the client's office.` : agenda.agenda,
      scheduledAt: at(when, rm.int(12, 21), rm.pick([0, 30])),
      durationMinutes: rm.pick([15, 30, 30, 45, 60, 60, 90]),
      status,
      meetingUrl:
        platform === 'meet' ? `https://meet.google.com/${code.slice(0, 3)}-${code.slice(3, 7)}-${code.slice(7, 10)}`
        : platform === 'zoom' ? `https://us06web.zoom.us/j/8${String(parseInt(code.slice(0, 10), 16)).slice(0, 10)}`
        : platform === 'teams' ? `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${code.slice(0, 16)}%40thread.v2/0`
        : null,
      outcome:
        status === 'COMPLETED' ? agenda.outcome
        : status === 'NO_SHOW' ? 'Client did not join; followed up on WhatsApp to rebook.'
        : status === 'CANCELLED' ? 'Cancelled by the client; to be rescheduled.'
        : null,
      attendees: `${who}; ${TEAM_NAMES[host]} (Aurum)`,
      createdAt,
      updatedAt: createdAt,
    });
  }

  // Support tickets: on started projects (live ones most), opened after the start.
  const rt = new Random('support-tickets');
  const started = projects.filter((p) => p.start !== null && (p.status === 'LIVE' || p.status === 'IN_PROGRESS' || p.status === 'PAUSED'));
  const ticketProjects = started.length ? started : projects;
  const ticketWeights = ticketProjects.map((p) => [p, p.status === 'LIVE' ? 3 : 1] as const);
  const ticketDrafts = Array.from({ length: n.supportTickets }, (_, index) => {
    const p = rt.weighted(ticketWeights);
    const opened = rt.int(Math.min(Math.max(p.start ?? p.created, -400), -1), -1);
    const createdAt = at(opened, rt.int(12, 21), rt.int(0, 59));
    const status = rt.weighted<TicketStatus>([['OPEN', 2], ['IN_PROGRESS', 2], ['WAITING', 1], ['RESOLVED', 3], ['CLOSED', 3]]);
    const category = rt.weighted<keyof typeof TICKET_SUBJECTS>([['bug', 5], ['feature_request', 3], ['question', 2]]);
    const subject = rt.pick(TICKET_SUBJECTS[category]);
    const done = status === 'RESOLVED' || status === 'CLOSED';
    return {
      index,
      row: {
        id: rt.uuid(),
        companyId: p.company.row.id,
        projectId: p.row.id,
        contactId: rt.chance(0.9) ? rt.pick(p.company.contactIds) : null,
        subject,
        description: `Reported by ${p.company.row.companyName}: ${subject.charAt(0).toLowerCase()}${subject.slice(1)}`,
        priority: rt.weighted(PRIORITIES),
        status,
        category,
        assignedTo: status === 'OPEN' && rt.chance(0.5) ? null : TEAM[rt.pick(TEAM_KEYS)],
        resolution: done ? rt.pick(TICKET_RESOLUTIONS) : null,
        createdAt,
        resolvedAt: done ? new Date(Math.min(createdAt.getTime() + rt.int(1, 120) * HOUR, d(0).getTime())) : null,
        updatedAt: createdAt,
      },
    };
  }).sort((a, b) => a.row.createdAt.getTime() - b.row.createdAt.getTime() || a.index - b.index);
  const ticketsPerYear = new Map<number, number>();
  for (const { row } of ticketDrafts) ticketsPerYear.set(row.createdAt.getUTCFullYear(), (ticketsPerYear.get(row.createdAt.getUTCFullYear()) ?? 0) + 1);
  const ticketDigits = Math.max(3, String(Math.max(...ticketsPerYear.values())).length);
  const ticketSeq = new Map<number, number>();
  const supportTickets: Prisma.SupportTicketCreateManyInput[] = ticketDrafts.map(({ row }) => {
    const year = row.createdAt.getUTCFullYear();
    const seq = (ticketSeq.get(year) ?? 0) + 1;
    ticketSeq.set(year, seq);
    return { ...row, ticketNumber: `TKT-${year}-${String(seq).padStart(ticketDigits, '0')}` };
  });

  // Notes: on contacts, companies and projects, and general ones; some private.
  const rn = new Random('notes');
  const noteTypes = deal<NoteType>(rn, n.notes, [['CONTACT', 3], ['COMPANY', 3], ['PROJECT', 2.5], ['GENERAL', 1.5]]);
  const notes: Prisma.NoteCreateManyInput[] = noteTypes.map((noteType) => {
    let relatedId: string | null = null;
    let earliest = -400;
    if (noteType === 'CONTACT') {
      relatedId = rn.pick(contacts).id!;
      earliest = contactCreated.get(relatedId)!;
    } else if (noteType === 'COMPANY') {
      const company = rn.pick(companies);
      relatedId = company.row.id;
      earliest = company.since;
    } else if (noteType === 'PROJECT') {
      const project = rn.pick(projects);
      relatedId = project.row.id;
      earliest = project.created;
    }
    const written = rn.int(Math.min(Math.max(earliest, -400), -1), -1);
    const createdAt = at(written, rn.int(12, 22), rn.int(0, 59));
    return {
      id: rn.uuid(),
      noteType,
      relatedId,
      noteText: rn.pick(NOTE_TEXTS[noteType]),
      createdBy: TEAM[rn.pick(TEAM_KEYS)],
      isPrivate: rn.chance(0.2),
      createdAt,
      updatedAt: createdAt,
    };
  });

  return {
    services,
    companies: companies.map((c) => c.row),
    contacts,
    projects: projects.map((p) => p.row),
    projectServices,
    integrations,
    invoices,
    meetings,
    supportTickets,
    notes,
  };
}

/** The UTC date of `today`, YYYY-MM-DD. */
function isoDay(today: Date): string {
  return day(0, today).toISOString().slice(0, 10);
}

/** Prisma field names are the columns' names in camelCase (schema.prisma's convention). */
const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** Enum values are UPPER_SNAKE_CASE in TypeScript and stored lower-case. */
const ENUM_FIELDS = new Set(['status', 'priority', 'invoiceType', 'meetingType', 'noteType']);

/**
 * One table's rows as an INSERT from a JSON parameter: a single statement and a
 * single parameter whatever the row count (createMany per table took ~10 s at scale
 * 10 here, nearly all of it in the client; this takes under 2 s). The column list
 * is explicit, so a field without a column fails loudly instead of being dropped.
 */
function insertFromJson(table: DatasetTable, rows: readonly object[], param: number): { sql: string; json: string } {
  const fields = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const columns = fields.map((f) => `"${columnOf(f)}"`).join(', ');
  const records = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([field, value]) => [columnOf(field), ENUM_FIELDS.has(field) && typeof value === 'string' ? value.toLowerCase() : value])),
  );
  return {
    sql: `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $${param}::json) RETURNING 1`,
    json: JSON.stringify(records),
  };
}

/**
 * Writes the dataset into an already-migrated, empty database, in one transaction,
 * and refreshes the planner statistics so the first queries plan as they would on
 * a database that has been running for a while.
 *
 * Everything but the notes goes in ONE statement (a CTE per table): foreign keys
 * are checked at its end, so companies can name their primary contacts while the
 * contacts name their companies, and the statement-level triggers that recompute
 * company totals see the projects and the invoices together (and find nothing to
 * change). Notes follow in a second statement: their subject check is a trigger
 * that must see the rows already written.
 */
export async function generateDataset(prisma: PrismaClient, options: DatasetOptions): Promise<DatasetSummary> {
  const today = options.today ?? new Date();
  const data = buildDataset({ ...options, today });
  const [existing] = await prisma.$queryRawUnsafe<{ companies: number; contacts: number; services: number }[]>(
    `SELECT (SELECT count(*) FROM companies)::int AS companies, (SELECT count(*) FROM contacts)::int AS contacts, (SELECT count(*) FROM services)::int AS services`,
  );
  const found = Object.entries(existing ?? {}).filter(([, count]) => count > 0);
  if (found.length) {
    throw new Error(`generateDataset needs an empty database, but it already has ${found.map(([table, count]) => `${count} ${table}`).join(', ')}`);
  }

  const tables: [DatasetTable, readonly object[]][] = [
    ['services', data.services],
    ['companies', data.companies],
    ['contacts', data.contacts],
    ['projects', data.projects],
    ['project_services', data.projectServices],
    ['integrations', data.integrations],
    ['invoices', data.invoices],
    ['meetings', data.meetings],
    ['support_tickets', data.supportTickets],
  ];
  const inserts = tables.map(([table, rows], i) => ({ table, ...insertFromJson(table, rows, i + 1) }));
  const notes = insertFromJson('notes', data.notes, 1);

  const rows = await prisma.$transaction(
    async (tx) => {
      const [counts] = await tx.$queryRawUnsafe<Record<string, number>[]>(
        `WITH ${inserts.map((x) => `new_${x.table} AS (${x.sql})`).join(',\n')}
         SELECT ${inserts.map((x) => `(SELECT count(*) FROM new_${x.table})::int AS ${x.table}`).join(', ')}`,
        ...inserts.map((x) => x.json),
      );
      const [noteCount] = await tx.$queryRawUnsafe<{ notes: number }[]>(`WITH new_notes AS (${notes.sql}) SELECT count(*)::int AS notes FROM new_notes`, notes.json);
      return { ...counts, notes: noteCount!.notes } as Record<DatasetTable, number>;
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  await prisma.$executeRawUnsafe(`ANALYZE ${[...tables.map(([table]) => table), 'notes'].join(', ')}`);
  return { scale: options.scale, today: isoDay(today), rows };
}
