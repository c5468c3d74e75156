import { addLookupQuery, addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'SupportTicket', single: 'supportTicket', list: 'supportTickets', noun: 'support ticket', nouns: 'support tickets' });
addLookupQuery({
  model: 'SupportTicket',
  field: 'supportTicketByNumber',
  arg: 'ticketNumber',
  argType: 'String',
  description: 'The ticket with this number (e.g. TKT-2026-001); null when there is none.',
});
