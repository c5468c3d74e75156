// Deterministic demo data for Aurum Automation: the same rows on every run of the
// same day. Every id derives from a stable key ("company:bayside"), every made-up
// number comes from a seeded PRNG drawn in a fixed order, and every date is an
// offset in days from today (UTC), so overdue invoices stay overdue and contract
// ends stay upcoming whenever the seed runs. Nothing else depends on the clock.
//
// The specs below (SERVICES, TOOLS, PROJECT_KINDS, COMPANIES, LEADS, MEETINGS,
// TICKETS, NOTES) are the raw data; buildSeedData() turns them into rows, and
// checkSeedData() asserts the database rules (CHECK constraints, note targets,
// lower-case emails, gap-free numbering) before anything is written.
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
  Prisma,
  Priority,
  ProjectStatus,
  TicketStatus,
} from '../generated/prisma/client';

// ---------------------------------------------------------------------------
// Ids, the team, randomness, dates
// ---------------------------------------------------------------------------

/** A v4-shaped UUID derived from a stable key ("company:bayside"). */
export function seedId(key: string): string {
  const h = createHash('sha256').update(`aurum-seed:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The team (Supabase auth user ids): authors of notes, assignees of contacts, projects and tickets. */
export const TEAM = {
  admin: '0a0a0a0a-0000-4000-8000-000000000001',
  alice: '0a0a0a0a-0000-4000-8000-000000000002',
  bob: '0a0a0a0a-0000-4000-8000-000000000003',
} as const;
export type TeamMember = keyof typeof TEAM;
const TEAM_NAMES: Record<TeamMember, string> = { admin: 'Kerry-Ann Mitchell', alice: 'Alice Ramkissoon', bob: 'Bob Alexander' };

/** The exchange rate the demo uses for amount_usd (TTD per USD). */
export const TTD_PER_USD = 6.78;

export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UTC midnight `offset` days from `today` (a DATE column's value). */
export function day(offset: number, today = new Date()): Date {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset));
}

const money = (n: number) => n.toFixed(2);
const HOUR = 3_600_000;

// The ids of seeded rows, by their stable keys.
export const seedIds = {
  service: (key: ServiceKey) => seedId(`service:${key}`),
  company: (key: string) => seedId(`company:${key}`),
  /** The company's people in COMPANIES order: 0 is the primary contact. */
  companyContact: (companyKey: string, index = 0) => seedId(`contact:${companyKey}:${index}`),
  lead: (key: string) => seedId(`contact:lead:${key}`),
  project: (companyKey: string, kind: ProjectKind) => seedId(`project:${companyKey}:${kind}`),
  projectService: (companyKey: string, kind: ProjectKind, service: ServiceKey) => seedId(`project-service:${companyKey}:${kind}:${service}`),
  integration: (companyKey: string, kind: ProjectKind, tool: ToolName) => seedId(`integration:${companyKey}:${kind}:${tool}`),
  invoice: (key: string) => seedId(`invoice:${key}`),
  meeting: (key: string) => seedId(`meeting:${key}`),
  ticket: (key: string) => seedId(`ticket:${key}`),
  note: (key: string) => seedId(`note:${key}`),
};

// ---------------------------------------------------------------------------
// The service catalog (TTD)
// ---------------------------------------------------------------------------

export type ServiceKey = 'chatbot' | 'leadgen' | 'email' | 'crm' | 'whatsapp' | 'booking' | 'workflow' | 'consulting' | 'voice';

export interface ServiceSpec {
  key: ServiceKey;
  serviceName: string;
  serviceCategory: 'automation' | 'integration' | 'consulting';
  description: string;
  setup: readonly [number, number];
  monthly: readonly [number, number];
  weeks: number;
  isActive: boolean;
}

export const SERVICES: readonly ServiceSpec[] = [
  { key: 'chatbot', serviceName: 'AI Chatbot', serviceCategory: 'automation', setup: [4500, 12000], monthly: [850, 2500], weeks: 4, isActive: true, description: "Website chatbot trained on the client's FAQs, prices and policies, with hand-off to staff." },
  { key: 'leadgen', serviceName: 'Lead Generation System', serviceCategory: 'automation', setup: [6000, 15000], monthly: [1200, 3500], weeks: 6, isActive: true, description: 'Landing pages, forms, lead scoring and instant follow-up that feed the CRM.' },
  { key: 'email', serviceName: 'Email Automation', serviceCategory: 'automation', setup: [3000, 8000], monthly: [600, 1800], weeks: 3, isActive: true, description: 'Nurture sequences, newsletters and transactional email flows.' },
  { key: 'crm', serviceName: 'CRM Integration (HubSpot)', serviceCategory: 'integration', setup: [5000, 14000], monthly: [700, 2000], weeks: 5, isActive: true, description: 'HubSpot set-up, pipelines and two-way sync with the tools the client already uses.' },
  { key: 'whatsapp', serviceName: 'WhatsApp Business Bot', serviceCategory: 'automation', setup: [4000, 10000], monthly: [900, 2200], weeks: 4, isActive: true, description: 'WhatsApp Cloud API assistant for orders, bookings and customer questions.' },
  { key: 'booking', serviceName: 'Appointment Booking Automation', serviceCategory: 'automation', setup: [2500, 7000], monthly: [500, 1500], weeks: 3, isActive: true, description: 'Online booking with confirmations and reminders by SMS, email and WhatsApp.' },
  { key: 'workflow', serviceName: 'Workflow Automation (Make.com)', serviceCategory: 'integration', setup: [3500, 12000], monthly: [600, 2500], weeks: 4, isActive: true, description: 'Make.com scenarios connecting forms, spreadsheets, the CRM and accounting.' },
  { key: 'consulting', serviceName: 'AI Consulting / Strategy Session', serviceCategory: 'consulting', setup: [1500, 5000], monthly: [0, 0], weeks: 1, isActive: true, description: 'A half-day workshop mapping where automation pays off first, with a written roadmap.' },
  { key: 'voice', serviceName: 'AI Voice Receptionist', serviceCategory: 'automation', setup: [8000, 20000], monthly: [1500, 4000], weeks: 8, isActive: false, description: 'Phone voice assistant for after-hours calls. Retired: call quality on regional carriers was not good enough.' },
];

// ---------------------------------------------------------------------------
// Tools (integrations) and project kinds
// ---------------------------------------------------------------------------

export type ToolName =
  | 'Botpress' | 'HubSpot' | 'Make.com' | 'OpenAI' | 'Zapier' | 'Twilio' | 'WhatsApp Cloud API'
  | 'Mailchimp' | 'Calendly' | 'Google Sheets' | 'Voiceflow' | 'ManyChat';

export interface ToolSpec {
  toolCategory: 'chatbot' | 'crm' | 'automation' | 'ai' | 'messaging' | 'email' | 'scheduling';
  /** The NAME of the secret holding the key (never a key). */
  apiKeyName: string | null;
  /** Typical monthly cost per client in TTD (agency plans shared across clients). */
  monthlyCost: number;
}

export const TOOLS: Readonly<Record<ToolName, ToolSpec>> = {
  Botpress: { toolCategory: 'chatbot', apiKeyName: 'BOTPRESS_PERSONAL_ACCESS_TOKEN', monthlyCost: 340 },
  HubSpot: { toolCategory: 'crm', apiKeyName: 'HUBSPOT_PRIVATE_APP_TOKEN', monthlyCost: 610 },
  'Make.com': { toolCategory: 'automation', apiKeyName: 'MAKE_API_TOKEN', monthlyCost: 110 },
  OpenAI: { toolCategory: 'ai', apiKeyName: 'OPENAI_API_KEY', monthlyCost: 200 },
  Zapier: { toolCategory: 'automation', apiKeyName: 'ZAPIER_WEBHOOK_SECRET', monthlyCost: 135 },
  Twilio: { toolCategory: 'messaging', apiKeyName: 'TWILIO_AUTH_TOKEN', monthlyCost: 170 },
  'WhatsApp Cloud API': { toolCategory: 'messaging', apiKeyName: 'WHATSAPP_CLOUD_ACCESS_TOKEN', monthlyCost: 100 },
  Mailchimp: { toolCategory: 'email', apiKeyName: 'MAILCHIMP_API_KEY', monthlyCost: 270 },
  Calendly: { toolCategory: 'scheduling', apiKeyName: 'CALENDLY_PERSONAL_ACCESS_TOKEN', monthlyCost: 110 },
  'Google Sheets': { toolCategory: 'automation', apiKeyName: null, monthlyCost: 0 },
  Voiceflow: { toolCategory: 'chatbot', apiKeyName: 'VOICEFLOW_API_KEY', monthlyCost: 270 },
  ManyChat: { toolCategory: 'chatbot', apiKeyName: 'MANYCHAT_API_TOKEN', monthlyCost: 100 },
};

export type ProjectKind = 'chatbot' | 'whatsapp_bot' | 'lead_gen' | 'email_automation' | 'booking' | 'crm_integration' | 'workflow' | 'social_dm_bot';

export interface ProjectKindSpec {
  label: string;
  /** Services sold, the first one sets the price range. */
  services: readonly ServiceKey[];
  /** Tools in the order they are connected. */
  tools: readonly ToolName[];
  /** Where it lives on the client's site, if it is public. */
  path: string | null;
  /** How the client's first enquiry read. */
  enquiry: string;
}

export const PROJECT_KINDS: Readonly<Record<ProjectKind, ProjectKindSpec>> = {
  chatbot: { label: 'Website AI Chatbot', services: ['chatbot'], tools: ['Botpress', 'OpenAI', 'Google Sheets'], path: 'chat', enquiry: 'We answer the same questions about prices and opening hours all day. Could a chatbot on our website handle them?' },
  whatsapp_bot: { label: 'WhatsApp Assistant', services: ['whatsapp', 'chatbot'], tools: ['WhatsApp Cloud API', 'Voiceflow', 'OpenAI'], path: 'whatsapp', enquiry: 'Most of our customers message us on WhatsApp and we cannot keep up after hours. What would an assistant cost?' },
  lead_gen: { label: 'Lead Generation System', services: ['leadgen', 'crm'], tools: ['HubSpot', 'Make.com', 'Zapier'], path: 'get-a-quote', enquiry: 'We run Facebook ads but the leads go cold before anyone calls them back. Can you automate the follow-up?' },
  email_automation: { label: 'Email Nurture Automation', services: ['email', 'workflow'], tools: ['Mailchimp', 'Zapier', 'Google Sheets'], path: null, enquiry: 'We have a list of a few thousand past customers and never email them. Can you set up a newsletter and follow-ups?' },
  booking: { label: 'Online Booking & Reminders', services: ['booking', 'whatsapp'], tools: ['Calendly', 'Twilio', 'Make.com'], path: 'book', enquiry: 'No-shows are costing us. We need online booking with reminders by SMS or WhatsApp.' },
  crm_integration: { label: 'HubSpot CRM Integration', services: ['crm', 'workflow'], tools: ['HubSpot', 'Make.com'], path: null, enquiry: 'Our client list lives in three spreadsheets. We want one CRM that talks to our website and email.' },
  workflow: { label: 'Back-office Workflow Automation', services: ['workflow'], tools: ['Make.com', 'Google Sheets', 'OpenAI'], path: null, enquiry: 'Staff retype every order and invoice by hand. Which parts of this could be automated?' },
  social_dm_bot: { label: 'Instagram & Facebook DM Bot', services: ['chatbot'], tools: ['ManyChat', 'OpenAI'], path: null, enquiry: 'We get hundreds of Instagram DMs asking for the menu and prices. Can a bot answer them?' },
};

// ---------------------------------------------------------------------------
// Companies, their people and their projects
// ---------------------------------------------------------------------------

export interface ProjectSpec {
  kind: ProjectKind;
  status: ProjectStatus;
  priority: Priority;
  /** Days ago the work started (null while scoping). */
  start: number | null;
  /** Also sold an AI strategy session with it. */
  consulting?: boolean;
  assignee: TeamMember;
}

export interface CompanySpec {
  key: string;
  companyName: string;
  /** What the team calls them; prefixes project names. */
  short: string;
  industry: string;
  companySize: string;
  address: string;
  city: string;
  country: string;
  domain: string;
  status: CompanyStatus;
  /** Contract start and end, in days from today. */
  contract: readonly [number, number] | null;
  source: string;
  /** First and last names; the first is the primary contact. */
  people: readonly (readonly [string, string])[];
  projects: readonly ProjectSpec[];
  notes?: string;
}

const P = (kind: ProjectKind, status: ProjectStatus, priority: Priority, start: number | null, assignee: TeamMember, consulting = false): ProjectSpec => ({ kind, status, priority, start, assignee, consulting });

export const COMPANIES: readonly CompanySpec[] = [
  {
    key: 'bayside', companyName: 'Bayside Family Clinic', short: 'Bayside', industry: 'Healthcare', companySize: '11-50',
    address: '14 Wrightson Road', city: 'Port of Spain', country: 'Trinidad and Tobago', domain: 'baysideclinic.co.tt',
    status: 'ACTIVE', contract: [-420, 25], source: 'referral', people: [['Anjali', 'Maharaj'], ['Curtis', 'Baptiste']],
    notes: 'Renewal due soon; interested in adding the email nurture flow to the contract.',
    projects: [P('chatbot', 'LIVE', 'HIGH', -405, 'alice', true), P('booking', 'LIVE', 'MEDIUM', -250, 'bob'), P('email_automation', 'IN_PROGRESS', 'MEDIUM', -30, 'alice')],
  },
  {
    key: 'coral-reef', companyName: 'Coral Reef Dental', short: 'Coral Reef', industry: 'Healthcare', companySize: '1-10',
    address: 'Lower Bay Street', city: 'Bridgetown', country: 'Barbados', domain: 'coralreefdental.com.bb',
    status: 'ACTIVE', contract: [-300, 65], source: 'facebook', people: [['Shanice', 'Greaves']],
    projects: [P('booking', 'LIVE', 'MEDIUM', -290, 'bob'), P('whatsapp_bot', 'DEMO', 'LOW', -12, 'bob')],
  },
  {
    key: 'maraval-legal', companyName: 'Maraval Legal Chambers', short: 'Maraval Legal', industry: 'Legal', companySize: '11-50',
    address: '22 Saddle Road, Maraval', city: 'Port of Spain', country: 'Trinidad and Tobago', domain: 'maravallegal.com',
    status: 'ACTIVE', contract: [-220, 145], source: 'linkedin', people: [['Jerome', 'Charles'], ['Natalia', 'Ramdass']],
    projects: [P('lead_gen', 'LIVE', 'MEDIUM', -210, 'alice'), P('crm_integration', 'IN_PROGRESS', 'HIGH', -20, 'admin')],
  },
  {
    key: 'kingston-realty', companyName: 'Kingston Realty Group', short: 'Kingston Realty', industry: 'Real Estate', companySize: '51-200',
    address: '45 Knutsford Boulevard, New Kingston', city: 'Kingston', country: 'Jamaica', domain: 'kingstonrealty.com.jm',
    status: 'ACTIVE', contract: [-510, 40], source: 'linkedin', people: [['Marcus', 'Campbell'], ['Tamika', 'Lewis']],
    notes: 'Largest account in Jamaica. Invoices are approved by the finance director; allow extra days.',
    projects: [P('lead_gen', 'LIVE', 'URGENT', -500, 'alice', true), P('whatsapp_bot', 'LIVE', 'MEDIUM', -300, 'bob'), P('crm_integration', 'PAUSED', 'LOW', -160, 'admin')],
  },
  {
    key: 'island-spice', companyName: 'Island Spice Restaurants', short: 'Island Spice', industry: 'Hospitality', companySize: '51-200',
    address: 'Price Plaza, Endeavour Road', city: 'Chaguanas', country: 'Trinidad and Tobago', domain: 'islandspice.tt',
    status: 'ACTIVE', contract: [-150, 215], source: 'event', people: [['Ravi', 'Persad'], ['Keisha', 'Joseph']],
    projects: [P('whatsapp_bot', 'LIVE', 'HIGH', -140, 'bob'), P('social_dm_bot', 'LIVE', 'LOW', -90, 'bob')],
  },
  {
    key: 'demerara-logistics', companyName: 'Demerara Logistics', short: 'Demerara', industry: 'Logistics', companySize: '51-200',
    address: '12 Water Street', city: 'Georgetown', country: 'Guyana', domain: 'demeraralogistics.gy',
    status: 'ACTIVE', contract: [-110, 255], source: 'linkedin', people: [['Kwame', 'Williams'], ['Priya', 'Ramsaroop']],
    notes: 'Oil and gas supply boom: volumes doubled this year. Phase 2 (customer chatbot) is being scoped.',
    projects: [P('workflow', 'IN_PROGRESS', 'CRITICAL', -100, 'admin', true), P('chatbot', 'SCOPING', 'MEDIUM', null, 'alice')],
  },
  {
    key: 'pitons-hotel', companyName: 'Pitons Boutique Hotel', short: 'Pitons', industry: 'Hospitality', companySize: '11-50',
    address: 'Vigie Peninsula', city: 'Castries', country: 'Saint Lucia', domain: 'pitonsboutiquehotel.lc',
    status: 'ACTIVE', contract: [-380, 12], source: 'website', people: [['Camille', 'Alleyne'], ['Devon', 'Thomas']],
    projects: [P('chatbot', 'LIVE', 'MEDIUM', -370, 'alice'), P('booking', 'LIVE', 'LOW', -200, 'bob'), P('email_automation', 'CANCELLED', 'LOW', -120, 'alice')],
  },
  {
    key: 'sando-auto', companyName: 'San Fernando Auto Parts', short: 'San Fernando Auto', industry: 'Retail', companySize: '11-50',
    address: '88 Coffee Street', city: 'San Fernando', country: 'Trinidad and Tobago', domain: 'sandoautoparts.com',
    status: 'ACTIVE', contract: [-240, 125], source: 'facebook', people: [['Rohan', 'Singh'], ['Marlon', 'Ali']],
    projects: [P('whatsapp_bot', 'LIVE', 'MEDIUM', -230, 'bob'), P('lead_gen', 'DEMO', 'LOW', -9, 'alice')],
  },
  {
    key: 'caribbean-learning', companyName: 'Caribbean Learning Academy', short: 'CLA', industry: 'Education', companySize: '11-50',
    address: 'Collymore Rock, St. Michael', city: 'Bridgetown', country: 'Barbados', domain: 'caribbeanlearning.edu.bb',
    status: 'ACTIVE', contract: [-60, 305], source: 'event', people: [['Simone', 'Gooding'], ['Andre', 'Clarke']],
    projects: [P('chatbot', 'IN_PROGRESS', 'HIGH', -50, 'alice'), P('email_automation', 'SCOPING', 'LOW', null, 'alice')],
  },
  {
    key: 'trinity-cu', companyName: 'Trinity Credit Union', short: 'Trinity CU', industry: 'Finance', companySize: '51-200',
    address: '5 Queen Mary Avenue', city: 'Arima', country: 'Trinidad and Tobago', domain: 'trinitycu.co.tt',
    status: 'ACTIVE', contract: [-700, 55], source: 'referral', people: [['Priya', 'Ali'], ['Nikhil', 'Mohammed']],
    notes: 'Regulated: the bot must never discuss balances or account details. Compliance signs off every change.',
    projects: [P('chatbot', 'LIVE', 'CRITICAL', -690, 'admin', true), P('crm_integration', 'LIVE', 'HIGH', -400, 'admin'), P('workflow', 'IN_PROGRESS', 'URGENT', -25, 'bob')],
  },
  {
    key: 'grenada-spice', companyName: 'Grenada Spice Exports', short: 'Grenada Spice', industry: 'Retail', companySize: '11-50',
    address: 'Melville Street', city: "St. George's", country: 'Grenada', domain: 'grenadaspiceexports.gd',
    status: 'ACTIVE', contract: [-330, 400], source: 'website', people: [['Renee', 'Phillip']],
    projects: [P('email_automation', 'LIVE', 'LOW', -320, 'alice'), P('whatsapp_bot', 'IN_PROGRESS', 'MEDIUM', -15, 'bob')],
  },
  {
    key: 'savannah-physio', companyName: 'Savannah Physiotherapy', short: 'Savannah Physio', industry: 'Healthcare', companySize: '1-10',
    address: "3 Queen's Park West", city: 'Port of Spain', country: 'Trinidad and Tobago', domain: 'savannahphysio.tt',
    status: 'ACTIVE', contract: [-60, 305], source: 'website', people: [['Aaliyah', 'Mohammed']],
    projects: [P('booking', 'LIVE', 'MEDIUM', -55, 'bob')],
  },
  {
    key: 'belmont-accounting', companyName: 'Belmont Accounting Services', short: 'Belmont Accounting', industry: 'Finance', companySize: '1-10',
    address: '17 Belmont Circular Road', city: 'Port of Spain', country: 'Trinidad and Tobago', domain: 'belmontaccounting.co.tt',
    status: 'ACTIVE', contract: [-600, 130], source: 'referral', people: [['Tristan', 'Joseph'], ['Gail', 'Mohammed']],
    notes: 'Pays by cheque, always on time. Email campaign paused until after tax season.',
    projects: [P('workflow', 'LIVE', 'MEDIUM', -590, 'admin'), P('email_automation', 'PAUSED', 'LOW', -300, 'alice')],
  },
  {
    key: 'holetown-spa', companyName: 'Holetown Wellness Spa', short: 'Holetown Spa', industry: 'Hospitality', companySize: '1-10',
    address: 'First Street, St. James', city: 'Holetown', country: 'Barbados', domain: 'holetownwellness.com',
    status: 'ACTIVE', contract: [-20, 345], source: 'facebook', people: [['Natalia', 'Greaves']],
    projects: [P('booking', 'IN_PROGRESS', 'MEDIUM', -14, 'bob')],
  },
  {
    key: 'blue-waters', companyName: 'Blue Waters Insurance Brokers', short: 'Blue Waters', industry: 'Finance', companySize: '11-50',
    address: '6 Trafalgar Road', city: 'Kingston', country: 'Jamaica', domain: 'bluewatersinsurance.com.jm',
    status: 'INACTIVE', contract: [-540, -25], source: 'linkedin', people: [['Jamal', 'Clarke']],
    notes: 'Contract lapsed during their restructuring; they asked us to check back next quarter.',
    projects: [P('lead_gen', 'PAUSED', 'MEDIUM', -520, 'alice')],
  },
  {
    key: 'tobago-dive', companyName: 'Tobago Dive Adventures', short: 'Tobago Dive', industry: 'Hospitality', companySize: '1-10',
    address: 'Pigeon Point Road, Crown Point', city: 'Scarborough', country: 'Trinidad and Tobago', domain: 'tobagodive.com',
    status: 'INACTIVE', contract: [-400, -70], source: 'event', people: [['Kwesi', 'Thomas']],
    projects: [P('booking', 'PAUSED', 'LOW', -390, 'bob')],
  },
  {
    key: 'nassau-home', companyName: 'Nassau Home Furnishings', short: 'Nassau Home', industry: 'Retail', companySize: '51-200',
    address: 'Wulff Road', city: 'Nassau', country: 'Bahamas', domain: 'nassauhome.bs',
    status: 'CHURNED', contract: [-650, -160], source: 'website', people: [['Andre', 'Williams']],
    notes: 'Churned after being acquired; the new owners use an in-house platform.',
    projects: [P('chatbot', 'CANCELLED', 'MEDIUM', -640, 'alice')],
  },
  {
    key: 'antigua-property', companyName: 'Antigua Property Managers', short: 'Antigua Property', industry: 'Real Estate', companySize: '1-10',
    address: 'Redcliffe Street', city: "St. John's", country: 'Antigua and Barbuda', domain: 'antiguaproperty.ag',
    status: 'CHURNED', contract: [-480, -200], source: 'linkedin', people: [['Simone', 'Lewis']],
    projects: [P('lead_gen', 'CANCELLED', 'LOW', -470, 'alice')],
  },
  {
    key: 'couva-labs', companyName: 'Couva Medical Labs', short: 'Couva Labs', industry: 'Healthcare', companySize: '11-50',
    address: 'Southern Main Road', city: 'Couva', country: 'Trinidad and Tobago', domain: 'couvamedlabs.tt',
    status: 'PROSPECT', contract: null, source: 'referral', people: [['Devon', 'Ramdass'], ['Sunita', 'Singh']],
    projects: [P('chatbot', 'SCOPING', 'MEDIUM', null, 'alice')],
  },
  {
    key: 'oistins-coop', companyName: 'Oistins Fish Market Co-op', short: 'Oistins Co-op', industry: 'Retail', companySize: '11-50',
    address: 'Oistins Bay Garden, Christ Church', city: 'Oistins', country: 'Barbados', domain: 'oistinscoop.bb',
    status: 'PROSPECT', contract: null, source: 'event', people: [['Jerome', 'Alleyne']],
    projects: [P('whatsapp_bot', 'DEMO', 'MEDIUM', -10, 'bob')],
  },
  {
    key: 'mobay-tours', companyName: 'Montego Bay Tours', short: 'MoBay Tours', industry: 'Hospitality', companySize: '11-50',
    address: 'Gloucester Avenue', city: 'Montego Bay', country: 'Jamaica', domain: 'mobaytours.com',
    status: 'PROSPECT', contract: null, source: 'facebook', people: [['Tamika', 'Campbell']],
    projects: [P('booking', 'DEMO', 'HIGH', -7, 'bob')],
  },
  {
    key: 'essequibo-agro', companyName: 'Essequibo Agro Supplies', short: 'Essequibo Agro', industry: 'Agriculture', companySize: '11-50',
    address: 'Public Road', city: 'Anna Regina', country: 'Guyana', domain: 'essequiboagro.gy',
    status: 'PROSPECT', contract: null, source: 'website', people: [['Ravi', 'Persaud']],
    projects: [P('lead_gen', 'SCOPING', 'LOW', null, 'alice')],
  },
  {
    key: 'dm-law', companyName: 'Diego Martin Law Associates', short: 'DM Law', industry: 'Legal', companySize: '1-10',
    address: 'Western Main Road', city: 'Diego Martin', country: 'Trinidad and Tobago', domain: 'dmlaw.tt',
    status: 'PROSPECT', contract: null, source: 'linkedin', people: [['Keisha', 'Baptiste']],
    projects: [P('crm_integration', 'SCOPING', 'LOW', null, 'admin')],
  },
  {
    key: 'vf-energy', companyName: 'Vieux Fort Energy Solutions', short: 'VF Energy', industry: 'Energy', companySize: '51-200',
    address: 'Industrial Estate', city: 'Vieux Fort', country: 'Saint Lucia', domain: 'vfenergy.lc',
    status: 'PROSPECT', contract: null, source: 'referral', people: [['Marcus', 'Joseph'], ['Anjali', 'Charles']],
    projects: [P('workflow', 'SCOPING', 'HIGH', null, 'admin', true)],
  },
  {
    key: 'linden-engineering', companyName: 'Linden Engineering Works', short: 'Linden Engineering', industry: 'Manufacturing', companySize: '51-200',
    address: 'Mackenzie', city: 'Linden', country: 'Guyana', domain: 'lindenengineering.gy',
    status: 'PROSPECT', contract: null, source: 'event', people: [['Nikhil', 'Persad']],
    projects: [],
  },
];

/** Dialling prefixes: NANP islands as +1-AAA, Guyana's own +592. */
export const DIAL: Readonly<Record<string, string>> = {
  'Trinidad and Tobago': '+1-868', Barbados: '+1-246', Jamaica: '+1-876', Guyana: '+592', 'Saint Lucia': '+1-758',
  Grenada: '+1-473', Bahamas: '+1-242', 'Antigua and Barbuda': '+1-268',
};

// ---------------------------------------------------------------------------
// Leads: contacts without a client company (yet)
// ---------------------------------------------------------------------------

export interface LeadSpec {
  key: string;
  firstName: string;
  lastName: string | null;
  email: string;
  country: string | null;
  companyName: string | null;
  companySize: string | null;
  source: string;
  status: ContactStatus;
  daysAgo: number;
  message: string | null;
}

const L = (key: string, firstName: string, lastName: string | null, email: string, country: string | null, companyName: string | null, companySize: string | null, source: string, status: ContactStatus, daysAgo: number, message: string | null): LeadSpec =>
  ({ key, firstName, lastName, email, country, companyName, companySize, source, status, daysAgo, message });

export const LEADS: readonly LeadSpec[] = [
  L('lead-0', 'Shivani', 'Rampersad', 'shivani@chaguanasbakery.com', 'Trinidad and Tobago', 'Chaguanas Bakery', '11-50', 'website', 'LEAD', 1, 'Do you build WhatsApp ordering for bakeries? We get 200+ orders a week by phone.'),
  L('lead-1', 'Kyle', 'Boodoo', 'kyle.boodoo@gmail.com', 'Trinidad and Tobago', null, null, 'website', 'LEAD', 2, 'Looking for a chatbot for my online store. What are your prices?'),
  L('lead-2', 'Dwayne', 'Harewood', 'dwayne@harewoodrentals.bb', 'Barbados', 'Harewood Car Rentals', '1-10', 'facebook', 'LEAD', 3, 'Saw your ad. Can customers book a rental car on WhatsApp?'),
  L('lead-3', 'Latoya', 'Brown', 'latoya.brown@yahoo.com', 'Jamaica', null, null, 'website', 'LEAD', 4, 'I run a small salon in Portmore. Do you do booking systems?'),
  L('lead-4', 'Jean-Marc', 'Louis', 'jmlouis@soufrierebikes.lc', 'Saint Lucia', 'Soufriere Bike Tours', '1-10', 'website', 'LEAD', 5, null),
  L('lead-5', 'Ayesha', null, 'ayesha.k@outlook.com', null, null, null, 'facebook', 'LEAD', 6, 'How much for a Facebook Messenger bot?'),
  L('lead-6', 'Brandon', 'Lalla', 'brandon@lallahardware.co.tt', 'Trinidad and Tobago', 'Lalla Hardware', '11-50', 'referral', 'LEAD', 8, 'Referred by Rohan Singh at San Fernando Auto Parts.'),
  L('lead-7', 'Sade', 'Forde', 'sade.forde@barbadosbloom.com', 'Barbados', 'Barbados Bloom Florists', '1-10', 'website', 'LEAD', 9, 'We would like automatic order confirmations and delivery updates.'),
  L('lead-8', 'Omari', 'Grant', 'omari.grant@kingstonfitness.com.jm', 'Jamaica', 'Kingston Fitness Hub', '11-50', 'event', 'CONTACTED', 14, 'Met you at the Jamaica Tech Expo. Interested in membership renewals by email.'),
  L('lead-9', 'Christine', 'Sealy', 'christine@sealyandco.bb', 'Barbados', 'Sealy & Co. Attorneys', '1-10', 'linkedin', 'CONTACTED', 18, 'Please send information on your CRM integration service.'),
  L('lead-10', 'Vishnu', 'Ramnath', 'vishnu@ramnathpharmacy.tt', 'Trinidad and Tobago', 'Ramnath Pharmacy', '11-50', 'website', 'CONTACTED', 22, 'Can customers check if a prescription is ready through WhatsApp?'),
  L('lead-11', 'Tricia', 'Daniel', 'tricia.daniel@gmail.com', 'Grenada', null, null, 'facebook', 'CONTACTED', 27, 'I sell spices online. Can you automate my email newsletter?'),
  L('lead-12', 'Godfrey', 'Sampson', 'godfrey@berbiceshipping.gy', 'Guyana', 'Berbice Shipping Agency', '51-200', 'linkedin', 'QUALIFIED', 20, 'We need shipment status updates sent to customers automatically.'),
  L('lead-13', 'Melissa', 'Chin', 'melissa.chin@portofspainrealty.com', 'Trinidad and Tobago', 'Port of Spain Realty', '11-50', 'referral', 'QUALIFIED', 24, 'Kingston Realty told us about your lead system. Budget approved for Q1.'),
  L('lead-14', 'Kareem', 'Hosein', 'kareem@hoseinmotors.co.tt', 'Trinidad and Tobago', 'Hosein Motors', '51-200', 'event', 'QUALIFIED', 33, 'Spoke at the AMCHAM TT breakfast. Want test-drive booking automation.'),
  L('lead-15', 'Nadine', 'Bascombe', 'nadine@castriesdental.lc', 'Saint Lucia', 'Castries Dental Care', '1-10', 'website', 'QUALIFIED', 40, 'Coral Reef Dental recommended your booking reminders.'),
  L('lead-16', 'Wendell', 'Pierre', 'wendell.pierre@hotmail.com', 'Trinidad and Tobago', 'Pierre Events', '1-10', 'website', 'LOST', 60, 'Need a chatbot before Carnival.'),
  L('lead-17', 'Rochelle', 'Edwards', 'rochelle@montegomarine.com', 'Jamaica', 'Montego Marine Supplies', '11-50', 'linkedin', 'LOST', 95, 'Looking at options for a customer portal.'),
  L('lead-18', 'Sunil', 'Doodnath', 'sunil@doodnathfoods.tt', 'Trinidad and Tobago', 'Doodnath Foods', '51-200', 'event', 'LOST', 120, 'Interested in automating distributor orders.'),
  L('lead-19', 'Alicia', 'Bynoe', 'alicia.bynoe@gmail.com', 'Barbados', null, null, 'facebook', 'LOST', 150, 'What does a chatbot cost per month?'),
  L('lead-20', 'Terrence', 'Williams', 'terrence@georgetowngym.gy', 'Guyana', 'Georgetown Gym', '11-50', 'website', 'LOST', 200, 'Membership sign-up automation.'),
  L('lead-21', 'Jasmine', 'Cox', 'jasmine@nassaucharters.bs', 'Bahamas', 'Nassau Charters', '1-10', 'referral', 'LOST', 260, 'Booking automation for boat charters.'),
  L('lead-22', 'Derek', 'Mitchell', 'derek.mitchell@outlook.com', null, null, null, 'website', 'LEAD', 0, null),
];

// ---------------------------------------------------------------------------
// Meetings, tickets, notes
// ---------------------------------------------------------------------------

type Platform = 'meet' | 'zoom' | 'teams' | 'in_person';

export interface MeetingSpec {
  key: string;
  /** A company key (its primary contact attends) or "lead:<key>". */
  with: string;
  type: MeetingType;
  status: MeetingStatus;
  /** Days from today (negative: past). */
  when: number;
  /** Start hour in UTC (Eastern Caribbean is UTC-4, Jamaica UTC-5). */
  hourUtc: number;
  minutes: number;
  platform: Platform;
  host: TeamMember;
}

const M = (key: string, withWhom: string, type: MeetingType, status: MeetingStatus, when: number, hourUtc: number, minutes: number, platform: Platform, host: TeamMember): MeetingSpec =>
  ({ key, with: withWhom, type, status, when, hourUtc, minutes, platform, host });

export const MEETINGS: readonly MeetingSpec[] = [
  M('bayside-onboarding', 'bayside', 'ONBOARDING', 'COMPLETED', -404, 14, 60, 'meet', 'alice'),
  M('bayside-review-q3', 'bayside', 'REVIEW', 'COMPLETED', -95, 15, 45, 'zoom', 'alice'),
  M('bayside-renewal', 'bayside', 'REVIEW', 'SCHEDULED', 9, 14, 45, 'meet', 'admin'),
  M('coral-onboarding', 'coral-reef', 'ONBOARDING', 'COMPLETED', -289, 13, 60, 'zoom', 'bob'),
  M('coral-whatsapp-demo', 'coral-reef', 'DEMO', 'SCHEDULED', 4, 15, 30, 'zoom', 'bob'),
  M('maraval-discovery', 'maraval-legal', 'DISCOVERY', 'COMPLETED', -232, 14, 30, 'teams', 'alice'),
  M('maraval-support', 'maraval-legal', 'SUPPORT', 'COMPLETED', -12, 18, 30, 'teams', 'alice'),
  M('kingston-review-q3', 'kingston-realty', 'REVIEW', 'COMPLETED', -60, 16, 60, 'zoom', 'alice'),
  M('kingston-renewal', 'kingston-realty', 'REVIEW', 'SCHEDULED', 20, 16, 60, 'zoom', 'admin'),
  M('island-spice-onboarding', 'island-spice', 'ONBOARDING', 'COMPLETED', -139, 15, 45, 'in_person', 'bob'),
  M('demerara-discovery', 'demerara-logistics', 'DISCOVERY', 'COMPLETED', -125, 13, 45, 'zoom', 'admin'),
  M('demerara-support', 'demerara-logistics', 'SUPPORT', 'SCHEDULED', 2, 14, 30, 'zoom', 'admin'),
  M('pitons-review-missed', 'pitons-hotel', 'REVIEW', 'NO_SHOW', -30, 17, 30, 'meet', 'alice'),
  M('pitons-renewal', 'pitons-hotel', 'REVIEW', 'SCHEDULED', 5, 17, 30, 'meet', 'admin'),
  M('sando-leadgen-demo', 'sando-auto', 'DEMO', 'CANCELLED', -8, 19, 30, 'meet', 'alice'),
  M('cla-onboarding', 'caribbean-learning', 'ONBOARDING', 'COMPLETED', -55, 14, 60, 'teams', 'alice'),
  M('trinity-review', 'trinity-cu', 'REVIEW', 'COMPLETED', -120, 14, 60, 'in_person', 'admin'),
  M('trinity-support', 'trinity-cu', 'SUPPORT', 'CANCELLED', -18, 15, 30, 'teams', 'bob'),
  M('savannah-onboarding', 'savannah-physio', 'ONBOARDING', 'COMPLETED', -54, 13, 45, 'meet', 'bob'),
  M('holetown-onboarding', 'holetown-spa', 'ONBOARDING', 'COMPLETED', -13, 14, 60, 'zoom', 'bob'),
  M('blue-waters-review', 'blue-waters', 'REVIEW', 'NO_SHOW', -40, 15, 30, 'zoom', 'alice'),
  M('nassau-exit-review', 'nassau-home', 'REVIEW', 'COMPLETED', -170, 16, 45, 'zoom', 'admin'),
  M('couva-discovery', 'couva-labs', 'DISCOVERY', 'COMPLETED', -21, 14, 30, 'meet', 'alice'),
  M('oistins-demo', 'oistins-coop', 'DEMO', 'COMPLETED', -6, 15, 45, 'meet', 'bob'),
  M('mobay-demo', 'mobay-tours', 'DEMO', 'SCHEDULED', 3, 16, 45, 'zoom', 'bob'),
  M('vf-energy-discovery', 'vf-energy', 'DISCOVERY', 'COMPLETED', -30, 13, 60, 'teams', 'admin'),
  M('linden-discovery', 'linden-engineering', 'DISCOVERY', 'SCHEDULED', 7, 14, 30, 'meet', 'admin'),
  M('lead-13-discovery', 'lead:lead-13', 'DISCOVERY', 'SCHEDULED', 6, 15, 30, 'meet', 'alice'),
  M('lead-12-discovery', 'lead:lead-12', 'DISCOVERY', 'NO_SHOW', -4, 17, 30, 'zoom', 'admin'),
  M('lead-9-discovery', 'lead:lead-9', 'DISCOVERY', 'CANCELLED', -10, 14, 30, 'zoom', 'alice'),
];

export interface TicketSpec {
  key: string;
  company: string;
  project: ProjectKind;
  subject: string;
  category: 'bug' | 'feature_request' | 'question';
  status: TicketStatus;
  priority: Priority;
  daysAgo: number;
  /** Hours from opening to resolution (resolved and closed tickets). */
  hoursToResolve?: number;
  resolution?: string;
  assignee: TeamMember | null;
}

const T = (key: string, company: string, project: ProjectKind, subject: string, category: TicketSpec['category'], status: TicketStatus, priority: Priority, daysAgo: number, assignee: TeamMember | null, hoursToResolve?: number, resolution?: string): TicketSpec =>
  ({ key, company, project, subject, category, status, priority, daysAgo, assignee, hoursToResolve, resolution });

export const TICKETS: readonly TicketSpec[] = [
  T('bayside-fees', 'bayside', 'chatbot', "Bot quoting last year's consultation fees", 'bug', 'RESOLVED', 'HIGH', 48, 'alice', 5, 'Updated the fee schedule in the knowledge base and re-indexed it.'),
  T('bayside-saturday', 'bayside', 'booking', 'Add Saturday clinic hours to the booking page', 'feature_request', 'CLOSED', 'MEDIUM', 120, 'bob', 26, 'Saturday slots (8am-12pm) added to the Calendly event types.'),
  T('bayside-spanish', 'bayside', 'chatbot', 'Can the bot answer in Spanish for Venezuelan patients?', 'feature_request', 'OPEN', 'LOW', 3, null),
  T('coral-3am', 'coral-reef', 'booking', 'Reminder SMS arriving at 3am', 'bug', 'CLOSED', 'URGENT', 200, 'bob', 3, 'Set the America/Barbados time zone in the Make.com scenario.'),
  T('coral-address', 'coral-reef', 'booking', 'Booking confirmations show the old clinic address', 'bug', 'IN_PROGRESS', 'URGENT', 3, 'bob'),
  T('maraval-hubspot', 'maraval-legal', 'lead_gen', 'Leads from the website form not appearing in HubSpot', 'bug', 'IN_PROGRESS', 'CRITICAL', 2, 'alice'),
  T('maraval-report', 'maraval-legal', 'lead_gen', 'How do we export the monthly lead report?', 'question', 'RESOLVED', 'LOW', 70, 'alice', 20, 'Sent a screen-recorded walkthrough and saved the report in HubSpot.'),
  T('kingston-duplicates', 'kingston-realty', 'lead_gen', 'Duplicate contacts created for returning visitors', 'bug', 'WAITING', 'HIGH', 9, 'alice'),
  T('kingston-photos', 'kingston-realty', 'whatsapp_bot', 'Send listing photos in WhatsApp replies', 'feature_request', 'IN_PROGRESS', 'MEDIUM', 6, 'bob'),
  T('island-spice-token', 'island-spice', 'whatsapp_bot', 'WhatsApp bot stopped replying (token expired)', 'bug', 'RESOLVED', 'CRITICAL', 33, 'bob', 2, 'Replaced the temporary token with a permanent system-user token (WHATSAPP_CLOUD_ACCESS_TOKEN).'),
  T('island-spice-divali', 'island-spice', 'social_dm_bot', 'Update menu prices for the Divali specials', 'question', 'CLOSED', 'LOW', 28, 'bob', 30, 'Prices updated; the client can now edit them in the shared sheet.'),
  T('demerara-fields', 'demerara-logistics', 'workflow', 'Which fields does the shipment tracker need?', 'question', 'WAITING', 'MEDIUM', 11, 'admin'),
  T('pitons-overbooking', 'pitons-hotel', 'chatbot', 'Chatbot suggesting rooms that are fully booked', 'bug', 'OPEN', 'URGENT', 1, 'alice'),
  T('pitons-spa', 'pitons-hotel', 'booking', 'Spa bookings should go to a separate calendar', 'feature_request', 'RESOLVED', 'MEDIUM', 150, 'bob', 50, 'Created a second event type and calendar for the spa.'),
  T('sando-part-numbers', 'sando-auto', 'whatsapp_bot', 'Bot cannot find part numbers written with dashes', 'bug', 'IN_PROGRESS', 'HIGH', 4, 'bob'),
  T('trinity-balances', 'trinity-cu', 'chatbot', 'Bot must never discuss account balances', 'feature_request', 'CLOSED', 'CRITICAL', 250, 'admin', 8, 'Added a guardrail and escalation to member services; signed off by compliance.'),
  T('trinity-branch', 'trinity-cu', 'crm_integration', 'Loan enquiries missing the branch field in HubSpot', 'bug', 'RESOLVED', 'HIGH', 40, 'admin', 30, 'Fixed the field mapping in the Make.com scenario and back-filled 212 records.'),
  T('trinity-report', 'trinity-cu', 'chatbot', 'Request: monthly conversation report', 'question', 'OPEN', 'LOW', 2, null),
  T('grenada-spam', 'grenada-spice', 'email_automation', 'Newsletter landing in Gmail spam', 'bug', 'WAITING', 'HIGH', 15, 'alice'),
  T('savannah-reschedule', 'savannah-physio', 'booking', 'Patients want a reschedule link in reminders', 'feature_request', 'OPEN', 'MEDIUM', 5, 'bob'),
  T('belmont-reminders', 'belmont-accounting', 'workflow', 'Invoice reminder scenario stopped running', 'bug', 'RESOLVED', 'URGENT', 60, 'admin', 4, 'Make.com operations quota was exhausted; upgraded the plan and re-ran the queue.'),
  T('belmont-restart', 'belmont-accounting', 'email_automation', 'Can we restart the tax-season campaign?', 'question', 'WAITING', 'LOW', 20, 'alice'),
  T('blue-waters-pause', 'blue-waters', 'lead_gen', 'Pause all lead ads while we restructure', 'question', 'CLOSED', 'MEDIUM', 35, 'alice', 6, 'Ads and follow-up sequences paused; data kept for 12 months.'),
  T('nassau-export', 'nassau-home', 'chatbot', 'Export all chat transcripts before cancellation', 'question', 'CLOSED', 'HIGH', 165, 'alice', 48, 'Exported 18,400 transcripts as CSV and shared them securely.'),
  T('cla-fees', 'caribbean-learning', 'chatbot', "Bot needs the new term's fee schedule", 'feature_request', 'IN_PROGRESS', 'MEDIUM', 7, 'alice'),
];

export interface NoteSpec {
  key: string;
  type: NoteType;
  /** COMPANY: a company key; CONTACT: a company key (its primary contact) or "lead:<key>"; PROJECT: "<company>/<kind>"; GENERAL: null. */
  about: string | null;
  author: TeamMember;
  isPrivate: boolean;
  daysAgo: number;
  text: string;
}

const N = (key: string, type: NoteType, about: string | null, author: TeamMember, isPrivate: boolean, daysAgo: number, text: string): NoteSpec => ({ key, type, about, author, isPrivate, daysAgo, text });

export const NOTES: readonly NoteSpec[] = [
  // Companies
  N('bayside-renewal', 'COMPANY', 'bayside', 'admin', false, 10, 'Contract ends this month. Renewal proposal: keep chatbot and booking, add email nurture at a bundle price.'),
  N('bayside-margin', 'COMPANY', 'bayside', 'admin', true, 9, 'Can go down to 10% discount on the renewal; do not offer more without checking tool costs.'),
  N('coral-reef-pay', 'COMPANY', 'coral-reef', 'bob', false, 45, 'Pays by card on the day the invoice arrives. Happy client, ask for a testimonial.'),
  N('kingston-approvals', 'COMPANY', 'kingston-realty', 'alice', false, 70, 'Finance director approves invoices on the 25th; anything sent later slips a month.'),
  N('kingston-risk', 'COMPANY', 'kingston-realty', 'admin', true, 20, 'Overdue twice this quarter. Raise at the renewal review before agreeing new work.'),
  N('island-spice-expansion', 'COMPANY', 'island-spice', 'bob', false, 30, 'Opening a fourth branch in Couva next year; the WhatsApp bot will need per-branch menus.'),
  N('demerara-phase2', 'COMPANY', 'demerara-logistics', 'admin', false, 15, 'Phase 2 (customer chatbot) is being scoped. They want it live before the next quarter.'),
  N('pitons-season', 'COMPANY', 'pitons-hotel', 'alice', false, 25, 'High season starts in December; no changes to the booking flow between Dec 15 and Jan 10.'),
  N('trinity-compliance', 'COMPANY', 'trinity-cu', 'admin', false, 110, 'Every bot change needs written sign-off from the compliance officer before release.'),
  N('blue-waters-checkin', 'COMPANY', 'blue-waters', 'alice', false, 24, 'Check back next quarter; restructuring should be done by then.'),
  N('nassau-churn', 'COMPANY', 'nassau-home', 'admin', true, 158, 'Churn reason: acquisition, not service quality. Keep in touch with Andre; he moved to the new parent company.'),
  N('vf-energy-budget', 'COMPANY', 'vf-energy', 'admin', false, 28, 'Budget cycle closes in March. Proposal must separate capex (setup) from opex (monthly).'),
  // Contacts
  N('anjali-pref', 'CONTACT', 'bayside', 'alice', false, 300, 'Prefers WhatsApp voice notes to email. Available after 2pm.'),
  N('jerome-decision', 'CONTACT', 'maraval-legal', 'alice', false, 200, 'Senior partner; final decision maker on anything over TTD 10,000.'),
  N('marcus-referral', 'CONTACT', 'kingston-realty', 'alice', false, 150, 'Referred Port of Spain Realty to us.'),
  N('ravi-personal', 'CONTACT', 'island-spice', 'bob', true, 60, 'Going through a difficult family time; keep calls short and flexible.'),
  N('priya-trinity', 'CONTACT', 'trinity-cu', 'admin', false, 180, 'Head of member services; our champion inside the credit union.'),
  N('devon-couva', 'CONTACT', 'couva-labs', 'alice', false, 19, 'Wants results delivered by WhatsApp; check data-protection rules for lab results first.'),
  N('tamika-mobay', 'CONTACT', 'mobay-tours', 'bob', false, 6, 'Cruise-ship season drives 70% of bookings; demo should show group bookings.'),
  N('lead-13-budget', 'CONTACT', 'lead:lead-13', 'alice', false, 22, 'Budget approved for Q1. Send the Kingston Realty case study.'),
  N('lead-14-event', 'CONTACT', 'lead:lead-14', 'bob', false, 31, 'Met at the AMCHAM TT breakfast; wants test-drive booking with SMS reminders.'),
  N('lead-16-lost', 'CONTACT', 'lead:lead-16', 'alice', false, 55, 'Lost: needed it live in two weeks for Carnival; we could not commit.'),
  N('lead-18-lost', 'CONTACT', 'lead:lead-18', 'admin', true, 110, 'Lost on price; they went with a cheaper freelancer. Follow up in six months.'),
  N('lead-0-new', 'CONTACT', 'lead:lead-0', 'bob', false, 0, 'Called back, left a voicemail. Try again tomorrow morning.'),
  // Projects
  N('bayside-chatbot-stats', 'PROJECT', 'bayside/chatbot', 'alice', false, 35, 'Handled 1,240 conversations last month; 82% without a hand-off to staff.'),
  N('bayside-email-scope', 'PROJECT', 'bayside/email_automation', 'alice', false, 28, 'Three sequences: new patient welcome, annual check-up reminder, lapsed patient win-back.'),
  N('maraval-crm-data', 'PROJECT', 'maraval-legal/crm_integration', 'admin', true, 18, 'Client data includes privileged matters. Import only names and contact details, never case notes.'),
  N('kingston-leadgen-results', 'PROJECT', 'kingston-realty/lead_gen', 'alice', false, 65, 'Cost per qualified lead down from JMD 4,800 to JMD 1,900 since launch.'),
  N('kingston-crm-paused', 'PROJECT', 'kingston-realty/crm_integration', 'admin', false, 150, 'Paused by the client until their new office manager starts.'),
  N('island-spice-whatsapp', 'PROJECT', 'island-spice/whatsapp_bot', 'bob', false, 100, 'Orders over WhatsApp up 35% since go-live. Friday evenings need a human on standby.'),
  N('demerara-workflow-risk', 'PROJECT', 'demerara-logistics/workflow', 'admin', false, 12, 'Their ERP export is a nightly CSV; the scenario runs at 2am Georgetown time.'),
  N('pitons-email-cancelled', 'PROJECT', 'pitons-hotel/email_automation', 'alice', false, 100, 'Cancelled before launch: the hotel group mandated its own email platform.'),
  N('sando-demo', 'PROJECT', 'sando-auto/lead_gen', 'alice', false, 8, 'Demo cancelled by the client; rebook after their stock-take.'),
  N('trinity-chatbot-audit', 'PROJECT', 'trinity-cu/chatbot', 'admin', true, 90, 'Internal audit found two answers that hinted at loan rates; fixed, but watch this closely.'),
  N('savannah-live', 'PROJECT', 'savannah-physio/booking', 'bob', false, 2, 'Went live on time; no-shows down from 18% to 6% since go-live.'),
  N('couva-scope', 'PROJECT', 'couva-labs/chatbot', 'alice', false, 18, 'Scope: appointment questions and test preparation instructions only; no results in the bot.'),
  // General
  N('botpress-pricing', 'GENERAL', null, 'admin', false, 40, 'Botpress pricing changes next month; review tool costs on all chatbot projects.'),
  N('rate-card', 'GENERAL', null, 'admin', false, 14, 'Rate card for next year: setup fees +5%, monthly fees unchanged for existing clients.'),
  N('openai-key-rotation', 'GENERAL', null, 'bob', false, 7, 'Rotate OPENAI_API_KEY in the secrets manager on the first of every quarter.'),
  N('hiring', 'GENERAL', null, 'admin', true, 3, 'Shortlist for the junior automation engineer role: interviews next week.'),
];

// ---------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------

type Row<T> = T & { id: string };

export interface SeedData {
  services: Row<Prisma.ServiceCreateManyInput>[];
  /** Without primary contacts: those are set after the contacts exist (primaryContacts). */
  companies: Row<Prisma.CompanyCreateManyInput>[];
  contacts: Row<Prisma.ContactCreateManyInput>[];
  primaryContacts: { companyId: string; contactId: string }[];
  projects: Row<Prisma.ProjectCreateManyInput & { companyId: string; status: ProjectStatus }>[];
  projectServices: Row<Prisma.ProjectServiceCreateManyInput>[];
  integrations: Row<Prisma.IntegrationCreateManyInput>[];
  invoices: Row<Prisma.InvoiceCreateManyInput & { invoiceNumber: string; status: InvoiceStatus }>[];
  meetings: Row<Prisma.MeetingCreateManyInput>[];
  supportTickets: Row<Prisma.SupportTicketCreateManyInput>[];
  notes: Row<Prisma.NoteCreateManyInput>[];
}

/** Well-known rows, for tests and demos. */
export const SEED_IDS = {
  /** Bayside Family Clinic: active, contract ending within 60 days, two live projects and one in progress. */
  companyWithLiveProjects: seedIds.company('bayside'),
  /** Bayside's website chatbot: live; services AI Chatbot + AI Consulting; integrations Botpress, OpenAI, Google Sheets. */
  liveProject: seedIds.project('bayside', 'chatbot'),
  /** Anjali Maharaj, Bayside's primary contact (converted). */
  primaryContact: seedIds.companyContact('bayside', 0),
  /** Couva Medical Labs: a prospect with a project in scoping. */
  prospectCompany: seedIds.company('couva-labs'),
  /** Nassau Home Furnishings: churned, its one project cancelled. */
  churnedCompany: seedIds.company('nassau-home'),
  /** Linden Engineering Works: a prospect without projects. */
  companyWithoutProjects: seedIds.company('linden-engineering'),
  /** A fresh website lead (status lead, no company, unassigned). */
  leadContact: seedIds.lead('lead-0'),
  /** The AI Chatbot service and the retired, inactive voice service. */
  chatbotService: seedIds.service('chatbot'),
  inactiveService: seedIds.service('voice'),
  /** Kingston Realty's listings-import invoice: status overdue, due date in the past. */
  overdueInvoice: seedIds.invoice('one-time:kingston-listings'),
  /** Trinity Credit Union's chatbot tool-cost invoice, in USD (amount in TTD, amount_usd = amount / 6.78). */
  usdInvoice: seedIds.invoice('tools:trinity-cu/chatbot'),
  /** Open and resolved support tickets. */
  openTicket: seedIds.ticket('pitons-overbooking'),
  resolvedTicket: seedIds.ticket('island-spice-token'),
  /** A private note by the admin on Bayside, and a general note. */
  privateNote: seedIds.note('bayside-margin'),
  generalNote: seedIds.note('botpress-pricing'),
} as const;

export function buildSeedData(today = new Date()): SeedData {
  const rand = mulberry32(20_261_124);
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const d = (offset: number) => day(offset, today);
  /** A timestamp `offset` days from today at hour:minute UTC. */
  const at = (offset: number, hour: number, minute = 0) => new Date(d(offset).getTime() + hour * HOUR + minute * 60_000);
  /** A creation time: `at`, or today's midnight for anything created today or later (never in the future). */
  const past = (offset: number, hour: number, minute = 0) => (offset < 0 ? at(offset, hour, minute) : d(0));
  const service = (key: ServiceKey) => SERVICES.find((s) => s.key === key)!;
  const companySpec = (key: string) => {
    const c = COMPANIES.find((x) => x.key === key);
    if (!c) throw new Error(`seed: unknown company ${key}`);
    return c;
  };
  const phone = (country: string | null) => {
    const prefix = (country && DIAL[country]) || '+1-868';
    return `${prefix}-${between(220, 799)}-${String(between(0, 9999)).padStart(4, '0')}`;
  };

  const services: SeedData['services'] = SERVICES.map((s) => ({
    id: seedIds.service(s.key),
    serviceName: s.serviceName,
    serviceCategory: s.serviceCategory,
    description: s.description,
    baseSetupFeeMin: money(s.setup[0]),
    baseSetupFeeMax: money(s.setup[1]),
    baseMonthlyFeeMin: money(s.monthly[0]),
    baseMonthlyFeeMax: money(s.monthly[1]),
    typicalDurationWeeks: s.weeks,
    isActive: s.isActive,
    createdAt: past(-800, 12),
  }));

  // Companies and their people. A client's first contact came in some weeks before
  // the contract; the company record was created once they qualified.
  const companies: SeedData['companies'] = [];
  const contacts: SeedData['contacts'] = [];
  const primaryContacts: SeedData['primaryContacts'] = [];
  COMPANIES.forEach((c, ci) => {
    const firstSeen = c.contract ? c.contract[0] - between(20, 60) : -between(35, 90);
    const companyId = seedIds.company(c.key);
    companies.push({
      id: companyId,
      companyName: c.companyName,
      industry: c.industry,
      companySize: c.companySize,
      website: `https://www.${c.domain}`,
      address: c.address,
      city: c.city,
      country: c.country,
      status: c.status,
      contractStartDate: c.contract ? d(c.contract[0]) : null,
      contractEndDate: c.contract ? d(c.contract[1]) : null,
      notes: c.notes ?? null,
      createdAt: past(firstSeen + between(3, 10), 14, 5 * (ci % 12)),
    });
    const client = c.status !== 'PROSPECT';
    c.people.forEach(([first, last], pi) => {
      const id = seedIds.companyContact(c.key, pi);
      const primary = pi === 0;
      const local = primary ? first : `${first}.${last}`;
      const status: ContactStatus = client ? 'CONVERTED' : primary ? (c.projects.length ? 'QUALIFIED' : 'CONTACTED') : 'CONTACTED';
      contacts.push({
        id,
        firstName: first,
        lastName: last,
        email: `${local}@${c.domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
        phone: phone(c.country),
        companyName: c.companyName,
        companySize: c.companySize,
        message: primary ? PROJECT_KINDS[c.projects[0]?.kind ?? 'workflow'].enquiry : null,
        status,
        source: primary ? c.source : 'referral',
        companyId,
        assignedTo: TEAM[c.projects[0]?.assignee ?? 'admin'],
        createdAt: past(primary ? firstSeen : Math.min(firstSeen + between(20, 40), -1), 13 + (pi % 6), between(0, 59)),
      });
      if (primary) primaryContacts.push({ companyId, contactId: id });
    });
  });

  for (const l of LEADS) {
    const fresh = l.status === 'LEAD';
    contacts.push({
      id: seedIds.lead(l.key),
      firstName: l.firstName,
      lastName: l.lastName,
      email: l.email.toLowerCase(),
      phone: l.country ? phone(l.country) : null,
      companyName: l.companyName,
      companySize: l.companySize,
      message: l.message,
      status: l.status,
      source: l.source,
      companyId: null,
      // Website leads arrive unassigned; someone picks them up once contacted.
      assignedTo: fresh ? null : TEAM[pick(['alice', 'bob', 'admin'] as const)],
      createdAt: past(-l.daysAgo, between(12, 22), between(0, 59)),
    });
  }

  // Projects, their services and integrations.
  const projects: SeedData['projects'] = [];
  const projectServices: SeedData['projectServices'] = [];
  const integrations: SeedData['integrations'] = [];
  const projectMeta = new Map<string, { spec: ProjectSpec; company: CompanySpec; start: number | null; goLive: number | null; name: string }>();
  for (const c of COMPANIES) {
    for (const p of c.projects) {
      const kind = PROJECT_KINDS[p.kind];
      const id = seedIds.project(c.key, p.kind);
      const main = service(kind.services[0]!);
      const extra = kind.services[1] ? service(kind.services[1]) : null;
      const round = (n: number, step: number) => Math.round(n / step) * step;
      const setupFee = round(between(main.setup[0], main.setup[1]), 250) + (extra ? round(extra.setup[0] * 0.5, 250) : 0) + (p.consulting ? service('consulting').setup[0] : 0);
      const listMonthly = round(between(main.monthly[0], main.monthly[1]), 50) + (extra ? round(extra.monthly[0] * 0.5, 50) : 0);
      const weeks = main.weeks + (extra ? 1 : 0);
      const estimated = weeks * 10 + between(0, 4) * 5;
      const start = p.start;
      // Went live: live and paused projects, and cancelled ones that had run for a while.
      const wentLive = p.status === 'LIVE' || p.status === 'PAUSED' || (p.status === 'CANCELLED' && start !== null && start < -300);
      let goLive: number | null = null;
      if (start !== null && wentLive) goLive = Math.min(start + weeks * 7 + between(-3, 10), -2);
      if (start !== null && p.status === 'IN_PROGRESS') goLive = Math.max(start + weeks * 7 + between(0, 14), between(3, 40));
      if (goLive !== null && start !== null) goLive = Math.max(goLive, start);
      const actual =
        start === null ? null
        : wentLive ? Math.round(estimated * (0.85 + rand() * 0.45))
        : p.status === 'IN_PROGRESS' ? Math.round(estimated * (0.3 + rand() * 0.4))
        : p.status === 'DEMO' ? between(4, 10)
        : Math.round(estimated * 0.4);
      const toolNames = start === null ? [] : p.status === 'DEMO' ? kind.tools.slice(0, 2) : kind.tools;
      // projects.tool_costs is what the project costs besides its integrations
      // (hosting, domain, SMS and WhatsApp conversation credits); the views add
      // the active integrations' monthly_cost to it.
      const toolCosts = start === null || p.status === 'PAUSED' || p.status === 'CANCELLED' ? 0 : between(1, 6) * 25;
      let integrationCosts = 0;
      toolNames.forEach((tool, t) => {
        const spec = TOOLS[tool];
        const status: IntegrationStatus =
          p.status === 'LIVE' ? 'ACTIVE'
          : p.status === 'PAUSED' || p.status === 'CANCELLED' ? 'INACTIVE'
          : p.status === 'IN_PROGRESS' && t === 0 ? 'ACTIVE'
          : 'TESTING';
        // Subscriptions of paused and cancelled projects are cancelled: they cost nothing now.
        const cost = status === 'INACTIVE' ? 0 : spec.monthlyCost === 0 ? 0 : Math.round((spec.monthlyCost * (0.8 + rand() * 0.5)) / 5) * 5;
        integrationCosts += cost; // inactive ones cost 0
        integrations.push({
          id: seedIds.integration(c.key, p.kind, tool),
          projectId: id,
          toolName: tool,
          toolCategory: spec.toolCategory,
          status,
          apiKeyName: spec.apiKeyName,
          monthlyCost: money(cost),
          notes:
            spec.apiKeyName === null ? `Connected through Make.com's Google connection (OAuth); no key stored.`
            : status === 'INACTIVE' ? 'Subscription cancelled; credentials revoked.'
            : status === 'TESTING' ? 'Sandbox credentials; switch to production keys at go-live.'
            : null,
          createdAt: past(Math.min((start ?? -1) + t + 1, 0), 15, 10 * t),
        });
      });
      // Priced to keep a margin over what the tools cost.
      const monthlyFee = Math.max(listMonthly, round(1.6 * (toolCosts + integrationCosts), 50));
      const name = `${c.short} ${kind.label}`;
      projects.push({
        id,
        companyId: seedIds.company(c.key),
        projectName: name,
        projectType: p.kind,
        description: `${kind.label} for ${c.companyName}: ${service(kind.services[0]!).description}`,
        status: p.status,
        setupFee: money(setupFee),
        monthlyFee: money(monthlyFee),
        toolCosts: money(toolCosts),
        startDate: start === null ? null : d(start),
        goLiveDate: goLive === null ? null : d(goLive),
        demoUrl: start === null ? null : `https://demo.aurumautomation.com/${c.key}/${p.kind.replace(/_/g, '-')}`,
        productionUrl: wentLive && p.status !== 'CANCELLED' ? (kind.path ? `https://www.${c.domain}/${kind.path}` : null) : null,
        assignedTo: TEAM[p.assignee],
        priority: p.priority,
        estimatedHours: estimated,
        actualHours: actual,
        createdAt: past(start === null ? -between(5, 25) : start - between(3, 14), 16, 0),
      });
      const serviceKeys: ServiceKey[] = [...kind.services, ...(p.consulting ? (['consulting'] as const) : [])];
      serviceKeys.forEach((key, si) =>
        projectServices.push({
          id: seedIds.projectService(c.key, p.kind, key),
          projectId: id,
          serviceId: seedIds.service(key),
          createdAt: past(start === null ? -between(1, 5) : start - 1, 16, si),
        }),
      );
      projectMeta.set(id, { spec: p, company: c, start, goLive, name });
    }
  }

  // Invoices. Setup fees are invoiced at kick-off (demos get a draft); live projects
  // get the last months' retainers (paid, sent, overdue, not yet due, a draft for the
  // current cycle); a few USD tool-cost pass-throughs and one-time jobs.
  interface InvoiceDraft {
    key: string;
    company: CompanySpec;
    projectId: string | null;
    type: InvoiceType;
    amount: number;
    status: InvoiceStatus;
    issue: number;
    due: number;
    paid?: number;
    currency?: 'USD';
    notes?: string;
  }
  const drafts: InvoiceDraft[] = [];
  let liveIndex = 0;
  let toolInvoices = 0;
  for (const project of projects) {
    const meta = projectMeta.get(project.id)!;
    const { spec, company, start, goLive, name } = meta;
    const projectKey = `${company.key}/${spec.kind}`;
    const setup = Number(project.setupFee);
    if (spec.status === 'DEMO') {
      drafts.push({ key: `setup:${projectKey}`, company, projectId: project.id, type: 'SETUP', amount: setup, status: 'DRAFT', issue: -1, due: 13, notes: `Setup: ${name} (draft, pending demo approval).` });
    } else if (start !== null && spec.status !== 'SCOPING') {
      const status: InvoiceStatus =
        spec.status === 'CANCELLED' && goLive === null ? 'CANCELLED'
        : spec.status === 'IN_PROGRESS' && start > -20 ? 'SENT'
        : 'PAID';
      drafts.push({ key: `setup:${projectKey}`, company, projectId: project.id, type: 'SETUP', amount: setup, status, issue: start, due: start + 14, paid: start + between(2, 12), notes: `Setup: ${name}.${status === 'CANCELLED' ? ' Cancelled with the project before work began.' : ''}` });
    }
    if (spec.status !== 'LIVE' || goLive === null) continue;
    const j = liveIndex++;
    const monthly = Number(project.monthlyFee);
    const cycles = j % 2 === 1 ? 2 : 3;
    for (let m = 0; m < cycles; m += 1) {
      const issue = -3 - (j % 4) - 30 * m;
      if (issue < goLive) break;
      let status: InvoiceStatus;
      if (m === 0) status = j % 4 === 0 ? 'DRAFT' : 'SENT'; // current cycle, not yet due
      else if (m === 1) status = j % 5 === 1 ? 'OVERDUE' : j % 5 === 3 ? 'SENT' : 'PAID'; // 'SENT' past due: overdue by date
      else status = 'PAID';
      drafts.push({ key: `monthly:${projectKey}:${m}`, company, projectId: project.id, type: 'MONTHLY', amount: monthly, status, issue, due: issue + 14, paid: issue + between(2, 16) });
    }
    if (j % 4 === 1 || spec.priority === 'CRITICAL') {
      // Platform subscriptions passed through at cost, quarterly, in USD.
      const paid = toolInvoices++ % 2 === 0;
      drafts.push({ key: `tools:${projectKey}`, company, projectId: project.id, type: 'TOOL_COST', amount: 3 * (Number(project.toolCosts) + integrations.filter((i) => i.projectId === project.id && i.status === 'ACTIVE').reduce((sum, i) => sum + Number(i.monthlyCost), 0)), status: paid ? 'PAID' : 'SENT', issue: paid ? -36 : -6, due: paid ? -6 : 24, paid: -36 + between(3, 20), currency: 'USD', notes: 'Platform subscriptions for the quarter, passed through at cost and billed in USD.' });
    }
  }
  const oneTime = (key: string, companyKey: string, amount: number, status: InvoiceStatus, issue: number, dueIn: number, notes: string, paidAfter?: number) =>
    drafts.push({ key: `one-time:${key}`, company: companySpec(companyKey), projectId: null, type: 'ONE_TIME', amount, status, issue, due: issue + dueIn, paid: paidAfter === undefined ? undefined : issue + paidAfter, notes });
  oneTime('vf-energy-strategy', 'vf-energy', 3500, 'PAID', -29, 14, 'AI strategy session (half day) and written roadmap.', 6);
  oneTime('couva-strategy', 'couva-labs', 1500, 'SENT', -16, 14, 'AI strategy session for the lab management team.');
  oneTime('mobay-strategy', 'mobay-tours', 1500, 'DRAFT', 0, 14, 'AI strategy session, to be sent after the demo.');
  oneTime('kingston-listings', 'kingston-realty', 4200, 'OVERDUE', -50, 14, 'Import of 1,150 legacy listings into HubSpot. Reminder sent by email and WhatsApp.');
  oneTime('trinity-training', 'trinity-cu', 2800, 'PAID', -75, 14, 'Staff training workshop: handling bot hand-offs.', 11);
  oneTime('nassau-offboarding', 'nassau-home', 2000, 'PAID', -165, 14, 'Transcript export and offboarding.', 9);
  oneTime('blue-waters-audit', 'blue-waters', 2500, 'CANCELLED', -45, 14, 'Ad account audit; cancelled when the client paused.');

  drafts.sort((a, b) => a.issue - b.issue || a.key.localeCompare(b.key));
  const invoiceSeq = new Map<number, number>();
  const invoices: SeedData['invoices'] = drafts.map((x) => {
    const issueDate = d(x.issue);
    const year = issueDate.getUTCFullYear();
    const seq = (invoiceSeq.get(year) ?? 0) + 1;
    invoiceSeq.set(year, seq);
    const paid = x.status === 'PAID';
    const usd = x.currency === 'USD';
    const trinidad = x.company.country === 'Trinidad and Tobago';
    const methods = trinidad ? (['bank_transfer', 'bank_transfer', 'linx', 'cheque', 'credit_card'] as const) : (['bank_transfer', 'credit_card', 'credit_card'] as const);
    const method = x.company.key === 'belmont-accounting' ? 'cheque' : pick(methods);
    return {
      id: seedIds.invoice(x.key),
      invoiceNumber: `INV-${year}-${String(seq).padStart(3, '0')}`,
      companyId: seedIds.company(x.company.key),
      projectId: x.projectId,
      invoiceType: x.type,
      amount: money(x.amount),
      // The USD equivalent is shown to clients outside Trinidad and on USD invoices.
      amountUsd: usd || !trinidad ? money(x.amount / TTD_PER_USD) : null,
      currency: usd ? 'USD' : 'TTD',
      status: x.status,
      issueDate,
      dueDate: d(Math.max(x.due, x.issue)),
      paidDate: paid ? d(Math.min(Math.max(x.paid ?? x.issue, x.issue), 0)) : null,
      paymentMethod: paid ? method : null,
      notes: x.notes ?? null,
      createdAt: past(x.issue, 13, 30),
    };
  });

  // What companies are worth: paid invoices (TTD) and live projects' monthly fees.
  for (const company of companies) {
    const revenue = invoices.filter((i) => i.companyId === company.id && i.status === 'PAID').reduce((sum, i) => sum + Number(i.amount), 0);
    const mrr = projects.filter((p) => p.companyId === company.id && p.status === 'LIVE').reduce((sum, p) => sum + Number(p.monthlyFee), 0);
    company.totalRevenue = money(revenue);
    company.monthlyRecurring = money(mrr);
  }

  const contactOf = (ref: string) => {
    if (ref.startsWith('lead:')) return { contact: contacts.find((c) => c.id === seedIds.lead(ref.slice(5)))!, company: null };
    const company = companySpec(ref);
    return { contact: contacts.find((c) => c.id === seedIds.companyContact(ref, 0))!, company };
  };

  const MEETING_LABEL: Record<MeetingType, string> = { DISCOVERY: 'Discovery call', DEMO: 'Demo', ONBOARDING: 'Onboarding', SUPPORT: 'Support call', REVIEW: 'Account review' };
  const AGENDA: Record<MeetingType, string> = {
    DISCOVERY: 'Current process, volumes, tools in use, budget and timeline.',
    DEMO: 'Walk through the working demo with real questions from their customers.',
    ONBOARDING: 'Kick-off: access to accounts, FAQ documents, brand voice, go-live checklist.',
    SUPPORT: 'Go through open tickets and agree priorities.',
    REVIEW: 'Results since the last review, invoices, renewal and next steps.',
  };
  const OUTCOME: Record<MeetingType, string> = {
    DISCOVERY: 'Qualified. Proposal to follow within a week.',
    DEMO: 'Client liked the demo; asked for a quote with WhatsApp included.',
    ONBOARDING: 'All accesses received; go-live date agreed.',
    SUPPORT: 'Two tickets closed on the call; one waiting on the client.',
    REVIEW: 'Happy with results. Interested in adding another automation.',
  };
  const meetingUrl = (key: string, platform: Platform) => {
    const h = createHash('sha256').update(`meeting-url:${key}`).digest();
    const letters = (from: number, n: number) => Array.from(h.subarray(from, from + n), (b) => String.fromCharCode(97 + (b % 26))).join('');
    const digits = (from: number, n: number) => Array.from(h.subarray(from, from + n), (b) => String(b % 10)).join('');
    switch (platform) {
      case 'meet': return `https://meet.google.com/${letters(0, 3)}-${letters(3, 4)}-${letters(7, 3)}`;
      case 'zoom': return `https://us06web.zoom.us/j/8${digits(0, 10)}`;
      case 'teams': return `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${letters(0, 12)}%40thread.v2/0`;
      case 'in_person': return null;
    }
  };
  const meetings: SeedData['meetings'] = MEETINGS.map((m) => {
    const { contact, company } = contactOf(m.with);
    const name = `${contact.firstName} ${contact.lastName ?? ''}`.trim();
    const scheduledAt = at(m.when, m.hourUtc, m.key.length % 2 ? 30 : 0);
    const booked = Math.min(m.when - between(2, 12), 0);
    return {
      id: seedIds.meeting(m.key),
      contactId: contact.id,
      companyId: company ? seedIds.company(company.key) : null,
      meetingType: m.type,
      title: `${MEETING_LABEL[m.type]}: ${company?.companyName ?? contact.companyName ?? name}`,
      description: m.platform === 'in_person' ? `${AGENDA[m.type]} At the client's office.` : AGENDA[m.type],
      scheduledAt,
      durationMinutes: m.minutes,
      status: m.status,
      meetingUrl: meetingUrl(m.key, m.platform),
      outcome:
        m.status === 'COMPLETED' ? OUTCOME[m.type]
        : m.status === 'NO_SHOW' ? 'Client did not join; followed up on WhatsApp to rebook.'
        : m.status === 'CANCELLED' ? 'Cancelled by the client; to be rescheduled.'
        : null,
      attendees: `${name}; ${TEAM_NAMES[m.host]} (Aurum)`,
      createdAt: past(booked, 12, 15),
    };
  });

  // Support tickets, numbered TKT-<year>-<NNN> in the order they were opened.
  const ticketRows = TICKETS.map((t) => {
    const company = companySpec(t.company);
    const projectId = seedIds.project(company.key, t.project);
    const meta = projectMeta.get(projectId);
    if (!meta) throw new Error(`seed: ticket ${t.key} names a project ${t.company}/${t.project} that does not exist`);
    const createdAt = past(-t.daysAgo, 12 + (t.key.length % 9), between(0, 59));
    const done = t.status === 'RESOLVED' || t.status === 'CLOSED';
    return {
      id: seedIds.ticket(t.key),
      companyId: seedIds.company(company.key),
      projectId,
      contactId: seedIds.companyContact(company.key, company.people.length > 1 && t.key.length % 2 ? 1 : 0),
      subject: t.subject,
      description: `Reported by ${company.short}: ${t.subject.charAt(0).toLowerCase()}${t.subject.slice(1)}.`,
      priority: t.priority,
      status: t.status,
      category: t.category,
      assignedTo: t.assignee ? TEAM[t.assignee] : null,
      resolution: done ? (t.resolution ?? null) : null,
      createdAt,
      resolvedAt: done ? new Date(Math.min(createdAt.getTime() + (t.hoursToResolve ?? 24) * HOUR, d(0).getTime())) : null,
    };
  }).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const ticketSeq = new Map<number, number>();
  const supportTickets: SeedData['supportTickets'] = ticketRows.map((row) => {
    const year = row.createdAt.getUTCFullYear();
    const seq = (ticketSeq.get(year) ?? 0) + 1;
    ticketSeq.set(year, seq);
    return { ...row, ticketNumber: `TKT-${year}-${String(seq).padStart(3, '0')}` };
  });

  const notes: SeedData['notes'] = NOTES.map((n) => {
    let relatedId: string | null = null;
    if (n.type === 'COMPANY') relatedId = seedIds.company(companySpec(n.about!).key);
    if (n.type === 'CONTACT') relatedId = contactOf(n.about!).contact.id;
    if (n.type === 'PROJECT') {
      const [companyKey, kind] = n.about!.split('/') as [string, ProjectKind];
      relatedId = seedIds.project(companySpec(companyKey).key, kind);
    }
    return {
      id: seedIds.note(n.key),
      noteType: n.type,
      relatedId,
      noteText: n.text,
      createdBy: TEAM[n.author],
      isPrivate: n.isPrivate,
      createdAt: past(-n.daysAgo, 19, 45),
    };
  });

  const data: SeedData = { services, companies, contacts, primaryContacts, projects, projectServices, integrations, invoices, meetings, supportTickets, notes };
  checkSeedData(data, today);
  return data;
}

/**
 * The database rules, checked on the data before it is written (so a broken spec
 * fails with a clear message instead of a constraint error half-way through).
 */
export function checkSeedData(data: SeedData, today = new Date()): void {
  const problems: string[] = [];
  const fail = (what: string) => problems.push(what);
  const time = (v: unknown) => (v instanceof Date ? v.getTime() : v == null ? null : new Date(String(v)).getTime());
  const nonNegative = (table: string, row: { id: string }, fields: Record<string, unknown>) => {
    for (const [field, value] of Object.entries(fields)) if (value != null && Number(value) < 0) fail(`${table} ${row.id}: ${field} is negative`);
  };
  const unique = (table: string, values: unknown[]) => {
    const seen = new Set<unknown>();
    for (const v of values) {
      if (seen.has(v)) fail(`${table}: duplicate ${String(v)}`);
      seen.add(v);
    }
  };
  const allIds = Object.values(data).flatMap((rows: { id?: string }[]) => rows.map((r) => r.id).filter(Boolean));
  unique('ids', allIds);
  unique('contacts.email', data.contacts.map((c) => c.email));
  unique('invoices.invoice_number', data.invoices.map((i) => i.invoiceNumber));
  unique('support_tickets.ticket_number', data.supportTickets.map((t) => t.ticketNumber));
  unique('project_services', data.projectServices.map((ps) => `${ps.projectId}:${ps.serviceId}`));
  const now = day(0, today).getTime();
  for (const [table, rows] of Object.entries(data) as [string, { createdAt?: unknown }[]][]) {
    for (const row of rows) if (row.createdAt != null && time(row.createdAt)! > now) fail(`${table}: created_at in the future`);
  }
  for (const [name, id] of Object.entries(SEED_IDS)) if (!allIds.includes(id)) fail(`SEED_IDS.${name} names no seeded row`);

  for (const s of data.services) {
    nonNegative('services', s, { min: s.baseSetupFeeMin, max: s.baseSetupFeeMax, mmin: s.baseMonthlyFeeMin, mmax: s.baseMonthlyFeeMax });
    if (Number(s.baseSetupFeeMin) > Number(s.baseSetupFeeMax) || Number(s.baseMonthlyFeeMin) > Number(s.baseMonthlyFeeMax)) fail(`services ${s.serviceName}: min > max`);
  }
  for (const c of data.contacts) if (c.email !== c.email.toLowerCase() || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(c.email)) fail(`contacts: bad email ${c.email}`);
  for (const c of data.companies) {
    nonNegative('companies', c, { totalRevenue: c.totalRevenue, monthlyRecurring: c.monthlyRecurring });
    if (c.contractStartDate && c.contractEndDate && time(c.contractEndDate)! < time(c.contractStartDate)!) fail(`companies ${c.companyName}: contract ends before it starts`);
  }
  const projectStart = new Map(data.projects.map((p) => [p.id, time(p.startDate)]));
  for (const p of data.projects) {
    nonNegative('projects', p, { setupFee: p.setupFee, monthlyFee: p.monthlyFee, toolCosts: p.toolCosts, estimatedHours: p.estimatedHours, actualHours: p.actualHours });
    if (p.startDate && p.goLiveDate && time(p.goLiveDate)! < time(p.startDate)!) fail(`projects ${p.projectName}: go-live before start`);
    if (p.status === 'LIVE' && (!p.goLiveDate || time(p.goLiveDate)! > now)) fail(`projects ${p.projectName}: live without a past go-live date`);
  }
  for (const i of data.integrations) nonNegative('integrations', i, { monthlyCost: i.monthlyCost });
  for (const i of data.invoices) {
    nonNegative('invoices', i, { amount: i.amount, amountUsd: i.amountUsd });
    if (!/^[A-Z]{3}$/.test(i.currency ?? 'TTD')) fail(`invoices ${i.invoiceNumber}: currency ${i.currency}`);
    if (i.dueDate && time(i.dueDate)! < time(i.issueDate)!) fail(`invoices ${i.invoiceNumber}: due before issued`);
    if (i.paidDate && (time(i.paidDate)! < time(i.issueDate)! || time(i.paidDate)! > now)) fail(`invoices ${i.invoiceNumber}: paid date out of range`);
    if ((i.status === 'PAID') !== (i.paidDate != null)) fail(`invoices ${i.invoiceNumber}: paid date and status disagree`);
    if (!new RegExp(`^INV-${new Date(time(i.issueDate)!).getUTCFullYear()}-\\d{3}$`).test(i.invoiceNumber)) fail(`invoices ${i.invoiceNumber}: number does not match its issue year`);
  }
  for (const t of data.supportTickets) {
    if (t.resolvedAt && time(t.resolvedAt)! < time(t.createdAt)!) fail(`support_tickets ${t.ticketNumber}: resolved before created`);
    if (time(t.createdAt)! > now || (t.resolvedAt && time(t.resolvedAt)! > now)) fail(`support_tickets ${t.ticketNumber}: in the future`);
    const start = t.projectId ? projectStart.get(t.projectId) : null;
    if (start != null && time(t.createdAt)! < start) fail(`support_tickets ${t.ticketNumber}: opened before its project started`);
  }
  for (const m of data.meetings) {
    const future = time(m.scheduledAt)! > day(0, today).getTime();
    if ((m.status === 'SCHEDULED') !== future) fail(`meetings ${m.title}: status ${m.status} but scheduled ${future ? 'in the future' : 'in the past'}`);
  }
  const targets: Record<string, Set<string>> = {
    CONTACT: new Set(data.contacts.map((c) => c.id)),
    COMPANY: new Set(data.companies.map((c) => c.id)),
    PROJECT: new Set(data.projects.map((p) => p.id)),
  };
  for (const n of data.notes) {
    if ((n.noteType === 'GENERAL') !== (n.relatedId == null)) fail(`notes ${n.id}: general notes (and only they) have no related_id`);
    if (n.noteType && n.noteType !== 'GENERAL' && !targets[n.noteType]!.has(n.relatedId ?? '')) fail(`notes ${n.id}: related_id not in ${n.noteType}`);
  }
  // Gap-free numbering per year.
  for (const [what, numbers] of [['invoices', data.invoices.map((i) => i.invoiceNumber)], ['support_tickets', data.supportTickets.map((t) => t.ticketNumber)]] as const) {
    const byYear = new Map<string, number[]>();
    for (const n of numbers) {
      const [, year, seq] = n.split('-');
      byYear.set(year!, [...(byYear.get(year!) ?? []), Number(seq)]);
    }
    for (const [year, seqs] of byYear) {
      seqs.sort((a, b) => a - b);
      if (seqs.some((s, i) => s !== i + 1)) fail(`${what}: numbers for ${year} are not 1..${seqs.length}`);
    }
  }
  if (problems.length) throw new Error(`seed data breaks the database rules:\n  ${problems.join('\n  ')}`);
}
