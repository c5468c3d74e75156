// Filter and sort keys of Contact lists (see src/graphql/filters.ts).
import { ContactStatusEnum } from '../../graphql/enums';
import { defineListInputs } from '../../graphql/filters';

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
