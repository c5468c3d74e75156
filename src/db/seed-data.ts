// Deterministic demo data for an agency like Aurum: the same rows on every run of
// the same day (ids derive from stable keys; dates are offsets from today, so
// overdue invoices stay overdue and upcoming contract ends stay upcoming).
import { createHash } from 'node:crypto';
import type {
  CompanyStatus,
  ContactStatus,
  IntegrationStatus,
  InvoiceStatus,
  InvoiceType,
  MeetingStatus,
  MeetingType,
  NoteType,
  Priority,
  ProjectStatus,
  TicketStatus,
} from '../generated/prisma/client';

/** A v4-shaped UUID derived from a stable key ("company:3"). */
export function seedId(key: string): string {
  const h = createHash('sha256').update(`aurum-seed:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The team (Supabase user ids): notes' authors, assignees. */
export const TEAM = {
  admin: '0a0a0a0a-0000-4000-8000-000000000001',
  alice: '0a0a0a0a-0000-4000-8000-000000000002',
  bob: '0a0a0a0a-0000-4000-8000-000000000003',
} as const;
const TEAM_IDS = Object.values(TEAM);

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UTC midnight `offset` days from today. */
export function day(offset: number, today = new Date()): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset));
}

const money = (n: number) => n.toFixed(2);

export const SERVICES = [
  { key: 'chatbot', serviceName: 'AI Chatbot', serviceCategory: 'automation', setup: [4500, 12000], monthly: [850, 2500], weeks: 4, description: 'Website and WhatsApp chatbot trained on the client\'s FAQs, with hand-off to staff.' },
  { key: 'leadgen', serviceName: 'Lead Generation System', serviceCategory: 'automation', setup: [6000, 15000], monthly: [1200, 3500], weeks: 6, description: 'Landing pages, forms and lead scoring that feed the CRM.' },
  { key: 'email', serviceName: 'Email Automation', serviceCategory: 'automation', setup: [3000, 8000], monthly: [600, 1800], weeks: 3, description: 'Nurture sequences, newsletters and transactional email flows.' },
  { key: 'crm', serviceName: 'CRM Integration (HubSpot)', serviceCategory: 'integration', setup: [5000, 14000], monthly: [700, 2000], weeks: 5, description: 'HubSpot set-up, pipelines and two-way sync with existing tools.' },
  { key: 'whatsapp', serviceName: 'WhatsApp Business Bot', serviceCategory: 'automation', setup: [4000, 10000], monthly: [900, 2200], weeks: 4, description: 'WhatsApp Cloud API bot for bookings, orders and support.' },
  { key: 'booking', serviceName: 'Appointment Booking Automation', serviceCategory: 'automation', setup: [2500, 7000], monthly: [500, 1500], weeks: 3, description: 'Online booking with reminders by SMS and WhatsApp.' },
  { key: 'workflow', serviceName: 'Workflow Automation (Make.com)', serviceCategory: 'integration', setup: [3500, 12000], monthly: [600, 2500], weeks: 4, description: 'Make.com scenarios that connect forms, sheets, CRM and accounting.' },
  { key: 'consulting', serviceName: 'AI Strategy Session', serviceCategory: 'consulting', setup: [1500, 5000], monthly: [0, 0], weeks: 1, description: 'A workshop mapping where automation pays off first.' },
  { key: 'voice', serviceName: 'Voice Assistant (retired)', serviceCategory: 'automation', setup: [8000, 20000], monthly: [1500, 4000], weeks: 8, description: 'Phone voice assistant; no longer offered.', inactive: true },
] as const;

const COMPANY_SPECS: [string, string, string, string, string, CompanyStatus][] = [
  ['Bayside Family Clinic', 'Healthcare', '11-50', 'Port of Spain', 'Trinidad and Tobago', 'ACTIVE'],
  ['Coral Reef Dental', 'Healthcare', '1-10', 'Bridgetown', 'Barbados', 'ACTIVE'],
  ['Maraval Legal Chambers', 'Legal', '11-50', 'Port of Spain', 'Trinidad and Tobago', 'ACTIVE'],
  ['Kingston Realty Group', 'Real Estate', '51-200', 'Kingston', 'Jamaica', 'ACTIVE'],
  ['Island Spice Restaurants', 'Hospitality', '51-200', 'Chaguanas', 'Trinidad and Tobago', 'ACTIVE'],
  ['Demerara Logistics', 'Logistics', '51-200', 'Georgetown', 'Guyana', 'ACTIVE'],
  ['Pitons Boutique Hotel', 'Hospitality', '11-50', 'Castries', 'Saint Lucia', 'ACTIVE'],
  ['San Fernando Auto Parts', 'Retail', '11-50', 'San Fernando', 'Trinidad and Tobago', 'ACTIVE'],
  ['Caribbean Learning Academy', 'Education', '11-50', 'Bridgetown', 'Barbados', 'ACTIVE'],
  ['Trinity Credit Union', 'Finance', '51-200', 'Arima', 'Trinidad and Tobago', 'ACTIVE'],
  ['Grenada Spice Exports', 'Retail', '11-50', "St. George's", 'Grenada', 'ACTIVE'],
  ['Savannah Physiotherapy', 'Healthcare', '1-10', 'Port of Spain', 'Trinidad and Tobago', 'ACTIVE'],
  ['Blue Waters Insurance Brokers', 'Finance', '11-50', 'Kingston', 'Jamaica', 'INACTIVE'],
  ['Tobago Dive Adventures', 'Hospitality', '1-10', 'Scarborough', 'Trinidad and Tobago', 'INACTIVE'],
  ['Nassau Home Furnishings', 'Retail', '51-200', 'Nassau', 'Bahamas', 'CHURNED'],
  ['Antigua Property Managers', 'Real Estate', '1-10', "St. John's", 'Antigua and Barbuda', 'CHURNED'],
  ['Couva Medical Labs', 'Healthcare', '11-50', 'Couva', 'Trinidad and Tobago', 'PROSPECT'],
  ['Oistins Fish Market Co-op', 'Retail', '11-50', 'Oistins', 'Barbados', 'PROSPECT'],
  ['Montego Bay Tours', 'Hospitality', '11-50', 'Montego Bay', 'Jamaica', 'PROSPECT'],
  ['Essequibo Agro Supplies', 'Agriculture', '11-50', 'Anna Regina', 'Guyana', 'PROSPECT'],
  ['Diego Martin Law Associates', 'Legal', '1-10', 'Diego Martin', 'Trinidad and Tobago', 'PROSPECT'],
  ['Vieux Fort Energy Solutions', 'Energy', '51-200', 'Vieux Fort', 'Saint Lucia', 'PROSPECT'],
  ['Belmont Accounting Services', 'Finance', '1-10', 'Port of Spain', 'Trinidad and Tobago', 'ACTIVE'],
  ['Holetown Wellness Spa', 'Hospitality', '1-10', 'Holetown', 'Barbados', 'ACTIVE'],
  ['Linden Engineering Works', 'Manufacturing', '51-200', 'Linden', 'Guyana', 'PROSPECT'],
];

const FIRST = ['Aaliyah', 'Marcus', 'Keisha', 'Ravi', 'Shanice', 'Andre', 'Priya', 'Jerome', 'Natalia', 'Kwame', 'Simone', 'Devon', 'Anjali', 'Tristan', 'Camille', 'Rohan', 'Tamika', 'Nikhil', 'Renee', 'Jamal'];
const LAST = ['Mohammed', 'Baptiste', 'Ramdass', 'Charles', 'Joseph', 'Persad', 'Williams', 'Ali', 'Greaves', 'Clarke', 'Maharaj', 'Thomas', 'Gooding', 'Singh', 'Alleyne', 'Campbell', 'Phillip', 'Lewis'];
const DIAL: Record<string, string> = {
  'Trinidad and Tobago': '+1-868', Barbados: '+1-246', Jamaica: '+1-876', Guyana: '+592', 'Saint Lucia': '+1-758',
  Grenada: '+1-473', Bahamas: '+1-242', 'Antigua and Barbuda': '+1-268',
};
const SOURCES = ['website', 'referral', 'linkedin', 'facebook', 'event'];
const TOOLS: [string, string, number][] = [
  ['Botpress', 'chatbot', 380], ['HubSpot', 'crm', 610], ['Make.com', 'automation', 210], ['OpenAI', 'ai', 340],
  ['Zapier', 'automation', 270], ['Twilio', 'messaging', 150], ['WhatsApp Cloud API', 'messaging', 120], ['Mailchimp', 'email', 230],
  ['Calendly', 'scheduling', 80], ['Google Sheets', 'automation', 0], ['Voiceflow', 'chatbot', 400], ['ManyChat', 'chatbot', 100],
];
const PROJECT_KINDS: [string, string, string[]][] = [
  ['chatbot', 'Chatbot', ['chatbot', 'whatsapp']],
  ['lead_gen', 'Lead Generation', ['leadgen', 'crm']],
  ['email_automation', 'Email Automation', ['email', 'workflow']],
  ['booking', 'Booking Automation', ['booking', 'whatsapp']],
  ['crm_integration', 'CRM Integration', ['crm', 'workflow']],
];
const PROJECT_STATUSES: ProjectStatus[] = ['LIVE', 'LIVE', 'IN_PROGRESS', 'LIVE', 'DEMO', 'SCOPING', 'PAUSED', 'LIVE', 'CANCELLED', 'IN_PROGRESS'];
const PRIORITIES: Priority[] = ['LOW', 'MEDIUM', 'HIGH', 'URGENT', 'CRITICAL'];

export interface SeedData {
  services: Record<string, unknown>[];
  companies: (Record<string, unknown> & { id: string })[];
  primaryContacts: { companyId: string; contactId: string }[];
  contacts: Record<string, unknown>[];
  projects: (Record<string, unknown> & { id: string; companyId: string; status: ProjectStatus })[];
  projectServices: Record<string, unknown>[];
  integrations: Record<string, unknown>[];
  invoices: Record<string, unknown>[];
  meetings: Record<string, unknown>[];
  supportTickets: Record<string, unknown>[];
  notes: Record<string, unknown>[];
}

export function buildSeedData(today = new Date()): SeedData {
  const rand = mulberry32(20_240_601);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const between = (lo: number, hi: number) => Math.round(lo + rand() * (hi - lo));
  const d = (offset: number) => day(offset, today);

  const services = SERVICES.map((s) => ({
    id: seedId(`service:${s.key}`),
    serviceName: s.serviceName,
    serviceCategory: s.serviceCategory,
    description: s.description,
    baseSetupFeeMin: money(s.setup[0]),
    baseSetupFeeMax: money(s.setup[1]),
    baseMonthlyFeeMin: money(s.monthly[0]),
    baseMonthlyFeeMax: money(s.monthly[1]),
    typicalDurationWeeks: s.weeks,
    isActive: !('inactive' in s),
  }));

  const companies = COMPANY_SPECS.map(([name, industry, size, city, country, status], i) => {
    const client = status === 'ACTIVE' || status === 'INACTIVE' || status === 'CHURNED';
    const start = -between(90, 700);
    // Every third active client's contract ends within the next 60 days.
    const end = status === 'ACTIVE' ? (i % 3 === 0 ? between(5, 60) : between(90, 400)) : status === 'PROSPECT' ? null : -between(10, 200);
    return {
      id: seedId(`company:${i}`),
      companyName: name,
      industry,
      companySize: size,
      website: `https://www.${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.com`,
      address: `${between(1, 120)} ${pick(['Main Road', 'Frederick Street', 'Broad Street', 'Harbour Drive', 'Queen Street'])}`,
      city,
      country,
      status,
      contractStartDate: client ? d(start) : null,
      contractEndDate: end === null ? null : d(Math.max(end, start + 30)),
      notes: i % 4 === 0 ? 'Prefers WhatsApp for quick questions; invoices to accounts@.' : null,
    };
  });

  const contacts: SeedData['contacts'] = [];
  const primaryContacts: SeedData['primaryContacts'] = [];
  const person = (n: number) => ({ first: FIRST[n % FIRST.length]!, last: LAST[(n * 7) % LAST.length]! });
  companies.forEach((company, i) => {
    const { first, last } = person(i);
    const id = seedId(`contact:primary:${i}`);
    const client = company.status !== 'PROSPECT';
    contacts.push({
      id,
      firstName: first,
      lastName: last,
      email: `${first}.${last}@${String(company.website).replace('https://www.', '')}`.toLowerCase(),
      phone: `${DIAL[company.country] ?? '+1-868'}-${between(200, 799)}-${between(1000, 9999)}`,
      companyName: company.companyName,
      companySize: company.companySize,
      message: client ? null : `We are interested in automating ${pick(['bookings', 'customer questions', 'lead follow-up', 'invoicing reminders'])}.`,
      status: (client ? 'CONVERTED' : pick(['CONTACTED', 'QUALIFIED'])) as ContactStatus,
      source: SOURCES[i % SOURCES.length],
      companyId: company.id,
      assignedTo: TEAM_IDS[i % 3],
      createdAt: d(-between(30, 720)),
    });
    primaryContacts.push({ companyId: company.id, contactId: id });
    if (i % 2 === 0) {
      const p = person(i + 40);
      contacts.push({
        id: seedId(`contact:colleague:${i}`),
        firstName: p.first,
        lastName: p.last,
        email: `${p.first[0]}${p.last}@${String(company.website).replace('https://www.', '')}`.toLowerCase(),
        phone: `${DIAL[company.country] ?? '+1-868'}-${between(200, 799)}-${between(1000, 9999)}`,
        companyName: company.companyName,
        status: (client ? 'CONVERTED' : 'QUALIFIED') as ContactStatus,
        source: 'referral',
        companyId: company.id,
        createdAt: d(-between(10, 500)),
      });
    }
  });
  const leadStatuses: ContactStatus[] = ['LEAD', 'LEAD', 'CONTACTED', 'QUALIFIED', 'LOST'];
  for (let i = 0; i < 25; i += 1) {
    const p = person(i + 7);
    contacts.push({
      id: seedId(`contact:lead:${i}`),
      firstName: p.first,
      lastName: i % 6 === 5 ? null : p.last,
      email: `${p.first}.${p.last}${i}@${pick(['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com'])}`.toLowerCase(),
      phone: i % 4 === 3 ? null : `+1-868-${between(200, 799)}-${between(1000, 9999)}`,
      companyName: `${pick(['Sunrise', 'Harbour', 'Palm', 'Calypso', 'Mango', 'Steelpan'])} ${pick(['Bakery', 'Clinic', 'Realty', 'Fitness', 'Tours', 'Pharmacy'])}`,
      companySize: pick(['1-10', '11-50', '51-200']),
      message: pick([
        'Can your chatbot answer patients after hours?',
        'Looking for a WhatsApp bot to take orders.',
        'We need help following up on leads from Facebook ads.',
        'How much for HubSpot set-up and training?',
        'Interested in automating appointment reminders.',
      ]),
      status: leadStatuses[i % leadStatuses.length],
      source: SOURCES[(i + 2) % SOURCES.length],
      assignedTo: i % 3 === 0 ? null : TEAM_IDS[i % 3],
      createdAt: d(-between(0, 200)),
    });
  }

  const projects: SeedData['projects'] = [];
  const projectServices: SeedData['projectServices'] = [];
  const integrations: SeedData['integrations'] = [];
  let n = 0;
  companies.forEach((company, ci) => {
    const count = company.status === 'ACTIVE' ? (ci % 3 === 0 ? 3 : 2) : 1;
    for (let k = 0; k < count; k += 1, n += 1) {
      const [type, label, serviceKeys] = PROJECT_KINDS[n % PROJECT_KINDS.length]!;
      let status: ProjectStatus = PROJECT_STATUSES[n % PROJECT_STATUSES.length]!;
      if (company.status === 'PROSPECT') status = n % 2 === 0 ? 'SCOPING' : 'DEMO';
      if (company.status === 'CHURNED') status = 'CANCELLED';
      if (company.status === 'INACTIVE') status = 'PAUSED';
      if (company.status === 'ACTIVE' && k === 0) status = 'LIVE';
      const start = -between(40, 400);
      const started = status !== 'SCOPING';
      const live = status === 'LIVE' || status === 'PAUSED' || (status === 'CANCELLED' && n % 2 === 0);
      const setup = between(4, 14) * 1000;
      const monthly = between(8, 30) * 100;
      const estimated = between(20, 120);
      const id = seedId(`project:${n}`);
      projects.push({
        id,
        companyId: company.id,
        projectName: `${String(company.companyName).split(' ').slice(0, 2).join(' ')} ${label}`,
        projectType: type,
        description: `${label} for ${company.companyName}.`,
        status,
        setupFee: money(setup),
        monthlyFee: money(monthly),
        toolCosts: money(between(1, 8) * 50),
        startDate: started ? d(start) : null,
        goLiveDate: live ? d(start + between(21, 35)) : status === 'IN_PROGRESS' ? d(between(7, 45)) : null,
        demoUrl: status === 'SCOPING' ? null : `https://demo.aurumautomation.com/${id.slice(0, 8)}`,
        productionUrl: live ? `https://bot.aurumautomation.com/${id.slice(0, 8)}` : null,
        assignedTo: TEAM_IDS[n % 3],
        priority: PRIORITIES[n % PRIORITIES.length],
        estimatedHours: estimated,
        actualHours: started ? Math.round(estimated * (0.6 + rand() * 0.7)) : null,
      });
      const keys = serviceKeys.slice(0, 1 + (n % 2));
      if (n % 5 === 0) keys.push('consulting');
      keys.forEach((key, si) =>
        projectServices.push({ id: seedId(`project-service:${n}:${key}`), projectId: id, serviceId: seedId(`service:${key}`), createdAt: new Date(d(start).getTime() + si * 1000) }),
      );
      const toolCount = status === 'SCOPING' ? 0 : 2 + (n % 2);
      for (let t = 0; t < toolCount; t += 1) {
        const [tool, category, cost] = TOOLS[(n * 3 + t * 5) % TOOLS.length]!;
        const integrationStatus: IntegrationStatus = status === 'LIVE' ? (t === 2 ? 'TESTING' : 'ACTIVE') : status === 'CANCELLED' || status === 'PAUSED' ? 'INACTIVE' : 'TESTING';
        integrations.push({
          id: seedId(`integration:${n}:${t}`),
          projectId: id,
          toolName: tool,
          toolCategory: category,
          status: integrationStatus,
          apiKeyName: `${tool.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_API_KEY`,
          monthlyCost: money(cost),
          notes: t === 0 ? `Primary ${category} tool for this project.` : null,
        });
      }
    }
  });

  // Invoices: a setup invoice for every started project, monthly invoices for live
  // ones (paid, sent and overdue, sent and not yet due), plus drafts and a cancelled one.
  type Draft = { key: string; companyId: string; projectId: string | null; type: InvoiceType; amount: number; status: InvoiceStatus; issue: number; due: number; paid?: number; currency?: string };
  const drafts: Draft[] = [];
  projects.forEach((p, i) => {
    if (p.status === 'SCOPING') return;
    const issue = -between(60, 380);
    const setupStatus: InvoiceStatus = p.status === 'DEMO' ? 'DRAFT' : p.status === 'CANCELLED' && i % 2 ? 'CANCELLED' : 'PAID';
    drafts.push({ key: `setup:${i}`, companyId: p.companyId, projectId: p.id, type: 'SETUP', amount: Number(p.setupFee), status: setupStatus, issue, due: issue + 14, paid: issue + between(3, 20) });
    if (p.status !== 'LIVE') return;
    for (let m = 0; m < 3; m += 1) {
      const mIssue = -15 - m * 30 - (i % 5);
      const status: InvoiceStatus = m === 2 ? 'PAID' : m === 1 ? (i % 3 === 0 ? 'OVERDUE' : i % 3 === 1 ? 'SENT' : 'PAID') : i % 4 === 0 ? 'DRAFT' : 'SENT';
      drafts.push({ key: `monthly:${i}:${m}`, companyId: p.companyId, projectId: p.id, type: 'MONTHLY', amount: Number(p.monthlyFee), status, issue: mIssue, due: mIssue + (m === 0 ? 30 : 14), paid: mIssue + between(2, 12) });
    }
    if (i % 4 === 1) drafts.push({ key: `tools:${i}`, companyId: p.companyId, projectId: p.id, type: 'TOOL_COST', amount: Number(p.toolCosts), status: 'SENT', issue: -40, due: -10, currency: 'USD' });
  });
  companies.slice(0, 6).forEach((c, i) =>
    drafts.push({ key: `onetime:${i}`, companyId: c.id, projectId: null, type: 'ONE_TIME', amount: between(5, 25) * 100, status: i === 3 ? 'CANCELLED' : 'PAID', issue: -between(100, 300), due: -between(40, 90), paid: -between(20, 39) }),
  );
  drafts.sort((a, b) => a.issue - b.issue || a.key.localeCompare(b.key));
  const perYear = new Map<number, number>();
  const invoices = drafts.map((x) => {
    const issueDate = d(x.issue);
    const year = issueDate.getUTCFullYear();
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const usd = x.currency === 'USD';
    const paid = x.status === 'PAID';
    return {
      id: seedId(`invoice:${x.key}`),
      invoiceNumber: `INV-${year}-${String(seq).padStart(3, '0')}`,
      companyId: x.companyId,
      projectId: x.projectId,
      invoiceType: x.type,
      amount: money(x.amount),
      amountUsd: usd || seq % 3 === 0 ? money(x.amount / 6.78) : null,
      currency: usd ? 'USD' : 'TTD',
      status: x.status,
      issueDate,
      dueDate: d(Math.max(x.due, x.issue)),
      paidDate: paid ? d(Math.max(Math.min(x.paid ?? x.issue, 0), x.issue)) : null,
      paymentMethod: paid ? pick(['bank_transfer', 'credit_card', 'linx', 'cheque']) : null,
      notes: x.type === 'TOOL_COST' ? 'Pass-through of platform subscriptions, billed in USD.' : null,
    };
  });

  // Lifetime value and MRR, consistent with the invoices and projects above.
  for (const company of companies) {
    const revenue = invoices.filter((inv) => inv.companyId === company.id && inv.status === 'PAID').reduce((sum, inv) => sum + Number(inv.amount), 0);
    const mrr = projects.filter((p) => p.companyId === company.id && p.status === 'LIVE').reduce((sum, p) => sum + Number(p.monthlyFee), 0);
    Object.assign(company, { totalRevenue: money(revenue), monthlyRecurring: money(mrr) });
  }

  const meetingTypes: MeetingType[] = ['DISCOVERY', 'DEMO', 'ONBOARDING', 'SUPPORT', 'REVIEW'];
  const meetingStatuses: MeetingStatus[] = ['COMPLETED', 'COMPLETED', 'SCHEDULED', 'CANCELLED', 'NO_SHOW'];
  const companyContacts = contacts.filter((c) => c.companyId);
  const meetings = Array.from({ length: 30 }, (_, i) => {
    const contact = i % 3 === 2 ? contacts[contacts.length - 1 - (i % 25)]! : companyContacts[i % companyContacts.length]!;
    let status = meetingStatuses[i % meetingStatuses.length]!;
    const offset = status === 'SCHEDULED' ? between(1, 30) : -between(1, 200);
    if (offset > 0 && status !== 'SCHEDULED') status = 'SCHEDULED';
    const type = meetingTypes[(i * 2 + Math.floor(i / 5)) % meetingTypes.length]!;
    const at = d(offset);
    at.setUTCHours(13 + (i % 6), i % 2 ? 30 : 0);
    return {
      id: seedId(`meeting:${i}`),
      contactId: contact.id,
      companyId: contact.companyId ?? null,
      meetingType: type,
      title: `${type[0]}${type.slice(1).toLowerCase()} call with ${contact.firstName}`,
      description: `Agenda: ${pick(['current process', 'demo walkthrough', 'go-live checklist', 'open tickets', 'quarterly results'])}.`,
      scheduledAt: at,
      durationMinutes: pick([30, 45, 60]),
      status,
      meetingUrl: i % 4 === 3 ? null : `https://meet.google.com/${seedId(`meet:${i}`).slice(0, 3)}-${seedId(`meet:${i}`).slice(4, 8)}-${seedId(`meet:${i}`).slice(9, 12)}`,
      outcome: status === 'COMPLETED' ? pick(['Sent proposal.', 'Agreed on scope; kickoff next week.', 'Client will share FAQ documents.', 'Renewal likely.']) : null,
      attendees: status === 'COMPLETED' ? `${contact.firstName} ${contact.lastName ?? ''}`.trim() + ', Aurum team' : null,
    };
  });

  const ticketStatuses: TicketStatus[] = ['OPEN', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED'];
  const startedProjects = projects.filter((p) => p.status !== 'SCOPING' && p.status !== 'DEMO');
  const ticketSeq = new Map<number, number>();
  const supportTickets = Array.from({ length: 25 }, (_, i) => {
    const project = startedProjects[(i * 7) % startedProjects.length]!;
    const contact = contacts.find((c) => c.companyId === project.companyId)!;
    const status = ticketStatuses[i % ticketStatuses.length]!;
    const created = d(-between(2, 300));
    created.setUTCHours(12 + (i % 8));
    const year = created.getUTCFullYear();
    const done = status === 'RESOLVED' || status === 'CLOSED';
    return {
      i, year, created,
      row: {
        id: seedId(`ticket:${i}`),
        companyId: project.companyId,
        projectId: project.id,
        contactId: contact.id,
        subject: pick(['Bot not replying on WhatsApp', 'Add new FAQ answers', 'Leads not syncing to HubSpot', 'Change reminder wording', 'Monthly report request', 'Booking page shows wrong hours']),
        description: 'Reported by the client; see conversation history.',
        priority: PRIORITIES[(i * 3) % PRIORITIES.length],
        status,
        category: pick(['bug', 'feature_request', 'question']),
        assignedTo: TEAM_IDS[i % 3],
        resolution: done ? pick(['Re-authorised the integration token.', 'Updated the knowledge base.', 'Fixed field mapping in Make.com scenario.']) : null,
        createdAt: created,
        resolvedAt: done ? new Date(created.getTime() + between(2, 72) * 3_600_000) : null,
      },
    };
  })
    .sort((a, b) => a.created.getTime() - b.created.getTime() || a.i - b.i)
    .map(({ year, row }) => {
      const seq = (ticketSeq.get(year) ?? 0) + 1;
      ticketSeq.set(year, seq);
      return { ...row, ticketNumber: `TKT-${year}-${String(seq).padStart(3, '0')}` };
    });

  const noteTargets: [NoteType, string][] = [
    ...contacts.slice(0, 12).map((c) => ['CONTACT', c.id as string] as [NoteType, string]),
    ...companies.slice(0, 12).map((c) => ['COMPANY', c.id] as [NoteType, string]),
    ...projects.slice(0, 12).map((p) => ['PROJECT', p.id] as [NoteType, string]),
  ];
  const texts = [
    'Decision maker is the operations manager.',
    'Budget approved for Q1; follow up after Carnival.',
    'Asked for a Spanish-language version of the bot.',
    'Payment usually arrives two weeks late; send reminder early.',
    'Very happy with the go-live; potential referral.',
    'Concerned about data privacy; share our DPA.',
  ];
  const notes = [
    ...noteTargets.map(([noteType, relatedId], i) => ({
      id: seedId(`note:${i}`),
      noteType,
      relatedId,
      noteText: texts[i % texts.length],
      createdBy: TEAM_IDS[i % 3],
      isPrivate: i % 4 === 1,
      createdAt: d(-between(1, 300)),
    })),
    ...Array.from({ length: 4 }, (_, i) => ({
      id: seedId(`note:general:${i}`),
      noteType: 'GENERAL' as NoteType,
      relatedId: null,
      noteText: ['Team offsite on the 15th.', 'New Botpress pricing from next month.', 'Update the services price list for 2027.', 'Reminder: renew the OpenAI organisation key.'][i],
      createdBy: TEAM_IDS[i % 3],
      isPrivate: i === 3,
      createdAt: d(-between(1, 60)),
    })),
  ];

  return { services, companies, primaryContacts, contacts, projects, projectServices, integrations, invoices, meetings, supportTickets, notes };
}
