// Filter and sort keys of Contact lists (see src/graphql/filters.ts).
import { ContactStatusEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';
import { checkPhone, defineWriteInputs } from '../../graphql/write-inputs';

defineListInputs('Contact', {
  fields: {
    id: 'UUID',
    firstName: 'String',
    lastName: 'String',
    email: 'String',
    phone: 'String',
    companyName: 'String',
    companySize: 'String',
    message: 'String',
    status: { enum: ContactStatusEnum, name: 'ContactStatus' },
    source: 'String',
    companyId: 'UUID',
    assignedTo: 'UUID',
    createdAt: 'DateTime',
    updatedAt: 'DateTime',
    company: { one: 'Company' },
    meetings: { many: 'Meeting' },
    supportTickets: { many: 'SupportTicket' },
  },
  searchDescription: 'Matches first name, last name, email, the company name they gave or their linked company\'s name, ignoring case.',
  search: (term) => ({
    OR: [
      { firstName: { contains: term, mode: 'insensitive' } },
      { lastName: { contains: term, mode: 'insensitive' } },
      { email: { contains: term, mode: 'insensitive' } },
      { companyName: { contains: term, mode: 'insensitive' } },
      { company: { is: { companyName: { contains: term, mode: 'insensitive' } } } },
    ],
  }),
});

export const contactWrite = defineWriteInputs('Contact', {
  firstName: { type: 'String', required: true },
  lastName: { type: 'String' },
  email: { type: 'EmailAddress', required: true, description: 'Unique, compared case-insensitively.' },
  phone: { type: 'String', check: checkPhone, description: 'As people type it: +1 (868) 555-0101, 868 555 0101 ext 12.' },
  companyName: { type: 'String', description: 'The company name as the contact gave it.' },
  companySize: { type: 'String', description: 'Employee count range, e.g. "11-50".' },
  message: { type: 'String' },
  status: { type: ContactStatusEnum, description: 'Default LEAD.' },
  source: { type: 'String', description: 'website, referral, linkedin, ... (default website).' },
  companyId: { type: 'UUID', references: 'Company' },
  assignedTo: { type: 'UUID', description: 'The team member (Supabase user id) who owns the contact.' },
});
