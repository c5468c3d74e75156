import { addLookupQuery, addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'Invoice', single: 'invoice', list: 'invoices', noun: 'invoice', nouns: 'invoices' });
addLookupQuery({
  model: 'Invoice',
  field: 'invoiceByNumber',
  arg: 'invoiceNumber',
  argType: 'String',
  description: 'The invoice with this number (e.g. INV-2026-001); null when there is none.',
});
