// Field errors as data, for results that report problems per item (batch
// mutations). Not in ./errors.ts: that module is loaded before the builder exists.
import { builder } from './builder';
import type { FieldError } from './errors';

export const FieldErrorType = builder.objectRef<FieldError>('FieldError').implement({
  description: 'What is wrong with one input field (the same shape as `extensions.fieldErrors`).',
  fields: (t) => ({
    path: t.exposeStringList('path', {
      description: 'From the argument down to the field, list positions as strings: ["input", "contacts", "3", "email"].',
    }),
    message: t.exposeString('message', { description: 'What is wrong, e.g. "is required".' }),
  }),
});
