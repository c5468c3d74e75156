import { builder } from '../../graphql/builder';
import { addModelQueries } from '../../graphql/model-queries';

addModelQueries({ model: 'Contact', single: 'contact', list: 'contacts', noun: 'contact', nouns: 'contacts' });
builder.queryField('contactByEmail', (t) =>
  t.prismaField({
    type: 'Contact',
    nullable: true,
    description: 'The contact with this email (compared case-insensitively); null when there is none.',
    args: { email: t.arg({ type: 'EmailAddress', required: true }) },
    resolve: (query, _root, args, ctx) => ctx.db.contact.findUnique({ ...query, where: { email: args.email.trim().toLowerCase() } }),
  }),
);
