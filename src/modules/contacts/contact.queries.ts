import { addLookupQuery, addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'Contact', single: 'contact', list: 'contacts', noun: 'contact', nouns: 'contacts' });
addLookupQuery({
  model: 'Contact',
  field: 'contactByEmail',
  arg: 'email',
  argType: 'EmailAddress',
  description: 'The contact with this email (compared case-insensitively); null when there is none.',
  normalize: (email) => email.trim().toLowerCase(),
});
