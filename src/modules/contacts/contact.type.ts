import { builder } from '../../graphql/builder';
import { ContactStatusEnum } from '../../graphql/enums';
import { compiled } from '../../graphql/compiled/declare';
import { relatedList } from '../../graphql/fields';

export const ContactType = builder.prismaObject('Contact', {
  description: 'A person: a lead from the website form or a contact at a client company.',
  fields: (t) => ({
    id: t.expose('id', { type: 'UUID' }),
    firstName: t.exposeString('firstName'),
    lastName: t.exposeString('lastName', { nullable: true }),
    fullName: t.string({
      description: 'First and last name with surrounding and repeated whitespace collapsed to single spaces ("Ana Diaz"); the first name alone when there is no last name.',
      select: { firstName: true, lastName: true },
      extensions: compiled({ kind: 'value', sql: (row) => `btrim(regexp_replace(${row.col('firstName')} || ' ' || coalesce(${row.col('lastName')}, ''), '\\s+', ' ', 'g'))` }),
      resolve: (contact) => `${contact.firstName} ${contact.lastName ?? ''}`.trim().replace(/\s+/g, ' '),
    }),
    email: t.expose('email', { type: 'EmailAddress', description: 'Unique, compared case-insensitively (stored lower-case).' }),
    phone: t.exposeString('phone', { nullable: true }),
    companyName: t.exposeString('companyName', { nullable: true, description: 'Company name as the contact gave it (see `company` for the linked record).' }),
    companySize: t.exposeString('companySize', { nullable: true, description: 'Employee count range, e.g. "11-50".' }),
    message: t.exposeString('message', { nullable: true, description: 'The inquiry message.' }),
    status: t.expose('status', { type: ContactStatusEnum }),
    source: t.exposeString('source', { nullable: true, description: 'website, referral, linkedin, ...' }),
    companyId: t.expose('companyId', { type: 'UUID', nullable: true }),
    assignedTo: t.expose('assignedTo', { type: 'UUID', nullable: true, description: 'The team member (Supabase user id) who owns this contact.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the contact was submitted or created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    company: t.relation('company', { nullable: true, description: 'The client company this contact belongs to.' }),
    meetings: t.relatedConnection('meetings', { ...relatedList(t, 'Meeting'), description: 'Meetings with this contact.' }),
    supportTickets: t.relatedConnection('supportTickets', { ...relatedList(t, 'SupportTicket'), description: 'Tickets this contact reported.' }),
  }),
});
