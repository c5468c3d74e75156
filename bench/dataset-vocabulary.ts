// Words the synthetic dataset is made of: Caribbean places, businesses, people and
// the sentences a small automation agency writes. The service catalog, tools and
// project kinds come from the demo seed (src/db/seed-data.ts), so both datasets
// sell the same things at the same prices.

export interface Place {
  /** The neighbourhood or town that names businesses ("Maraval Legal Chambers"). */
  name: string;
  city: string;
  country: string;
}

export const PLACES: readonly Place[] = [
  { name: 'Maraval', city: 'Port of Spain', country: 'Trinidad and Tobago' },
  { name: 'Woodbrook', city: 'Port of Spain', country: 'Trinidad and Tobago' },
  { name: 'St. James', city: 'Port of Spain', country: 'Trinidad and Tobago' },
  { name: 'Chaguanas', city: 'Chaguanas', country: 'Trinidad and Tobago' },
  { name: 'San Fernando', city: 'San Fernando', country: 'Trinidad and Tobago' },
  { name: 'Arima', city: 'Arima', country: 'Trinidad and Tobago' },
  { name: 'Couva', city: 'Couva', country: 'Trinidad and Tobago' },
  { name: 'Diego Martin', city: 'Diego Martin', country: 'Trinidad and Tobago' },
  { name: 'Point Fortin', city: 'Point Fortin', country: 'Trinidad and Tobago' },
  { name: 'Crown Point', city: 'Scarborough', country: 'Trinidad and Tobago' },
  { name: 'Scarborough', city: 'Scarborough', country: 'Trinidad and Tobago' },
  { name: 'Bridgetown', city: 'Bridgetown', country: 'Barbados' },
  { name: 'Holetown', city: 'Holetown', country: 'Barbados' },
  { name: 'Oistins', city: 'Oistins', country: 'Barbados' },
  { name: 'Speightstown', city: 'Speightstown', country: 'Barbados' },
  { name: 'Warrens', city: 'Bridgetown', country: 'Barbados' },
  { name: 'Kingston', city: 'Kingston', country: 'Jamaica' },
  { name: 'Half Way Tree', city: 'Kingston', country: 'Jamaica' },
  { name: 'Montego Bay', city: 'Montego Bay', country: 'Jamaica' },
  { name: 'Ocho Rios', city: 'Ocho Rios', country: 'Jamaica' },
  { name: 'Mandeville', city: 'Mandeville', country: 'Jamaica' },
  { name: 'Portmore', city: 'Portmore', country: 'Jamaica' },
  { name: 'Negril', city: 'Negril', country: 'Jamaica' },
  { name: 'Georgetown', city: 'Georgetown', country: 'Guyana' },
  { name: 'Demerara', city: 'Georgetown', country: 'Guyana' },
  { name: 'Linden', city: 'Linden', country: 'Guyana' },
  { name: 'Berbice', city: 'New Amsterdam', country: 'Guyana' },
  { name: 'Castries', city: 'Castries', country: 'Saint Lucia' },
  { name: 'Rodney Bay', city: 'Gros Islet', country: 'Saint Lucia' },
  { name: 'Soufriere', city: 'Soufriere', country: 'Saint Lucia' },
  { name: 'Grand Anse', city: "St. George's", country: 'Grenada' },
  { name: 'Carenage', city: "St. George's", country: 'Grenada' },
  { name: 'Nassau', city: 'Nassau', country: 'Bahamas' },
  { name: 'Freeport', city: 'Freeport', country: 'Bahamas' },
  { name: "St. John's", city: "St. John's", country: 'Antigua and Barbuda' },
  { name: 'English Harbour', city: 'English Harbour', country: 'Antigua and Barbuda' },
];

/** Country-code top-level domains, for company websites and emails. */
export const TLD: Readonly<Record<string, string>> = {
  'Trinidad and Tobago': 'co.tt',
  Barbados: 'com.bb',
  Jamaica: 'com.jm',
  Guyana: 'gy',
  'Saint Lucia': 'lc',
  Grenada: 'gd',
  Bahamas: 'bs',
  'Antigua and Barbuda': 'ag',
};

export const STREETS: readonly string[] = [
  'Main Road', 'Frederick Street', 'Ariapita Avenue', 'Western Main Road', 'Eastern Main Road', 'Broad Street',
  'Bay Street', 'Queen Street', 'Church Street', 'Independence Square', 'Harbour Road', 'Hope Road',
  'Constant Spring Road', 'Water Street', 'Regent Street', 'Jeremie Street', 'Market Street', 'Airport Road',
];

/** Industries with the nouns their businesses are named with, and how big they tend to be. */
export const INDUSTRIES: readonly { industry: string; nouns: readonly string[]; sizes: readonly string[] }[] = [
  { industry: 'Healthcare', nouns: ['Family Clinic', 'Dental', 'Medical Labs', 'Physiotherapy', 'Pharmacy', 'Eye Care'], sizes: ['1-10', '11-50', '11-50', '51-200'] },
  { industry: 'Hospitality', nouns: ['Boutique Hotel', 'Beach Resort', 'Restaurants', 'Dive Adventures', 'Tours', 'Wellness Spa'], sizes: ['1-10', '11-50', '51-200', '201-500'] },
  { industry: 'Legal', nouns: ['Legal Chambers', 'Law Associates'], sizes: ['1-10', '11-50'] },
  { industry: 'Finance', nouns: ['Credit Union', 'Insurance Brokers', 'Accounting Services', 'Investments'], sizes: ['11-50', '51-200', '201-500'] },
  { industry: 'Real Estate', nouns: ['Realty Group', 'Property Managers', 'Homes'], sizes: ['1-10', '11-50', '51-200'] },
  { industry: 'Retail', nouns: ['Auto Parts', 'Home Furnishings', 'Hardware', 'Supermarket', 'Spice Exports', 'Fashion'], sizes: ['1-10', '11-50', '51-200'] },
  { industry: 'Logistics', nouns: ['Logistics', 'Shipping Agency', 'Freight Services', 'Couriers'], sizes: ['11-50', '51-200', '201-500'] },
  { industry: 'Education', nouns: ['Learning Academy', 'Prep School', 'Training Institute'], sizes: ['11-50', '51-200'] },
  { industry: 'Energy', nouns: ['Energy Solutions', 'Solar'], sizes: ['11-50', '51-200', '201-500'] },
  { industry: 'Agriculture', nouns: ['Agro Supplies', 'Farms', 'Cocoa Estates'], sizes: ['1-10', '11-50', '51-200'] },
  { industry: 'Manufacturing', nouns: ['Engineering Works', 'Beverages', 'Packaging'], sizes: ['51-200', '201-500'] },
];

export const FIRST_NAMES: readonly string[] = [
  'Anjali', 'Curtis', 'Shanice', 'Jerome', 'Natalia', 'Marcus', 'Tamika', 'Ravi', 'Keisha', 'Kwame', 'Priya', 'Camille',
  'Devon', 'Rohan', 'Marlon', 'Simone', 'Andre', 'Nikhil', 'Renee', 'Aaliyah', 'Tristan', 'Gail', 'Jamal', 'Kwesi',
  'Sunita', 'Shivani', 'Kyle', 'Dwayne', 'Latoya', 'Brandon', 'Sade', 'Omari', 'Christine', 'Vishnu', 'Tricia',
  'Godfrey', 'Melissa', 'Kareem', 'Nadine', 'Wendell', 'Rochelle', 'Sunil', 'Alicia', 'Terrence', 'Jasmine', 'Derek',
  'Kimberly', 'Adrian', 'Stacy-Ann', 'Jean-Marc',
];

export const LAST_NAMES: readonly string[] = [
  'Maharaj', 'Baptiste', 'Greaves', 'Charles', 'Ramdass', 'Campbell', 'Lewis', 'Persad', 'Joseph', 'Williams',
  'Ramsaroop', 'Alleyne', 'Thomas', 'Singh', 'Ali', 'Gooding', 'Clarke', 'Mohammed', 'Phillip', 'Rampersad', 'Boodoo',
  'Harewood', 'Brown', 'Louis', 'Lalla', 'Forde', 'Grant', 'Sealy', 'Ramnath', 'Daniel', 'Sampson', 'Chin', 'Hosein',
  'Bascombe', 'Pierre', 'Edwards', 'Doodnath', 'Bynoe', 'Cox', 'Mitchell', 'Ramkissoon', 'Alexander', 'Gittens',
  'Mohan', 'St. Hill', 'Francis', 'John', 'Best',
];

export const LEAD_EMAIL_DOMAINS: readonly string[] = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com'];

export const SOURCES: readonly [string, number][] = [['website', 5], ['referral', 2], ['linkedin', 2], ['facebook', 2], ['event', 1]];

export const PAYMENT_METHODS: readonly string[] = ['bank_transfer', 'bank_transfer', 'bank_transfer', 'linx', 'credit_card', 'cheque'];

export const TICKET_SUBJECTS: Readonly<Record<'bug' | 'feature_request' | 'question', readonly string[]>> = {
  bug: [
    'Bot answers with last year\'s prices',
    'WhatsApp replies arrive twice',
    'Booking reminders not sent for Saturday appointments',
    'Form submissions missing from HubSpot',
    'Chat widget hidden behind the cookie banner on mobile',
    'Make.com scenario stops after 100 rows',
    'Email sequence sends the wrong first name',
  ],
  feature_request: [
    'Add Spanish answers for Venezuelan customers',
    'Send a daily summary of new leads to the manager',
    'Let customers reschedule from the reminder message',
    'Add the new branch to the booking calendar',
    'Export chat transcripts to Google Sheets',
  ],
  question: [
    'How do we change the opening hours the bot quotes?',
    'Can staff see which customers the bot handed over?',
    'Why did the monthly invoice go up?',
    'Where do we update the price list?',
  ],
};

export const TICKET_RESOLUTIONS: readonly string[] = [
  'Fixed in the bot flow and tested with the client.',
  'Updated the knowledge base; the client confirmed the answers.',
  'Adjusted the Make.com scenario and re-ran the missed records.',
  'Explained the setting on a call and sent a short video.',
  'Configuration change deployed; monitoring for a week.',
];

export const MEETING_AGENDA: Readonly<Record<'DISCOVERY' | 'DEMO' | 'ONBOARDING' | 'SUPPORT' | 'REVIEW', { label: string; agenda: string; outcome: string }>> = {
  DISCOVERY: { label: 'Discovery call', agenda: 'Current process, volumes, tools in use, budget and timeline.', outcome: 'Qualified. Proposal to follow within a week.' },
  DEMO: { label: 'Demo', agenda: 'Walk through the working demo with real questions from their customers.', outcome: 'Client liked the demo; asked for a quote.' },
  ONBOARDING: { label: 'Onboarding', agenda: 'Kick-off: account access, FAQ documents, brand voice, go-live checklist.', outcome: 'All accesses received; go-live date agreed.' },
  SUPPORT: { label: 'Support call', agenda: 'Go through open tickets and agree priorities.', outcome: 'Tickets prioritised; one waiting on the client.' },
  REVIEW: { label: 'Account review', agenda: 'Results since the last review, invoices, renewal and next steps.', outcome: 'Happy with results; interested in another automation.' },
};

export const NOTE_TEXTS: Readonly<Record<'CONTACT' | 'COMPANY' | 'PROJECT' | 'GENERAL', readonly string[]>> = {
  CONTACT: [
    'Prefers WhatsApp to email; replies fastest in the evening.',
    'Decision maker for anything under TT$20,000.',
    'Asked for a follow-up after Carnival.',
    'Met at the chamber of commerce breakfast.',
    'Wants a quote that includes the first three months.',
  ],
  COMPANY: [
    'Invoices are approved by the finance director; allow extra days.',
    'Renewal coming up; interested in adding email automation.',
    'Pays by cheque, always on time.',
    'Expanding to a second branch next quarter.',
    'Price sensitive: compare with the agency they used before.',
  ],
  PROJECT: [
    'Client signed off the bot\'s answers for the FAQ section.',
    'Go-live moved by a week: waiting for the WhatsApp number verification.',
    'Hours are over the estimate because of the extra integration.',
    'Demo went well; they want WhatsApp added to the scope.',
    'Monitoring conversation quality weekly for the first month.',
  ],
  GENERAL: [
    'Botpress raised prices for the team plan from next month.',
    'Remember to renew the Make.com agency licence.',
    'New template for monthly reports is in the shared drive.',
    'OpenAI usage is up 30% this quarter; review the caps per client.',
  ],
};

/** The team members of src/db/seed-data.ts' TEAM, by name, for meeting attendee lists. */
export const TEAM_NAMES: Readonly<Record<'admin' | 'alice' | 'bob', string>> = {
  admin: 'Kerry-Ann Mitchell',
  alice: 'Alice Ramkissoon',
  bob: 'Bob Alexander',
};
