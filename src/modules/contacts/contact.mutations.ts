import { randomUUID } from 'node:crypto';
import { scopesOf } from '../../auth/scopes';
import { builder } from '../../graphql/builder';
import type { Context } from '../../graphql/context';
import { addCrudMutations, atomic, checkInput, findRecord } from '../../graphql/crud';
import { DomainError, userInputError, type FieldError } from '../../graphql/errors';
import { FieldErrorType } from '../../graphql/field-error';
import { byIds, requestLoader } from '../../graphql/loaders';
import { textProblem } from '../../graphql/write-inputs';
import {
  checkConvertLead,
  checkUpsertContact,
  contactFormFields,
  contactWrite,
  ConvertLeadInput,
  MAX_UPSERT_CONTACTS,
  SubmitContactFormInput,
  UpsertContactInput,
  UpsertContactsInput,
} from './contact.inputs';
import { contactByEmailForWrite, contactToConvert, convertLead, submitContactForm, upsertContact, type UpsertOutcome } from './contact.service';

addCrudMutations({
  model: 'Contact',
  inputs: contactWrite,
  descriptions: {
    delete: 'Deletes a contact with their meetings and notes; a company whose primary contact they were keeps no primary contact.',
  },
});

// ---- workflow mutations ------------------------------------------------------------

/** An upsert's outcome, with the mutation call it belongs to (see selectedContact). */
interface UpsertResult extends UpsertOutcome {
  call: string;
}

interface UpsertItemResult {
  index: number;
  call: string;
  id: string | null;
  created: boolean;
  updated: boolean;
  errors: FieldError[];
}

/**
 * A result's contact as the client selected it. The results of one call share a
 * loader, so a batch's contacts are read in one statement; each call has its own,
 * so a later mutation in the same request does not get rows cached before it wrote.
 */
function selectedContact(ctx: Context, call: string, query: object, id: string): Promise<never> {
  const loader = requestLoader<string, unknown>(ctx, `upserted-contacts:${call}:${JSON.stringify(query)}`, async (ids) =>
    byIds(ids, (await ctx.db.contact.findMany({ ...query, where: { id: { in: [...ids] } } })) as { id: string }[]),
  );
  return loader.load(id) as Promise<never>;
}

const UpsertContactResultType = builder.objectRef<UpsertResult>('UpsertContactResult').implement({
  description: 'What upsertContact did, and the contact.',
  fields: (t) => ({
    contact: t.prismaField({
      type: 'Contact',
      description: 'The contact as it is now.',
      resolve: (query, result, _args, ctx) => selectedContact(ctx, result.call, query, result.id),
    }),
    created: t.exposeBoolean('created', { description: 'No contact had this email: it was created.' }),
    updated: t.exposeBoolean('updated', { description: 'An existing contact had at least one value changed (false when the values were already stored).' }),
  }),
});

const UpsertContactsItemResultType = builder.objectRef<UpsertItemResult>('UpsertContactsItemResult').implement({
  description: 'What upsertContacts did with one item.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'The item\'s position in input.contacts, from 0.' }),
    created: t.exposeBoolean('created', { description: 'No contact had this email: it was created.' }),
    updated: t.exposeBoolean('updated', { description: 'An existing contact had at least one value changed (false when the values were already stored).' }),
    contact: t.prismaField({
      type: 'Contact',
      nullable: true,
      description: 'The contact as it is now; null when the item failed.',
      resolve: (query, item, _args, ctx) => (item.id ? selectedContact(ctx, item.call, query, item.id) : null),
    }),
    errors: t.field({
      type: [FieldErrorType],
      description: 'Why the item was not written, per field (paths like ["input", "contacts", "3", "email"]); empty when it was written.',
      resolve: (item) => item.errors,
    }),
  }),
});

interface ContactFormReceipt {
  contactId: string;
  receivedAt: Date;
}

const ContactFormReceiptType = builder.objectRef<ContactFormReceipt>('ContactFormReceipt').implement({
  description: 'The website form\'s answer: the message was received and stored.',
  fields: (t) => ({
    received: t.boolean({ description: 'Always true: the submission was stored.', resolve: () => true }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
    contact: t.prismaField({
      type: 'Contact',
      nullable: true,
      description: 'The contact the submission went to; null for callers who may not read contacts (the anonymous website form).',
      resolve: (query, receipt, _args, ctx) => (scopesOf(ctx.actor).read ? ctx.db.contact.findUnique({ ...query, where: { id: receipt.contactId } }) : null),
    }),
  }),
});

/** One upsert as its own unit (a savepoint); its input errors name fields under `path`. */
function upsertOne(context: Context, input: Record<string, unknown>, path: string[]): Promise<UpsertOutcome> {
  return atomic(context, async (ctx) => {
    // The email is looked up before the other checks: text the database cannot compare (NUL) is this item's error, not a failed statement.
    const problem = typeof input.email === 'string' ? textProblem(input.email) : undefined;
    if (problem) throw userInputError(`Invalid input: ${[...path, 'email'].join('.')}: ${problem}`, [{ path: [...path, 'email'], message: problem }]);
    const existing = await contactByEmailForWrite(ctx.db, input.email as string);
    const data = await checkUpsertContact(ctx.db, input, { exists: !!existing, path });
    return upsertContact(ctx.db, existing, data);
  });
}

builder.mutationFields((t) => ({
  submitContactForm: t.field({
    type: ContactFormReceiptType,
    authScopes: { public: true },
    skipTypeScopes: true,
    description:
      'The public website contact form (no sign-in needed; anonymous callers are rate-limited per address). A new email becomes a LEAD ' +
      '(source default website) with the message in `message`. A known email (compared ignoring case) keeps its contact: the form only ' +
      'fills the contact\'s empty fields, never overwriting one, and its message is added as a note on the contact. Returns a receipt; ' +
      'its `contact` is there only for callers who may read contacts, so the public form reveals nothing about who is already known.',
    args: { input: t.arg({ type: SubmitContactFormInput, required: true }) },
    resolve: (_root, args, context) =>
      atomic(context, async (ctx) => {
        const form = await checkInput(ctx, { model: 'Contact', fields: contactFormFields }, args.input);
        const author = ctx.actor.kind === 'user' ? ctx.actor.id : null;
        return { contactId: await submitContactForm(ctx.db, form, author), receivedAt: new Date() };
      }),
  }),
  upsertContact: t.field({
    type: UpsertContactResultType,
    description:
      'Creates or changes a contact by email (ignoring case), HubSpot-style: a new email creates the contact (firstName required); ' +
      'for a known one only the fields given change, and null clears an optional field. `created` and `updated` say what happened.',
    args: { input: t.arg({ type: UpsertContactInput, required: true }) },
    resolve: async (_root, args, ctx) => ({ ...(await upsertOne(ctx, args.input, ['input'])), call: randomUUID() }),
  }),
  upsertContacts: t.field({
    type: [UpsertContactsItemResultType],
    description:
      `upsertContact for up to ${MAX_UPSERT_CONTACTS} contacts: one result per item, in order. Each item is written on its own, so a valid item ` +
      'is written even when others fail, and a failing item writes nothing (its `errors` say why); items with the same email apply in order. ' +
      `The call fails as a whole (BAD_USER_INPUT) only for more than ${MAX_UPSERT_CONTACTS} items, or for values that do not fit their GraphQL ` +
      'type (an unknown status, a malformed id). An empty list does nothing.',
    args: { input: t.arg({ type: UpsertContactsInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const { contacts } = args.input;
      if (contacts.length > MAX_UPSERT_CONTACTS) {
        throw userInputError(`At most ${MAX_UPSERT_CONTACTS} contacts per call (got ${contacts.length}); send them in several calls`, [
          { path: ['input', 'contacts'], message: `at most ${MAX_UPSERT_CONTACTS} items (got ${contacts.length})` },
        ]);
      }
      const call = randomUUID();
      const results: UpsertItemResult[] = [];
      for (const [index, input] of contacts.entries()) {
        const path = ['input', 'contacts', String(index)];
        try {
          results.push({ index, call, errors: [], ...(await upsertOne(ctx, input, path)) });
        } catch (error) {
          // An item's own problem is its result; anything unexpected fails the call.
          if (!(error instanceof DomainError)) throw error;
          const errors = (error.extensions.fieldErrors as FieldError[] | undefined) ?? [{ path, message: error.message }];
          results.push({ index, call, id: null, created: false, updated: false, errors });
        }
      }
      return results;
    },
  }),
  convertLead: t.prismaField({
    type: 'Contact',
    description:
      'Converts a lead into a client. The contact becomes CONVERTED and joins the company: companyId, or the company named companyName ' +
      '(ignoring case; created when there is none), or without either the contact\'s linked company, else the company name the contact gave. ' +
      'A PROSPECT company becomes ACTIVE (INACTIVE and CHURNED ones keep their status) and gets the contact as primary contact if it has none. ' +
      'With `project`, the client\'s first project is created with its services. Converting a contact already converted into that company ' +
      'changes nothing; into another company, or with a project again, it is a CONFLICT. Returns the contact (its company and projects are fields of it).',
    args: { input: t.arg({ type: ConvertLeadInput, required: true }) },
    resolve: (query, _root, args, context) =>
      atomic(context, async (ctx) => {
        const contact = await contactToConvert(ctx.db, args.input.contactId as string);
        await convertLead(ctx.db, contact, await checkConvertLead(ctx.db, args.input));
        return findRecord(ctx, 'Contact', query, contact.id);
      }),
  }),
}));
